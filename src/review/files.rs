//! Reading one sitting's files for review, never failing as a whole: a file
//! that is broken, of another kind, or written by a newer bunkakai becomes a
//! [`FileProblem`] and the other files stay usable.

pub use crate::model::file_problem::{FileFault, FileProblem};
use crate::model::notes::{GroupNotes, NOTES_KIND};
use crate::model::run::{RUN_KIND, RunState};
use crate::model::{Problem, ProblemKind, read_plan, read_plan_awaiting_groups};
use crate::store::archive::FileBytes;
use crate::store::{FormatError, StoreError, notes_file, run_file};

/// A plan as the review reads it.
#[derive(Debug, Clone)]
pub struct PlanRead {
    /// The plan.
    pub plan: crate::model::Plan,
    /// True for a sitting being prepared: its plan is good but for having
    /// no groups yet (`new --from` before `roster assign`), so it was not
    /// held yet.
    pub awaiting_groups: bool,
}

/// Reads a plan file; a plan with errors gives its first error, unless its
/// only errors are that it has no groups yet (a sitting being prepared).
pub fn plan(file: &FileBytes, default_id: &str) -> Result<PlanRead, FileProblem> {
    // The plan reader skips one byte-order mark itself; a second is an error.
    let bytes = match &file.bytes {
        Ok(b) => b.as_slice(),
        Err(e) => return Err(problem(file, FileFault::Unreadable(e.to_string()))),
    };
    let check = read_plan(bytes, default_id);
    match check.plan {
        Some(plan) => Ok(PlanRead {
            plan,
            awaiting_groups: false,
        }),
        None if check.only_groups_missing() => match read_plan_awaiting_groups(bytes, default_id) {
            Some(plan) => Ok(PlanRead {
                plan,
                awaiting_groups: true,
            }),
            None => Err(first_error(file, &check)),
        },
        None => Err(first_error(file, &check)),
    }
}

/// The problem of a plan with errors: its first, and how many there are.
fn first_error(file: &FileBytes, check: &crate::model::PlanCheck) -> FileProblem {
    let count = check.errors().count();
    let first = check
        .errors()
        .min_by_key(|p| p.pos.map(|p| (p.line, p.col)));
    let first = first.cloned().unwrap_or_else(|| Problem {
        pos: None,
        path: String::new(),
        kind: crate::model::ProblemKind::Missing,
    });
    problem(
        file,
        FileFault::Plan {
            first: Box::new(first),
            count,
        },
    )
}

/// Reads a group's notes file with the same reader as the consoles: the
/// group it says must be the one its name says. A note that does not fit
/// the format, or a line of its journal that cannot be used, costs that
/// note or line, which comes back as a problem (of the journal for its
/// lines). A group whose notes file is missing but whose journal is there
/// is read from the journal, as the consoles read it.
pub fn notes(file: &FileBytes) -> Result<(GroupNotes, Vec<FileProblem>), FileProblem> {
    let group = file
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The journal was read before the file (see `store::archive`).
    let (journal, unread) = match &file.journal {
        Ok(j) => (j.as_deref(), None),
        // Reported at the journal, as its lines are.
        Err(e) => (
            None,
            Some(FileProblem {
                path: e.path().to_path_buf(),
                fault: FileFault::Unreadable(e.to_string()),
            }),
        ),
    };
    let read = match &file.bytes {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let session = file
                .path
                .parent()
                .and_then(|notes| notes.parent())
                .and_then(|dir| dir.file_name())
                .map(|d| d.to_string_lossy().into_owned())
                .unwrap_or_default();
            match notes_file::journal_alone_for_reading(&file.path, journal, &session, &group) {
                Ok(Some(read)) => Ok(read),
                Ok(None) => return Err(problem(file, FileFault::Unreadable(e.to_string()))),
                Err(e) => Err(e),
            }
        }
        _ => {
            let bytes = bytes_of(file)?;
            not_json(file, bytes)?;
            notes_file::parse_for_reading(&file.path, bytes, journal, Some(&group))
        }
    };
    let (doc, left_out) = read.map_err(from_store)?;
    let left_out = left_out
        .into_iter()
        .map(|e| {
            let p = from_store(e);
            match p.fault {
                FileFault::Shape {
                    line,
                    col,
                    detail,
                    field,
                } => FileProblem {
                    fault: FileFault::NoteLeftOut {
                        line,
                        col,
                        detail,
                        field,
                    },
                    ..p
                },
                _ => p,
            }
        })
        .chain(unread)
        .collect();
    Ok((doc, left_out))
}

/// Reads a run file (the review uses its history of finished blocks), with
/// the same reader and checks as the consoles; `plan` when it could be read.
pub fn run(file: &FileBytes, plan: Option<&crate::model::Plan>) -> Result<RunState, FileProblem> {
    let bytes = bytes_of(file)?;
    not_json(file, bytes)?;
    run_file::parse(&file.path, bytes, plan).map_err(from_store)
}

