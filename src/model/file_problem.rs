//! A file of a past sitting that could not be used, and why: what review,
//! search and the exports list instead of the file. Read by `review::files`;
//! worded by `i18n::review`.

use std::path::PathBuf;

use super::file_check::FieldProblem;
use super::{Problem, ProblemKind};

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
        /// Why, as `check` says it of a plan (in the user's language),
        /// when the plan's reader finds the same fault.
        why: Option<ProblemKind>,
    },
    /// The JSON does not have the shape of this kind of file.
    Shape {
        /// Line of the problem, from 1.
        line: usize,
        /// Column of the problem, from 1.
        col: usize,
        /// The parser's description.
        detail: String,
        /// The field and the rule it breaks, when it is one of the data
        /// files' rules (said in the user's language).
        field: Option<Box<FieldProblem>>,
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
    /// One note of a notes file (or one line of its journal) does not fit
    /// the format: it is left out, the other notes are read.
    NoteLeftOut {
        /// Line of the note, from 1.
        line: usize,
        /// Column of the note, from 1.
        col: usize,
        /// Its field path and what is wrong.
        detail: String,
        /// The field and the rule it breaks, when known.
        field: Option<Box<FieldProblem>>,
    },
}

impl FileFault {
    /// True when the whole file could not be used (not just one note).
    pub fn whole_file(&self) -> bool {
        !matches!(self, FileFault::NoteLeftOut { .. })
    }
}
