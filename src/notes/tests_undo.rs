//! Undo in the editors goes by whole edits: a typed run, a paste, a cut
//! come back (or go) with one Ctrl+U / Ctrl+Z, not one character at a time.

use chrono::Duration;
use crossterm::event::{KeyCode, KeyModifiers};

use super::tests::{press, state_b, t0, type_text};
use super::*;

const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const NONE: KeyModifiers = KeyModifiers::NONE;

fn undo(s: &mut State, key: char) {
    press(s, KeyCode::Char(key), CTRL, t0() + Duration::seconds(30));
}

#[test]
fn one_undo_takes_back_a_typed_sentence_and_redo_brings_it_again() {
    let mut s = state_b();
    type_text(&mut s, "気仙沼市の課題は人手不足", t0());
    undo(&mut s, 'u');
    assert_eq!(s.editor.text(), "", "one Ctrl+U takes back the whole run");
    press(&mut s, KeyCode::Char('r'), CTRL, t0());
    assert_eq!(s.editor.text(), "気仙沼市の課題は人手不足");
    undo(&mut s, 'z');
    assert_eq!(s.editor.text(), "", "Ctrl+Z undoes too");
    assert!(s.draft_dirty_since.is_some(), "the draft follows an undo");
}

#[test]
fn a_paste_a_cut_and_the_typing_before_them_are_one_step_each() {
    let mut s = state_b();
    type_text(&mut s, "庁内の連携", t0());
    update(&mut s, Action::Paste("が課題です".into()), t0());
    undo(&mut s, 'u');
    assert_eq!(s.editor.text(), "庁内の連携");
    // Ctrl+W cuts the word before the caret, Ctrl+K the rest of the line.
    type_text(&mut s, " KPI targets", t0());
    press(&mut s, KeyCode::Char('w'), CTRL, t0());
    assert_eq!(s.editor.text(), "庁内の連携 KPI ");
    press(&mut s, KeyCode::Char('a'), CTRL, t0());
    press(&mut s, KeyCode::Char('k'), CTRL, t0());
    assert_eq!(s.editor.text(), "");
    undo(&mut s, 'u');
    assert_eq!(s.editor.text(), "庁内の連携 KPI ");
    undo(&mut s, 'u');
    assert_eq!(s.editor.text(), "庁内の連携 KPI targets");
    undo(&mut s, 'u');
    assert_eq!(
        s.editor.text(),
        "庁内の連携",
        "the typed run before the cut"
    );
    undo(&mut s, 'u');
    assert_eq!(s.editor.text(), "");
}

#[test]
fn erasing_with_backspace_is_one_step_and_a_pause_splits_typing() {
    let mut s = state_b();
    type_text(&mut s, "連携会議", t0());
    type_text(&mut s, "を年4回", t0() + Duration::seconds(10));
    for _ in 0..3 {
        press(
            &mut s,
            KeyCode::Backspace,
            NONE,
            t0() + Duration::seconds(11),
        );
    }
    assert_eq!(s.editor.text(), "連携会議を");
    undo(&mut s, 'u');
    assert_eq!(s.editor.text(), "連携会議を年4回");
    undo(&mut s, 'u');
    assert_eq!(
        s.editor.text(),
        "連携会議",
        "typing after a pause is its own step"
    );
}

#[test]
fn the_summary_undoes_by_whole_edits_too() {
    let mut s = state_b();
    press(&mut s, KeyCode::F(9), NONE, t0());
    type_text(&mut s, "人材育成が共通の課題", t0());
    press(&mut s, KeyCode::Char('j'), CTRL, t0());
    type_text(&mut s, "次回までに事例を共有", t0());
    undo(&mut s, 'u');
    assert_eq!(s.summary.lines(), ["人材育成が共通の課題", ""]);
    undo(&mut s, 'u');
    undo(&mut s, 'u');
    assert_eq!(s.summary.lines(), [""]);
}
