//! `bunkakai roster import` on sheets the tests make: an .xlsx with a group
//! column (golden plan), a Shift_JIS CSV without one, and bad files that
//! must be refused with FILE:SHEET:R:C and leave every file as it was.

mod common;
mod prepare_support;

use std::path::Path;

use prepare_support::*;

fn plan(tmp: &Path) -> String {
    std::fs::read_to_string(tmp.join("sessions/jichitai-10/session.json")).unwrap()
}

#[test]
fn xlsx_with_a_group_column_becomes_the_plans_groups() {
    let tmp = sessions();
    next_sitting(tmp.path(), "ja");
    let mut header = HEADER.to_vec();
    header.insert(3, "班");
    // The seed's groups: A(①) 7, B(③) 6, C(③) 5, written as people do.
    let groups = [
        "A", "A", "A", "Ａ", "A班", "A", "A", "A", "B", "B", "B", "B", "B", "B", "C", "ｃ", "C",
        "C", "C",
    ];
    let rows: Vec<Vec<&str>> = SEED_ROWS
        .iter()
        .zip(groups)
        .map(|(r, g)| {
            let mut r = r.to_vec();
            r.insert(3, g);
            r
        })
        .collect();
    let file = tmp.path().join("参加者.xlsx");
    write_xlsx(&file, "申込", &header, &rows);

    let out = import(tmp.path(), "ja", &["参加者.xlsx"]);
    expect_code(&out, 0);
    let (stdout, stderr) = text(&out);
    assert!(stdout.contains("読み込み: 参加者.xlsx:申込"), "{stdout}");
    assert!(stdout.contains("見出し行: R3"), "{stdout}");
    assert!(stdout.contains("C4 「班」 → グループ"), "{stdout}");
    assert!(stdout.contains("19行 → 18団体（空行 0）"), "{stdout}");
    assert!(stdout.contains("段階別: ① 7, ③ 11"), "{stdout}");
    assert!(stdout.contains("計画は正しく読めました"), "{stdout}");
    assert!(stderr.is_empty(), "{stderr}");
    golden("import_xlsx.session.json", &plan(tmp.path()));
    assert!(
        tmp.path()
            .join("sessions/jichitai-10/session.json.bak")
            .is_file()
    );
    let check = bunkakai(tmp.path(), "en", &["check", "jichitai-10"]);
    expect_code(&check, 0);
    let (stdout, _) = text(&check);
    assert!(stdout.contains("  A (①)  7 members  Themes 1"), "{stdout}");
    assert!(
        stdout.contains("  B (③)  6 members  Themes 2, 3"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  C (③)  5 members  Themes 2, 3"),
        "{stdout}"
    );
}

#[test]
fn shift_jis_csv_is_detected_and_kept_for_assign() {
    let tmp = sessions();
    next_sitting(tmp.path(), "ja");
    let before = plan(tmp.path());
    let file = tmp.path().join("申込.csv");
    write_shift_jis(&file, &csv_text(&HEADER, &seed_rows()));
    let out = import(tmp.path(), "ja", &["申込.csv"]);
    expect_code(&out, 0);
    let (stdout, _) = text(&out);
    assert!(
        stdout.contains("文字コード: Shift_JIS（CP932）と判定して読みました"),
        "{stdout}"
    );
    assert!(
        stdout.contains("R2: 白鷹町 / 山形県 / ① / 山田 太郎"),
        "{stdout}"
    );
    assert!(stdout.contains("roster assign"), "{stdout}");
    // No group column: the plan is as it was, the registrations kept.
    assert_eq!(plan(tmp.path()), before);
    let roster =
        std::fs::read_to_string(tmp.path().join("sessions/jichitai-10/roster.json")).unwrap();
    golden("import_sjis.roster.json", &roster);
}

#[test]
fn the_same_csv_in_utf8_with_bom_reads_the_same() {
    let tmp = sessions();
    next_sitting(tmp.path(), "ja");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(csv_text(&HEADER, &seed_rows()).into_bytes());
    std::fs::write(tmp.path().join("申込.csv"), bytes).unwrap();
    let out = import(tmp.path(), "en", &["申込.csv"]);
    expect_code(&out, 0);
    assert!(text(&out).0.contains("encoding: UTF-8 with BOM"));
    let roster =
        std::fs::read_to_string(tmp.path().join("sessions/jichitai-10/roster.json")).unwrap();
    golden("import_sjis.roster.json", &roster);
}

#[test]
fn bad_rows_are_listed_with_sheet_row_and_column_and_nothing_is_written() {
    let tmp = sessions();
    next_sitting(tmp.path(), "ja");
    let dir = tmp.path().join("sessions/jichitai-10");
    let snapshot = || {
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap())
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    };
    let before = snapshot();
    let mut rows = seed_rows();
    rows[2][6] = "高木（メールなし）"; // row 6 of the sheet, column G
    rows[5][0] = "　"; // a municipality of one full-width space: row 9, column A
    rows[8][2] = "②"; // 函館市 … fine alone
    rows.push(vec!["函館市", "北海道", "④", "追加 者", "", "", ""]); // stage differs from row 12
    let file = tmp.path().join("参加者.xlsx");
    write_xlsx(&file, "Sheet1", &HEADER, &rows);
    let out = import(tmp.path(), "en", &["参加者.xlsx"]);
    expect_code(&out, 2);
    let (_, stderr) = text(&out);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "参加者.xlsx:Sheet1:R6:C7: \"高木（メールなし）\" is not an e-mail address",
            "参加者.xlsx:Sheet1:R9:C1: the municipality is blank; fill it in or delete the row",
            "参加者.xlsx:Sheet1:R23:C3: 函館市 has stage \"②\" on R12; make them agree",
            "nothing was written because some rows cannot be used; fix them and run again, or import the usable rows with --skip-bad",
        ]
    );
    assert_eq!(snapshot(), before, "nothing may change on error");

    // --skip-bad imports the rest and still names the rows left out.
    let out = import(tmp.path(), "en", &["参加者.xlsx", "--skip-bad"]);
    expect_code(&out, 0);
    assert!(text(&out).1.contains("R9:C1"));
    let roster = std::fs::read_to_string(dir.join("roster.json")).unwrap();
    assert!(!roster.contains("高木"), "{roster}");
    assert!(roster.contains("\"row\": 5"), "{roster}");
}

