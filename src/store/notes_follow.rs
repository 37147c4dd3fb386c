//! Following a group's notes file while a console runs: after the first
//! read, only the lines other consoles added to the journal are read, so
//! that following a co-note-taker costs the same with a hundred thousand
//! notes in the group as with ten. The whole file is read again only when
//! it was rewritten (a fold, a facilitator's or reviewer's save).

use std::path::Path;

use super::error::{IoOp, StoreError};
use super::notes_file::{load_whole_for_follower, read_journal};
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
    /// How many lines of the journal were read.
    lines: usize,
    /// The file's marks, order, turns, summary and flag as they stand
    /// (everything but the notes), with the journal's lines merged in.
    rest: Option<GroupNotes>,
}

impl Follower {
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
        if self.seen != Some(before) {
            return self.read_whole(path, session, group, before);
        }
        let journal = journal_path(path);
        let len = match std::fs::metadata(&journal) {
            Ok(m) => m.len(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => 0,
            Err(e) => return Err(StoreError::io(&journal, IoOp::Read, e)),
        };
        if len < self.offset {
            return self.read_whole(path, session, group, before);
        }
        let bytes = notes_journal::read_from(path, self.offset)?.unwrap_or_default();
        // A fold renames the file before it removes the journal: the file
        // unchanged after the journal was read means the journal was its own.
        if stat(path)? != before {
            return self.read_whole(path, session, group, before);
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
        let journal = read_journal(path)?;
        let mut doc = load_whole_for_follower(path, session, group)?;
        let (mut whole, mut lines) = (0, 0);
        if let Some(bytes) = journal {
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

fn stat(path: &Path) -> Result<Option<Seen>, StoreError> {
    match std::fs::metadata(path) {
        Ok(m) => Ok(Some(notes_journal::seen(&m))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(path, IoOp::Read, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_notes::{group_notes, note};
    use crate::store::notes_file::{append, commit, notes_path, prepare_dir};

    fn one(id: &str) -> GroupNotes {
        group_notes("s", "B", vec![note(id, 10, "気仙沼市")])
    }

    fn ids(doc: &GroupNotes) -> Vec<&str> {
        doc.notes.iter().map(|n| n.id.as_str()).collect()
    }

    #[test]
    fn after_the_first_read_only_new_lines_are_given() {
        let tmp = tempfile::tempdir().unwrap();
        let path = notes_path(tmp.path(), "B");
        prepare_dir(&path).unwrap();
        commit(&path, &one("a")).unwrap();
        append(&path, &one("b")).unwrap();
        let mut f = Follower::default();
        assert_eq!(ids(&f.read(&path, "s", "B").unwrap()), ["a", "b"]);
        assert!(f.read(&path, "s", "B").unwrap().notes.is_empty());
        append(&path, &one("c")).unwrap();
        append(&path, &one("d")).unwrap();
        assert_eq!(ids(&f.read(&path, "s", "B").unwrap()), ["c", "d"]);
        // A fold rewrites the file: read whole again.
        crate::store::notes_file::fold(&path, "s", "B").unwrap();
        append(&path, &one("e")).unwrap();
        assert_eq!(
            ids(&f.read(&path, "s", "B").unwrap()),
            ["a", "b", "c", "d", "e"]
        );
        assert!(f.read(&path, "s", "B").unwrap().notes.is_empty());
    }
}
