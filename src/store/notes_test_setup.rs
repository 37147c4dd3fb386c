//! What the store's notes tests share: a sitting folder with its notes
//! folder ready, and notes of group B to put in it.

use std::path::PathBuf;

use super::notes_file::{notes_path, prepare_dir};
use crate::model::notes::{GroupNotes, Note};

/// A fresh sitting in a temporary folder (kept while the first value
/// lives) and the path of group B's notes file in it.
pub(crate) fn sitting() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let path = notes_path(tmp.path(), "B");
    prepare_dir(&path).unwrap();
    (tmp, path)
}

/// A note `id` saying `text`, by 気仙沼市, at 14:10 on the sitting's day.
pub(crate) fn note(id: &str, text: &str) -> Note {
    Note {
        speaker: Some("気仙沼市".into()),
        ..crate::model::test_notes::note(id, 10, text)
    }
}

/// A change of group B holding the one note `id`.
pub(crate) fn one(id: &str, text: &str) -> GroupNotes {
    let mut c = GroupNotes::new("s", "B");
    c.notes.push(note(id, text));
    c
}

/// The ids of a group's notes, in order.
pub(crate) fn ids(doc: &GroupNotes) -> Vec<&str> {
    doc.notes.iter().map(|n| n.id.as_str()).collect()
}