#[test]
fn a_blank_group_among_grouped_rows_is_not_dropped_unseen() {
    let tmp = sessions();
    next_sitting(tmp.path(), "ja");
    std::fs::write(
        tmp.path().join("g.csv"),
        "自治体名,班\n白鷹町,A\n佐野市,\n佐野市,A\n見附市,\n",
    )
    .unwrap();
    let out = import(tmp.path(), "en", &["g.csv"]);
    expect_code(&out, 2);
    // 佐野市 has a group on another row, so only 見附市 is at fault.
    let (_, stderr) = text(&out);
    assert_eq!(
        stderr.lines().next(),
        Some(
            "g.csv:R5:C2: the group is blank while other rows have one; fill it in (or delete the column to let roster assign form the groups)"
        ),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
}

#[test]
fn unreadable_files_are_refused_with_exit_2() {
    let tmp = sessions();
    next_sitting(tmp.path(), "ja");
    let bin = tmp.path().join("壊れた.csv");
    std::fs::write(&bin, b"\x00\xff\xfe\x81\x00garbage\xff").unwrap();
    let out = import(tmp.path(), "ja", &["壊れた.csv"]);
    expect_code(&out, 2);
    assert!(
        text(&out)
            .1
            .starts_with("壊れた.csv: 1行目: UTF-8 でも Shift_JIS でもありません"),
        "{}",
        text(&out).1
    );

    let file = tmp.path().join("a.xlsx");
    write_xlsx(&file, "名簿", &HEADER, &seed_rows());
    let out = import(tmp.path(), "en", &["a.xlsx", "--sheet", "Sheet9"]);
    expect_code(&out, 2);
    assert_eq!(
        text(&out).1,
        "a.xlsx: no sheet \"Sheet9\"; the sheets are: 名簿\n"
    );

    // No municipality column: said at the header row, with what to do.
    std::fs::write(tmp.path().join("x.csv"), "区分,連絡先\n①,a@b.jp\n").unwrap();
    let out = import(tmp.path(), "en", &["x.csv"]);
    expect_code(&out, 2);
    assert!(text(&out).1.starts_with("x.csv:R1: no municipality (or name) column found; name it with --map COLUMN=municipality"), "{}", text(&out).1);
    assert!(!tmp.path().join("sessions/jichitai-10/roster.json").exists());
}

#[test]
fn map_names_columns_the_headers_do_not() {
    let tmp = sessions();
    next_sitting(tmp.path(), "ja");
    std::fs::write(
        tmp.path().join("x.csv"),
        "団体,区分,連絡先\n白鷹町,①,a@b.jp\n函館市,③,c@d.jp\n",
    )
    .unwrap();
    let out = import(
        tmp.path(),
        "en",
        &[
            "x.csv",
            "--map",
            "区分=stage",
            "--map",
            "C=email",
            "--dry-run",
        ],
    );
    expect_code(&out, 0);
    let (stdout, _) = text(&out);
    assert!(stdout.contains("C2 「区分」 → stage"), "{stdout}");
    assert!(stdout.contains("C3 「連絡先」 → email"), "{stdout}");
    assert!(stdout.contains("--dry-run: nothing written"), "{stdout}");
    assert!(!tmp.path().join("sessions/jichitai-10/roster.json").exists());
}

#[test]
fn roman_numeral_stages_are_the_numbered_stage_and_unknown_marks_are_warned() {
    let tmp = sessions();
    next_sitting(tmp.path(), "ja");
    std::fs::write(
        tmp.path().join("s.csv"),
        "自治体名,取組段階\n白鷹町,Ⅲ\n佐野市,III\n見附市,ⅲ\n上越市,3\n燕市,段階３\n長岡市,第3段階\n新潟市,そのうち\n",
    )
    .unwrap();
    let out = import(tmp.path(), "ja", &["s.csv", "--dry-run"]);
    expect_code(&out, 0);
    let (stdout, _) = text(&out);
    assert!(stdout.contains("段階別: ③ 6, そのうち 1"), "{stdout}");
    assert!(
        stdout.contains("注意: 段階「そのうち」は番号（①、3、Ⅲ、段階3 など）でもテーマの stages にもありません。別の段階として扱います"),
        "{stdout}"
    );
    let out = import(tmp.path(), "en", &["s.csv", "--dry-run"]);
    let (stdout, _) = text(&out);
    assert!(
        stdout.contains("note: stage \"そのうち\" is neither a number (①, 3, Ⅲ, stage 3 …) nor in any theme's stages; it is taken as a stage of its own"),
        "{stdout}"
    );
}

#[test]
fn missing_groups_before_assign_are_said_to_be_expected() {
    let tmp = sessions();
    let out = bunkakai(
        tmp.path(),
        "en",
        &["new", "jichitai-10", "--from", "jichitai-09"],
    );
    expect_code(&out, 0);
    let (stdout, _) = text(&out);
    assert!(
        stdout.contains("No groups yet: the problems below go away after roster import / assign"),
        "{stdout}"
    );
    assert!(!stdout.contains("problem(s) found"), "{stdout}");
    assert!(
        stdout.contains("2, both gone once the groups are made"),
        "{stdout}"
    );
}
