//! The journal beside a group's notes file (`notes/<group>.journal`): each
//! save of a note-taker's console adds one line holding only what changed,
//! so that a commit costs the same with ten notes in the group as with a
//! hundred thousand, and is on disk (fsync'd) before the console shows it
//! as saved.
//!
//! A line is `{"crc32":"<8 hex digits>","change":<a notes file>}` and a
//! newline; the change is a `bunkakai.notes/1` document holding the notes
//! that changed (and, when they changed, the marks, the speaking order and
//! turns, the summary and the flag). The checksum is the CRC-32 of the
//! change's bytes as written. A line without its newline is one cut short
//! by a console killed while writing it; a line whose checksum does not
//! match was damaged. Both are left out and reported; the next console that
//! adds a line first cuts a short last line off.
//!
//! The file as it stands is the notes JSON with every line of the journal
//! merged into it in order (the merge of `notes_merge`: newest change wins,
//! so a line read twice changes nothing). [`fold`](super::notes_file::fold)
//! writes that into the JSON and removes the journal, under the writer lock.
//! Lines are added under the same lock.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::FormatError;
use super::error::{IoOp, StoreError};
use super::{field_error, parse_json};
use crate::model::file_check::{FieldProblem, FieldRule, JournalFault};
use crate::model::notes::{GroupNotes, NOTES_KIND, NOTES_VERSION};
use crate::model::notes_read::check_notes;

const HEAD: &[u8] = b"{\"crc32\":\"";
const MIDDLE: &[u8] = b"\",\"change\":";
/// The field of a change that carries the summary its text was edited
/// from (the summary's `base`, which the notes file itself never holds).
const SUMMARY_BASE: &str = "summary_base";

/// The journal of the notes file `notes`: `<group>.journal` beside it.
pub(crate) fn journal_path(notes: &Path) -> PathBuf {
    notes.with_extension("journal")
}

/// Where lines of a journal that could not be read are kept when the
/// journal is folded into the notes file.
pub(crate) fn damaged_path(notes: &Path) -> PathBuf {
    notes.with_extension("journal.damaged")
}

/// One line of the journal for `change`, newline included.
pub(crate) fn encode(path: &Path, change: &GroupNotes) -> Result<Vec<u8>, StoreError> {
    let mut value = serde_json::to_value(change).map_err(|e| encode_error(path, &e))?;
    if let Some(base) = change.summary.as_ref().and_then(|s| s.base.as_ref())
        && let Some(map) = value.as_object_mut()
    {
        map.insert(SUMMARY_BASE.into(), base.clone().into());
    }
    let body = serde_json::to_vec(&value).map_err(|e| encode_error(path, &e))?;
    let mut line = Vec::with_capacity(body.len() + 32);
    line.extend_from_slice(HEAD);
    line.extend_from_slice(format!("{:08x}", crc32fast::hash(&body)).as_bytes());
    line.extend_from_slice(MIDDLE);
    line.extend_from_slice(&body);
    line.extend_from_slice(b"}\n");
    Ok(line)
}

