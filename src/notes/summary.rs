//! The group summary (まとめ) when two note-takers write it: recording it
//! merges it line by line with what the other console saved meanwhile
//! (against the version this editor started from), and an editor with no
//! changes of its own follows the file.

use chrono::{DateTime, Duration, Utc};

use super::State;
use crate::i18n::notes::NotesText;
use crate::model::notes::{Summary, after};

/// Commits the summary editor's text as the group's summary; the save
/// merges it with another console's change made since [`State::summary_base`].
pub(super) fn commit_summary(state: &mut State, now: DateTime<Utc>) {
    let text = state.summary.lines().join("\n").trim_end().to_string();
    let prev = state.doc.summary.as_ref().map(|s| s.updated);
    state.doc.summary = Some(Summary {
        text,
        updated: after(prev, state.stamp(now)),
        base: Some(state.summary_base.clone()),
        conflict: false,
    });
    state.summary_dirty = false;
    state.summary_moved_on = false;
    state.summary_gen = Some(state.saving.other_changed());
    state.touch_draft(now);
    state.draft_dirty_since = Some(now - Duration::seconds(1));
    state.notice(NotesText::SummaryCommitted.text(state.lang), now);
}

/// The summary text of the file as this console knows it.
fn file_text(state: &State) -> String {
    state
        .doc
        .summary
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// After the save of `generation` is on disk: once the recorded summary is
/// in the file, the file's version (merged with the other console's) is
/// the one to show, and a merge that kept both versions of a line says so.
pub(super) fn saved(state: &mut State, generation: u64, now: DateTime<Utc>) {
    if state.summary_gen.is_none_or(|g| g > generation) {
        return follow(state, now);
    }
    state.summary_gen = None;
    let mut conflict = false;
    if let Some(s) = &mut state.doc.summary {
        conflict = s.conflict;
        s.base = None;
        s.conflict = false;
    }
    let shown = state.summary.lines().join("\n");
    let merged_in = file_text(state) != shown.trim_end();
    follow(state, now);
    if conflict {
        state.notice(NotesText::SummaryConflict.text(state.lang), now);
    } else if merged_in && !state.summary_dirty {
        state.notice(NotesText::SummaryMerged.text(state.lang), now);
    }
}

/// The file changed (another console, or this one's save): an editor with
/// no changes of its own shows the file's summary; one being edited keeps
/// its text and says that the file moved on (recording merges them).
pub(super) fn follow(state: &mut State, now: DateTime<Utc>) {
    if state.summary_gen.is_some() {
        return; // this console's recorded summary is not on disk yet
    }
    if let Some(s) = &mut state.doc.summary {
        s.conflict = false;
    }
    let text = file_text(state);
    if !state.summary_dirty {
        if state.summary.lines().join("\n") != text {
            state.summary = super::editor::textarea_with(&text);
            state.summary_undo = Default::default();
        }
        state.summary_base = text;
    } else if text != state.summary_base && !state.summary_moved_on {
        state.summary_moved_on = true;
        state.notice(NotesText::SummaryMovedOn.text(state.lang), now);
    }
}
