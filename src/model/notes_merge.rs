//! Merging two versions of one group's notes file, so that two consoles
//! writing the same group (a co-note-taker, a facilitator adding a note)
//! never lose each other's work.
//!
//! Every part of the file carries its own timestamp, so the merge is decided
//! part by part: a note by its id (the newest `updated` wins, a deletion is a
//! change like any other), attendance by member (newest mark), the speaking
//! order as a whole (newest change), turns and covered questions as unions,
//! the summary as a whole (newest). The merge is commutative and idempotent
//! on these rules, so it does not matter which console saves first.

use std::collections::BTreeMap;

use super::notes::{Attendance, Covered, GroupNotes, Note, Summary, Turn};

/// Merges `other` into `base`: afterwards `base` holds every note, mark and
/// turn of both, each at its newest version. Fields of `base` that this
/// program does not know are kept; those only `other` has are added.
pub fn merge_into(base: &mut GroupNotes, other: &GroupNotes) {
    base.notes = merge_notes(&base.notes, &other.notes);
    base.attendance = merge_attendance(&base.attendance, &other.attendance);
    if newer_opt(other.speaking.order_updated, base.speaking.order_updated) {
        base.speaking.order = other.speaking.order.clone();
        base.speaking.order_updated = other.speaking.order_updated;
    }
    base.speaking.turns = merge_turns(&base.speaking.turns, &other.speaking.turns);
    base.covered = merge_covered(&base.covered, &other.covered);
    base.summary = merge_summary(base.summary.take(), other.summary.as_ref());
    base.action_status = super::actions::merge_marks(&base.action_status, &other.action_status);
    base.flag = match (base.flag.take(), &other.flag) {
        (Some(a), Some(b)) if (b.at, b.raised) > (a.at, a.raised) => Some(b.clone()),
        (Some(a), _) => Some(a),
        (None, b) => b.clone(),
    };
    for (k, v) in &other.extra {
        base.extra.entry(k.clone()).or_insert_with(|| v.clone());
    }
}

/// The merge of two versions, leaving both as they are.
pub fn merged(a: &GroupNotes, b: &GroupNotes) -> GroupNotes {
    let mut out = a.clone();
    merge_into(&mut out, b);
    out
}

fn newer_opt<T: PartialOrd>(a: Option<T>, b: Option<T>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a > b,
        (Some(_), None) => true,
        _ => false,
    }
}

/// True when note `a` should replace note `b` (same id). Ties are broken on
/// content so that both consoles pick the same winner.
fn note_wins(a: &Note, b: &Note) -> bool {
    (a.updated, a.deleted, &a.text) > (b.updated, b.deleted, &b.text)
}

/// Notes of both, one per id, newest version, in the order they were taken.
pub fn merge_notes(a: &[Note], b: &[Note]) -> Vec<Note> {
    let mut by_id: BTreeMap<&str, &Note> = BTreeMap::new();
    for n in a.iter().chain(b) {
        match by_id.get(n.id.as_str()) {
            Some(old) if !note_wins(n, old) => {}
            _ => {
                by_id.insert(&n.id, n);
            }
        }
    }
    let mut out: Vec<Note> = by_id.into_values().cloned().collect();
    out.sort_by(|x, y| (x.created, &x.id).cmp(&(y.created, &y.id)));
    out
}

/// One attendance mark per member, the newest.
pub fn merge_attendance(a: &[Attendance], b: &[Attendance]) -> Vec<Attendance> {
    let mut out: Vec<Attendance> = Vec::new();
    for m in a.iter().chain(b) {
        match out.iter_mut().find(|o| o.member == m.member) {
            Some(o) if (m.at, m.status as u8) > (o.at, o.status as u8) => *o = m.clone(),
            Some(_) => {}
            None => out.push(m.clone()),
        }
    }
    out
}

/// Every turn of both, once; a turn known as ended in one version and still
/// open in the other is ended.
pub fn merge_turns(a: &[Turn], b: &[Turn]) -> Vec<Turn> {
    let mut by_key: BTreeMap<(chrono::DateTime<chrono::Utc>, &str), Turn> = BTreeMap::new();
    for t in a.iter().chain(b) {
        let key = (t.start.to_utc(), t.member.as_str());
        match by_key.get_mut(&key) {
            Some(old) => {
                if newer_opt(t.end, old.end) {
                    old.end = t.end;
                }
            }
            None => {
                by_key.insert(key, t.clone());
            }
        }
    }
    by_key.into_values().collect()
}

/// One mark per question, the newest (a cleared mark is a mark too).
pub fn merge_covered(a: &[Covered], b: &[Covered]) -> Vec<Covered> {
    let mut out: Vec<Covered> = Vec::new();
    for c in a.iter().chain(b) {
        match out
            .iter_mut()
            .find(|o| o.theme == c.theme && o.question == c.question)
        {
            Some(o) if (c.at, c.cleared) > (o.at, o.cleared) => *o = c.clone(),
            Some(_) => {}
            None => out.push(c.clone()),
        }
    }
    out
}