fn encode_error(path: &Path, e: &serde_json::Error) -> StoreError {
    StoreError::Encode {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// What reading a journal gave.
#[derive(Debug, Default)]
pub struct Replay {
    /// The changes, in the order they were written.
    pub changes: Vec<GroupNotes>,
    /// The lines left out (cut short, damaged, not a change of this group),
    /// each with its line number.
    pub problems: Vec<StoreError>,
    /// The damaged whole lines, as they were (kept aside on a fold).
    pub(crate) damaged: Vec<Vec<u8>>,
    /// How many bytes the whole lines take (where the next read starts).
    pub(crate) whole: u64,
}

/// Reads the journal bytes `bytes` (of the journal at `path`, starting at
/// line `first_line`) for the group `group`. A change written by a newer
/// bunkakai is an error, like a newer notes file: nothing may be written
/// back over it.
pub fn parse(
    path: &Path,
    bytes: &[u8],
    first_line: usize,
    group: Option<&str>,
) -> Result<Replay, StoreError> {
    let mut replay = Replay::default();
    let mut rest = bytes;
    let mut number = first_line;
    while !rest.is_empty() {
        let Some(end) = memchr::memchr(b'\n', rest) else {
            replay
                .problems
                .push(line_error(path, number, JournalFault::CutShort));
            break;
        };
        let line = &rest[..end];
        rest = &rest[end + 1..];
        replay.whole += end as u64 + 1;
        if !line.iter().all(u8::is_ascii_whitespace) {
            match read_line(path, line, number, group) {
                Ok(change) => replay.changes.push(change),
                // A change of a newer bunkakai makes the group read-only.
                Err(
                    e @ StoreError::Format {
                        error: FormatError::Newer { .. },
                        ..
                    },
                ) => return Err(e),
                Err(e) => {
                    replay.problems.push(e);
                    replay.damaged.push(line.to_vec());
                }
            }
        }
        number += 1;
    }
    Ok(replay)
}

fn read_line(
    path: &Path,
    line: &[u8],
    number: usize,
    group: Option<&str>,
) -> Result<GroupNotes, StoreError> {
    let body = line
        .strip_prefix(HEAD)
        .filter(|r| r.len() > 8 + MIDDLE.len() && r[8..].starts_with(MIDDLE))
        .and_then(|r| {
            r[8 + MIDDLE.len()..]
                .strip_suffix(b"}")
                .map(|b| (&r[..8], b))
        });
    let Some((sum, body)) = body else {
        return Err(line_error(path, number, JournalFault::NotALine));
    };
    let sum = std::str::from_utf8(sum)
        .ok()
        .and_then(|s| u32::from_str_radix(s, 16).ok());
    if sum != Some(crc32fast::hash(body)) {
        return Err(line_error(path, number, JournalFault::Damaged));
    }
    let at_line = |e: StoreError| match e {
        StoreError::Parse {
            path,
            column,
            message,
            field,
            ..
        } => StoreError::Parse {
            path,
            line: number,
            column,
            message,
            field,
        },
        StoreError::Format { error, .. } if !matches!(error, FormatError::Newer { .. }) => {
            line_error(path, number, JournalFault::OtherFormat(error.to_string()))
        }
        e => e,
    };
    let mut change: GroupNotes =
        parse_json(path, body, NOTES_KIND, NOTES_VERSION).map_err(at_line)?;
    check_notes(&change, group).map_err(|p| at_line(field_error(path, body, &p)))?;
    if let Some(serde_json::Value::String(base)) = change.extra.shift_remove(SUMMARY_BASE)
        && let Some(s) = &mut change.summary
    {
        s.base = Some(base);
    }
    Ok(change)
}

/// A line left out: `<group>.journal:N:1: why`, in the user's language
/// when shown (the rule is kept with the English message).
fn line_error(path: &Path, line: usize, fault: JournalFault) -> StoreError {
    let problem = FieldProblem::rule("", FieldRule::JournalLine(fault));
    StoreError::Parse {
        path: path.to_path_buf(),
        line,
        column: 1,
        message: problem.message.clone(),
        field: Some(Box::new(problem)),
    }
}

/// Reads the journal of `notes` from byte `from` on; `None` when there is
/// none.
pub(crate) fn read_from(notes: &Path, from: u64) -> Result<Option<Vec<u8>>, StoreError> {
    Ok(read_with_id(notes, from)?.map(|(bytes, _)| bytes))
}

/// [`read_from`], with the identity (inode) of the journal file the bytes
/// came from: a fold replaces the journal by another file, so the same
/// offset in a journal of another identity means nothing.
pub(crate) fn read_with_id(notes: &Path, from: u64) -> Result<Option<(Vec<u8>, u64)>, StoreError> {
    let path = journal_path(notes);
    let fail = |e| StoreError::io(&path, IoOp::Read, e);
    let mut file = match File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(fail(e)),
    };
    let id = seen(&file.metadata().map_err(fail)?).2;
    let mut bytes = Vec::new();
    file.seek(SeekFrom::Start(from))
        .and_then(|_| file.read_to_end(&mut bytes))
        .map_err(fail)?;
    Ok(Some((bytes, id)))
}

/// Adds `change` to the journal of `notes` and flushes it to disk. The
/// caller holds the writer lock of `notes`. A last line cut short by a
/// console that was killed is cut off first, so the new line starts a line.
pub(crate) fn append_locked(notes: &Path, change: &GroupNotes) -> Result<(), StoreError> {
    let path = journal_path(notes);
    let line = encode(&path, change)?;
    let fail = |e| StoreError::io(&path, IoOp::Append, e);
    let existed = path.exists();
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(&path)
        .map_err(fail)?;
    let len = file.metadata().map_err(fail)?.len();
    let whole = whole_lines(&mut file, len).map_err(fail)?;
    if whole < len {
        tracing::warn!(
            journal = %path.display(),
            bytes = len - whole,
            "a change cut short at the end of the journal was cut off"
        );
        file.set_len(whole).map_err(fail)?;
    }
    file.write_all(&line).map_err(fail)?;
    file.sync_data().map_err(fail)?;
    if !existed {
        super::atomic::sync_folder_of(&path)
            .map_err(|e| StoreError::io(&path, IoOp::SyncDir, e))?;
    }
    Ok(())
}

/// The length of the whole lines of a file of `len` bytes: up to and with
/// its last newline.
fn whole_lines(file: &mut File, len: u64) -> std::io::Result<u64> {
    const CHUNK: u64 = 64 * 1024;
    let mut end = len;
    let mut buf = vec![0; CHUNK as usize];
    while end > 0 {
        let start = end.saturating_sub(CHUNK);
        let part = &mut buf[..(end - start) as usize];
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(part)?;
        if let Some(i) = memchr::memrchr(b'\n', part) {
            return Ok(start + i as u64 + 1);
        }
        end = start;
    }
    Ok(0)
}

/// The identity of a notes file as last read whole by this process: its
/// length, modification time and inode. While it stays the same, adding to
/// the journal need not read the file again to know it can be used.
pub(crate) type Seen = (u64, std::time::SystemTime, u64);

static READ_FINE: Mutex<Vec<(PathBuf, Seen)>> = Mutex::new(Vec::new());

pub(crate) fn seen(meta: &std::fs::Metadata) -> Seen {
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(meta);
    #[cfg(not(unix))]
    let inode = 0;
    (
        meta.len(),
        meta.modified().unwrap_or(std::time::UNIX_EPOCH),
        inode,
    )
}

/// Records that the notes file `notes`, as `meta` describes it, was read
/// whole and could be used.
pub(crate) fn read_fine(notes: &Path, meta: &std::fs::Metadata) {
    let mut known = READ_FINE.lock().unwrap_or_else(|p| p.into_inner());
    let seen = seen(meta);
    match known.iter_mut().find(|(p, _)| p == notes) {
        Some(entry) => entry.1 = seen,
        None => known.push((notes.to_path_buf(), seen)),
    }
}

/// True when the notes file, as it is now, was read whole and fine.
pub(crate) fn known_fine(notes: &Path, meta: &std::fs::Metadata) -> bool {
    let known = READ_FINE.lock().unwrap_or_else(|p| p.into_inner());
    known.iter().any(|(p, s)| p == notes && *s == seen(meta))
}

#[cfg(test)]
#[path = "notes_journal_tests.rs"]
mod tests;
