//! Screen tests of 「前回のアクション」 at 80×24: the badge on the notes list,
//! the list open over the screen (ja and en), a marked item, and the
//! messages when there is nothing to show.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::tests::render;
use crate::i18n::Lang;
use crate::notes::tests_previous::{now, previous, state_a10};
use crate::notes::{Action, State, update};
use crate::tui::buffer_text::text_of as lines;

fn loaded(lang: Lang) -> State {
    let mut s = state_a10(lang);
    update(
        &mut s,
        Action::PreviousLoaded(Some(Box::new(previous()))),
        now(),
    );
    s
}

fn key(s: &mut State, code: KeyCode, m: KeyModifiers) {
    update(s, Action::Key(KeyEvent::new(code, m)), now());
}

#[test]
fn badge_80x24_ja() {
    let s = loaded(Lang::Ja);
    let screen = lines(&render(&s, 80, 24, now()).0);
    assert!(
        screen.contains("前回のアクション 未完了1 Alt+P"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn previous_actions_80x24_ja() {
    let mut s = loaded(Lang::Ja);
    key(&mut s, KeyCode::Char('p'), KeyModifiers::ALT);
    update(
        &mut s,
        Action::PreviousLoaded(Some(Box::new(previous()))),
        now(),
    );
    insta::assert_snapshot!(lines(&render(&s, 80, 24, now()).0));
}

#[test]
fn previous_actions_marked_80x24_en() {
    let mut s = loaded(Lang::En);
    key(&mut s, KeyCode::Char('p'), KeyModifiers::ALT);
    update(
        &mut s,
        Action::PreviousLoaded(Some(Box::new(previous()))),
        now(),
    );
    key(&mut s, KeyCode::Char('d'), KeyModifiers::NONE);
    let screen = lines(&render(&s, 80, 24, now()).0);
    assert!(
        screen.contains("[done] 佐野市  田中 2/17 14:20"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn nothing_to_show_is_said_not_blank() {
    let mut s = state_a10(Lang::Ja);
    key(&mut s, KeyCode::Char('p'), KeyModifiers::ALT);
    let screen = lines(&render(&s, 80, 24, now()).0);
    assert!(screen.contains("前回の回を読んでいます"), "{screen}");
    update(&mut s, Action::PreviousLoaded(None), now());
    let screen = lines(&render(&s, 80, 24, now()).0);
    assert!(screen.contains("前回の回が見つかりません"), "{screen}");
    assert!(!screen.contains("未完了1"), "no badge without actions");
}
