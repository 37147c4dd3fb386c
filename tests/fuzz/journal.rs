//! Mutants of a group's journal (`notes/A.journal`, one checksummed line
//! per commit): lines cut short, bytes flipped, bad checksums, good
//! checksums over bad JSON, huge and negative numbers, newer-format lines,
//! NULs, invalid UTF-8; beside a good notes file, without one, or a journal
//! that is a folder. Each goes through every reader of a group's notes (the
//! journal's own, the consoles', the review's) and into the consoles.
//! Nothing may panic, every line not used is reported, and the notes of
//! every line written whole and intact (acknowledged) are held by all.

use std::collections::BTreeSet;
use std::path::Path;

use bunkakai::i18n::Lang;
use bunkakai::review::archive::Sitting;
use bunkakai::review::export::{self, ExportFormat};
use bunkakai::review::files;
use bunkakai::store::archive::{FileBytes, read_sitting};
use bunkakai::store::notes_journal;
use bunkakai::store::{FormatError, StoreError, notes_file};

use crate::consoles::{facilitator, note_taker};
use crate::mutate::{NUMBERS, Rng, mutate, replace_token};
use crate::sitting::{Base, stamp};

const HEAD: &[u8] = b"{\"crc32\":\"";
const MIDDLE: &[u8] = b"\",\"change\":";

/// Where the journal is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Layout {
    /// Beside the group's good notes file.
    Beside,
    /// Alone: the notes file is missing.
    Alone,
    /// `A.journal` is a folder (the mutant is not written).
    Folder,
}

impl Layout {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Layout::Beside => "beside",
            Layout::Alone => "alone",
            Layout::Folder => "folder",
        }
    }

    /// The layout a kept mutant's file name (`journal-<layout>-…`) says.
    pub(crate) fn from_name(name: &str) -> Layout {
        match name.split('-').nth(1) {
            Some("alone") => Layout::Alone,
            Some("folder") => Layout::Folder,
            _ => Layout::Beside,
        }
    }
}

fn change(notes: &str) -> String {
    format!(
        r#"{{"format":"bunkakai.notes/1","session":"jichitai-09","group":"A","notes":[{notes}]}}"#
    )
}

fn note(id: &str, at: &str, kind: &str, text: &str) -> String {
    format!(
        r#"{{"id":"{id}","created":"2026-01-20T{at}:00+09:00","updated":"2026-01-20T{at}:00+09:00","block":"exchange","theme":"1","kind":"{kind}","text":"{text}"}}"#
    )
}

/// One journal line holding `body`, with its checksum.
pub(crate) fn line(body: &[u8]) -> Vec<u8> {
    let mut out = HEAD.to_vec();
    out.extend_from_slice(format!("{:08x}", crc32fast::hash(body)).as_bytes());
    out.extend_from_slice(MIDDLE);
    out.extend_from_slice(body);
    out.extend_from_slice(b"}\n");
    out
}

/// The good journal: four commits of group A (new notes, an edit of a note
/// of the file, an action item with its owner).
pub(crate) fn good_journal() -> Vec<u8> {
    let edited = r#"{"id":"n01","created":"2026-01-20T14:10:00+09:00","updated":"2026-01-20T14:41:00+09:00","block":"exchange","theme":"1","kind":"issue","text":"兼務で回している（直した）"}"#;
    [
        change(&note("j01", "14:40", "issue", "ジャーナルの一件目")),
        change(edited),
        change(&note("j02", "14:42", "practice", "ＫＰＩを毎年度検証")),
        change(
            &note("j03", "14:43", "action", "次回までに資料を共有")
                .replace("\"kind\"", "\"owner\":\"白鷹町\",\"kind\""),
        ),
    ]
    .iter()
    .flat_map(|b| line(b.as_bytes()))
    .collect()
}

/// The body of a whole line, when it still has a journal line's shape.
fn body_of(line: &[u8]) -> Option<&[u8]> {
    let rest = line.strip_prefix(HEAD)?;
    let rest = rest.get(8..)?.strip_prefix(MIDDLE)?;
    rest.strip_suffix(b"}\n")
}

