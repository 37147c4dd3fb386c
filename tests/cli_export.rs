//! `bunkakai export` as a user runs it: to stdout, to a file, bad input.

mod common;

use std::process::Output;

fn bunkakai(args: &[&str]) -> Output {
    common::cli::in_archive(args)
}

#[test]
fn csv_to_stdout_is_the_golden_file_and_problems_go_to_stderr() {
    let out = bunkakai(&["export", "jichitai-09", "--format", "csv"]);
    // C.json cannot be used: the export is written without it, and the
    // exit code says it is incomplete.
    assert_eq!(out.status.code(), Some(2));
    let golden = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/jichitai-09.ja.csv"),
    )
    .unwrap();
    assert_eq!(out.stdout, golden);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("notes/C.json:3:"), "{stderr}");
}

#[test]
fn output_file_is_written_whole_and_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("report.md");
    std::fs::write(&file, "old").unwrap();
    let out = bunkakai(&[
        "export",
        "jichitai-10",
        "--format",
        "md",
        "-o",
        file.to_str().unwrap(),
    ]);
    // jichitai-10's C.json is from a newer bunkakai: written without it, exit 2.
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("# 第10回 自治体勉強会"));
    let left: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "no temporary file is left behind");
    let json = bunkakai(&["export", "jichitai-10", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(doc["session"], "jichitai-10");
}

#[test]
fn bad_input_exits_2_and_unwritable_output_exits_1() {
    let missing = bunkakai(&["export", "no-such", "--format", "md"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8(missing.stderr)
            .unwrap()
            .contains("jichitai-09"),
        "lists what is there"
    );
    let bad_format = bunkakai(&["export", "jichitai-09", "--format", "pdf"]);
    assert_eq!(bad_format.status.code(), Some(2));
    let nowhere = bunkakai(&[
        "export",
        "jichitai-09",
        "--format",
        "md",
        "-o",
        "/nonexistent/dir/r.md",
    ]);
    assert_eq!(nowhere.status.code(), Some(1));
    assert!(
        String::from_utf8(nowhere.stderr)
            .unwrap()
            .contains("書き込めません")
    );
}

#[test]
fn a_group_with_no_notes_yet_is_not_called_unreadable() {
    // A sitting prepared but not yet held: no group has a notes file.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("jichitai-09");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/sittings/jichitai-09/session.json"),
        dir.join("session.json"),
    )
    .unwrap();
    let out = common::cli::run(
        tmp.path(),
        &["--lang", "ja", "export", "jichitai-09", "--format", "md"],
    );
    let (stdout, stderr) = common::cli::texts(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.contains("まだメモがありません"), "{stdout}");
    assert!(!stdout.contains("読めません"), "{stdout}");
}

#[test]
fn a_broken_run_record_is_called_unreadable_not_missing() {
    let (_tmp, dir) = common::fixtures::archive_copy(&[]);
    std::fs::write(dir.join("jichitai-10/run.json"), "{\"format\": ").unwrap();
    let out = common::cli::run(
        &dir,
        &["--lang", "ja", "export", "jichitai-10", "--format", "md"],
    );
    let (stdout, stderr) = common::cli::texts(&out);
    assert!(
        stdout.contains("run.json を読めません"),
        "{stdout}\n{stderr}"
    );
    assert!(!stdout.contains("run.json なし"), "{stdout}");
    // A sitting never run still says so.
    std::fs::remove_file(dir.join("jichitai-10/run.json")).unwrap();
    let out = common::cli::run(
        &dir,
        &["--lang", "ja", "export", "jichitai-10", "--format", "md"],
    );
    assert!(common::cli::stdout(&out).contains("run.json なし"));
}
