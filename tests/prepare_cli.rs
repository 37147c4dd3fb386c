//! The whole preparation as the secretariat does it, from `new --from
//! jichitai-09` to a plan `check` accepts, the group list in every format,
//! and the facilitator console starting on the new sitting in a real
//! pseudo-terminal.

mod common;
mod prepare_support;

use calamine::Reader;
use prepare_support::*;

#[test]
fn from_a_past_sitting_to_a_running_console() {
    let tmp = sessions();
    let t = tmp.path();
    let out = bunkakai(
        t,
        "ja",
        &[
            "new",
            "jichitai-10",
            "--from",
            "jichitai-09",
            "--date",
            "2026-02-17",
            "--start",
            "13:30",
        ],
    );
    expect_code(&out, 0);
    let (stdout, _) = text(&out);
    assert!(
        stdout.contains(
            "題名の回数を進めました: 第9回 自治体勉強会（各論編④） → 第10回 自治体勉強会（各論編④）"
        ),
        "{stdout}"
    );
    // Without groups yet, the check summary says what is left to do, and
    // says first that this is expected at this step.
    let intro = "グループ未設定のため、次の問題は roster import / assign の後で解消します";
    let at = stdout.find(intro).unwrap_or_else(|| panic!("{stdout}"));
    let problem = stdout
        .find("グループ討議のブロックがありますが groups が空です")
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(at < problem, "{stdout}");
    assert!(!stdout.contains("件の問題があります"), "{stdout}");
    assert!(
        stdout.contains("2 件ともグループを作ると解消します"),
        "{stdout}"
    );
    let dir = t.join("sessions/jichitai-10");
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["session.json"], "no run.json, no notes");

    // It refuses to overwrite the sitting it just made.
    let again = bunkakai(t, "en", &["new", "jichitai-10", "--from", "jichitai-09"]);
    expect_code(&again, 2);
    assert!(
        text(&again)
            .1
            .contains("exists already and is not overwritten")
    );

    write_shift_jis(&t.join("申込.csv"), &csv_text(&HEADER, &seed_rows()));
    expect_code(&import(t, "ja", &["申込.csv"]), 0);
    let out = bunkakai(
        t,
        "ja",
        &["roster", "assign", "jichitai-10", "--avoid-repeat"],
    );
    expect_code(&out, 0);
    assert!(
        text(&out).0.ends_with("計画は正しく読めました\n"),
        "{}",
        text(&out).0
    );

    let check = bunkakai(t, "ja", &["check", "jichitai-10"]);
    expect_code(&check, 0);
    let (summary, _) = text(&check);
    assert!(summary.contains("前回 jichitai-09"), "{summary}");
    assert!(summary.contains("開始 2026-02-17 13:30"), "{summary}");

    // The group list, in every format.
    let md = bunkakai(t, "ja", &["roster", "show", "jichitai-10"]);
    expect_code(&md, 0);
    let (md_text, md_err) = text(&md);
    assert!(
        md_text.starts_with("# 班分け表 — 第10回 自治体勉強会（各論編④）（2026-02-17）"),
        "{md_text}"
    );
    assert!(
        md_text.contains("| 佐野市 | 栃木県 | 佐藤 花子（主査）、高木 翔 |"),
        "{md_text}"
    );
    assert!(
        md_err.contains("計画は正しく読めました"),
        "the check goes to stderr when the list goes to stdout"
    );

    let csv = bunkakai(
        t,
        "en",
        &["roster", "show", "jichitai-10", "--format", "csv"],
    );
    expect_code(&csv, 0);
    assert!(
        csv.stdout
            .starts_with(b"\xEF\xBB\xBFGroup,Stage,Themes,Municipality,Prefecture,Attendees\r\n")
    );

    let zoom = bunkakai(
        t,
        "en",
        &[
            "roster",
            "show",
            "jichitai-10",
            "--format",
            "zoom",
            "-o",
            "zoom.csv",
        ],
    );
    expect_code(&zoom, 0);
    assert!(
        text(&zoom).1.contains("南知多町 (A)"),
        "the one without an e-mail is named"
    );
    let rooms = std::fs::read_to_string(t.join("zoom.csv")).unwrap();
    assert!(
        rooms.starts_with(
            "Pre-assign Room Name,Email Address\r\nA ①,yamada@shirataka.example.jp\r\n"
        ),
        "{rooms}"
    );
    assert_eq!(
        rooms.lines().count(),
        1 + 18,
        "19 attendees, one without an e-mail"
    );

    let xlsx = bunkakai(
        t,
        "ja",
        &[
            "roster",
            "show",
            "jichitai-10",
            "--format",
            "xlsx",
            "-o",
            "班分け表.xlsx",
        ],
    );
    expect_code(&xlsx, 0);
    let mut book = calamine::open_workbook_auto(t.join("班分け表.xlsx")).unwrap();
    let sheet = book.worksheet_range("班分け表").unwrap();
    let row = |r: usize| -> Vec<String> {
        (0..6)
            .map(|c| sheet.get((r, c)).map(|d| d.to_string()).unwrap_or_default())
            .collect()
    };
    assert_eq!(
        row(0),
        ["グループ", "段階", "テーマ", "自治体", "都道府県", "参加者"]
    );
    assert_eq!(row(1)[..2], ["A".to_string(), "①".to_string()]);
    assert_eq!(sheet.height(), 1 + 18);

    // The facilitator console starts on the new sitting.
    let args = ["run", "jichitai-10"];
    let mut c = common::Console::spawn(&args, &t.join("sessions"), 80, 24, "en", &[]);
    c.wait_to_read("the console started", 20, |text| {
        (text.contains("Ready") && text.contains("第10回")).then_some(())
    });
    c.send("q");
    assert_eq!(c.wait_code(20), Some(0));
}

#[test]
fn a_starter_plan_is_valid_and_says_what_to_do() {
    let tmp = sessions();
    let out = bunkakai(
        tmp.path(),
        "en",
        &["new", "kenkyukai-01", "--title", "第1回 研究会"],
    );
    expect_code(&out, 0);
    let (stdout, _) = text(&out);
    assert!(stdout.contains("wrote a starter plan"), "{stdout}");
    assert!(stdout.contains("第1回 研究会  [kenkyukai-01]"), "{stdout}");
    assert!(stdout.ends_with("the plan is valid\n"), "{stdout}");
    let bad = bunkakai(tmp.path(), "en", &["new", "../x"]);
    expect_code(&bad, 2);
    let bad = bunkakai(tmp.path(), "en", &["new", "x", "--date", "2月17日"]);
    expect_code(&bad, 2);
    assert!(
        text(&bad).1.contains("should be YYYY-MM-DD"),
        "{}",
        text(&bad).1
    );
    assert!(!tmp.path().join("sessions/x").exists());
}
