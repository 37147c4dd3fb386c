use super::*;
use crate::model::notes::Summary;
use crate::model::notes_change::change_of;
use crate::store::notes_file::{self, append, commit, fold, load};
use crate::store::notes_test_setup::{ids, note, one, sitting as setup};

/// What a reader that only shows the notes gets (review, export).
fn reading(path: &std::path::Path) -> (GroupNotes, Vec<StoreError>) {
    let (journal, file) = notes_file::read_for_reading(path);
    let (journal, file) = (journal.unwrap(), file.unwrap());
    notes_file::parse_for_reading(path, &file, journal.as_deref(), Some("B")).unwrap()
}

#[test]
fn a_commit_adds_a_line_and_leaves_the_file_as_it_was() {
    let (_tmp, path) = setup();
    let mut start = GroupNotes::new("s", "B");
    start.notes.push(note("a", "函館市の工夫"));
    commit(&path, &start).unwrap();
    let before = std::fs::read(&path).unwrap();
    append(&path, &one("b", "気仙沼市の課題")).unwrap();
    append(&path, &one("c", "新潟県の要望")).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let journal = std::fs::read_to_string(journal_path(&path)).unwrap();
    assert_eq!(journal.lines().count(), 2);
    assert!(journal.starts_with("{\"crc32\":\""));
    assert_eq!(ids(&load(&path, "s", "B").unwrap()), ["a", "b", "c"]);
    // Every reader sees the journal too.
    let (doc, problems) = reading(&path);
    assert_eq!((ids(&doc), problems.len()), (vec!["a", "b", "c"], 0));
    // A fold writes it into the file and removes the journal.
    fold(&path, "s", "B").unwrap();
    assert!(!journal_path(&path).exists());
    let bytes = std::fs::read(&path).unwrap();
    let doc = notes_file::parse(&path, &bytes, Some("B")).unwrap();
    assert_eq!(ids(&doc), ["a", "b", "c"]);
}

#[test]
fn the_first_commit_of_a_group_creates_its_file() {
    let (_tmp, path) = setup();
    append(&path, &one("a", "x")).unwrap();
    assert!(path.exists(), "readers list the group by its file");
    assert_eq!(ids(&load(&path, "s", "B").unwrap()), ["a"]);
}

