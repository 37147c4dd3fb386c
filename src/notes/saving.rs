//! What of this console's work is not yet on disk, so that a note is shown
//! as saved only once the file holding it has been written and flushed, and
//! a failed save is retried with nothing dropped.
//!
//! Every change gets a generation number; a save carries the generation it
//! was started at, and when it succeeds everything changed up to that
//! generation is on disk. Changes made while a save is under way stay
//! pending and go out with the next save.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};

/// How long to wait before trying a failed save again.
pub(crate) const RETRY_AFTER_MS: i64 = 2000;
/// After this many changes added to the journal, the journal is folded
/// into the notes file once the console is idle.
pub(crate) const FOLD_AFTER: u32 = 200;
/// How long the console must have saved nothing before a fold.
pub(crate) const FOLD_IDLE_MS: i64 = 5000;

/// Save bookkeeping of one console.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Saving {
    /// Generation of the newest change.
    pub(crate) generation: u64,
    /// Notes changed and not yet on disk, with the generation of their last change.
    pub(crate) notes: BTreeMap<String, u64>,
    /// Generation of the newest change to attendance, order, turns, coverage
    /// or summary that is not yet on disk.
    pub(crate) other: Option<u64>,
    /// The generation of the save under way.
    pub(crate) in_flight: Option<u64>,
    /// Why the last save failed, until one succeeds.
    pub(crate) error: Option<String>,
    /// When to try again after a failure.
    pub(crate) retry_at: Option<DateTime<Utc>>,
    /// Changes this console added to the journal since it last folded it.
    pub(crate) appended: u32,
    /// When the last save started (a fold waits for the console to be idle).
    pub(crate) last_start: Option<DateTime<Utc>>,
}

impl Saving {
    /// Records a change to note `id`; returns its generation.
    pub(crate) fn note_changed(&mut self, id: &str) -> u64 {
        self.generation += 1;
        self.notes.insert(id.to_string(), self.generation);
        self.generation
    }

    /// Records a change to anything else in the file.
    pub(crate) fn other_changed(&mut self) -> u64 {
        self.generation += 1;
        self.other = Some(self.generation);
        self.generation
    }

    /// True when something is not yet on disk.
    pub(crate) fn dirty(&self) -> bool {
        !self.notes.is_empty() || self.other.is_some()
    }

    /// True when note `id` is not yet on disk.
    pub(crate) fn is_pending(&self, id: &str) -> bool {
        self.notes.contains_key(id)
    }

    /// The generation to save now, if a save should start: something is
    /// pending, none is under way, and no failure is waiting for its retry.
    pub(crate) fn start(&mut self, now: DateTime<Utc>) -> Option<u64> {
        if !self.dirty() || self.in_flight.is_some() {
            return None;
        }
        if self.retry_at.is_some_and(|r| now < r) {
            return None;
        }
        self.retry_at = None;
        self.in_flight = Some(self.generation);
        self.last_start = Some(now);
        Some(self.generation)
    }

    /// True when the journal should be folded into the file now: many
    /// changes added, nothing pending or under way, nothing saved for a
    /// while. Counts the fold as done.
    pub(crate) fn fold_due(&mut self, now: DateTime<Utc>) -> bool {
        let idle = self
            .last_start
            .is_none_or(|t| now - t >= Duration::milliseconds(FOLD_IDLE_MS));
        if self.appended < FOLD_AFTER || self.dirty() || self.in_flight.is_some() || !idle {
            return false;
        }
        self.appended = 0;
        true
    }

    /// The save of `generation` is on disk.
    pub(crate) fn succeeded(&mut self, generation: u64) {
        self.notes.retain(|_, g| *g > generation);
        if self.other.is_some_and(|g| g <= generation) {
            self.other = None;
        }
        if self.in_flight == Some(generation) {
            self.in_flight = None;
        }
        self.error = None;
        self.retry_at = None;
    }

    /// The save of `generation` failed with `error`.
    pub(crate) fn failed(&mut self, generation: u64, error: String, now: DateTime<Utc>) {
        if self.in_flight == Some(generation) {
            self.in_flight = None;
        }
        self.error = Some(error);
        self.retry_at = Some(now + Duration::milliseconds(RETRY_AFTER_MS));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_during_a_save_stays_pending_after_it() {
        let now = Utc::now();
        let mut s = Saving::default();
        s.note_changed("a");
        let g = s.start(now).unwrap();
        assert_eq!(s.start(now), None, "one save at a time");
        s.note_changed("b");
        s.note_changed("a");
        s.succeeded(g);
        assert!(s.is_pending("a") && s.is_pending("b"));
        let g2 = s.start(now).unwrap();
        s.succeeded(g2);
        assert!(!s.dirty());
    }

    #[test]
    fn the_journal_is_folded_when_idle_after_many_changes() {
        let now = Utc::now();
        let mut s = Saving::default();
        for _ in 0..FOLD_AFTER {
            s.note_changed("a");
            let g = s.start(now).unwrap();
            s.succeeded(g);
            s.appended += 1;
        }
        assert!(
            !s.fold_due(now + Duration::milliseconds(100)),
            "not while typing"
        );
        s.note_changed("b");
        assert!(
            !s.fold_due(now + Duration::seconds(60)),
            "not with work pending"
        );
        let g = s.start(now).unwrap();
        s.succeeded(g);
        s.appended += 1;
        assert!(s.fold_due(now + Duration::seconds(6)));
        assert!(!s.fold_due(now + Duration::seconds(7)), "once");
    }

    #[test]
    fn a_failure_keeps_everything_and_retries_later() {
        let now = Utc::now();
        let mut s = Saving::default();
        s.note_changed("a");
        s.other_changed();
        let g = s.start(now).unwrap();
        s.failed(g, "No space left on device".into(), now);
        assert!(s.is_pending("a") && s.other.is_some());
        assert_eq!(s.start(now + Duration::milliseconds(500)), None);
        let g2 = s.start(now + Duration::seconds(3)).unwrap();
        assert!(s.error.is_some(), "the error shows until a save succeeds");
        s.succeeded(g2);
        assert_eq!(s.error, None);
        assert!(!s.dirty());
    }
}
