//! Following a group's notes file while a console runs: after the first
//! read, only the lines other consoles added to the journal are read, so
//! that following a co-note-taker costs the same with a hundred thousand
//! notes in the group as with ten. The whole file is read again only when
//! it was rewritten (a fold, a facilitator's or reviewer's save).

use std::path::Path;

use super::error::{IoOp, StoreError};
use super::notes_file::{load_whole_for_follower, parse_file_for_reading};
use super::notes_journal::{self, Seen, journal_path};
use crate::model::notes::GroupNotes;
use crate::model::notes_change::{replay_changes, without_notes};

/// Where a console is in a group's notes file and journal.
#[derive(Debug, Clone, Default)]
pub struct Follower {
    /// The notes file as last read whole; `None` before the first read.
    seen: Option<Option<Seen>>,
    /// How many bytes of the journal were read.
    offset: u64,
    /// The identity (inode) of the journal file those bytes were read from.
    journal_id: Option<u64>,
    /// How many lines of the journal were read.
    lines: usize,
    /// The file's marks, order, turns, summary and flag as they stand
    /// (everything but the notes), with the journal's lines merged in.
    rest: Option<GroupNotes>,
    /// Read for showing only: a note that does not fit the format is left
    /// out (and logged) instead of making the file unreadable.
    for_reading: bool,
    /// The last read gave the whole file (not only the new lines).
    whole: bool,
}

impl Follower {
    /// A follower for a reader that only shows the notes (the facilitator):
    /// the file is read like [`super::notes_file::parse_for_reading`] does.
    pub(crate) fn for_reading() -> Follower {
        Follower {
            for_reading: true,
            ..Follower::default()
        }
    }

    /// True when the last [`Follower::read`] gave the whole file.
    pub(crate) fn gave_whole(&self) -> bool {
        self.whole
    }

    /// What the file holds that this follower has not given yet: the whole
    /// file (with its journal) on the first read and after the file was
    /// rewritten; else the notes of the journal's new lines with the file's
    /// other parts as they stand.
    pub fn read(
        &mut self,
        path: &Path,
        session: &str,
        group: &str,
    ) -> Result<GroupNotes, StoreError> {
        let before = stat(path)?;
        self.whole = true;
        if self.seen != Some(before) {
            return self.read_whole(path, session, group, before);
        }
        let journal = journal_path(path);
        let read = notes_journal::read_with_id(path, self.offset)?;
        // Another journal than the one read so far (a fold replaced it by
        // the lines added while it ran), or a shorter one: read whole.
        let moved = match &read {
            Some((_, id)) => self.offset > 0 && self.journal_id != Some(*id),
            None => self.offset > 0,
        };
        let len = match std::fs::metadata(&journal) {
            Ok(m) => m.len(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => 0,
            Err(e) => return Err(StoreError::io(&journal, IoOp::Read, e)),
        };
        if moved || len < self.offset {
            return self.read_whole(path, session, group, before);
        }
        let (bytes, id) = read.unwrap_or_default();
        // A fold renames the file before it removes the journal: the file
        // unchanged after the journal was read means the journal was its own.
        if stat(path)? != before {
            return self.read_whole(path, session, group, before);
        }
        self.whole = false;
        if !bytes.is_empty() {
            self.journal_id = Some(id);
        }
        let replay = notes_journal::parse(&journal, &bytes, self.lines + 1, Some(group))?;
        for e in &replay.problems {
            tracing::warn!(error = %e, "a change of the journal is left out");
        }
        self.offset += replay.whole;
        self.lines += bytes[..replay.whole as usize]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        let rest = self
            .rest
            .get_or_insert_with(|| GroupNotes::new(session, group));
        replay_changes(rest, &replay.changes);
        let out = rest.clone();
        rest.notes.clear();
        Ok(out)
    }

    fn read_whole(
        &mut self,
        path: &Path,
        session: &str,
        group: &str,
        before: Option<Seen>,
    ) -> Result<GroupNotes, StoreError> {
        let journal = notes_journal::read_with_id(path, 0)?;
        super::notes_file::between_reads();
        let mut doc = if self.for_reading {
            read_leniently(path, session, group)?
        } else {
            load_whole_for_follower(path, session, group)?
        };
        let (mut whole, mut lines) = (0, 0);
        self.journal_id = journal.as_ref().map(|(_, id)| *id);
        if let Some((bytes, _)) = journal {
            let replay = notes_journal::parse(&journal_path(path), &bytes, 1, Some(group))?;
            replay_changes(&mut doc, &replay.changes);
            whole = replay.whole;
            lines = bytes[..whole as usize]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
        }
        // Read whole again next time unless the file is still the one stat'd
        // before it was read.
        self.seen = (stat(path)? == before).then_some(before);
        self.offset = whole;
        self.lines = lines;
        self.rest = Some(without_notes(&doc));
        Ok(doc)
    }
}

/// The notes file alone, a note that does not fit left out (and logged).
fn read_leniently(path: &Path, session: &str, group: &str) -> Result<GroupNotes, StoreError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(GroupNotes::new(session, group));
        }
        Err(e) => return Err(StoreError::io(path, IoOp::Read, e)),
    };
    let (doc, problems) = parse_file_for_reading(path, &bytes, Some(group))?;
    for e in &problems {
        tracing::warn!(error = %e, "a note of the notes file is left out");
    }
    Ok(doc)
}

fn stat(path: &Path) -> Result<Option<Seen>, StoreError> {
    match std::fs::metadata(path) {
        Ok(m) => Ok(Some(notes_journal::seen(&m))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(path, IoOp::Read, e)),
    }
}

#[cfg(test)]
#[path = "notes_follow_tests.rs"]
mod tests;
