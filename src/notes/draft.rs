//! The note-taker's unsent work as a draft file: what is saved of the
//! editors, when it is due, and putting a saved draft (or a rescue copy
//! offered back) into the editors.

use chrono::{DateTime, Duration, Utc};

use super::State;
use super::editor::{self, NoteEditor};
use super::quit::Ask;
use crate::model::notes_draft::Draft;

/// How long after the last keystroke the draft is saved.
pub(crate) const DRAFT_DEBOUNCE_MS: i64 = 300;
/// The longest a changed draft waits while typing goes on.
pub(crate) const DRAFT_MAX_WAIT_MS: i64 = 900;

impl State {
    /// The draft to save now: the editor's note and the unsaved summary.
    pub(crate) fn draft(&self, now: DateTime<Utc>) -> Draft {
        let summary = self.summary_dirty.then(|| self.summary.lines().join("\n"));
        let mut draft = Draft::new(
            &self.plan.id,
            &self.group.id,
            self.stamp(now),
            self.editor.to_draft(),
            summary,
        );
        if self.summary_dirty {
            draft.summary_base = Some(self.summary_base.clone());
        }
        draft
    }

    /// Offers rescue copies of earlier sessions back (asked before anything else).
    pub(crate) fn offer_rescued(
        &mut self,
        found: Vec<(std::path::PathBuf, crate::model::notes_rescue::Rescue)>,
    ) {
        if !found.is_empty() {
            self.rescue_offer = found;
            self.ask = Some(Ask::BringBack);
        }
    }

    /// Puts a saved draft back into the editors.
    pub(crate) fn restore(&mut self, draft: &Draft) {
        self.editor = NoteEditor::from_draft(&draft.note);
        if let Some(s) = &draft.summary {
            self.summary = editor::textarea_with(s);
            self.summary_undo = Default::default();
            self.summary_dirty = true;
            if let Some(base) = &draft.summary_base {
                self.summary_base = base.clone();
            }
        }
    }

    /// When the draft must be saved: shortly after the last keystroke, and
    /// never later than [`DRAFT_MAX_WAIT_MS`] after it first changed.
    pub(crate) fn draft_due(&self) -> Option<DateTime<Utc>> {
        let since = self.draft_dirty_since?;
        let touched = self.draft_touched.unwrap_or(since);
        Some(
            (touched + Duration::milliseconds(DRAFT_DEBOUNCE_MS))
                .min(since + Duration::milliseconds(DRAFT_MAX_WAIT_MS)),
        )
    }
}
