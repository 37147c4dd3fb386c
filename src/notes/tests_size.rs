//! A group with many notes: what a console does must not grow with them
//! where it can help it (quitting, the counts on screen).

use crossterm::event::{KeyCode, KeyModifiers};

use super::tests::{press, state_b, t0, type_text};
use super::*;
use crate::model::notes::{GroupNotes, Note, NoteKind};
use crate::store::notes_file;

fn many(n: usize) -> GroupNotes {
    let mut doc = GroupNotes::new("jichitai-09", "B");
    let at: crate::model::Stamp = "2026-01-20T14:00:00+09:00".parse().unwrap();
    doc.notes = (0..n)
        .map(|i| Note {
            id: format!("old-{i:05}"),
            created: at + chrono::Duration::milliseconds(i as i64),
            updated: at,
            block: None,
            theme: None,
            question: None,
            speaker: Some("気仙沼市".into()),
            kind: NoteKind::Issue,
            owner: None,
            text: "若手職員向けセミナーは商工会議所経由で周知。参加企業は12社。".into(),
            deleted: false,
            edited: None,
            extra: Default::default(),
        })
        .collect();
    doc
}

#[test]
fn quitting_with_a_large_group_adds_a_line_and_does_not_rewrite_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let notes = notes_file::notes_path(tmp.path(), "B");
    notes_file::prepare_dir(&notes).unwrap();
    let doc = many(6_000);
    notes_file::commit(&notes, &doc).unwrap();
    assert!(std::fs::metadata(&notes).unwrap().len() > notes_file::QUIT_FOLD_FILE_MAX);
    let before = std::fs::read(&notes).unwrap();
    let mut s = state_b();
    s.doc = doc;
    s.recount();
    type_text(&mut s, "終了直前のメモ", t0());
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE, t0());
    assert!(s.saving.dirty());
    let files = run::Files {
        dir: tmp.path().to_path_buf(),
        draft: notes_file::draft_path(&notes, 1),
        notes: notes.clone(),
        held: Vec::new(),
    };
    let report = finish::finish_in(&s, &files, t0(), &tmp.path().join("rescue"));
    assert!(report.clean(), "{report:?}");
    // The file is as it was (no whole rewrite, no fold); the note is in
    // the journal, where every reader finds it.
    assert!(
        std::fs::read(&notes).unwrap() == before,
        "rewritten on quit"
    );
    let journal = std::fs::read_to_string(crate::store::notes_journal::journal_path(&notes));
    assert_eq!(journal.unwrap().lines().count(), 1);
    let read = notes_file::load(&notes, "jichitai-09", "B").unwrap();
    assert_eq!(read.notes.len(), 6_001);
    assert!(read.notes.iter().any(|n| n.text == "終了直前のメモ"));
}

#[test]
fn the_counts_on_screen_follow_every_change_of_the_notes() {
    let mut s = state_b();
    s.doc = many(30);
    s.recount();
    let live = |s: &State| s.doc.live_notes().count();
    type_text(&mut s, "一件目", t0());
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE, t0());
    assert_eq!((s.live_count, live(&s)), (31, 31));
    // Delete the newest in the list, then bring it back.
    press(&mut s, KeyCode::Tab, KeyModifiers::NONE, t0());
    press(&mut s, KeyCode::Tab, KeyModifiers::NONE, t0());
    press(&mut s, KeyCode::Tab, KeyModifiers::NONE, t0());
    assert_eq!(s.mode, Mode::List);
    assert_eq!(s.selected_note().unwrap().text, "一件目");
    press(&mut s, KeyCode::Up, KeyModifiers::NONE, t0());
    let second = s.selected_note().unwrap().id.clone();
    assert_eq!(second, "old-00029");
    press(&mut s, KeyCode::Delete, KeyModifiers::NONE, t0());
    assert_eq!((s.live_count, live(&s)), (30, 30));
    assert!(s.doc.notes.iter().any(|n| n.id == second && n.deleted));
    // Another console deletes one and adds one.
    let mut change = GroupNotes::new("jichitai-09", "B");
    let mut gone = s.doc.notes[0].clone();
    gone.deleted = true;
    gone.updated = t0().fixed_offset();
    let mut added = gone.clone();
    added.id = "other-1".into();
    added.deleted = false;
    change.notes = vec![gone, added];
    update(&mut s, Action::FileChanged(change), t0());
    assert_eq!((s.live_count, live(&s)), (30, 30));
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    let frame = t.draw(|f| view::draw(f, &s, t0())).unwrap();
    let screen: String = frame.buffer.content().iter().map(|c| c.symbol()).collect();
    assert!(screen.contains("(30)"), "{screen}");
}
