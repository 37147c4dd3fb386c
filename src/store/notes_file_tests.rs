use super::*;
use crate::store::notes_test_setup::{note, sitting};

#[test]
fn two_consoles_with_stale_copies_both_keep_their_notes() {
    let (_tmp, path) = sitting();
    let mut a = load(&path, "s", "B").unwrap();
    let mut b = load(&path, "s", "B").unwrap();
    a.notes.push(note("a1", "函館市の工夫"));
    b.notes.push(note("b1", "気仙沼市の課題"));
    commit(&path, &a).unwrap();
    let written = commit(&path, &b).unwrap();
    assert_eq!(written.notes.len(), 2);
    let on_disk = load(&path, "s", "B").unwrap();
    let ids: Vec<_> = on_disk.notes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["a1", "b1"]);
}

#[test]
fn a_file_that_cannot_be_read_is_never_overwritten() {
    let (_tmp, path) = sitting();
    std::fs::write(&path, b"{\"format\": \"bunkakai.notes/1\", \"notes\": [").unwrap();
    let mut mine = GroupNotes::new("s", "B");
    mine.notes.push(note("n", "x"));
    assert!(matches!(
        commit(&path, &mine),
        Err(StoreError::Parse { .. })
    ));
    let newer = br#"{"format": "bunkakai.notes/9", "session": "s", "group": "B"}"#;
    std::fs::write(&path, newer).unwrap();
    assert!(matches!(
        commit(&path, &mine),
        Err(StoreError::Format { .. })
    ));
    assert_eq!(std::fs::read(&path).unwrap(), newer);
}

#[test]
fn a_second_console_gets_its_own_draft_and_a_restart_gets_the_first_back() {
    let (_tmp, path) = sitting();
    let first = claim_draft(&path).unwrap().unwrap();
    let second = claim_draft(&path).unwrap().unwrap();
    assert!(first.path.ends_with("B.json.draft"));
    assert!(second.path.ends_with("B.json.draft2"));
    let at = "2026-01-20T14:10:00+09:00".parse().unwrap();
    let d = Draft::new("s", "B", at, Default::default(), Some("まとめ".into()));
    save_draft(&first.path, &d).unwrap();
    drop(first);
    let again = claim_draft(&path).unwrap().unwrap();
    assert_eq!(again.path, draft_path(&path, 1));
    assert_eq!(load_draft(&again.path).unwrap(), Some(d));
    assert_eq!(load_draft(&second.path).unwrap(), None);
}

#[test]
fn leftover_drafts_are_those_of_consoles_not_running() {
    let (_tmp, path) = sitting();
    let first = claim_draft(&path).unwrap().unwrap();
    let second = claim_draft(&path).unwrap().unwrap();
    let third = claim_draft(&path).unwrap().unwrap();
    let at = "2026-01-20T14:00:00+09:00".parse().unwrap();
    let typed = |text: &str| {
        let note = crate::model::notes_draft::DraftNote {
            text: text.into(),
            ..Default::default()
        };
        Draft::new("jichitai-09", "A", at, note, None)
    };
    save_draft(&second.path, &typed("二台目で打った")).unwrap();
    save_draft(&third.path, &typed("まだ動いている")).unwrap();
    drop(first);
    drop(second);
    // A console started again: slot 1 back, slot 2 left over, slot 3 running.
    let again = claim_draft(&path).unwrap().unwrap();
    assert_eq!(again.path, draft_path(&path, 1));
    let left = leftover_drafts(&path, &again.path);
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].0.path, draft_path(&path, 2));
    assert_eq!(left[0].1.note.text, "二台目で打った");
    // While it is held, a further console does not get that slot.
    let another = claim_draft(&path).unwrap().unwrap();
    assert_eq!(another.path, draft_path(&path, 4));
    drop(third);
}
