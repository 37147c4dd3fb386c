//! Notes as tests build them: a stamp on the sitting's day, a note taken at
//! a minute of it, and a group's notes file holding notes.

use super::Stamp;
use super::notes::{GroupNotes, Note, NoteKind};

/// 14:`minute` on the sitting's day (2026-01-20, Japan time).
pub(crate) fn at_minute(minute: u32) -> Stamp {
    super::test_sitting::at(i64::from(minute) * 60)
}

/// An issue note (課題) recorded at 14:`minute` and not changed since, in
/// no block, theme or question, with no speaker.
pub(crate) fn note(id: &str, minute: u32, text: &str) -> Note {
    Note::new(id, at_minute(minute), NoteKind::Issue, text)
}

/// Group `group`'s notes file of sitting `session`, holding `notes`.
pub(crate) fn group_notes(session: &str, group: &str, notes: Vec<Note>) -> GroupNotes {
    let mut doc = GroupNotes::new(session, group);
    doc.notes = notes;
    doc
}
