//! Reading one sitting's files for review, never failing as a whole: a file
//! that is broken, of another kind, or written by a newer bunkakai becomes a
//! [`FileProblem`] and the other files stay usable.

use std::path::PathBuf;

use serde::Deserialize;

use crate::model::notes::{GroupNotes, NOTES_KIND, NOTES_VERSION};
use crate::model::run::{RUN_KIND, RUN_VERSION, RunState};
use crate::model::{Problem, read_plan};
use crate::store::archive::FileBytes;

/// A file of the archive that could not be used, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct FileProblem {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it.
    pub fault: FileFault,
}

/// What can be wrong with a file read for review.
#[derive(Debug, Clone, PartialEq)]
pub enum FileFault {
    /// The file could not be read at all.
    Unreadable(String),
    /// The plan has errors; the first one and how many there are.
    Plan {
        /// The first error, with its place.
        first: Box<Problem>,
        /// How many errors the plan has.
        count: usize,
    },
    /// The text is not JSON (or not UTF-8).
    NotJson {
        /// Line of the problem, from 1.
        line: usize,
        /// Column of the problem, from 1.
        col: usize,
        /// The parser's description.
        detail: String,
    },
    /// The JSON does not have the shape of this kind of file.
    Shape {
        /// Line of the problem, from 1.
        line: usize,
        /// Column of the problem, from 1.
        col: usize,
        /// The parser's description.
        detail: String,
    },
    /// There is no `format` field, or it names another kind of file.
    WrongKind {
        /// The kind expected here, e.g. `bunkakai.notes`.
        expected: &'static str,
        /// The tag found, if any.
        found: Option<String>,
    },
    /// A newer bunkakai wrote this file; it is left alone.
    Newer {
        /// The tag found.
        found: String,
        /// The newest version this program reads.
        known: u32,
    },
}

#[derive(Deserialize)]
struct TagOnly {
    format: Option<serde_json::Value>,
}

/// Reads a plan file; a plan with errors gives its first error.
pub fn plan(file: &FileBytes, default_id: &str) -> Result<crate::model::Plan, FileProblem> {
    let bytes = bytes_of(file)?;
    let check = read_plan(bytes, default_id);
    match check.plan {
        Some(plan) => Ok(plan),
        None => {
            let count = check.errors().count();
            let first = check
                .errors()
                .min_by_key(|p| p.pos.map(|p| (p.line, p.col)));
            let first = first.cloned().unwrap_or_else(|| Problem {
                pos: None,
                path: String::new(),
                kind: crate::model::ProblemKind::Missing,
            });
            Err(problem(
                file,
                FileFault::Plan {
                    first: Box::new(first),
                    count,
                },
            ))
        }
    }
}

/// Reads a group's notes file.
pub fn notes(file: &FileBytes) -> Result<GroupNotes, FileProblem> {
    let notes: GroupNotes = typed(file, NOTES_KIND, NOTES_VERSION)?;
    check_tag(file, &notes.format, NOTES_KIND, NOTES_VERSION)?;
    Ok(notes)
}

/// Reads a run file (the review uses its history of finished blocks).
pub fn run(file: &FileBytes) -> Result<RunState, FileProblem> {
    let run: RunState = typed(file, RUN_KIND, RUN_VERSION)?;
    check_tag(file, &run.format, RUN_KIND, RUN_VERSION)?;
    Ok(run)
}

fn bytes_of(file: &FileBytes) -> Result<&[u8], FileProblem> {
    match &file.bytes {
        Ok(b) => Ok(b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b)),
        Err(e) => Err(problem(file, FileFault::Unreadable(e.to_string()))),
    }
}

/// Parses the file as `T`; when that fails, looks at its `format` first so
/// that a newer or foreign file is reported as such, not as a shape error.
fn typed<T: serde::de::DeserializeOwned>(
    file: &FileBytes,
    kind: &'static str,
    known: u32,
) -> Result<T, FileProblem> {
    let bytes = bytes_of(file)?;
    let err = match serde_json::from_slice::<T>(bytes) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    if let Ok(TagOnly { format }) = serde_json::from_slice::<TagOnly>(bytes) {
        let tag = format.as_ref().and_then(|v| v.as_str()).unwrap_or_default();
        check_tag(file, tag, kind, known)?;
    }
    let (line, col, detail) = (err.line(), err.column().max(1), err.to_string());
    let detail = detail
        .rsplit_once(" at line ")
        .map_or(detail.clone(), |(d, _)| d.to_string());
    let fault = if err.is_data() {
        FileFault::Shape { line, col, detail }
    } else {
        FileFault::NotJson { line, col, detail }
    };
    Err(problem(file, fault))
}

fn check_tag(
    file: &FileBytes,
    tag: &str,
    kind: &'static str,
    known: u32,
) -> Result<(), FileProblem> {
    let wrong = || {
        problem(
            file,
            FileFault::WrongKind {
                expected: kind,
                found: (!tag.is_empty()).then(|| tag.to_string()),
            },
        )
    };
    let (k, v) = tag.rsplit_once('/').ok_or_else(wrong)?;
    let v: u32 = v.parse().map_err(|_| wrong())?;
    if k != kind || v == 0 {
        return Err(wrong());
    }
    if v > known {
        return Err(problem(
            file,
            FileFault::Newer {
                found: tag.to_string(),
                known,
            },
        ));
    }
    Ok(())
}

fn problem(file: &FileBytes, fault: FileFault) -> FileProblem {
    FileProblem {
        path: file.path.clone(),
        fault,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> FileBytes {
        FileBytes {
            path: PathBuf::from("notes/A.json"),
            bytes: Ok(text.as_bytes().to_vec()),
        }
    }

    #[test]
    fn broken_newer_and_foreign_files_say_what_they_are() {
        let fault = |t: &str| notes(&file(t)).unwrap_err().fault;
        assert!(matches!(
            fault("{\"format\": "),
            FileFault::NotJson { line: 1, .. }
        ));
        assert_eq!(
            fault(r#"{"format":"bunkakai.notes/2","session":"s","group":"A","notes":"new"}"#),
            FileFault::Newer {
                found: "bunkakai.notes/2".into(),
                known: 1
            }
        );
        assert!(matches!(
            fault(r#"{"format":"bunkakai.run/1","session":"s","history":[]}"#),
            FileFault::WrongKind { .. }
        ));
        assert!(matches!(
            fault(r#"{"format":"bunkakai.notes/1","session":"s","group":"A","notes":[{"id":1}]}"#),
            FileFault::Shape { .. }
        ));
        let unreadable = FileBytes {
            path: PathBuf::from("x"),
            bytes: Err(std::io::Error::other("denied")),
        };
        assert!(matches!(
            notes(&unreadable).unwrap_err().fault,
            FileFault::Unreadable(_)
        ));
    }

    #[test]
    fn a_good_notes_file_with_a_bom_reads() {
        let text = "\u{feff}{\"format\":\"bunkakai.notes/1\",\"session\":\"s\",\"group\":\"A\"}";
        assert_eq!(notes(&file(text)).unwrap().group, "A");
    }
}
