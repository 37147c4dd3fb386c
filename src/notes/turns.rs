//! Taking a speaking turn back (a speaker started by mistake: F6 or Enter
//! on the wrong row) and bringing it back. The turn stays in the file as a
//! tombstone (`removed`, stamped), so that another console's copy cannot
//! bring it back in a merge and an undo can. When the turn began by ending
//! another member's turn, that member's time goes on over it (a new turn of
//! theirs from the same start), so nobody loses the seconds in between.

use crate::model::Stamp;
use crate::model::notes::{GroupNotes, Turn, after};

/// A turn taken back, as the undo needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Removed {
    /// Whose turn.
    pub(crate) member: String,
    /// When it began (with the member, the turn's key).
    pub(crate) start: Stamp,
    /// The member whose time went on over it, if any.
    pub(crate) continued: Option<String>,
}

fn find<'a>(doc: &'a mut GroupNotes, member: &str, start: Stamp) -> Option<&'a mut Turn> {
    doc.speaking
        .turns
        .iter_mut()
        .find(|t| t.member == member && t.start == start)
}

fn mark(t: &mut Turn, removed: bool, at: Stamp) {
    t.removed = removed;
    t.removed_at = Some(after(t.removed_at, at));
}

/// Takes back `member`'s latest turn at `at`. `None` when they have none.
pub(crate) fn remove_latest(doc: &mut GroupNotes, member: &str, at: Stamp) -> Option<Removed> {
    let turn = doc
        .speaking
        .live_turns()
        .filter(|t| t.member == member)
        .max_by_key(|t| t.start)?
        .clone();
    // The turn its start ended: that member was still speaking.
    let before = doc
        .speaking
        .live_turns()
        .find(|t| t.member != member && t.end == Some(turn.start))
        .map(|t| t.member.clone());
    mark(find(doc, member, turn.start)?, true, at);
    if let Some(prev) = &before {
        match find(doc, prev, turn.start) {
            Some(t) => {
                mark(t, false, at);
                t.end = turn.end;
            }
            None => doc
                .speaking
                .turns
                .push(Turn::new(prev, turn.start, turn.end)),
        }
        doc.speaking.turns.sort_by_key(|t| t.start);
    }
    Some(Removed {
        member: member.to_string(),
        start: turn.start,
        continued: before,
    })
}

/// Brings a turn taken back again at `at` (and ends the other member's
/// time that went on over it).
pub(crate) fn restore(doc: &mut GroupNotes, removed: &Removed, at: Stamp) {
    if let Some(t) = find(doc, &removed.member, removed.start) {
        mark(t, false, at);
    }
    if let Some(prev) = &removed.continued
        && let Some(t) = find(doc, prev, removed.start)
    {
        mark(t, true, at);
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Duration, Utc};

    use super::*;
    use crate::model::notes_merge::merged;
    use crate::notes::roster::{speaking_now, spoken, start};

    fn at(secs: i64) -> Stamp {
        let base: Stamp = "2026-01-20T14:05:00+09:00".parse().unwrap();
        base + Duration::seconds(secs)
    }

    fn now(secs: i64) -> DateTime<Utc> {
        at(secs).to_utc()
    }

    #[test]
    fn a_mistaken_start_is_taken_back_and_the_speaker_before_goes_on() {
        let mut doc = GroupNotes::new("jichitai-09", "B");
        start(&mut doc, "函館市", at(0));
        // F6 pressed by mistake at 60 s while 函館市 still speaks.
        start(&mut doc, "気仙沼市", at(60));
        let removed = remove_latest(&mut doc, "気仙沼市", at(63)).unwrap();
        assert_eq!(removed.continued.as_deref(), Some("函館市"));
        assert_eq!(speaking_now(&doc), Some("函館市"));
        assert_eq!(spoken(&doc, "気仙沼市", now(120)), Duration::zero());
        assert_eq!(spoken(&doc, "函館市", now(120)), Duration::seconds(120));
        // Undo: as it was before the removal.
        restore(&mut doc, &removed, at(65));
        assert_eq!(speaking_now(&doc), Some("気仙沼市"));
        assert_eq!(spoken(&doc, "函館市", now(120)), Duration::seconds(60));
        assert_eq!(spoken(&doc, "気仙沼市", now(120)), Duration::seconds(60));
        // Taken back again: the same continuation comes back.
        remove_latest(&mut doc, "気仙沼市", at(66)).unwrap();
        assert_eq!(speaking_now(&doc), Some("函館市"));
        assert_eq!(spoken(&doc, "函館市", now(120)), Duration::seconds(120));
    }

    #[test]
    fn a_removal_and_its_undo_survive_a_merge_with_an_older_copy() {
        let mut doc = GroupNotes::new("jichitai-09", "B");
        start(&mut doc, "函館市", at(0));
        start(&mut doc, "気仙沼市", at(60));
        let older = doc.clone();
        let removed = remove_latest(&mut doc, "気仙沼市", at(63)).unwrap();
        for m in [merged(&doc, &older), merged(&older, &doc)] {
            assert_eq!(speaking_now(&m), Some("函館市"), "{m:?}");
            assert_eq!(spoken(&m, "気仙沼市", now(120)), Duration::zero());
        }
        let after_removal = doc.clone();
        restore(&mut doc, &removed, at(65));
        for m in [merged(&doc, &after_removal), merged(&after_removal, &doc)] {
            assert_eq!(speaking_now(&m), Some("気仙沼市"));
            assert_eq!(spoken(&m, "函館市", now(120)), Duration::seconds(60));
        }
    }

    #[test]
    fn a_turn_nobody_was_cut_off_by_just_stops_counting() {
        let mut doc = GroupNotes::new("jichitai-09", "B");
        start(&mut doc, "妙高市", at(0));
        let removed = remove_latest(&mut doc, "妙高市", at(2)).unwrap();
        assert_eq!(removed.continued, None);
        assert_eq!(speaking_now(&doc), None);
        assert!(remove_latest(&mut doc, "妙高市", at(3)).is_none());
    }
}