fn merge_summary(a: Option<Summary>, b: Option<&Summary>) -> Option<Summary> {
    match (a, b) {
        (Some(a), Some(b)) if (b.updated, &b.text) > (a.updated, &a.text) => Some(b.clone()),
        (Some(a), _) => Some(a),
        (None, b) => b.cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Stamp;
    use crate::model::notes::{NoteKind, Presence};
    use serde_json::Map;

    fn at(min: u32) -> Stamp {
        format!("2026-01-20T14:{min:02}:00+09:00").parse().unwrap()
    }

    fn note(id: &str, created: u32, updated: u32, text: &str) -> Note {
        Note {
            id: id.into(),
            created: at(created),
            updated: at(updated),
            block: None,
            theme: Some("2".into()),
            question: None,
            speaker: Some("気仙沼市".into()),
            kind: NoteKind::Issue,
            owner: None,
            text: text.into(),
            deleted: false,
            extra: Map::new(),
        }
    }

    fn doc(notes: Vec<Note>) -> GroupNotes {
        let mut d = GroupNotes::new("jichitai-09", "B");
        d.notes = notes;
        d
    }

    #[test]
    fn the_newest_flag_wins_whichever_file_saves_first() {
        use crate::model::notes::{FlagKind, GroupFlag};
        let mut a = doc(vec![]);
        a.flag = Some(GroupFlag {
            raised: Some(FlagKind::Help),
            at: at(10),
        });
        let mut b = doc(vec![]);
        b.flag = Some(GroupFlag {
            raised: None,
            at: at(12),
        });
        assert_eq!(merged(&a, &b).flag, b.flag);
        assert_eq!(merged(&b, &a).flag, b.flag);
        assert_eq!(merged(&a, &doc(vec![])).flag, a.flag);
        assert_eq!(merged(&doc(vec![]), &a).flag, a.flag);
    }

    #[test]
    fn notes_of_both_writers_are_kept_in_taking_order() {
        let a = doc(vec![note("a1", 1, 1, "函館"), note("a2", 5, 5, "浜松")]);
        let b = doc(vec![note("b1", 3, 3, "気仙沼")]);
        let m = merged(&a, &b);
        let ids: Vec<&str> = m.notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["a1", "b1", "a2"]);
        assert_eq!(merged(&b, &a), m, "the order of saving does not matter");
    }

    #[test]
    fn newest_edit_of_a_note_wins_either_way() {
        let old = doc(vec![note("n", 1, 1, "旧")]);
        let new = doc(vec![note("n", 1, 9, "新")]);
        assert_eq!(merged(&old, &new).notes[0].text, "新");
        assert_eq!(merged(&new, &old).notes[0].text, "新");
        assert_eq!(merged(&new, &old).notes.len(), 1);
    }

    #[test]
    fn a_deletion_is_not_undone_by_an_older_copy_and_an_undo_is_not_lost() {
        let mut deleted = note("n", 1, 4, "x");
        deleted.deleted = true;
        let older = doc(vec![note("n", 1, 1, "x")]);
        assert!(merged(&older, &doc(vec![deleted.clone()])).notes[0].deleted);
        let restored = doc(vec![note("n", 1, 6, "x")]);
        assert!(!merged(&doc(vec![deleted]), &restored).notes[0].deleted);
    }

    #[test]
    fn attendance_keeps_the_newest_mark_of_each_member() {
        let mark = |m: &str, s, t| Attendance {
            member: m.into(),
            status: s,
            at: at(t),
        };
        let a = vec![
            mark("函館市", Presence::Absent, 1),
            mark("妙高市", Presence::Present, 9),
        ];
        let b = vec![
            mark("函館市", Presence::Late, 7),
            mark("妙高市", Presence::Absent, 2),
        ];
        let m = merge_attendance(&a, &b);
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].status, Presence::Late);
        assert_eq!(m[1].status, Presence::Present);
        assert_eq!(merge_attendance(&b, &a), m);
    }

    #[test]
    fn turns_are_a_union_and_an_ended_turn_stays_ended() {
        let open = Turn {
            member: "焼津市".into(),
            start: at(10),
            end: None,
        };
        let mut ended = open.clone();
        ended.end = Some(at(13));
        let other = Turn {
            member: "新潟県".into(),
            start: at(13),
            end: None,
        };
        let m = merge_turns(&[open.clone(), other.clone()], &[ended.clone()]);
        assert_eq!(m, vec![ended.clone(), other.clone()]);
        assert_eq!(merge_turns(&[ended.clone()], &[open, other]).len(), 2);
    }

    #[test]
    fn covered_marks_merge_by_newest_including_clears() {
        let c = |t, cleared| Covered {
            theme: "2".into(),
            question: "q1".into(),
            at: at(t),
            cleared,
            extra: Map::new(),
        };
        assert!(merge_covered(&[c(1, false)], &[c(5, true)])[0].cleared);
        assert!(!merge_covered(&[c(8, false)], &[c(5, true)])[0].cleared);
        let other = Covered {
            question: "s1".into(),
            ..c(2, false)
        };
        assert_eq!(merge_covered(&[c(1, false)], &[other]).len(), 2);
    }

    #[test]
    fn summary_and_order_take_the_newest() {
        let mut a = doc(vec![]);
        let mut b = doc(vec![]);
        a.summary = Some(Summary {
            text: "古い".into(),
            updated: at(1),
        });
        b.summary = Some(Summary {
            text: "新しい".into(),
            updated: at(2),
        });
        a.speaking.order = vec!["函館市".into()];
        a.speaking.order_updated = Some(at(5));
        b.speaking.order = vec!["焼津市".into()];
        b.speaking.order_updated = Some(at(3));
        let m = merged(&a, &b);
        assert_eq!(m.summary.unwrap().text, "新しい");
        assert_eq!(m.speaking.order, ["函館市"]);
        assert_eq!(merged(&b, &a).speaking.order, ["函館市"]);
    }

    #[test]
    fn unknown_fields_of_both_survive() {
        let mut a = doc(vec![]);
        let mut b = doc(vec![]);
        a.extra.insert("x".into(), 1.into());
        b.extra.insert("y".into(), 2.into());
        let m = merged(&a, &b);
        assert_eq!(m.extra["x"], 1);
        assert_eq!(m.extra["y"], 2);
    }
}
