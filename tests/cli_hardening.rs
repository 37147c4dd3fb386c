//! What the printing commands do with hostile files and hostile outputs:
//! plan text never reaches the terminal raw, JSON is inert, write errors
//! and closed pipes are handled, an export never replaces the sitting's own
//! files, and every reader reaches the same verdict on a bad file.
//!
//! Most cases are one shape: change the sitting's files, run one command,
//! check its exit code and what it wrote. They are rows of [`Case`], named
//! in every failure.

mod common;

use std::io::Read;
use std::path::Path;
use std::process::{Output, Stdio};

use common::cli::{archive_sitting, cmd, run};

/// One command run on a copy of the archive's jichitai-09 (without its
/// broken C.json) whose files were changed first.
struct Case {
    /// Names the case in a failure.
    name: &'static str,
    /// The changes made first, in order.
    edits: &'static [Edit],
    /// The command, run on the sitting's sessions folder.
    args: &'static [&'static str],
    /// Its exit code, where it matters.
    code: Option<i32>,
    /// What it must have written.
    shows: &'static [Shows],
}

/// A change to one of the sitting's files: the first `.1` in file `.0`
/// replaced by `.2`.
type Edit = (&'static str, &'static str, &'static str);

/// Something a command's output must show.
enum Shows {
    /// No raw control or bidi control character on stdout.
    InertOut,
    /// No raw control or bidi control character on stderr.
    InertErr,
    /// This text on stdout.
    Out(&'static str),
    /// This text on stderr.
    Err(&'static str),
    /// At least this many lines of stdout holding this text.
    OutLines(&'static str, usize),
    /// The JSON on stdout has a value at this pointer holding this text.
    Json(&'static str, &'static str),
}

/// Runs every case; a failure names its case.
fn run_cases(cases: &[Case]) {
    for case in cases {
        let (tmp, s) = archive_sitting();
        for e in case.edits {
            edit(&s, e);
        }
        let out = run(tmp.path(), case.args);
        let code = out.status.code();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let name = case.name;
        if let Some(c) = case.code {
            assert_eq!(code, Some(c), "{name}: exit code; {stderr}");
        }
        for want in case.shows {
            match *want {
                Shows::InertOut => assert_eq!(raw_controls(&out.stdout), [], "{name}: stdout"),
                Shows::InertErr => assert_eq!(raw_controls(&out.stderr), [], "{name}: stderr"),
                Shows::Out(text) => assert!(stdout.contains(text), "{name}: {text:?} in {stdout}"),
                Shows::Err(text) => assert!(stderr.contains(text), "{name}: {text:?} in {stderr}"),
                Shows::OutLines(text, n) => {
                    let lines = stdout.lines().filter(|l| l.contains(text)).count();
                    assert!(lines >= n, "{name}: {n} lines with {text:?} in {stdout}");
                }
                Shows::Json(pointer, text) => {
                    let value = json_at(&out, pointer);
                    let value = value.unwrap_or_else(|| panic!("{name}: no {pointer} in {stdout}"));
                    let held = value
                        .as_str()
                        .map_or_else(|| value.to_string(), str::to_string);
                    assert!(held.contains(text), "{name}: {text:?} at {pointer}: {held}");
                }
            }
        }
    }
}

fn edit(sitting: &Path, (file, from, to): &Edit) {
    let path = sitting.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{from} in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The value at `pointer` in the JSON document on stdout.
fn json_at(out: &Output, pointer: &str) -> Option<serde_json::Value> {
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
    doc.pointer(pointer).cloned()
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

const TITLE_ESCAPES: Edit = (
    "session.json",
    "\"title\": \"",
    "\"title\": \"T\\u001b]0;HACKED\\u0007\\u001b[2J \\u202eRLO ",
);
const NOTE_CONTROLS: Edit = (
    "notes/A.json",
    "\"text\": \"",
    "\"text\": \"C1\\u009b2J 請求書\\u202eexe.pdf デル\\u007f ",
);
const A_SAYS_B: Edit = ("notes/A.json", "\"group\": \"A\"", "\"group\": \"B\"");

#[test]
fn check_and_the_piped_list_print_plan_text_inert() {
    run_cases(&[
        Case {
            name: "check of a title with escapes",
            edits: &[TITLE_ESCAPES],
            args: &["check", "jichitai-09"],
            code: Some(0),
            shows: &[Shows::InertOut, Shows::Out("^[]0;HACKED^G")],
        },
        Case {
            name: "the piped list of a title with escapes",
            edits: &[TITLE_ESCAPES],
            args: &[],
            code: None,
            shows: &[Shows::InertOut],
        },
        Case {
            name: "check of an unknown field named with an escape sequence",
            edits: &[
                TITLE_ESCAPES,
                (
                    "session.json",
                    "\"title\"",
                    "\"\\u001b]0;KEYHACK\\u0007\": 1, \"title\"",
                ),
            ],
            args: &["check", "jichitai-09"],
            code: Some(2),
            shows: &[Shows::InertErr],
        },
    ]);
}

/// An unknown field named with an escape sequence, and a title with escapes.
const ESCAPED_FIELD: [Edit; 2] = [
    TITLE_ESCAPES,
    (
        "session.json",
        "\"title\"",
        "\"\\u001b]0;KEYHACK\\u0007\": 1, \"title\"",
    ),
];

#[test]
fn the_roster_and_new_commands_say_a_broken_plans_problems_inert() {
    run_cases(&[
        Case {
            name: "roster show of a plan with an unknown field named with an escape",
            edits: &ESCAPED_FIELD,
            args: &["roster", "show", "jichitai-09"],
            code: Some(2),
            shows: &[Shows::InertErr, Shows::Err("^[]0;KEYHACK^G")],
        },
        Case {
            name: "new --from a plan with an unknown field named with an escape",
            edits: &ESCAPED_FIELD,
            args: &["new", "jichitai-10", "--from", "jichitai-09"],
            code: Some(2),
            shows: &[Shows::InertErr, Shows::Err("^[]0;KEYHACK^G")],
        },
        Case {
            name: "roster show's check summary of a title with escapes",
            edits: &[TITLE_ESCAPES],
            args: &["roster", "show", "jichitai-09", "--format", "csv"],
            code: Some(0),
            shows: &[Shows::InertErr, Shows::Err("^[]0;HACKED^G")],
        },
    ]);
}

#[test]
fn search_json_and_export_json_escape_c1_and_bidi_controls() {
    run_cases(&[
        Case {
            name: "search --json of a note with C1 and bidi controls",
            edits: &[NOTE_CONTROLS],
            args: &["search", "請求書", "--json"],
            code: Some(0),
            shows: &[Shows::InertOut, Shows::Json("/text", "\u{202e}")],
        },
        Case {
            name: "export --format json of a note with C1 and bidi controls",
            edits: &[NOTE_CONTROLS],
            args: &["export", "jichitai-09", "--format", "json"],
            code: Some(0),
            shows: &[Shows::InertOut],
        },
    ]);
}

#[test]
fn search_says_when_it_cannot_write() {
    let (tmp, _s) = archive_sitting();
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

/// `export jichitai-09 --format md -o TARGET` on the sitting in `sessions`.
fn export_md(sessions: &Path, target: &Path) -> Output {
    let target = target.to_str().unwrap();
    run(
        sessions,
        &["export", "jichitai-09", "--format", "md", "-o", target],
    )
}

#[test]
fn export_never_replaces_the_sittings_own_files_and_keeps_a_files_mode() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, s) = archive_sitting();
    for own in ["session.json", "run.json", "notes/A.json"] {
        let before = std::fs::read(s.join(own)).unwrap();
        let target = s.join(own);
        let out = export_md(tmp.path(), &target);
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
    let out = export_md(tmp.path(), &report);
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
    let out = export_md(tmp.path(), &link);
    assert!(String::from_utf8_lossy(&out.stderr).contains("symbolic link"));
}

#[test]
fn a_notes_file_naming_another_group_is_reported_by_every_reader() {
    run_cases(&[
        Case {
            name: "export of a notes file naming another group",
            edits: &[A_SAYS_B],
            args: &["export", "jichitai-09", "--format", "json"],
            code: Some(2),
            // B's own notes are still B's, and A's were not exported as B's.
            shows: &[
                Shows::Json("/problems", "A.json"),
                Shows::Json("/notes/B", ""),
                Shows::Err("notes/A.json"),
            ],
        },
        Case {
            name: "search in a notes file naming another group",
            edits: &[A_SAYS_B],
            args: &["search", "KPI"],
            code: None,
            shows: &[Shows::Err("A.json")],
        },
    ]);
}

#[test]
fn one_bad_note_costs_that_note_only() {
    run_cases(&[Case {
        name: "export of a notes file with one note of an unknown kind",
        edits: &[("notes/A.json", "\"kind\": \"issue\"", "\"kind\": \"bogus\"")],
        args: &["export", "jichitai-09", "--format", "csv"],
        code: None,
        // A's other notes are exported.
        shows: &[Shows::Err("notes[0]"), Shows::OutLines(",A,", 5)],
    }]);
}

#[test]
fn a_plan_with_two_byte_order_marks_is_refused_by_check_and_export() {
    // The plan starts with `{`: two marks go before it.
    const TWO_BOMS: Edit = ("session.json", "{", "\u{FEFF}\u{FEFF}{");
    run_cases(&[
        Case {
            name: "check of a plan with two byte order marks",
            edits: &[TWO_BOMS],
            args: &["check", "jichitai-09"],
            code: Some(2),
            shows: &[],
        },
        Case {
            name: "export of a plan with two byte order marks",
            edits: &[TWO_BOMS],
            args: &["export", "jichitai-09", "--format", "json"],
            code: Some(2),
            shows: &[Shows::Json("/problems/0", "")],
        },
    ]);
}
