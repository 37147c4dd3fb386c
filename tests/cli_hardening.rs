//! What the printing commands do with hostile files and hostile outputs:
//! plan text never reaches the terminal raw, JSON is inert, write errors
//! and closed pipes are handled, an export never replaces the sitting's own
//! files, and every reader reaches the same verdict on a bad file.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use common::cli::{cmd, run};

/// A copy of the archive fixture's jichitai-09 (without its broken C.json).
fn sitting() -> (tempfile::TempDir, PathBuf) {
    common::cli::archive_sitting()
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn raw_controls(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

#[test]
fn check_and_the_piped_list_print_plan_text_inert() {
    let (tmp, s) = sitting();
    edit(
        &s.join("session.json"),
        "\"title\": \"",
        "\"title\": \"T\\u001b]0;HACKED\\u0007\\u001b[2J \\u202eRLO ",
    );
    let out = run(tmp.path(), &["check", "jichitai-09"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(raw_controls(&out.stdout), Vec::<char>::new());
    assert!(String::from_utf8_lossy(&out.stdout).contains("^[]0;HACKED^G"));
    let list = cmd(tmp.path(), &[]).stdin(Stdio::null()).output().unwrap();
    assert_eq!(raw_controls(&list.stdout), Vec::<char>::new());
    // An unknown field named with an escape sequence, in an error line.
    edit(
        &s.join("session.json"),
        "\"title\"",
        "\"\\u001b]0;KEYHACK\\u0007\": 1, \"title\"",
    );
    let out = run(tmp.path(), &["check", "jichitai-09"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(raw_controls(&out.stderr), Vec::<char>::new());
}

#[test]
fn search_json_and_export_json_escape_c1_and_bidi_controls() {
    let (tmp, s) = sitting();
    edit(
        &s.join("notes/A.json"),
        "\"text\": \"",
        "\"text\": \"C1\\u009b2J 請求書\\u202eexe.pdf デル\\u007f ",
    );
    let search = run(tmp.path(), &["search", "請求書", "--json"]);
    assert_eq!(search.status.code(), Some(0));
    assert_eq!(raw_controls(&search.stdout), Vec::<char>::new());
    let line: serde_json::Value = serde_json::from_slice(&search.stdout).unwrap();
    assert!(line["text"].as_str().unwrap().contains('\u{202e}'));
    let export = run(tmp.path(), &["export", "jichitai-09", "--format", "json"]);
    assert_eq!(export.status.code(), Some(0));
    assert_eq!(raw_controls(&export.stdout), Vec::<char>::new());
}

#[test]
fn search_says_when_it_cannot_write() {
    let (tmp, _s) = sitting();
    let full = std::fs::File::create("/dev/full").unwrap();
    let out = cmd(tmp.path(), &["search", "KPI"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot write"));
}

#[test]
fn check_into_a_closed_pipe_ends_quietly() {
    let mut child = cmd(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sessions")
            .as_path(),
        &["check", "jichitai-09"],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    // The reader goes away before reading anything.
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.is_empty(), "{err}");
    assert_ne!(status.code(), Some(101));
}

#[test]
fn export_never_replaces_the_sittings_own_files_and_keeps_a_files_mode() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, s) = sitting();
    for own in ["session.json", "run.json", "notes/A.json"] {
        let before = std::fs::read(s.join(own)).unwrap();
        let target = s.join(own);
        let out = run(
            tmp.path(),
            &[
                "export",
                "jichitai-09",
                "--format",
                "md",
                "-o",
                target.to_str().unwrap(),
            ],
        );
        assert_eq!(out.status.code(), Some(2), "{own}");
        assert_eq!(
            std::fs::read(s.join(own)).unwrap(),
            before,
            "{own} unchanged"
        );
    }
    let report = tmp.path().join("report.md");
    std::fs::write(&report, "old").unwrap();
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = run(
        tmp.path(),
        &[
            "export",
            "jichitai-09",
            "--format",
            "md",
            "-o",
            report.to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mode = std::fs::metadata(&report).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let link = tmp.path().join("link.md");
    std::os::unix::fs::symlink(&report, &link).unwrap();
    let out = run(
        tmp.path(),
        &[
            "export",
            "jichitai-09",
            "--format",
            "md",
            "-o",
            link.to_str().unwrap(),
        ],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("symbolic link"));
}

#[test]
fn a_notes_file_naming_another_group_is_reported_by_every_reader() {
    let (tmp, s) = sitting();
    edit(
        &s.join("notes/A.json"),
        "\"group\": \"A\"",
        "\"group\": \"B\"",
    );
    let export = run(tmp.path(), &["export", "jichitai-09", "--format", "json"]);
    assert_eq!(export.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    let problems = doc["problems"].as_array().unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p.as_str().unwrap().contains("A.json")),
        "{problems:?}"
    );
    // B's own notes are still B's, and A's were not exported as B's.
    assert!(doc["notes"].get("B").is_some());
    assert!(String::from_utf8_lossy(&export.stderr).contains("notes/A.json"));
    let search = run(tmp.path(), &["search", "KPI"]);
    assert!(String::from_utf8_lossy(&search.stderr).contains("A.json"));
}

#[test]
fn one_bad_note_costs_that_note_only() {
    let (tmp, s) = sitting();
    edit(
        &s.join("notes/A.json"),
        "\"kind\": \"issue\"",
        "\"kind\": \"bogus\"",
    );
    let out = run(tmp.path(), &["export", "jichitai-09", "--format", "csv"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("notes[0]"), "{stderr}");
    let csv = String::from_utf8_lossy(&out.stdout);
    let a_rows = csv.lines().filter(|l| l.contains(",A,")).count();
    assert!(a_rows >= 5, "A's other notes are exported: {csv}");
}

#[test]
fn a_plan_with_two_byte_order_marks_is_refused_by_check_and_export() {
    let (tmp, s) = sitting();
    let plan = std::fs::read(s.join("session.json")).unwrap();
    let mut two = b"\xEF\xBB\xBF\xEF\xBB\xBF".to_vec();
    two.extend(plan.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&plan));
    std::fs::write(s.join("session.json"), two).unwrap();
    assert_eq!(
        run(tmp.path(), &["check", "jichitai-09"]).status.code(),
        Some(2)
    );
    let export = run(tmp.path(), &["export", "jichitai-09", "--format", "json"]);
    assert_ne!(export.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    assert!(!doc["problems"].as_array().unwrap().is_empty());
}
