//! Drafts that other consoles of this group left behind (a second console
//! that ended with text typed but not recorded): the starting console brings
//! their text back into its editor when that is free, says so, and removes
//! the leftover draft once its text is in this console's own draft. A
//! leftover whose text cannot be taken (the editor already holds text) is
//! kept on disk, named in the notice, and comes into the editor as soon as
//! the note-taker has recorded their own text, so nothing typed is hidden.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use super::State;
use super::editor::{self, NoteEditor};
use crate::i18n::notes::leftover_drafts;
use crate::model::notes_draft::Draft;

impl State {
    /// Takes the leftover drafts of consoles not running (found at start).
    pub(crate) fn adopt_leftover_drafts(
        &mut self,
        found: Vec<(PathBuf, Draft)>,
        now: DateTime<Utc>,
    ) {
        if found.is_empty() {
            return;
        }
        let mut taken = 0;
        let mut kept = Vec::new();
        for (path, d) in found {
            let text = !d.note.text.trim().is_empty();
            let note_free = !text || self.editor.is_blank();
            let summary_free = d.summary.is_none() || !self.summary_dirty;
            if !(note_free && summary_free) {
                // The file's name: the notice stays on one line at 80 columns.
                let name = path.file_name().unwrap_or(path.as_os_str());
                kept.push(name.to_string_lossy().into_owned());
                self.leftover_waiting.push((path, d));
                continue;
            }
            if text {
                self.editor = NoteEditor::from_draft(&d.note);
            }
            if let Some(s) = &d.summary {
                self.summary = editor::textarea_with(s);
                self.summary_undo = Default::default();
                self.summary_dirty = true;
                if let Some(base) = &d.summary_base {
                    self.summary_base = base.clone();
                }
            }
            self.adopted_drafts.push(path);
            taken += 1;
        }
        if taken > 0 {
            self.touch_draft(now);
        }
        let mut text = leftover_drafts(taken, &kept, self.lang);
        if let Some(before) = &self.notice {
            text = format!("{} / {text}", before.text);
        }
        self.notice(text, now);
        if let Some(n) = &mut self.notice {
            // Long enough to be read at the start of a sitting.
            n.until = now + chrono::Duration::seconds(10);
        }
    }

    /// Once the editor is free again (the note-taker recorded their own
    /// text), the next leftover draft waiting comes into it.
    pub(super) fn take_waiting_leftover(&mut self, now: DateTime<Utc>) {
        let free = self.ask.is_none() && self.editor.is_blank() && self.editor.editing.is_none();
        let Some((_, d)) = self.leftover_waiting.first() else {
            return;
        };
        if free && (d.summary.is_none() || !self.summary_dirty) {
            let next = self.leftover_waiting.remove(0);
            self.adopt_leftover_drafts(vec![next], now);
        }
    }

    /// This console's draft is on disk: the leftover drafts whose text it
    /// now holds can go.
    pub(super) fn leftover_drafts_saved(&mut self) -> Vec<PathBuf> {
        std::mem::take(&mut self.adopted_drafts)
    }
}
