//! Tests of merging two versions of a group's notes file.

use super::*;
use crate::model::notes::Presence;
use crate::model::notes::Summary;
use crate::model::test_notes::{self, at_minute as at, group_notes};
use serde_json::Map;

fn note(id: &str, created: u32, updated: u32, text: &str) -> Note {
    Note {
        updated: at(updated),
        ..test_notes::note(id, created, text)
    }
}

fn doc(notes: Vec<Note>) -> GroupNotes {
    group_notes("jichitai-09", "B", notes)
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
    let open = Turn::new("焼津市", at(10), None);
    let mut ended = open.clone();
    ended.end = Some(at(13));
    let other = Turn::new("新潟県", at(13), None);
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
        base: None,
        conflict: false,
    });
    b.summary = Some(Summary {
        text: "新しい".into(),
        updated: at(2),
        base: None,
        conflict: false,
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

fn summary(text: &str, min: u32, base: Option<&str>) -> Summary {
    Summary {
        text: text.into(),
        updated: at(min),
        base: base.map(String::from),
        conflict: false,
    }
}

#[test]
fn lines_both_note_takers_add_are_both_kept() {
    let base = "・連携会議の設置\n・定例会の設置が有効";
    let mine = format!("{base}\n・一人目の追記");
    let theirs = format!("{base}\n・二人目の追記");
    let (text, conflict) = merge_lines(base, &mine, &theirs);
    assert_eq!(text, format!("{base}\n・二人目の追記\n・一人目の追記"));
    assert!(!conflict);
    // One side edits a line, the other adds one elsewhere: both apply.
    let mine = "・連携会議の設置（年4回）\n・定例会の設置が有効";
    let theirs = format!("{base}\n・二人目の追記");
    let (text, conflict) = merge_lines(base, mine, &theirs);
    assert_eq!(text, format!("{mine}\n・二人目の追記"));
    assert!(!conflict);
    // A line one side deleted stays deleted.
    let (text, _) = merge_lines(base, "・定例会の設置が有効", &theirs);
    assert_eq!(text, "・定例会の設置が有効\n・二人目の追記");
    // Two first summaries are two additions, not a conflict.
    assert_eq!(
        merge_lines("", "・一", "・二"),
        ("・二\n・一".to_string(), false)
    );
    // The same line added on both sides appears once.
    let same = format!("{base}\n・同じ追記");
    assert_eq!(merge_lines(base, &same, &same).0, same);
}

#[test]
fn the_same_line_changed_differently_keeps_both_and_says_so() {
    let base = "・KPIは未設定\n・次回までに検討";
    let mine = "・KPIは参加企業数\n・次回までに検討";
    let theirs = "・KPIはセミナー満足度\n・次回までに検討";
    let (text, conflict) = merge_lines(base, mine, theirs);
    assert!(conflict);
    assert_eq!(
        text,
        "・KPIはセミナー満足度\n・KPIは参加企業数\n・次回までに検討"
    );
}

#[test]
fn a_summary_edited_from_an_older_file_merges_and_merging_again_changes_nothing() {
    let base = "・定例会の設置が有効";
    // This console's change, edited from `base`; the file moved on meanwhile.
    let mine = summary(&format!("{base}\n・一人目の追記"), 5, Some(base));
    let theirs = summary(&format!("{base}\n・二人目の追記"), 6, None);
    let m = merge_summary(Some(mine.clone()), Some(&theirs)).unwrap();
    let want = format!("{base}\n・二人目の追記\n・一人目の追記");
    assert_eq!(m.text, want);
    assert!(
        m.updated > theirs.updated,
        "the merge is the newest version"
    );
    assert_eq!(
        merge_summary(Some(theirs.clone()), Some(&mine))
            .unwrap()
            .text,
        want
    );
    // Merged again against the same file: unchanged.
    let again = merge_summary(Some(m.clone()), Some(&theirs)).unwrap();
    assert_eq!(again.text, want);
    // A file still at the base: this console's change simply wins.
    let at_base = summary(base, 1, None);
    assert_eq!(
        merge_summary(Some(mine.clone()), Some(&at_base)),
        Some(mine)
    );
}

#[test]
fn two_consoles_recording_summaries_at_once_keep_both_lines_on_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let path = crate::store::notes_file::notes_path(tmp.path(), "A");
    crate::store::notes_file::prepare_dir(&path).unwrap();
    let mut start = doc(vec![]);
    start.summary = Some(summary("・定例会の設置が有効", 1, None));
    crate::store::notes_file::commit(&path, &start).unwrap();
    // Both consoles loaded that file and record a line each.
    let base = Some("・定例会の設置が有効");
    let mut a = start.clone();
    a.summary = Some(summary("・定例会の設置が有効\n・一人目の追記", 5, base));
    let mut b = start.clone();
    b.summary = Some(summary("・定例会の設置が有効\n・二人目の追記", 6, base));
    crate::store::notes_file::commit(&path, &a).unwrap();
    let written = crate::store::notes_file::commit(&path, &b).unwrap();
    let text = &written.summary.unwrap().text;
    assert!(
        text.contains("・一人目の追記") && text.contains("・二人目の追記"),
        "{text}"
    );
}
