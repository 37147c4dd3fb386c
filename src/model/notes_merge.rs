//! Merging two versions of one group's notes file, so that two consoles
//! writing the same group (a co-note-taker, a facilitator adding a note)
//! never lose each other's work.
//!
//! Every part of the file carries its own timestamp, so the merge is decided
//! part by part: a note by its id (the newest `updated` wins, a deletion is a
//! change like any other), attendance by member (newest mark), the speaking
//! order as a whole (newest change), turns and covered questions as unions
//! (a removed turn by its newest removal or undo).
//! The summary is merged line by line against the version the console's
//! change was edited from ([`Summary::base`]), so the lines two note-takers
//! add at once are both kept; without a base the newest wins. The merge is
//! commutative and idempotent on these rules, so it does not matter which
//! console saves first.

use std::collections::BTreeMap;

use super::notes::{Attendance, Covered, GroupNotes, Note, Summary, Turn};

/// Merges `other` into `base`: afterwards `base` holds every note, mark and
/// turn of both, each at its newest version. Fields of `base` that this
/// program does not know are kept; those only `other` has are added.
pub(crate) fn merge_into(base: &mut GroupNotes, other: &GroupNotes) {
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
pub(crate) fn merged(a: &GroupNotes, b: &GroupNotes) -> GroupNotes {
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
pub(crate) fn note_wins(a: &Note, b: &Note) -> bool {
    (a.updated, a.deleted, &a.text) > (b.updated, b.deleted, &b.text)
}

/// Notes of both, one per id, newest version, in the order they were taken.
pub(crate) fn merge_notes(a: &[Note], b: &[Note]) -> Vec<Note> {
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
pub(crate) fn merge_attendance(a: &[Attendance], b: &[Attendance]) -> Vec<Attendance> {
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
/// open in the other is ended; a removal (or its undo) follows the newest
/// `removed_at`.
pub(crate) fn merge_turns(a: &[Turn], b: &[Turn]) -> Vec<Turn> {
    let mut by_key: BTreeMap<(chrono::DateTime<chrono::Utc>, &str), Turn> = BTreeMap::new();
    for t in a.iter().chain(b) {
        let key = (t.start.to_utc(), t.member.as_str());
        match by_key.get_mut(&key) {
            Some(old) => {
                if newer_opt(t.end, old.end) {
                    old.end = t.end;
                }
                if (t.removed_at, t.removed) > (old.removed_at, old.removed) {
                    old.removed = t.removed;
                    old.removed_at = t.removed_at;
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
pub(crate) fn merge_covered(a: &[Covered], b: &[Covered]) -> Vec<Covered> {
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

/// The summary of both versions. When one of them is this console's unsaved
/// change (it has a `base`) and the other has moved on from that base too,
/// the two are merged line by line ([`merge_lines`]); the result is marked
/// as merged against the other text, so merging again changes nothing.
/// Otherwise the newest wins.
pub(crate) fn merge_summary(a: Option<Summary>, b: Option<&Summary>) -> Option<Summary> {
    let (a, b) = match (a, b) {
        (Some(a), Some(b)) => (a, b),
        (Some(a), None) => return Some(a),
        (None, b) => return b.cloned(),
    };
    let (mine, theirs) = match (&a.base, &b.base) {
        (Some(_), None) => (&a, b),
        (None, Some(_)) => (b, &a),
        _ => {
            let b_newer = (b.updated, &b.text) > (a.updated, &a.text);
            return Some(if b_newer { b.clone() } else { a });
        }
    };
    let base = mine.base.as_deref().unwrap_or_default();
    if theirs.text == base || theirs.text == mine.text {
        return Some(mine.clone());
    }
    let (text, conflict) = merge_lines(base, &mine.text, &theirs.text);
    Some(Summary {
        text,
        updated: mine.updated.max(theirs.updated) + chrono::Duration::milliseconds(1),
        base: Some(theirs.text.clone()),
        conflict,
    })
}

/// Three-way merge of a text by lines: the changes from `base` to `mine`
/// and from `base` to `theirs`, both applied. Where both sides added lines
/// at one place, theirs come first, then mine (without repeating a line
/// both added). Where both changed the same lines differently, both
/// versions are kept, theirs first, and the second value is true.
pub(crate) fn merge_lines<'a>(base: &'a str, mine: &'a str, theirs: &'a str) -> (String, bool) {
    let lines = |s: &'a str| -> Vec<&'a str> {
        if s.is_empty() {
            Vec::new()
        } else {
            s.split('\n').collect()
        }
    };
    let (b, m, t) = (lines(base), lines(mine), lines(theirs));
    let (mm, tm) = (kept_lines(&b, &m), kept_lines(&b, &t));
    let mut out: Vec<&str> = Vec::new();
    let mut conflict = false;
    let (mut bi, mut mi, mut ti) = (0, 0, 0);
    loop {
        let anchor = (bi..b.len()).find_map(|k| Some((k, mm[k]?, tm[k]?)));
        let (bk, mk, tk) = anchor.unwrap_or((b.len(), m.len(), t.len()));
        let (bc, mc, tc) = (&b[bi..bk], &m[mi..mk], &t[ti..tk]);
        if mc == bc || mc == tc {
            out.extend(tc);
        } else if tc == bc {
            out.extend(mc);
        } else {
            conflict |= !bc.is_empty();
            out.extend(tc);
            out.extend(mc.iter().filter(|l| !tc.contains(l)));
        }
        match anchor {
            Some((k, mk, tk)) => {
                out.push(b[k]);
                (bi, mi, ti) = (k + 1, mk + 1, tk + 1);
            }
            None => break,
        }
    }
    (out.join("\n"), conflict)
}

/// For each line of `base`, the line of `other` it is kept as (a longest
/// common subsequence of the two).
fn kept_lines(base: &[&str], other: &[&str]) -> Vec<Option<usize>> {
    let (n, m) = (base.len(), other.len());
    let mut len = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            len[i][j] = if base[i] == other[j] {
                len[i + 1][j + 1] + 1
            } else {
                len[i + 1][j].max(len[i][j + 1])
            };
        }
    }
    let mut kept = vec![None; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if base[i] == other[j] {
            kept[i] = Some(j);
            (i, j) = (i + 1, j + 1);
        } else if len[i + 1][j] >= len[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    kept
}

#[cfg(test)]
#[path = "notes_merge_tests.rs"]
mod tests;