/// Splits `bytes` into lines, each with its newline (the last may lack it).
fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes
        .split_inclusive(|&b| b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

/// One mutation of a journal.
fn mutate_journal(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let mut all = lines(bytes);
    if all.is_empty() {
        all.push(line(change("").as_bytes()));
    }
    let i = rng.below(all.len());
    match rng.below(10) {
        // Cut short, mostly in the middle of a line.
        0 => {
            let len = bytes.len().max(1);
            bytes.truncate(rng.below(len));
            return;
        }
        // Any of the mutations every file gets, on the whole journal.
        1 => return mutate(rng, bytes),
        // A checksum that does not match.
        2 => {
            if let Some(d) = all[i].get_mut(HEAD.len() + rng.below(8)) {
                *d = if *d == b'0' { b'f' } else { b'0' };
            }
        }
        // A good checksum over a body mutated in any way (bad JSON, NULs,
        // invalid UTF-8, BOMs, deep nesting, types changed …).
        3 | 4 => {
            if let Some(body) = body_of(&all[i]) {
                let mut body = body.to_vec();
                mutate(rng, &mut body);
                all[i] = line(&body);
            }
        }
        // Huge and negative numbers, with a good checksum.
        5 => {
            if let Some(body) = body_of(&all[i]) {
                let mut body = body.to_vec();
                replace_token(rng, &mut body, |b| b == b'"', NUMBERS);
                all[i] = line(&body);
            }
        }
        // A line written by a newer bunkakai, or of another kind or group.
        6 => {
            let text = change(&note("jn", "14:50", "issue", "新しい版"));
            let other = [
                "bunkakai.notes/2",
                "bunkakai.run/1",
                "bunkakai.notes/+1",
                "bunkakai.notes/0",
            ][rng.below(4)];
            let text = if rng.below(3) == 0 {
                text.replace("\"group\":\"A\"", "\"group\":\"B\"")
            } else {
                text.replace("bunkakai.notes/1", other)
            };
            all.insert(i, line(text.as_bytes()));
        }
        // A line written twice, or two lines swapped.
        7 => {
            let j = rng.below(all.len());
            if rng.below(2) == 0 {
                let copy = all[j].clone();
                all.insert(i, copy);
            } else {
                all.swap(i, j);
            }
        }
        // Blank lines and a CRLF line end.
        8 => {
            if rng.below(2) == 0 {
                all.insert(i, b"\n".to_vec());
            } else if all[i].ends_with(b"\n") {
                all[i].pop();
                all[i].extend_from_slice(b"\r\n");
            }
        }
        // A line of the good journal's shape holding anything at all.
        _ => {
            let junk: &[u8] = [&b"{}"[..], b"null", b"[]", b"\"x\"", b"7"][rng.below(5)];
            all.insert(i, line(junk));
        }
    }
    *bytes = all.concat();
}

/// A mutant of the good journal, and where it is put.
pub(crate) fn mutant(rng: &mut Rng) -> (Vec<u8>, Layout) {
    let layout = match rng.below(20) {
        0 => Layout::Folder,
        1 | 2 => Layout::Alone,
        _ => Layout::Beside,
    };
    let mut bytes = good_journal();
    for _ in 0..1 + rng.below(3) {
        mutate_journal(rng, &mut bytes);
    }
    (bytes, layout)
}

/// The notes of the lines of `bytes` that are whole and byte for byte as
/// the good journal wrote them: what a console acknowledged as saved.
fn acknowledged(bytes: &[u8]) -> BTreeSet<String> {
    let good = lines(&good_journal());
    let mut ids = BTreeSet::new();
    for l in lines(bytes).iter().filter(|l| good.contains(l)) {
        let body: serde_json::Value = serde_json::from_slice(body_of(l).unwrap()).unwrap();
        for n in body["notes"].as_array().unwrap() {
            ids.insert(n["id"].as_str().unwrap().to_string());
        }
    }
    ids
}

fn ids(notes: &[bunkakai::model::notes::Note]) -> BTreeSet<String> {
    notes.iter().map(|n| n.id.clone()).collect()
}

fn is_newer(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::Format {
            error: FormatError::Newer { .. },
            ..
        }
    )
}

