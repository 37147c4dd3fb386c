//! What the commands say when there is nothing to show, when they wrote a
//! file, when a name or date does not exist, and when they are started
//! without a terminal: one clear line on stderr (stdout stays clean for
//! pipes), in the user's language, with invisible characters shown escaped.

mod common;

use std::path::Path;
use std::process::Stdio;

use common::cli::{archive_sitting, cmd, run, texts};

#[test]
fn a_search_with_no_hit_says_so_on_stderr_and_exits_1() {
    let (tmp, _) = archive_sitting();
    let o = run(tmp.path(), &["search", "量子暗号", "--lang", "ja"]);
    let (out, err) = texts(&o);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(out, "", "stdout stays clean");
    assert_eq!(err.trim(), "該当するメモはありません");
    // Twice: once building the search cache, once reading it.
    let o = run(tmp.path(), &["search", "量子暗号", "--lang", "en"]);
    assert_eq!(texts(&o).1.trim(), "no note matches");
}

#[test]
fn actions_with_none_says_so_on_stderr_and_exits_1() {
    let (tmp, _) = archive_sitting();
    let o = run(
        tmp.path(),
        &["actions", "--owner", "誰もいない", "--lang", "ja"],
    );
    let (out, err) = texts(&o);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(out, "");
    assert_eq!(err.trim(), "該当するアクションはありません");
}

#[test]
fn a_group_no_sitting_has_is_named_with_the_groups_there_are() {
    let (tmp, _) = archive_sitting();
    for _ in 0..2 {
        let o = run(
            tmp.path(),
            &["search", "連携", "--group", "Z", "--lang", "ja"],
        );
        let (out, err) = texts(&o);
        assert_eq!(o.status.code(), Some(2), "{err}");
        assert_eq!(out, "");
        assert!(
            err.contains("--group Z: どの会にもその班はありません（ある班: A, B, C）"),
            "{err}"
        );
    }
    // Any case, as the search matches.
    let o = run(tmp.path(), &["search", "連携", "--group", "a"]);
    assert_ne!(o.status.code(), Some(2), "{}", texts(&o).1);
}

#[test]
fn a_date_in_form_that_does_not_exist_says_so() {
    let (tmp, _) = archive_sitting();
    let o = run(
        tmp.path(),
        &["search", "連携", "--since", "2026-02-30", "--lang", "ja"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        texts(&o).1.trim(),
        "--since 2026-02-30: その日付は存在しません"
    );
    let o = run(
        tmp.path(),
        &["search", "連携", "--until", "2026/02/01", "--lang", "en"],
    );
    assert_eq!(
        texts(&o).1.trim(),
        "--until 2026/02/01: write dates as YYYY-MM-DD, e.g. 2026-01-20"
    );
}

#[test]
fn export_to_a_file_says_what_it_wrote() {
    let (tmp, _) = archive_sitting();
    let file = tmp.path().join("report.md");
    let f = file.to_str().unwrap();
    let o = run(
        tmp.path(),
        &[
            "export",
            "jichitai-09",
            "--format",
            "md",
            "-o",
            f,
            "--lang",
            "ja",
        ],
    );
    let (out, err) = texts(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert_eq!(out, "");
    let size = std::fs::metadata(&file).unwrap().len();
    assert_eq!(err.trim(), format!("{f} に書き出しました（{size} バイト）"));
}

#[test]
fn consoles_without_a_terminal_say_they_need_one() {
    let (tmp, _) = archive_sitting();
    for args in [
        vec!["run", "jichitai-09"],
        vec!["notes", "jichitai-09", "--group", "A"],
        vec!["display", "jichitai-09"],
        vec!["review"],
    ] {
        let mut args = args.clone();
        args.extend(["--lang", "en"]);
        let o = cmd(tmp.path(), &args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        let (out, err) = texts(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(out, "", "nothing drawn: {out:?}");
        assert!(err.contains("runs on a terminal screen"), "{args:?}: {err}");
        assert!(!err.contains('\x1b'), "no escape codes: {err:?}");
    }
}

fn plan_with(dir: &Path, name: &str, edit: impl Fn(&mut serde_json::Value)) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive/jichitai-09");
    let mut plan: serde_json::Value =
        serde_json::from_slice(&std::fs::read(src.join("session.json")).unwrap()).unwrap();
    edit(&mut plan);
    let to = dir.join(name);
    std::fs::create_dir_all(&to).unwrap();
    std::fs::write(to.join("session.json"), plan.to_string()).unwrap();
}

#[test]
fn sittings_in_folders_whose_names_are_not_ids_are_reached_by_the_name_listed() {
    let tmp = tempfile::tempdir().unwrap();
    for name in [".hidden", "a.b", "my session"] {
        plan_with(tmp.path(), name, |p| {
            p.as_object_mut().unwrap().remove("id");
        });
    }
    let listed = texts(&run(tmp.path(), &[])).0;
    for name in [".hidden", "a.b", "my session"] {
        assert!(listed.contains(name), "{listed}");
        let o = run(tmp.path(), &["check", name]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", texts(&o).1);
        let o = run(tmp.path(), &["export", name, "--format", "csv"]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", texts(&o).1);
    }
    // A name that is no folder and could not be an id says why.
    let o = run(tmp.path(), &["check", "no.such"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        texts(&o).1.contains("cannot contain '.'"),
        "{}",
        texts(&o).1
    );
}

#[test]
fn invisible_characters_in_an_id_are_shown_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(tmp.path(), &["check", "a\u{200B}b"]);
    let err = texts(&o).1;
    assert_eq!(o.status.code(), Some(2));
    assert!(!err.contains('\u{200B}'), "{err:?}");
    assert!(
        err.starts_with("a\\u{200B}b: an id cannot contain U+200B"),
        "{err}"
    );
    plan_with(tmp.path(), "s", |p| p["id"] = "ab\u{200B}c".into());
    let err = texts(&run(tmp.path(), &["check", "s"])).1;
    assert!(
        !err.contains('\u{200B}') && err.contains("U+200B"),
        "{err:?}"
    );
}

#[test]
fn check_names_the_control_character_and_the_missing_version() {
    let tmp = tempfile::tempdir().unwrap();
    plan_with(tmp.path(), "esc", |p| p["title"] = "abc\u{1b}def".into());
    let path = tmp.path().join("esc/session.json");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\\u001b", "\u{1b}");
    std::fs::write(&path, text).unwrap();
    let o = run(tmp.path(), &["check", "esc", "--lang", "ja"]);
    let (out, err) = texts(&o);
    let all = out + &err;
    assert!(all.contains("制御文字 U+001B (ESC)"), "{all}");
    assert!(!all.contains("改行やタブ"), "{all}");
    plan_with(tmp.path(), "v0", |p| {
        p["format"] = "bunkakai.session/0".into()
    });
    let o = run(tmp.path(), &["check", "v0", "--lang", "en"]);
    let (out, err) = texts(&o);
    let all = out + &err;
    assert!(all.contains("there is no version 0"), "{all}");
}

#[test]
fn the_test_hooks_stay_out_of_the_help() {
    let tmp = tempfile::tempdir().unwrap();
    let help = texts(&run(tmp.path(), &["--help"])).0;
    assert!(help.contains("search"), "{help}");
    assert!(
        !help.contains("notes-writer") && !help.contains("Test support"),
        "{help}"
    );
    let help = texts(&run(tmp.path(), &["notes", "--help"])).0;
    assert!(
        !help.contains("F12") && !help.to_lowercase().contains("panic"),
        "{help}"
    );
}