/// A text that is not JSON at all, reported as such with serde's place,
/// or with the plan reader's place and words when it finds the fault too.
fn not_json(file: &FileBytes, bytes: &[u8]) -> Result<(), FileProblem> {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match serde_json::from_slice::<serde::de::IgnoredAny>(text) {
        Ok(_) => Ok(()),
        Err(err) => {
            let (line, col, detail) = (err.line(), err.column().max(1), err.to_string());
            let detail = detail
                .rsplit_once(" at line ")
                .map_or(detail.clone(), |(d, _)| d.to_string());
            let fault = match syntax_of(bytes) {
                Some((pos, why)) => FileFault::NotJson {
                    line: pos.line,
                    col: pos.col,
                    detail,
                    why: Some(why),
                },
                None => FileFault::NotJson {
                    line,
                    col,
                    detail,
                    why: None,
                },
            };
            Err(problem(file, fault))
        }
    }
}

/// Why the plan's reader (the one `check` uses) finds `bytes` not to be
/// JSON, so that the same words are said of every file; `None` for what
/// only it refuses (a key written twice, nesting it finds too deep).
fn syntax_of(bytes: &[u8]) -> Option<(crate::model::json_tree::Pos, ProblemKind)> {
    use crate::model::json_tree::{self, SyntaxErrorKind};
    let text = match crate::model::decode(bytes) {
        Ok(text) => text,
        Err(fault) => return Some(fault),
    };
    let err = json_tree::parse(text).err()?;
    match err.kind {
        SyntaxErrorKind::DuplicateKey(_) | SyntaxErrorKind::TooDeep => None,
        kind => Some((err.pos, ProblemKind::Syntax(kind))),
    }
}

/// The problem of the file the store's error is about (a notes file's
/// journal for its lines).
fn from_store(e: StoreError) -> FileProblem {
    let path = e.path().to_path_buf();
    let fault = match e {
        StoreError::Parse {
            line,
            column,
            message,
            field,
            ..
        } => FileFault::Shape {
            line,
            col: column,
            detail: message,
            field,
        },
        StoreError::Format { error, .. } => match error {
            FormatError::Newer {
                kind,
                found,
                supported,
            } => FileFault::Newer {
                found: format!("{kind}/{found}"),
                known: supported,
            },
            FormatError::OtherKind { expected, found } => FileFault::WrongKind {
                expected: kind_name(&expected),
                found: Some(found),
            },
            FormatError::Malformed { found } => FileFault::WrongKind {
                expected: kind_name(""),
                found: Some(found),
            },
            _ => FileFault::WrongKind {
                expected: kind_name(""),
                found: None,
            },
        },
        StoreError::Io { source, .. } => FileFault::Unreadable(source.to_string()),
        other => FileFault::Unreadable(other.to_string()),
    };
    FileProblem { path, fault }
}

fn kind_name(kind: &str) -> &'static str {
    match kind {
        RUN_KIND => RUN_KIND,
        NOTES_KIND => NOTES_KIND,
        _ => "bunkakai",
    }
}

/// The file's bytes as read; the readers skip one byte-order mark themselves.
fn bytes_of(file: &FileBytes) -> Result<&[u8], FileProblem> {
    match &file.bytes {
        Ok(b) => Ok(b),
        Err(e) => Err(problem(file, FileFault::Unreadable(e.to_string()))),
    }
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
    use std::path::PathBuf;

    fn file(text: &str) -> FileBytes {
        FileBytes {
            path: PathBuf::from("notes/A.json"),
            bytes: Ok(text.as_bytes().to_vec()),
            journal: Ok(None),
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
            fault(r#"{"format":"bunkakai.notes/1","session":"s","group":"A","attendance":5}"#),
            FileFault::Shape { .. }
        ));
        // One bad note costs that note only.
        let (doc, left_out) = notes(&file(
            r#"{"format":"bunkakai.notes/1","session":"s","group":"A","notes":[{"id":1}]}"#,
        ))
        .unwrap();
        assert!(doc.notes.is_empty());
        assert!(matches!(left_out[0].fault, FileFault::NoteLeftOut { .. }));
        // A file named for one group that says it is another is refused.
        assert!(matches!(
            fault(r#"{"format":"bunkakai.notes/1","session":"s","group":"B"}"#),
            FileFault::Shape { .. }
        ));
        // "+1" is not a version, for every reader.
        assert!(matches!(
            fault(r#"{"format":"bunkakai.notes/+1","session":"s","group":"A"}"#),
            FileFault::WrongKind { .. }
        ));
        let unreadable = FileBytes {
            path: PathBuf::from("x"),
            bytes: Err(std::io::Error::other("denied")),
            journal: Ok(None),
        };
        assert!(matches!(
            notes(&unreadable).unwrap_err().fault,
            FileFault::Unreadable(_)
        ));
    }

    #[test]
    fn a_good_notes_file_with_a_bom_reads() {
        let text = "\u{feff}{\"format\":\"bunkakai.notes/1\",\"session\":\"s\",\"group\":\"A\"}";
        assert_eq!(notes(&file(text)).unwrap().0.group, "A");
    }
}
