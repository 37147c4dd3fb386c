//! `StoreError`, the one error type of the store, and `IoOp`, the step that failed.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use super::format::FormatError;

/// The step of a store operation that an I/O error happened in.
///
/// The UI translates an error by its variant and this step, so each step a user
/// may need to tell apart has its own value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IoOp {
    /// Reading a data file.
    Read,
    /// Creating the temporary file next to the file being saved.
    CreateTemp,
    /// Writing the new contents into the temporary file.
    WriteTemp,
    /// Flushing the temporary file to disk (`fsync`).
    SyncTemp,
    /// Renaming the temporary file over the file being saved.
    Rename,
    /// Flushing the folder to disk so that the rename itself is durable.
    SyncDir,
    /// Opening (or creating) the sidecar lock file.
    OpenLock,
    /// Taking or waiting for the lock on the sidecar lock file.
    Lock,
    /// Adding a change to the end of a journal and flushing it to disk.
    Append,
}

impl fmt::Display for IoOp {
    /// A verb phrase that reads well after "cannot " and before a file name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IoOp::Read => "read",
            IoOp::CreateTemp => "create a temporary file next to",
            IoOp::WriteTemp => "write the new contents of",
            IoOp::SyncTemp => "flush to disk the new contents of",
            IoOp::Rename => "put in place the new contents of",
            IoOp::SyncDir => "flush to disk the folder of",
            IoOp::OpenLock => "open the lock file of",
            IoOp::Lock => "lock",
            IoOp::Append => "add a change to",
        })
    }
}

/// Everything that can go wrong when reading or writing a bunkakai file.
///
/// Every variant names the file it is about (`path`: the data file, never a
/// temporary or lock file) so that a message can tell the user which file to
/// look at. Messages include the operating system's own text, because "disk
/// full" or "permission denied" is what a user can act on.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// An operating-system call failed.
    #[error("cannot {op} {}: {source}", path.display())]
    Io {
        /// The data file concerned.
        path: PathBuf,
        /// The step that failed.
        op: IoOp,
        /// The operating system's error.
        #[source]
        source: io::Error,
    },

    /// The file is not valid JSON, or its JSON does not have the expected shape.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse {
        /// The data file concerned.
        path: PathBuf,
        /// 1-based line of the problem (0 when unknown).
        line: usize,
        /// 1-based column of the problem, counted in characters (0 when unknown).
        column: usize,
        /// What is wrong, without the position.
        message: String,
        /// The field and the rule it breaks, when it is one of the data
        /// files' rules (for the message in the user's language).
        field: Option<Box<crate::model::file_check::FieldProblem>>,
    },

    /// The file's `format` field is missing, malformed, of another kind, or
    /// newer than this program knows.
    #[error("{}: {error}", path.display())]
    Format {
        /// The data file concerned.
        path: PathBuf,
        /// What is wrong with the `format` field.
        #[source]
        error: FormatError,
    },

    /// Another bunkakai process holds the writer lock of this file.
    #[error(
        "{} is being written by another bunkakai console; close that console or wait, then try again",
        path.display()
    )]
    Locked {
        /// The data file whose lock is held.
        path: PathBuf,
    },

    /// The value to save could not be turned into JSON (a bug, not a disk problem).
    #[error("cannot encode {} as JSON: {message}", path.display())]
    Encode {
        /// The data file concerned.
        path: PathBuf,
        /// serde_json's explanation.
        message: String,
    },
}

impl StoreError {
    /// Builds an [`StoreError::Io`].
    pub(crate) fn io(path: &Path, op: IoOp, source: io::Error) -> Self {
        StoreError::Io {
            path: path.to_path_buf(),
            op,
            source,
        }
    }

    /// The data file this error is about.
    pub fn path(&self) -> &Path {
        match self {
            StoreError::Io { path, .. }
            | StoreError::Parse { path, .. }
            | StoreError::Format { path, .. }
            | StoreError::Locked { path }
            | StoreError::Encode { path, .. } => path,
        }
    }

    /// True when reading failed because the file does not exist (for example a
    /// `run.json` that has not been written yet).
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            StoreError::Io { op: IoOp::Read, source, .. } if source.kind() == io::ErrorKind::NotFound
        )
    }
}
