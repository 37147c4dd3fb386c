//! Committing what the note-taker wrote: a note (new or edited), the
//! summary, and the delete/undo of a note (kept as a tombstone).

use chrono::{DateTime, Duration, Utc};

use super::State;
use crate::i18n::notes::NotesText;
use crate::model::notes::{Note, after};

/// Marks note `id` deleted (or restored) at `at`.
pub(super) fn set_deleted(state: &mut State, id: &str, deleted: bool, at: crate::model::Stamp) {
    if let Some(n) = state.doc.notes.iter_mut().find(|n| n.id == id) {
        n.deleted = deleted;
        n.updated = after(Some(n.updated), at);
        state.saving.note_changed(id);
    }
}

/// Commits the editor's note: a new note, or the edited one changed in place.
pub(super) fn commit_note(state: &mut State, now: DateTime<Utc>) {
    if state.editor.is_blank() {
        if state.editor.editing.is_some() {
            state.notice(NotesText::BlankEdit.text(state.lang), now);
        }
        return;
    }
    let at = state.stamp(now);
    let e = &state.editor;
    let text = e.text().trim().to_string();
    let (theme, question) = match &e.question {
        Some((t, q)) => (Some(t.clone()), Some(q.clone())),
        None => (
            (state.themes.len() == 1).then(|| state.themes[0].id.clone()),
            None,
        ),
    };
    let owner = (e.kind == crate::model::notes::NoteKind::Action)
        .then(|| e.owner.clone())
        .flatten();
    let block = state.block_id(now);
    let existing = e
        .editing
        .as_ref()
        .and_then(|id| state.doc.notes.iter_mut().find(|n| &n.id == id));
    let id = match existing {
        // Opened and recorded again unchanged (or changed and undone): the
        // note stays as it was, with no edited mark and nothing to save.
        Some(n)
            if n.text == text
                && n.speaker == e.speaker
                && n.kind == e.kind
                && (&n.theme, &n.question) == (&theme, &question)
                && n.owner == owner
                && !n.deleted =>
        {
            state.editor.finish();
            state.draft_dirty_since = Some(now - Duration::seconds(1));
            return;
        }
        Some(n) => {
            n.text = text;
            n.speaker = e.speaker.clone();
            n.kind = e.kind;
            n.theme = theme;
            n.question = question;
            n.owner = owner;
            n.deleted = false;
            n.updated = after(Some(n.updated), at);
            n.edited = Some(n.updated);
            n.id.clone()
        }
        None => {
            state.id_counter += 1;
            let id = format!("{}-{}", state.id_prefix, state.id_counter);
            state.doc.notes.push(Note {
                block,
                theme,
                question,
                speaker: e.speaker.clone(),
                owner,
                ..Note::new(id.clone(), at, e.kind, text)
            });
            id
        }
    };
    state.saving.note_changed(&id);
    state.editor.finish();
    state.list_scroll = 0;
    state.touch_draft(now);
    // The draft must stop holding the committed text at once.
    state.draft_dirty_since = Some(now - Duration::seconds(1));
}
