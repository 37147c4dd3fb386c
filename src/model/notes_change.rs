//! Applying a change (a few notes, the marks) to a group's whole notes,
//! in time that does not grow with the group's notes: the merge of a
//! journal record into the file, of a save into the console's copy, of
//! another console's change into it.
//!
//! The result is the one [`merge_into`](super::notes_merge::merge_into)
//! gives; only the way the notes are found differs (a binary search on the
//! order the notes are kept in, `(created, id)`, instead of rebuilding the
//! list).

use super::notes::{GroupNotes, Note};
use super::notes_merge::{merge_into, merge_notes, note_wins};

/// A change with more notes than this is merged by rebuilding the list
/// (`n log n` once) rather than note by note.
const NOTE_BY_NOTE: usize = 64;

/// Merges `change` into `base`, like `merge_into(base, change)`; returns
/// how many more live (not deleted) notes `base` holds after it (fewer when
/// negative), so that a console keeps its count without counting again.
pub(crate) fn apply_change(base: &mut GroupNotes, change: &GroupNotes) -> isize {
    apply_changes(base, std::slice::from_ref(change))
}

/// Merges each of `changes` into `base` in turn. The notes of all of them
/// are merged at once (a note's merge does not depend on the order); the
/// other parts (marks, summary) one change after the other, as they are
/// small and the summary's merge does depend on the order. Returns the
/// change in the count of live notes, like [`apply_change`].
pub(crate) fn apply_changes(base: &mut GroupNotes, changes: &[GroupNotes]) -> isize {
    merge_changes(base, changes, false)
}

/// Merges the lines of a journal into the file they were written beside,
/// in order: like [`apply_changes`], and after each line the summary is
/// as the file would hold it (without the base the line was edited from,
/// which a file never holds), so the next line's summary is merged
/// against the file's text as a whole save would have.
pub(crate) fn replay_changes(base: &mut GroupNotes, changes: &[GroupNotes]) -> isize {
    merge_changes(base, changes, true)
}

fn merge_changes(base: &mut GroupNotes, changes: &[GroupNotes], as_file: bool) -> isize {
    let count: usize = changes.iter().map(|c| c.notes.len()).sum();
    let mut live = 0;
    if count > NOTE_BY_NOTE {
        let before = base.live_notes().count() as isize;
        // One pass over the base then every change in order: a tie keeps
        // the earlier, as merging change by change would, without copying
        // the notes merged so far once per change (a long journal).
        let incoming: Vec<Note> = changes
            .iter()
            .flat_map(|c| c.notes.iter().cloned())
            .collect();
        debug_assert_eq!(incoming.len(), count);
        base.notes = merge_notes(&base.notes, &incoming);
        live = base.live_notes().count() as isize - before;
    } else {
        for c in changes {
            for n in &c.notes {
                live += upsert(&mut base.notes, n);
            }
        }
    }
    let notes = std::mem::take(&mut base.notes);
    for c in changes {
        merge_into(base, &without_notes(c));
        if as_file && let Some(s) = &mut base.summary {
            s.base = None;
            s.conflict = false;
        }
    }
    base.notes = notes;
    live
}

/// `change` without its notes (cheap for a change, which holds few; for a
/// whole file, the small part of it).
pub(crate) fn without_notes(change: &GroupNotes) -> GroupNotes {
    GroupNotes {
        format: change.format.clone(),
        session: change.session.clone(),
        group: change.group.clone(),
        notes: Vec::new(),
        attendance: change.attendance.clone(),
        speaking: change.speaking.clone(),
        covered: change.covered.clone(),
        summary: change.summary.clone(),
        action_status: change.action_status.clone(),
        flag: change.flag.clone(),
        extra: change.extra.clone(),
    }
}

/// Puts `n` into `notes` (kept in `(created, id)` order): in place of the
/// note of the same id when `n` is newer, else at its place in the order.
/// Returns the change in the count of live notes (-1, 0 or 1).
fn upsert(notes: &mut Vec<Note>, n: &Note) -> isize {
    let live = |x: &Note| isize::from(!x.deleted);
    let key = (n.created, n.id.as_str());
    let at = notes.partition_point(|x| (x.created, x.id.as_str()) < key);
    let same = match notes.get(at) {
        Some(x) if x.id == n.id => Some(at),
        // A list out of order (two consoles' clocks apart): look it up.
        _ => notes.iter().rposition(|x| x.id == n.id),
    };
    match same {
        Some(i) if note_wins(n, &notes[i]) => {
            let was = live(&notes[i]);
            notes[i] = n.clone();
            live(n) - was
        }
        Some(_) => 0,
        None => {
            notes.insert(at, n.clone());
            live(n)
        }
    }
}

