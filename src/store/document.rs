//! Reading and writing versioned JSON documents: `load_json`, `save_json`, `Extra`.
//!
//! Every data file is a JSON object with a `format` field (see
//! [`format`](super::format)). [`load_json`] checks that field before anything
//! else, so a file written by a newer bunkakai is refused before this program
//! tries to understand it, and it is never modified.
//!
//! # Keeping fields this program does not know
//!
//! Files bunkakai writes itself (`run.json`, `notes/*.json`) must keep fields
//! added by a newer version: an older console that rewrites such a file must
//! not strip them. Each struct of such a file, and each struct nested in it,
//! ends with a flattened [`Extra`] map that collects the unknown fields on
//! load and writes them back on save:
//!
//! ```
//! use serde::{Deserialize, Serialize};
//! use bunkakai::store::{Extra, FormatTag};
//!
//! #[derive(Serialize, Deserialize)]
//! struct Notes {
//!     format: FormatTag,
//!     group: String,
//!     #[serde(default)]
//!     lines: Vec<String>,
//!     /// Fields a newer bunkakai added; written back unchanged.
//!     #[serde(flatten)]
//!     extra: Extra,
//! }
//!
//! let text = r#"{"format": "bunkakai.notes/1", "group": "A", "mood": "calm"}"#;
//! let mut notes: Notes = serde_json::from_str(text).unwrap();
//! notes.lines.push("hello".into());
//! let saved = serde_json::to_value(&notes).unwrap();
//! assert_eq!(saved["mood"], "calm");
//! ```
//!
//! Rules for such structs: no `#[serde(deny_unknown_fields)]` (it cannot be
//! combined with `flatten`); the unknown fields are written after the known
//! ones (in their original order, thanks to serde_json's `preserve_order`); a
//! nested struct without its own `extra` loses the unknown fields inside it.
//! Errors about the shape of a struct with a flattened map are reported at the
//! end of that object rather than at the offending field.

use std::fs;
use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::atomic;
use super::error::{IoOp, StoreError};
use super::format::check_format;
use crate::model::file_check::{FieldProblem, locate, path_at, plain_serde_message};

/// The fields of a JSON object that a struct does not know; use it as
/// `#[serde(flatten)] extra: Extra` (see the module documentation).
pub type Extra = serde_json::Map<String, Value>;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads the document at `path` as a `T`, checking its format first.
///
/// A UTF-8 byte-order mark is skipped; CRLF line ends are fine. The `format`
/// field must be `kind/<version>` with a version of at most `max_version`;
/// otherwise [`StoreError::Format`] is returned (and the file is left as it
/// is). JSON syntax errors and shape errors come as [`StoreError::Parse`] with
/// the line and column in the file.
pub fn load_json<T: DeserializeOwned>(
    path: &Path,
    kind: &str,
    max_version: u32,
) -> Result<T, StoreError> {
    let bytes = fs::read(path).map_err(|e| StoreError::io(path, IoOp::Read, e))?;
    parse_json(path, &bytes, kind, max_version)
}

/// [`load_json`] on bytes already read from `path`.
pub(crate) fn parse_json<T: DeserializeOwned>(
    path: &Path,
    bytes: &[u8],
    kind: &str,
    max_version: u32,
) -> Result<T, StoreError> {
    let text = bytes.strip_prefix(BOM).unwrap_or(bytes);
    // Parse twice: once untyped, to check the format before the typed parse
    // can complain about fields a newer version changed; once typed, so shape
    // errors carry their position in the file. The files are small.
    let value: Value = serde_json::from_slice(text).map_err(|e| parse_error(path, text, &e))?;
    check_format(&value, kind, max_version).map_err(|error| StoreError::Format {
        path: path.to_path_buf(),
        error,
    })?;
    serde_json::from_slice(text).map_err(|e| parse_error(path, text, &e))
}

/// Writes `value` to `path` as pretty JSON (two-space indent, trailing
/// newline), replacing the file atomically (see [`atomic::replace`]).
///
/// Does not take the writer lock; hold a
/// [`WriterLock`](super::lock::WriterLock) around load, change and save.
pub fn save_json<T: Serialize + ?Sized>(path: &Path, value: &T) -> Result<(), StoreError> {
    let bytes = to_pretty_json(value).map_err(|e| StoreError::Encode {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    atomic::replace(path, &bytes)
}

/// The bytes [`save_json`] writes for `value`.
pub(crate) fn to_pretty_json<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Turns a serde_json error into [`StoreError::Parse`], with the column
/// counted in characters (serde_json counts bytes, which is wrong for the
/// Japanese text these files are full of).
fn parse_error(path: &Path, text: &[u8], error: &serde_json::Error) -> StoreError {
    let (line, byte_column) = (error.line(), error.column());
    let full = error.to_string();
    let suffix = format!(" at line {line} column {byte_column}");
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
    let column = char_column(text, line, byte_column);
    // A shape error names the field, in words without Rust's type names.
    let message = if error.is_data() {
        let message = plain_serde_message(&message);
        match path_at(text, line, column) {
            Some(field) => format!("{field}: {message}"),
            None => message,
        }
    } else {
        message
    };
    StoreError::Parse {
        path: path.to_path_buf(),
        line,
        column,
        message,
        field: None,
    }
}

/// A rule the file breaks, found after reading it, as an error that names
/// the file, the line and column of the field, and the field's path.
pub(crate) fn field_error(path: &Path, bytes: &[u8], problem: &FieldProblem) -> StoreError {
    let pos = locate(bytes, &problem.path).unwrap_or_default();
    StoreError::Parse {
        path: path.to_path_buf(),
        line: pos.line,
        column: pos.col,
        message: problem.text(),
        field: Some(Box::new(problem.clone())),
    }
}

/// Converts serde_json's 1-based byte column on 1-based `line` into a
/// 1-based character column. Positions it cannot map are returned unchanged.
fn char_column(text: &[u8], line: usize, byte_column: usize) -> usize {
    if line == 0 || byte_column == 0 {
        return byte_column;
    }
    let Some(line_text) = text.split(|&b| b == b'\n').nth(line - 1) else {
        return byte_column;
    };
    let upto = &line_text[..byte_column.min(line_text.len())];
    // Count the characters that start within the first `byte_column` bytes:
    // every byte that is not a UTF-8 continuation byte starts one.
    let chars = upto.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    chars.max(1)
}
