//! The `bunkakai` command as a user runs it: exit codes, what goes to
//! stdout and stderr, in both languages.

mod common;

use common::cli::{bare, in_repo as bunkakai, stderr, stdout};

#[test]
fn check_bundled_sitting_by_id_prints_summary_and_exits_0() {
    let out = bunkakai(&["check", "jichitai-09", "--lang", "ja"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let stdout = stdout(&out);
    assert!(stdout.contains("第9回 自治体勉強会"), "{stdout}");
    assert!(stdout.contains("議事 (合計 59分)"), "{stdout}");
    assert!(
        stdout.contains("2. 自治体間の意見交換  45分  資料P8～"),
        "{stdout}"
    );
    assert!(stdout.ends_with("計画は正しく読めました\n"), "{stdout}");
    assert!(out.stderr.is_empty());
}

#[test]
fn check_accepts_folder_and_file_paths() {
    for arg in [
        "sessions/jichitai-09-b",
        "sessions/jichitai-09-b/session.json",
    ] {
        let out = bunkakai(&["check", arg]);
        assert_eq!(out.status.code(), Some(0), "{arg}: {}", stderr(&out));
        assert!(stdout(&out).contains("the plan is valid"));
    }
}

#[test]
fn invalid_plan_exits_2_with_one_line_per_problem() {
    let out = bunkakai(&["check", "tests/fixtures/invalid/minuts_typo.json"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = stderr(&out);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "tests/fixtures/invalid/minuts_typo.json:6:5: required field is missing (at agenda[1].minutes)",
            "tests/fixtures/invalid/minuts_typo.json:6:46: unknown field; did you mean \"minutes\"? (at agenda[1].minuts)",
            "2 problem(s) found",
        ]
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn japanese_locale_gives_japanese_messages() {
    let out = bare()
        .args(["check", "tests/fixtures/invalid/shift_jis.json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "ja_JP.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("Shift_JIS のようです）。UTF-8 で保存し直してください"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn unknown_or_unsafe_session_names_exit_2_and_say_what_exists() {
    let out = bunkakai(&["check", "jichitai-99"]);
    assert_eq!(out.status.code(), Some(2));
    let said = stderr(&out);
    assert!(said.contains("no sitting \"jichitai-99\""), "{said}");
    assert!(said.contains("jichitai-09, jichitai-09-b"), "{said}");

    let out = bunkakai(&["check", "CON"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("reserves"), "{}", stderr(&out));
}

#[test]
fn newer_format_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("session.json");
    let bytes = br#"{"format": "bunkakai.session/3", "title": "x", "agenda": []}"#;
    std::fs::write(&plan, bytes).unwrap();
    let out = bunkakai(&["check", plan.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("a newer bunkakai wrote this file"));
    assert_eq!(std::fs::read(&plan).unwrap(), bytes);
}

#[test]
fn sessions_flag_and_env_choose_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let sitting = dir.path().join("mine");
    std::fs::create_dir(&sitting).unwrap();
    let minimal =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal.json");
    std::fs::copy(minimal, sitting.join("session.json")).unwrap();
    let out = bunkakai(&["--sessions", dir.path().to_str().unwrap(), "check", "mine"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Team retro  [mine]"));

    let out = bare()
        .args(["check", "mine"])
        .env("BUNKAKAI_SESSIONS", dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    let out = bunkakai(&["check"]);
    assert_eq!(out.status.code(), Some(2));
    let out = bunkakai(&["--lang", "fr", "check", "jichitai-09"]);
    assert_eq!(out.status.code(), Some(2));
}