#[test]
fn a_line_cut_short_is_left_out_reported_and_cut_off_by_the_next_commit() {
    let (_tmp, path) = setup();
    append(&path, &one("a", "残る")).unwrap();
    let journal = journal_path(&path);
    let torn = encode(&journal, &one("b", "途中で切れた")).unwrap();
    let mut bytes = std::fs::read(&journal).unwrap();
    bytes.extend_from_slice(&torn[..torn.len() / 2]);
    std::fs::write(&journal, &bytes).unwrap();
    assert_eq!(ids(&load(&path, "s", "B").unwrap()), ["a"]);

    let (_, problems) = reading(&path);
    assert_eq!(problems.len(), 1);
    let said = problems[0].to_string();
    assert!(
        said.contains("B.journal:2:1") && said.contains("cut short"),
        "{said}"
    );
    append(&path, &one("c", "次の一件")).unwrap();
    assert_eq!(ids(&load(&path, "s", "B").unwrap()), ["a", "c"]);
    let (_, problems) = reading(&path);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn a_damaged_line_is_left_out_and_kept_aside_on_a_fold() {
    let (_tmp, path) = setup();
    append(&path, &one("a", "一件目")).unwrap();
    append(&path, &one("b", "二件目")).unwrap();
    append(&path, &one("c", "三件目")).unwrap();
    let journal = journal_path(&path);
    let text = std::fs::read_to_string(&journal).unwrap();
    let damaged = text.replacen("二件目", "二件日", 1);
    std::fs::write(&journal, &damaged).unwrap();
    assert_eq!(ids(&load(&path, "s", "B").unwrap()), ["a", "c"]);

    let (_, problems) = reading(&path);
    let said = problems[0].to_string();
    assert!(
        said.contains("B.journal:2:1") && said.contains("checksum"),
        "{said}"
    );
    fold(&path, "s", "B").unwrap();
    let aside = std::fs::read_to_string(damaged_path(&path)).unwrap();
    assert!(aside.contains("二件日"));
    assert_eq!(ids(&load(&path, "s", "B").unwrap()), ["a", "c"]);
}

#[test]
fn two_consoles_appending_keep_both_and_a_fold_keeps_them() {
    let (_tmp, path) = setup();
    let mut a = load(&path, "s", "B").unwrap();
    let mut b = load(&path, "s", "B").unwrap();
    a.notes.push(note("a1", "函館市"));
    b.notes.push(note("b1", "気仙沼市"));
    append(&path, &change_of(&a, &["a1"], false)).unwrap();
    append(&path, &change_of(&b, &["b1"], false)).unwrap();
    a.notes[0].text = "函館市（直した）".into();
    a.notes[0].updated = "2026-01-20T14:20:00+09:00".parse().unwrap();
    append(&path, &change_of(&a, &["a1"], false)).unwrap();
    // The other console's full save folds the journal with its own copy.
    let written = commit(&path, &b).unwrap();
    assert_eq!(ids(&written), ["a1", "b1"]);
    assert_eq!(written.notes[0].text, "函館市（直した）");
    assert!(!journal_path(&path).exists());
}

#[test]
fn a_newer_change_or_file_is_never_written_over() {
    let (_tmp, path) = setup();
    append(&path, &one("a", "x")).unwrap();
    let journal = journal_path(&path);
    let mut newer = one("n", "未来");
    newer.format = "bunkakai.notes/9".into();
    let line = encode(&journal, &newer).unwrap();
    let mut bytes = std::fs::read(&journal).unwrap();
    bytes.extend_from_slice(&line);
    std::fs::write(&journal, &bytes).unwrap();
    assert!(matches!(
        load(&path, "s", "B"),
        Err(StoreError::Format { .. })
    ));
    assert!(fold(&path, "s", "B").is_err());
    assert_eq!(std::fs::read(&journal).unwrap(), bytes, "left as it was");
    // A notes file replaced by a newer one gets nothing added.
    std::fs::remove_file(&journal).unwrap();
    let file = br#"{"format": "bunkakai.notes/9", "session": "s", "group": "B"}"#;
    std::fs::write(&path, file).unwrap();
    assert!(matches!(
        append(&path, &one("b", "y")),
        Err(StoreError::Format { .. })
    ));
    assert!(!journal.exists());
}

#[test]
fn the_summary_base_goes_through_the_journal() {
    let (_tmp, path) = setup();
    let mut c = GroupNotes::new("s", "B");
    c.summary = Some(Summary {
        text: "一行目\n二行目".into(),
        updated: "2026-01-20T14:10:00+09:00".parse().unwrap(),
        base: Some("一行目".into()),
        conflict: false,
    });
    let journal = journal_path(&path);
    let line = encode(&journal, &c).unwrap();
    let replay = parse(&journal, &line, 1, Some("B")).unwrap();
    let back = replay.changes[0].summary.clone().unwrap();
    assert_eq!(back.base.as_deref(), Some("一行目"));
    assert!(replay.changes[0].extra.is_empty());
    assert_eq!(replay.whole, line.len() as u64);
}

#[test]
fn two_summaries_edited_from_one_text_keep_both_lines_through_the_journal() {
    let (_tmp, path) = setup();
    let summary = |text: &str, minute: u32| {
        let mut c = GroupNotes::new("s", "B");
        c.summary = Some(Summary {
            text: text.into(),
            updated: format!("2026-01-20T14:{minute:02}:00+09:00")
                .parse()
                .unwrap(),
            base: Some(String::new()),
            conflict: false,
        });
        c
    };
    append(&path, &summary("・一人目", 10)).unwrap();
    append(&path, &summary("・二人目", 11)).unwrap();
    let doc = load(&path, "s", "B").unwrap();
    assert_eq!(doc.summary.unwrap().text, "・一人目\n・二人目");
    fold(&path, "s", "B").unwrap();
    let doc = load(&path, "s", "B").unwrap();
    assert_eq!(doc.summary.unwrap().text, "・一人目\n・二人目");
}
