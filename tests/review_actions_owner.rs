//! The review's actions tab filtered by owner: `w` then a name typed (in
//! Japanese, through the IME or a paste) narrows the list as it is typed,
//! letters are text while typing (d does not mark), Enter keeps the filter,
//! Esc clears it; the caret sits after the name for the IME.

mod common;

use bunkakai::i18n::Lang;
use bunkakai::review::screen::view::cursor;
use bunkakai::review::screen::{Action, Effect, State, View, update};
use common::review::{key, keys, review, screen};
use crossterm::event::KeyCode;

fn listed(state: &State) -> usize {
    let View::Actions { open_only, .. } = *state.view() else {
        panic!("not the actions tab: {:?}", state.view());
    };
    let data = state.data.as_ref().unwrap();
    bunkakai::review::screen::actions_tab::listed(data, open_only, &state.owner.text).len()
}

#[test]
fn typing_an_owner_narrows_the_list_and_letters_do_not_mark() {
    let mut state = review(Lang::Ja, 100, 30);
    key(&mut state, KeyCode::Char('a'));
    assert_eq!(listed(&state), 3);
    key(&mut state, KeyCode::Char('w'));
    keys(&mut state, "新潟");
    assert_eq!(listed(&state), 1, "新潟市's one item");
    // While typing, d is a letter: no status is set.
    let effects = key(&mut state, KeyCode::Char('d'));
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(state.owner.text, "新潟d");
    assert_eq!(listed(&state), 0);
    key(&mut state, KeyCode::Backspace);
    // Enter keeps the filter; now d marks the one item listed.
    key(&mut state, KeyCode::Enter);
    assert!(!state.owner.typing);
    let effects = key(&mut state, KeyCode::Char('d'));
    match effects.as_slice() {
        [Effect::SetStatus(c)] => assert_eq!(c.note, "n24"),
        other => panic!("{other:?}"),
    }
    // Esc while typing clears it: all three again.
    key(&mut state, KeyCode::Char('w'));
    key(&mut state, KeyCode::Esc);
    assert!(state.owner.text.is_empty());
    assert_eq!(listed(&state), 3);
    assert!(
        matches!(state.view(), View::Actions { .. }),
        "Esc ended typing only"
    );
}

#[test]
fn a_pasted_or_half_width_name_filters_like_search() {
    let mut state = review(Lang::Ja, 100, 30);
    key(&mut state, KeyCode::Char('a'));
    key(&mut state, KeyCode::Char('w'));
    update(&mut state, Action::Paste("函館".into()));
    assert_eq!(listed(&state), 1);
    key(&mut state, KeyCode::Esc);
    key(&mut state, KeyCode::Char('w'));
    // Half-width katakana and full-width letters fold like search.
    update(&mut state, Action::Paste("ＫＰＩ".into()));
    assert_eq!(listed(&state), 0, "an owner, not the text");
}

#[test]
fn the_caret_follows_the_typed_name_for_the_ime() {
    let mut state = review(Lang::Ja, 80, 24);
    key(&mut state, KeyCode::Char('a'));
    assert_eq!(cursor(&state), None);
    key(&mut state, KeyCode::Char('w'));
    let before = cursor(&state).unwrap();
    keys(&mut state, "佐野");
    let after = cursor(&state).unwrap();
    assert_eq!(
        (after.0 - before.0, after.1),
        (4, 0),
        "two full-width cells each"
    );
    let text = screen(&state);
    let title = text.lines().next().unwrap();
    let col: usize = title
        .split("佐野")
        .next()
        .map(unicode_width::UnicodeWidthStr::width)
        .unwrap();
    assert_eq!(usize::from(after.0), col + 4, "{title}");
}

#[test]
fn owner_filter_ja_80x24() {
    let mut state = review(Lang::Ja, 80, 24);
    key(&mut state, KeyCode::Char('a'));
    key(&mut state, KeyCode::Char('w'));
    keys(&mut state, "佐野");
    insta::assert_snapshot!("owner_filter_ja_80x24", screen(&state));
}
