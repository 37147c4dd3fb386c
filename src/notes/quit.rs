//! Leaving the console without losing work: Ctrl+C/Ctrl+Q asks first when
//! something is not where it belongs (notes whose save failed, a summary not
//! recorded, a draft that cannot be written), offering to retry, to write a
//! rescue copy, or to quit anyway; and, at start, rescue copies of an
//! earlier session are offered back. Pure: the writing is done by effects.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Effect, State};
use crate::i18n::notes::{NotesText, rescue_written};
use crate::model::notes_merge::merged;
use crate::model::notes_rescue::Rescue;

/// A question the console asks before anything else can be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ask {
    /// Quit although work is not saved where it belongs?
    Quit,
    /// Bring back the work rescued when an earlier session ended?
    BringBack,
    /// Drop the changes made to a recorded note (Esc while changing it)?
    DropEdit,
}

/// What would be lost, or left only in a draft or rescue copy, by quitting now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Unsaved {
    /// Notes not in the notes file.
    pub(crate) notes: usize,
    /// Attendance, speaking order, turns, coverage or summary not in the file.
    pub(crate) other: bool,
    /// The summary editor holds text not yet recorded.
    pub(crate) summary: bool,
    /// The draft file cannot be written and the editor holds text.
    pub(crate) draft: bool,
}

impl State {
    /// What is not where it belongs, when quitting would need a question:
    /// saves are failing, the summary is not recorded, or the draft cannot be
    /// written. A save merely under way is not asked about: leaving finishes it.
    pub(crate) fn unsaved(&self) -> Option<Unsaved> {
        let failing = self.saving.error.is_some() && self.saving.dirty();
        let u = Unsaved {
            notes: if failing { self.saving.notes.len() } else { 0 },
            other: failing && self.saving.other.is_some(),
            summary: self.summary_dirty,
            draft: self.draft_error.is_some() && !self.editor.is_blank(),
        };
        (u != Unsaved::default()).then_some(u)
    }

    /// A rescue copy of everything this console has not saved, taken at `now`.
    pub(crate) fn rescue(&self, now: DateTime<Utc>) -> Rescue {
        let draft = self.draft(now);
        let pending = self.saving.notes.keys().cloned().collect();
        let draft = (!draft.is_empty()).then_some(draft);
        let file = format!("{}.json", self.group.id);
        Rescue::new(&self.doc, pending, draft, file, self.stamp(now))
    }
}

/// Ctrl+C / Ctrl+Q: leave at once when nothing would be lost, else ask.
pub(super) fn quit(state: &mut State, now: DateTime<Utc>, fx: &mut Vec<Effect>) {
    if state.unsaved().is_some() {
        state.ask = Some(Ask::Quit);
    } else {
        leave(state, now, true, fx);
    }
}

/// Ends the console at `now` (quit, signal or hang-up): a speaking turn still
/// running ends now, so that it does not keep counting in the file, and the
/// last save on the way out writes it.
pub(super) fn leave(
    state: &mut State,
    now: DateTime<Utc>,
    restore_terminal: bool,
    fx: &mut Vec<Effect>,
) {
    if super::roster::speaking_now(&state.doc).is_some() {
        let at = state.stamp(now);
        super::roster::stop(&mut state.doc, at);
        state.saving.other_changed();
    }
    state.quitting = true;
    fx.push(Effect::Exit { restore_terminal });
}

/// A key while a question is open. Quitting anyway is a deliberate key of
/// its own (`q`): a second Ctrl+C does not leave.
pub(super) fn answer(state: &mut State, ask: Ask, ev: KeyEvent, now: DateTime<Utc>) -> Vec<Effect> {
    let mut fx = Vec::new();
    let plain = !ev
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    let key = match ev.code {
        KeyCode::Char(c) if plain => Some(c.to_ascii_lowercase()),
        KeyCode::Enter => Some('\n'),
        KeyCode::Esc => Some('\x1b'),
        _ => None,
    };
    match (ask, key) {
        (Ask::Quit, Some('r' | '\n')) => {
            state.ask = None;
            state.saving.retry_at = None;
            state.draft_dirty_since.get_or_insert(now);
        }
        (Ask::Quit, Some('w')) => {
            fx.push(Effect::WriteRescue(Box::new(state.rescue(now))));
        }
        (Ask::Quit, Some('q')) => {
            state.ask = None;
            leave(state, now, true, &mut fx);
        }
        (Ask::Quit, Some('\x1b')) => state.ask = None,
        (Ask::BringBack, Some('y' | '\n')) => {
            bring_back(state, now);
            state.ask = None;
        }
        (Ask::DropEdit, Some('y')) => {
            state.ask = None;
            state.editor.finish();
            state.touch_draft(now);
        }
        (Ask::DropEdit, Some('n' | '\x1b' | '\n')) => state.ask = None,
        (Ask::BringBack, Some('n' | '\x1b')) => {
            state.rescue_offer.clear();
            state.ask = None;
        }
        _ => {}
    }
    fx
}

/// Merges the rescued work back into this console's file (by note id and
/// timestamps, so nothing newer is overwritten), marks it for saving and
/// remembers the copies to remove once it is on disk.
fn bring_back(state: &mut State, now: DateTime<Utc>) {
    let mut ids = std::collections::BTreeSet::new();
    for (path, r) in std::mem::take(&mut state.rescue_offer) {
        state.doc = merged(&state.doc, &r.doc);
        state.recount();
        for id in &r.pending {
            if state.doc.notes.iter().any(|n| &n.id == id) {
                state.saving.note_changed(id);
                ids.insert(id.clone());
            }
        }
        let generation = state.saving.other_changed();
        if let Some(d) = &r.draft {
            if state.editor.is_blank() && !d.note.text.trim().is_empty() {
                state.editor = super::editor::NoteEditor::from_draft(&d.note);
            }
            if let Some(s) = d.summary.as_ref().filter(|_| !state.summary_dirty) {
                state.summary = super::editor::textarea_with(s);
                state.summary_undo = Default::default();
                state.summary_dirty = true;
            }
            state.touch_draft(now);
        }
        state.rescue_cleanup.push((generation, path));
    }
    state.notice(
        NotesText::BroughtBack
            .text(state.lang)
            .replace("{n}", &ids.len().to_string()),
        now,
    );
}

/// The rescue copies to remove now that the save of `generation` is on disk.
pub(super) fn saved_up_to(state: &mut State, generation: u64, fx: &mut Vec<Effect>) {
    let (done, keep): (Vec<_>, Vec<_>) = std::mem::take(&mut state.rescue_cleanup)
        .into_iter()
        .partition(|(g, _)| *g <= generation);
    state.rescue_cleanup = keep;
    fx.extend(done.into_iter().map(|(_, p)| Effect::RemoveRescue(p)));
}

/// The rescue copy asked for was written (or not).
pub(super) fn rescue_written_result(
    state: &mut State,
    result: Result<PathBuf, String>,
    now: DateTime<Utc>,
) {
    match result {
        Ok(path) => {
            let text = rescue_written(&path.display().to_string(), state.lang);
            state
                .rescue_cleanup
                .push((state.saving.generation, path.clone()));
            state.rescued_to = Some(path);
            state.notice(text, now);
        }
        Err(e) => state.notice(e, now),
    }
}
