//! `bunkakai search` as scripts and people run it: grep's exit codes, one
//! JSON object per line, problems on stderr, matches shown.

mod common;

use std::process::Output;

use common::cli::{in_archive, stderr, stdout};

fn search(args: &[&str]) -> Output {
    in_archive(&[&["search"], args].concat())
}

#[test]
fn hits_exit_0_one_line_each_newest_first() {
    let out = search(&["ＫＰＩ", "--color", "never"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = stdout(&out);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert_eq!(
        lines[0],
        "2026-02-17  jichitai-10  A  14:17  栃木県  [工夫・事例]  KPIは「女性の就業率」と「若者の定着率」の2本立てにした"
    );
    assert!(
        lines[3].contains("jichitai-09  A  14:14  佐野市"),
        "{stdout}"
    );
    // The broken and the newer notes files are named on stderr.
    let stderr = stderr(&out);
    assert!(stderr.contains("jichitai-09/notes/C.json:3:"), "{stderr}");
    assert!(
        stderr.contains("jichitai-10/notes/C.json: 新しい bunkakai"),
        "{stderr}"
    );
}

#[test]
fn matches_are_highlighted_and_escape_sequences_shown_inert() {
    let out = search(&["強調", "--color", "always"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = stdout(&out);
    assert!(
        stdout.contains("-5%でも前年比で改善と言える^[[31m（赤字で\u{1b}[7m強調\u{1b}[27m）^[[0m"),
        "{stdout:?}"
    );
    // Only the highlight itself is a real escape sequence.
    assert_eq!(stdout.matches('\u{1b}').count(), 2);
}

#[test]
fn no_hit_exits_1_and_bad_input_exits_2() {
    let none = search(&["存在しない語"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
    for bad in [
        vec!["KPI", "--kind", "感想"],
        vec!["KPI", "--since", "2026/01/01"],
        vec![""],
    ] {
        let out = search(&bad);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(!out.stderr.is_empty());
        assert!(out.stdout.is_empty());
    }
    let usage = search(&[]);
    assert_eq!(usage.status.code(), Some(2), "clap's usage error");
}

#[test]
fn json_lines_parse_and_carry_what_scripts_need() {
    let out = search(&["経済団体", "--json", "--kind", "工夫"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = stdout(&out);
    let hits: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect(l))
        .collect();
    assert_eq!(hits.len(), 2);
    let h = &hits[0];
    assert_eq!(h["sitting"], "jichitai-10");
    assert_eq!(h["group"], "B");
    assert_eq!(h["kind"], "practice");
    assert_eq!(h["speaker"], "呉市");
    assert_eq!(
        h["theme_title"],
        "セミナー等のイベントの開催による企業の意識啓発について"
    );
    assert_eq!(h["question"], "q1");
    assert_eq!(h["time"], "2026-02-17T14:13:00+09:00");
    assert_eq!(h["matches"], serde_json::json!([[17, 21]]));
    assert_eq!(hits[1]["id"], "n11");
}

#[test]
fn filters_on_the_command_line() {
    let out = search(&[
        "",
        "--group",
        "A",
        "--speaker",
        "新潟",
        "--theme",
        "体制構築",
        "--color",
        "never",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown = stdout(&out);
    assert_eq!(shown.lines().count(), 2, "{shown}");
    assert!(shown.lines().all(|l| l.contains("新潟市")));
    let en = search(&["集客", "--color", "never", "--lang", "en"]);
    assert!(stdout(&en).contains("[issue]"));
    assert!(stderr(&en).contains("written by a newer bunkakai"));
}
