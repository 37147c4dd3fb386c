use super::*;
use crate::tui::keys::{assert_reachable_and_listed, sections};
use crossterm::event::{KeyCode, KeyModifiers};

const NONE: KeyModifiers = KeyModifiers::NONE;
const ALT: KeyModifiers = KeyModifiers::ALT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

fn ev(code: KeyCode, m: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, m)
}

#[test]
fn enter_commits_and_both_newline_keys_work_in_the_editor() {
    let w = Mode::Write;
    assert_eq!(command(w, &ev(KeyCode::Enter, NONE)), Some(Command::Commit));
    assert_eq!(command(w, &ev(KeyCode::Enter, ALT)), Some(Command::Newline));
    let ctrl_j = ev(KeyCode::Char('j'), CTRL);
    assert_eq!(command(w, &ctrl_j), Some(Command::Newline));
    // Plain characters (Japanese included) are text, not commands.
    assert_eq!(command(w, &ev(KeyCode::Char('気'), NONE)), None);
    assert_eq!(command(w, &ev(KeyCode::Char('a'), NONE)), None);
    assert_eq!(command(w, &ev(KeyCode::Char('?'), SHIFT)), None);
}

#[test]
fn kinds_and_questions_go_back_with_alt_shift_letters() {
    let back = ev(KeyCode::Char('K'), ALT | SHIFT);
    assert_eq!(command(Mode::Write, &back), Some(Command::PrevKind));
    let fwd = ev(KeyCode::Char('k'), ALT);
    assert_eq!(command(Mode::Write, &fwd), Some(Command::NextKind));
    let q = ev(KeyCode::Char('Q'), ALT | SHIFT);
    assert_eq!(command(Mode::Write, &q), Some(Command::PrevQuestion));
}

#[test]
fn alt_digits_pick_speakers_and_panes_have_their_own_keys() {
    let alt3 = ev(KeyCode::Char('3'), ALT);
    assert_eq!(command(Mode::Write, &alt3), Some(Command::SpeakerNo(3)));
    let space = ev(KeyCode::Char(' '), NONE);
    assert_eq!(command(Mode::Roster, &space), Some(Command::Attendance));
    let del = ev(KeyCode::Delete, NONE);
    assert_eq!(command(Mode::List, &del), Some(Command::Delete));
    // Plain letters typed as text never change attendance or delete.
    for c in ['a', 'd', 'o'] {
        let typed = ev(KeyCode::Char(c), NONE);
        assert_eq!(command(Mode::Roster, &typed), None);
        assert_eq!(command(Mode::List, &typed), None);
    }
    let q = ev(KeyCode::Char('?'), SHIFT);
    assert_eq!(command(Mode::Card, &q), Some(Command::Help));
}

#[test]
fn help_lists_every_bound_command_once_with_all_its_keys() {
    let help = sections(layers(Mode::Write), Lang::En);
    let rows: Vec<_> = help.iter().flat_map(|s| &s.rows).collect();
    let newline = rows
        .iter()
        .find(|r| r.what == CommandText::of(Command::Newline).text(Lang::En))
        .unwrap();
    assert_eq!(newline.keys, ["Alt+Enter", "Ctrl+J"]);
    let mut texts: Vec<_> = rows.iter().map(|r| r.what.as_str()).collect();
    let n = texts.len();
    texts.sort();
    texts.dedup();
    assert_eq!(texts.len(), n, "a command listed twice: {texts:?}");
}

#[test]
fn every_binding_is_reachable_and_in_the_help() {
    for mode in [Mode::Write, Mode::Roster, Mode::Card, Mode::List] {
        assert_reachable_and_listed(layers(mode));
    }
}
