use super::*;
use crate::store::notes_file::{append, commit, fold};
use crate::store::notes_test_setup::{ids, one, sitting};

#[test]
fn after_the_first_read_only_new_lines_are_given() {
    let (_tmp, path) = sitting();
    commit(&path, &one("a", "気仙沼市")).unwrap();
    append(&path, &one("b", "気仙沼市")).unwrap();
    let mut f = Follower::default();
    assert_eq!(ids(&f.read(&path, "s", "B").unwrap()), ["a", "b"]);
    assert!(f.read(&path, "s", "B").unwrap().notes.is_empty());
    append(&path, &one("c", "気仙沼市")).unwrap();
    append(&path, &one("d", "気仙沼市")).unwrap();
    assert_eq!(ids(&f.read(&path, "s", "B").unwrap()), ["c", "d"]);
    assert!(!f.gave_whole());
    // A fold rewrites the file: read whole again.
    fold(&path, "s", "B").unwrap();
    append(&path, &one("e", "気仙沼市")).unwrap();
    assert_eq!(
        ids(&f.read(&path, "s", "B").unwrap()),
        ["a", "b", "c", "d", "e"]
    );
    assert!(f.gave_whole());
    assert!(f.read(&path, "s", "B").unwrap().notes.is_empty());
}

#[test]
fn a_journal_replaced_by_a_fold_is_read_whole_even_when_it_grew_past_the_offset() {
    // A fold that found new lines keeps them as a journal of their own; a
    // follower that read the old journal (and the new file, between the
    // fold's two renames) must not read the new journal from the old
    // offset, even once it is longer than that.
    let (_tmp, path) = sitting();
    commit(&path, &one("a", "x")).unwrap();
    append(&path, &one("b", "x")).unwrap();
    let journal = crate::store::notes_journal::journal_path(&path);
    let mut f = Follower::default();
    f.read(&path, "s", "B").unwrap();
    // The journal replaced in place by another file holding new lines.
    let c = crate::store::notes_journal::encode(&journal, &one("c", "新")).unwrap();
    let d = crate::store::notes_journal::encode(&journal, &one("d", "新")).unwrap();
    let old_len = std::fs::metadata(&journal).unwrap().len() as usize;
    let mut tail = Vec::new();
    while tail.len() <= old_len {
        tail.extend_from_slice(&c);
    }
    tail.extend_from_slice(&d);
    let aside = journal.with_extension("new");
    std::fs::write(&aside, &tail).unwrap();
    std::fs::rename(&aside, &journal).unwrap();
    let got = f.read(&path, "s", "B").unwrap();
    assert!(got.notes.iter().any(|n| n.id == "c"), "{:?}", ids(&got));
    assert!(got.notes.iter().any(|n| n.id == "d"), "{:?}", ids(&got));
}

#[test]
fn a_follower_for_reading_leaves_a_bad_note_out_and_reads_the_others() {
    let (_tmp, path) = sitting();
    let file = r#"{"format":"bunkakai.notes/1","session":"s","group":"B","notes":[{"id":1}]}"#;
    std::fs::write(&path, file).unwrap();
    append(&path, &one("a", "x")).unwrap_err();
    let mut strict = Follower::default();
    assert!(strict.read(&path, "s", "B").is_err());
    std::fs::write(crate::store::notes_journal::journal_path(&path), {
        crate::store::notes_journal::encode(&path, &one("a", "x")).unwrap()
    })
    .unwrap();
    let mut f = Follower::for_reading();
    assert_eq!(ids(&f.read(&path, "s", "B").unwrap()), ["a"]);
}