/// Puts the mutant in the sitting folder `dir` (a copy of the archive's
/// jichitai-09 with group A only) and reads it every way. Panics on a
/// broken promise.
pub(crate) fn exercise(base: &Base, dir: &Path, mutant: &[u8], layout: Layout, draw: bool) {
    let notes_dir = dir.join("notes");
    let json = notes_dir.join("A.json");
    let journal = notes_dir.join("A.journal");
    let _ = std::fs::remove_dir_all(&notes_dir);
    std::fs::create_dir_all(&notes_dir).unwrap();
    std::fs::write(dir.join("session.json"), &base.plan_bytes).unwrap();
    if layout != Layout::Alone {
        std::fs::write(&json, &base.notes).unwrap();
    }
    match layout {
        Layout::Folder => std::fs::create_dir(&journal).unwrap(),
        _ => std::fs::write(&journal, mutant).unwrap(),
    }
    let acked = match layout {
        Layout::Folder => BTreeSet::new(),
        _ => acknowledged(mutant),
    };
    // The journal's own reader: each line is a change or a problem; the
    // whole journal is refused only for a line of a newer bunkakai.
    let newer = layout != Layout::Folder && {
        let segments = lines(mutant)
            .iter()
            .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
            .count();
        match notes_journal::parse(&journal, mutant, 1, Some("A")) {
            Ok(r) => {
                assert_eq!(
                    r.changes.len() + r.problems.len(),
                    segments,
                    "every line is read or reported"
                );
                false
            }
            Err(e) => {
                assert!(is_newer(&e), "only a newer line refuses the journal: {e}");
                true
            }
        }
    };
    // The consoles' reader.
    let loaded = notes_file::load(&json, "jichitai-09", "A");
    // The review's (search's, export's) reader of the group and of the sitting.
    let file = FileBytes {
        path: json.clone(),
        bytes: std::fs::read(&json),
    };
    let review = files::notes(&file);
    let sitting = Sitting::parse(&read_sitting(dir, "jichitai-09".into()));
    let group_a = sitting.notes_of("A");
    let journal_problems = sitting
        .problems
        .iter()
        .filter(|p| p.path == journal)
        .count();
    let refused = |p: &bunkakai::review::files::FileProblem| {
        p.fault.whole_file() && (p.path == journal || p.path == json)
    };
    match &review {
        Err(p) => {
            assert!(newer || layout == Layout::Folder, "refused: {p:?}");
            assert!(
                sitting.problems.iter().any(refused),
                "a refusal is reported"
            );
            assert!(group_a.is_none_or(|g| g.notes.is_empty()));
        }
        Ok((doc, left_out)) => {
            assert!(!newer, "a newer line refuses the group");
            let held = ids(&doc.notes);
            assert!(acked.is_subset(&held), "acknowledged {acked:?} in {held:?}");
            if layout != Layout::Alone {
                assert!(held.contains("n02"), "the file's notes are read");
            }
            let sitting_held = ids(&group_a.expect("group A is read").notes);
            assert_eq!(
                held, sitting_held,
                "the review reads the group as its reader"
            );
            assert_eq!(
                left_out.len(),
                journal_problems,
                "each line left out is listed"
            );
            if let Ok(doc2) = &loaded {
                assert_eq!(held, ids(&doc2.notes), "the consoles read the same notes");
            }
        }
    }
    if let Err(e) = &loaded {
        // A console cannot use the group: it is newer, or the journal cannot
        // be read at all (a folder), which the review reports too.
        assert!(
            is_newer(e) || sitting.problems.iter().any(|p| p.path == journal),
            "{e}"
        );
    }
    // The consoles, given what they read.
    let plan = &base.plan;
    let now = stamp("2026-01-20T14:45:00+09:00");
    let doc = loaded.ok();
    facilitator(plan, None, doc.as_ref(), now, draw);
    let held = note_taker(plan, None, doc.clone(), now, draw);
    if doc.is_some() {
        assert!(
            acked.is_subset(&held),
            "the note-taker holds every acknowledged note"
        );
    }
    if draw {
        let files = read_sitting(dir, "jichitai-09".into());
        for format in [ExportFormat::Md, ExportFormat::Csv, ExportFormat::Json] {
            export::render(&sitting, &files, format, Lang::Ja);
        }
    }
}
