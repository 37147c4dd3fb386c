//! The list's edited mark (修正 HH:MM) says a recorded note's content was
//! changed: a delete and its undo, or opening a note and recording it back
//! unchanged (or changed and undone), leave no mark.

use chrono::Duration;
use crossterm::event::{KeyCode, KeyModifiers};

use super::tests::{fresh, key, render, t0, type_text};
use crate::i18n::Lang;
use crate::notes::{Mode, State};
use crate::tui::buffer_text::text_of as lines;

const NONE: KeyModifiers = KeyModifiers::NONE;

/// A console with one recorded note, its list focused at `t0 + 2 min`.
fn one_note() -> State {
    let mut s = fresh(Lang::Ja);
    type_text(&mut s, "庁内の連携が課題", t0());
    key(&mut s, KeyCode::Enter, NONE, t0());
    for _ in 0..3 {
        key(&mut s, KeyCode::Tab, NONE, t0());
    }
    assert_eq!(s.mode, Mode::List);
    s
}

fn screen(s: &State) -> String {
    lines(&render(s, 100, 30, t0() + Duration::minutes(5)).0)
}

#[test]
fn delete_and_undo_leave_no_edited_mark() {
    let mut s = one_note();
    let later = t0() + Duration::minutes(2);
    key(&mut s, KeyCode::Delete, NONE, later);
    key(&mut s, KeyCode::Char('u'), NONE, later);
    assert!(!s.doc.notes[0].deleted);
    let shown = screen(&s);
    assert!(shown.contains("庁内の連携が課題"), "{shown}");
    assert!(!shown.contains("修正"), "{shown}");
    assert_eq!(s.doc.notes[0].edited, None);
}

#[test]
fn a_change_undone_before_enter_is_no_edit_but_a_real_change_is_marked() {
    let mut s = one_note();
    let later = t0() + Duration::minutes(2);
    key(&mut s, KeyCode::Char('e'), NONE, later);
    type_text(&mut s, "（修正）", later);
    key(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL, later);
    assert_eq!(s.editor.text(), "庁内の連携が課題");
    let updated = s.doc.notes[0].updated;
    key(&mut s, KeyCode::Enter, NONE, later);
    assert!(s.editor.editing.is_none(), "the edit ended");
    assert_eq!(s.doc.notes[0].updated, updated, "nothing changed");
    assert!(!screen(&s).contains("修正"), "{}", screen(&s));
    // A real change is marked with its time.
    s.mode = Mode::List;
    let at = t0() + Duration::minutes(3);
    key(&mut s, KeyCode::Char('e'), NONE, at);
    type_text(&mut s, "（人手不足）", at);
    key(&mut s, KeyCode::Enter, NONE, at);
    assert_eq!(s.doc.notes[0].text, "庁内の連携が課題（人手不足）");
    assert!(screen(&s).contains("(修正 14:13)"), "{}", screen(&s));
}
