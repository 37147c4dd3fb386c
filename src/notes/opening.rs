//! What the console finds on disk when it starts, applied through `update`
//! ([`Action::Opened`](super::Action::Opened)) like everything else: its own
//! draft (the text with its speaker, kind and question, or the labels alone),
//! the drafts other consoles left, rescue copies of earlier sessions, and
//! speaking turns left open by a console that was killed.
//!
//! A turn still open when no other console of the group runs was left by a
//! console that ended without its exit path (kill -9, a crash, a power cut):
//! nobody can say when the member really stopped, so the turn is ended at
//! the last moment the group's record was known alive — the newest stamp in
//! the notes file or in a draft (drafts are saved within a second of each
//! keystroke) — and the note-taker is told, so that a member still speaking
//! is started again with one key. Counting on would credit the member with
//! every minute the console was down, forever.

use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};

use super::State;
use crate::model::Stamp;
use crate::model::notes::GroupNotes;
use crate::model::notes_draft::Draft;
use crate::model::notes_rescue::Rescue;

/// What a starting console found on disk.
#[derive(Debug, Clone, Default)]
pub struct Opening {
    /// This console's draft, if its slot had one.
    pub draft: Option<Draft>,
    /// Drafts of the group's consoles that are not running.
    pub leftovers: Vec<(PathBuf, Draft)>,
    /// Rescue copies of earlier sessions of the group.
    pub rescued: Vec<(PathBuf, Rescue)>,
    /// True when no other console of the group is running.
    pub alone: bool,
}

/// How long the start-up notices stay.
const OPENING_NOTICE_SECS: i64 = 10;

impl State {
    /// Applies what was found at start (see the module's doc).
    pub(super) fn opened(&mut self, o: Opening, now: DateTime<Utc>) {
        // The turn first: its notice matters most and must not be cut off.
        if o.alone {
            let drafts = o.draft.iter().chain(o.leftovers.iter().map(|(_, d)| d));
            let alive = drafts.map(|d| d.saved).chain(last_stamp(&self.doc)).max();
            self.end_turns_left_open(alive, now);
        }
        if let Some(d) = &o.draft {
            // The labels come back even without text: the speaker started
            // before the crash is still the one speaking.
            self.restore(d);
            if !d.is_empty() {
                let text = crate::i18n::notes::NotesText::DraftRestored.text(self.lang);
                self.add_notice(text, now);
            }
        }
        self.adopt_leftover_drafts(o.leftovers, now);
        self.offer_rescued(o.rescued);
    }

    /// Ends the open turns at `alive` (never before their start or after `now`).
    fn end_turns_left_open(&mut self, alive: Option<Stamp>, now: DateTime<Utc>) {
        let now_stamp = self.stamp(now);
        let mut ended = Vec::new();
        for t in self.doc.speaking.turns.iter_mut() {
            if t.end.is_none() && !t.removed {
                let end = alive
                    .unwrap_or(t.start)
                    .clamp(t.start, now_stamp.max(t.start));
                t.end = Some(end);
                ended.push((t.member.clone(), end));
            }
        }
        if ended.is_empty() {
            return;
        }
        self.saving.other_changed();
        for (member, end) in ended {
            let at = end.with_timezone(&self.tz).format("%H:%M:%S").to_string();
            let member = crate::tui::text::inert(&member);
            let text = crate::i18n::notes::turn_left_open(&member, &at, self.lang);
            self.add_notice(&text, now);
        }
    }

    /// Adds a start-up notice to those already shown.
    fn add_notice(&mut self, text: &str, now: DateTime<Utc>) {
        let text = match &self.notice {
            Some(before) => format!("{} / {text}", before.text),
            None => text.to_string(),
        };
        self.notice(text, now);
        if let Some(n) = &mut self.notice {
            n.until = now + Duration::seconds(OPENING_NOTICE_SECS);
        }
    }
}

/// The newest moment recorded anywhere in the group's file.
fn last_stamp(doc: &GroupNotes) -> Option<Stamp> {
    let notes = doc
        .notes
        .iter()
        .flat_map(|n| [Some(n.created), Some(n.updated), n.edited]);
    let turns = doc
        .speaking
        .turns
        .iter()
        .flat_map(|t| [Some(t.start), t.end, t.removed_at]);
    notes
        .chain(turns)
        .chain(doc.attendance.iter().map(|a| Some(a.at)))
        .chain(doc.covered.iter().map(|c| Some(c.at)))
        .chain([
            doc.speaking.order_updated,
            doc.summary.as_ref().map(|s| s.updated),
            doc.flag.as_ref().map(|f| f.at),
        ])
        .flatten()
        .max()
}
