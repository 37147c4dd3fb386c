//! A speaking turn opened by the co-note-taker's console (two consoles on
//! one group) when that console dies (kill -9, a crash, a closed laptop)
//! while this one goes on.
//!
//! Nobody would end that turn: it would count on until someone presses F7.
//! While such a turn is open, this console asks every [`CHECK_SECS`]
//! seconds whether another console of the group still holds its draft
//! slot's lock (the kernel releases it when a process dies, however it
//! dies). When none does, the turn is ended at the last moment the other
//! console was seen alive — the previous check, so at most a few seconds
//! off — the same rule as a console that starts alone after a kill, and the
//! status line says so, so a member still speaking is started again with
//! Enter in the roster. No file is written to keep a console "alive": the
//! locks say it, and the check costs a few `flock` calls only while a
//! partner's turn is open.
//!
//! Turns this console opened are its own: a key pressed here made them.
//! With three consoles on one group, the check sees "another console
//! alive" as long as any of them runs (which one opened a turn is not
//! recorded), so a dead one's turn waits until the last partner is gone.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};

use super::{Action, Effect, State};
use crate::model::Stamp;
use crate::model::notes::GroupNotes;
use crate::store::{WriterLock, lock, notes_file};

/// How often the partner is looked for while its turn is open.
pub(crate) const CHECK_SECS: i64 = 2;
/// How long the notice of an ended turn stays.
const NOTICE_SECS: i64 = 10;

/// Following the other consoles of the group while one of their turns is open.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Partner {
    /// Turns this console opened (member, start).
    own: BTreeSet<(String, Stamp)>,
    /// When another console was last seen running (or its turn first seen).
    seen_alive: Option<DateTime<Utc>>,
    /// When to look next.
    next_check: Option<DateTime<Utc>>,
    /// A look is under way.
    checking: bool,
}

/// The open turns of the file (member, start).
pub(super) fn open_turns(doc: &GroupNotes) -> BTreeSet<(String, Stamp)> {
    (doc.speaking.live_turns())
        .filter(|t| t.end.is_none())
        .map(|t| (t.member.clone(), t.start))
        .collect()
}

impl State {
    /// Takes the turns that a key pressed here opened as this console's own.
    pub(super) fn own_new_turns(&mut self, before: &BTreeSet<(String, Stamp)>) {
        let now = open_turns(&self.doc);
        self.partner.own.retain(|t| now.contains(t));
        self.partner.own.extend(now.difference(before).cloned());
    }

    /// Open turns that another console opened.
    fn partners_turns(&self) -> Vec<(String, Stamp)> {
        let own = &self.partner.own;
        (open_turns(&self.doc).into_iter())
            .filter(|t| !own.contains(t))
            .collect()
    }

    /// Asks whether the partner still runs, when one of its turns is open
    /// and a look is due.
    pub(super) fn look_for_partner(&mut self, now: DateTime<Utc>, fx: &mut Vec<Effect>) {
        if self.partners_turns().is_empty() {
            self.partner.seen_alive = None;
            self.partner.next_check = None;
            return;
        }
        // It was running when its turn reached this console.
        self.partner.seen_alive.get_or_insert(now);
        if self.partner.checking || self.partner.next_check.is_some_and(|t| t > now) {
            return;
        }
        self.partner.checking = true;
        self.partner.next_check = Some(now + Duration::seconds(CHECK_SECS));
        fx.push(Effect::CheckPartner);
    }

    /// The answer to [`Effect::CheckPartner`]: another console of the group
    /// runs (`alive`) or none does any more.
    pub(super) fn partner_checked(&mut self, alive: bool, now: DateTime<Utc>) {
        self.partner.checking = false;
        if alive {
            self.partner.seen_alive = Some(now);
            return;
        }
        let seen = self.partner.seen_alive.take().unwrap_or(now);
        let last = self.stamp(seen);
        let theirs = self.partners_turns();
        let mut ended = Vec::new();
        for t in self.doc.speaking.turns.iter_mut() {
            if t.end.is_none() && !t.removed && theirs.contains(&(t.member.clone(), t.start)) {
                let end = last.max(t.start);
                t.end = Some(end);
                ended.push((t.member.clone(), end));
            }
        }
        if ended.is_empty() {
            return;
        }
        self.saving.other_changed();
        let text: Vec<String> = (ended.into_iter())
            .map(|(member, end)| {
                let at = end.with_timezone(&self.tz).format("%H:%M:%S").to_string();
                let member = crate::tui::text::inert(&member);
                crate::i18n::notes::partner_turn_ended(&member, &at, self.lang)
            })
            .collect();
        self.notice(text.join(" / "), now);
        if let Some(n) = &mut self.notice {
            n.until = now + Duration::seconds(NOTICE_SECS);
        }
    }
}

/// Looks whether another console of the group runs: one holds a draft
/// slot's lock that is neither this console's own nor one it holds for a
/// leftover draft it took in.
pub(crate) fn check(files: &super::run::Files) -> Action {
    let mut held = files.held.clone();
    held.push(files.draft.clone());
    Action::PartnerChecked(runs(&files.notes, &held))
}

/// True when a console holds a draft slot of the group's `notes` other
/// than those in `held`.
fn runs(notes: &Path, held: &[PathBuf]) -> bool {
    (1..=notes_file::DRAFT_SLOTS)
        .map(|slot| notes_file::draft_path(notes, slot))
        .filter(|p| !held.contains(p) && lock::lock_path(p).exists())
        .any(|p| matches!(WriterLock::try_acquire(&p), Ok(None)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partner_runs_while_it_holds_a_slot_this_console_does_not() {
        let tmp = tempfile::tempdir().unwrap();
        let notes = tmp.path().join("B.json");
        let alive = |held: &[PathBuf]| runs(&notes, held);
        let own = notes_file::claim_draft(&notes).unwrap().unwrap();
        assert!(!alive(std::slice::from_ref(&own.path)), "only this console");
        // A slot taken in at start for a dead console's leftover draft.
        let leftover = notes_file::claim_draft(&notes).unwrap().unwrap();
        let held = [own.path.clone(), leftover.path.clone()];
        assert!(!alive(&held));
        assert!(
            alive(&held[..1]),
            "a slot held elsewhere is a running console"
        );
        // A console that ends (however it ends) lets its lock go.
        let partner = notes_file::claim_draft(&notes).unwrap().unwrap();
        assert!(alive(&held));
        drop(partner);
        assert!(!alive(&held));
    }
}