/// The part of `doc` a console changed: the notes `ids` (looked up from
/// the newest, where changed notes usually are) and, when `others` is
/// true, every mark, the speaking order and turns, the summary and the
/// flag (they are small).
pub(crate) fn change_of(doc: &GroupNotes, ids: &[&str], others: bool) -> GroupNotes {
    let mut notes: Vec<Note> = Vec::with_capacity(ids.len());
    let mut left: Vec<&str> = ids.to_vec();
    for n in doc.notes.iter().rev() {
        if left.is_empty() {
            break;
        }
        if let Some(i) = left.iter().position(|id| *id == n.id) {
            left.swap_remove(i);
            notes.push(n.clone());
        }
    }
    notes.sort_by(|x, y| (x.created, &x.id).cmp(&(y.created, &y.id)));
    let mut change = if others {
        without_notes(doc)
    } else {
        GroupNotes::new(&doc.session, &doc.group)
    };
    change.format = doc.format.clone();
    change.notes = notes;
    change
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::notes_merge::merged;
    use crate::model::test_notes::{group_notes, note};

    fn doc(notes: Vec<Note>) -> GroupNotes {
        group_notes("s", "A", notes)
    }

    #[test]
    fn a_change_gives_what_the_whole_merge_gives() {
        let base = doc((0..50).map(|i| note(&format!("n{i}"), i, "元")).collect());
        let mut edited = note("n7", 7, "直した");
        edited.updated = "2026-01-20T15:00:00+09:00".parse().unwrap();
        let mut stale = note("n9", 9, "古い");
        stale.updated = "2026-01-20T13:00:00+09:00".parse().unwrap();
        let change = doc(vec![
            edited,
            stale,
            note("new", 30, "新しい"),
            note("n3", 3, "元"),
        ]);
        let mut fast = base.clone();
        apply_change(&mut fast, &change);
        assert_eq!(fast, merged(&base, &change));
        assert_eq!(fast.notes.len(), 51);
        // Many notes at once go the other way, with the same result.
        let many = doc((0..100)
            .map(|i| note(&format!("m{i}"), i % 60, "多"))
            .collect());
        let mut fast = base.clone();
        apply_changes(&mut fast, &[change.clone(), many.clone()]);
        assert_eq!(fast, merged(&merged(&base, &change), &many));
    }

    #[test]
    fn a_list_out_of_order_still_gets_one_note_per_id() {
        let mut base = doc(vec![note("b", 20, "後"), note("a", 10, "先")]);
        let mut again = note("a", 10, "直した");
        again.updated = "2026-01-20T15:00:00+09:00".parse().unwrap();
        again.created = "2026-01-20T14:30:00+09:00".parse().unwrap();
        apply_change(&mut base, &doc(vec![again]));
        let texts: Vec<_> = base.notes.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["後", "直した"]);
    }

    #[test]
    fn the_change_of_a_console_holds_the_notes_asked_for() {
        let d = doc((0..20).map(|i| note(&format!("n{i}"), i, "x")).collect());
        let c = change_of(&d, &["n18", "n2", "gone"], false);
        let ids: Vec<_> = c.notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["n2", "n18"]);
        assert!(c.attendance.is_empty() && c.summary.is_none());
    }

    #[test]
    fn a_change_says_how_many_live_notes_it_added_or_took_away() {
        let live = |d: &GroupNotes| d.live_notes().count() as isize;
        let base = doc((0..10).map(|i| note(&format!("n{i}"), i, "元")).collect());
        let later = |id: &str, minute: u32, deleted: bool| {
            let mut n = note(id, minute, "後");
            n.updated = "2026-01-20T15:00:00+09:00".parse().unwrap();
            n.deleted = deleted;
            n
        };
        let cases = [
            (vec![note("new", 30, "新")], 1),
            (vec![later("n3", 3, true)], -1),
            (vec![later("n3", 3, true), later("n4", 4, false)], -1),
            (vec![note("n5", 5, "元")], 0),
            (vec![later("gone", 40, true)], 0),
        ];
        for (notes, want) in cases {
            let mut d = base.clone();
            let said = apply_change(&mut d, &doc(notes.clone()));
            assert_eq!((said, live(&d) - live(&base)), (want, want), "{notes:?}");
        }
        // Many at once (the whole merge) and a deleted note brought back.
        let mut d = base.clone();
        apply_change(&mut d, &doc(vec![later("n1", 1, true)]));
        let before = live(&d);
        let many: Vec<Note> = (0..100)
            .map(|i| note(&format!("m{i}"), i % 60, "多"))
            .chain([{
                let mut n = later("n1", 1, false);
                n.updated = "2026-01-20T16:00:00+09:00".parse().unwrap();
                n
            }])
            .collect();
        let said = apply_change(&mut d, &doc(many));
        assert_eq!((said, live(&d) - before), (101, 101));
    }
}
