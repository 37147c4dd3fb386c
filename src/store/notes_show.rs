//! Reading a group's notes for showing only (review, search, export, the
//! facilitator's counts): a note that does not fit the format is left out
//! and reported, the others are read; the journal is read before the notes
//! file, so that a fold landing between the two reads hides nothing.

use std::path::Path;

use super::error::StoreError;
use super::field_error;
use super::notes_file::parse;
use super::notes_journal::{self, journal_path};
use crate::model::notes::GroupNotes;
use crate::model::notes_change::replay_changes;
use crate::model::notes_read::{check_notes, set_aside_bad_notes};

/// Reads a notes file's bytes for showing only (review, search, export,
/// the facilitator's counts): a note that does not fit the format is left
/// out and reported, and the others are read. Never write the result back.
/// `journal` is the journal's bytes, read *before* the file's (see
/// [`read_for_reading`]): a fold between the two reads then leaves its
/// lines in the file read second, where reading the journal after the file
/// could find neither.
pub fn parse_for_reading(
    path: &Path,
    bytes: &[u8],
    journal: Option<&[u8]>,
    group: Option<&str>,
) -> Result<(GroupNotes, Vec<StoreError>), StoreError> {
    let (mut doc, mut problems) = parse_file_for_reading(path, bytes, group)?;
    if let Some(bytes) = journal {
        let replay = notes_journal::parse(&journal_path(path), bytes, 1, group)?;
        replay_changes(&mut doc, &replay.changes);
        problems.extend(replay.problems);
    }
    Ok((doc, problems))
}

/// A notes file's journal (`None` when there is none) and the file's bytes,
/// as [`read_for_reading`] gives them.
pub type ReadBytes = (
    Result<Option<Vec<u8>>, StoreError>,
    std::io::Result<Vec<u8>>,
);

/// Reads a notes file and its journal for [`parse_for_reading`]: the
/// journal first, then the file.
pub fn read_for_reading(path: &Path) -> ReadBytes {
    let journal = notes_journal::read_from(path, 0);
    between_reads();
    (journal, std::fs::read(path))
}

/// Where a test can make a fold land between a reader's two reads.
pub(crate) fn between_reads() {
    #[cfg(test)]
    BETWEEN_READS.with(|h| {
        if let Some(f) = h.borrow_mut().take() {
            f();
        }
    });
}

#[cfg(test)]
thread_local! {
    /// What [`between_reads`] runs once, in tests.
    pub(crate) static BETWEEN_READS: std::cell::RefCell<Option<Box<dyn FnOnce()>>> =
        const { std::cell::RefCell::new(None) };
}

/// [`parse_for_reading`] of a group whose notes file is missing but whose
/// journal is there (the file was deleted or moved away): the journal's
/// changes on an empty record of the group, as [`load`] gives the consoles.
/// `journal` is the journal's bytes, `None` when there is no journal
/// either (then so is the result).
pub(crate) fn journal_alone_for_reading(
    path: &Path,
    journal: Option<&[u8]>,
    session: &str,
    group: &str,
) -> Result<Option<(GroupNotes, Vec<StoreError>)>, StoreError> {
    let Some(bytes) = journal else {
        return Ok(None);
    };
    let replay = notes_journal::parse(&journal_path(path), bytes, 1, Some(group))?;
    let mut doc = GroupNotes::new(session, group);
    replay_changes(&mut doc, &replay.changes);
    Ok(Some((doc, replay.problems)))
}

/// [`parse_for_reading`] of the notes file alone.
pub fn parse_file_for_reading(
    path: &Path,
    bytes: &[u8],
    group: Option<&str>,
) -> Result<(GroupNotes, Vec<StoreError>), StoreError> {
    match parse(path, bytes, group) {
        Ok(doc) => return Ok((doc, Vec::new())),
        Err(StoreError::Parse { .. }) => {}
        Err(e) => return Err(e),
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let whole = || parse(path, bytes, group);
    let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(text) else {
        return Err(whole().err().unwrap_or_else(|| not_json(path)));
    };
    let set_aside = set_aside_bad_notes(&mut value);
    let doc: GroupNotes = match serde_json::from_value(value) {
        Ok(doc) => doc,
        Err(_) => return Err(whole().err().unwrap_or_else(|| not_json(path))),
    };
    if set_aside.is_empty() {
        return Err(whole().err().unwrap_or_else(|| not_json(path)));
    }
    check_notes(&doc, group).map_err(|p| field_error(path, bytes, &p))?;
    let problems = set_aside
        .iter()
        .map(|p| field_error(path, bytes, p))
        .collect();
    Ok((doc, problems))
}

fn not_json(path: &Path) -> StoreError {
    StoreError::Parse {
        path: path.to_path_buf(),
        line: 0,
        column: 0,
        message: "not a notes file".into(),
        field: None,
    }
}
