//! The only code that touches the disk: session folders, atomic saves, writer locks, versioned JSON documents.
//!
//! Consoles cooperate only through files in a shared session folder (found by
//! [`sessions`]), possibly a network or synced folder, so every write follows
//! the same rules:
//!
//! - [`atomic`]: a file is replaced whole (temp file, fsync, rename, fsync the
//!   folder); readers never see half a file. Open a folder with
//!   [`sweep_temp_files`] to remove temporary files of writers that died.
//! - [`lock`]: writers of one file take its [`WriterLock`] (a sidecar
//!   `<file>.lock`) around load, change and save.
//! - [`format`](mod@format) and [`document`]: every file carries a `format` tag
//!   (`"bunkakai.notes/1"`); files newer than this program are refused and
//!   never rewritten; fields this program does not know survive a rewrite.
//! - [`archive`]: reading every past sitting's files for review.
//! - [`search_cache`]: the folded text of the archive kept in the user's
//!   cache folder so that `bunkakai search` need not parse every file.
//! - [`watch`]: following other processes' saves in a sitting's folder.
//! - [`error`]: one error type, [`StoreError`], naming the file and the step.
//!
//! A typical update of a shared file:
//!
//! ```no_run
//! # use std::path::Path;
//! # use bunkakai::store::{self, StoreError, WriterLock};
//! # fn update(path: &Path) -> Result<(), StoreError> {
//! let _lock = WriterLock::acquire_timeout(path, std::time::Duration::from_secs(5))?;
//! let mut doc: serde_json::Value = store::load_json(path, "bunkakai.run", 1)?;
//! doc["paused"] = true.into();
//! store::save_json(path, &doc)?;
//! # Ok(()) }
//! ```

pub mod archive;
pub mod atomic;
pub(crate) mod document;
pub(crate) mod error;
pub(crate) mod format;
pub mod lock;
pub mod notes_file;
pub(crate) mod notes_fold;
pub mod notes_follow;
pub mod notes_journal;
pub(crate) mod notes_show;
#[cfg(test)]
mod notes_test_setup;
pub(crate) mod previous_sitting;
pub mod rescue;
pub mod run_file;
pub(crate) mod search_cache;
pub mod sessions;
pub mod temp;
pub(crate) mod watch;

pub(crate) use atomic::replace;
pub use document::{Extra, load_json, save_json};
pub(crate) use document::{field_error, parse_json};
pub use error::{IoOp, StoreError};
pub use format::{FormatError, FormatTag, check_format};
pub use lock::WriterLock;
pub(crate) use temp::sweep_temp_files;
