//! The facilitator's help and footer as the facilitator sees them, at
//! 80x24 and 120x35: made from the same layers that dispatch the keys.

use super::tests::{draw, mid_exchange};
use crate::facilitator::action::{Action, Command};
use crate::facilitator::{keys, update};
use crate::i18n::Lang;

fn help_screen(lang: Lang, w: u16, h: u16) -> String {
    let (mut s, now) = mid_exchange(lang);
    update(&mut s, Action::Command(Command::Help), now);
    draw(&s, now, w, h)
}

#[test]
fn help_ja_80x24() {
    let text = help_screen(Lang::Ja, 80, 24);
    // Keys are never cut: the old help showed `Shift-~` for Shift+Tab.
    assert!(!text.contains('~') || !text.contains("Shift-"), "{text}");
    assert!(text.contains("Shift+Tab"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn help_ja_120x35() {
    let text = help_screen(Lang::Ja, 120, 35);
    // Everything fits: no scroll position is offered.
    assert!(!text.contains("Up/Down 1-"), "{text}");
    for heading in ["[時間]", "[会場・資料]", "[グループ]", "[その他]"] {
        assert!(text.contains(heading), "{heading}\n{text}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn footers_at_80_and_120_keep_whole_hints_and_the_help_key() {
    let mut out = String::new();
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in [(80, 24), (120, 35)] {
            let (s, now) = mid_exchange(lang);
            let text = draw(&s, now, w, h);
            let footer = text.lines().last().unwrap().trim_end().to_string();
            assert!(footer.contains("? "), "{footer}");
            assert!(!footer.contains('~'), "{footer}");
            out.push_str(&format!("{lang:?} {w}x{h}: {footer}\n"));
        }
    }
    insta::assert_snapshot!(out);
}

/// The key line of a popup as drawn: the text on the row holding `first`.
fn line_with<'a>(screen: &'a str, first: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(first))
        .unwrap_or_else(|| panic!("{first} not on screen:\n{screen}"))
}

#[test]
fn the_restart_question_names_its_keys_from_the_confirm_layer() {
    for lang in [Lang::Ja, Lang::En] {
        let (mut s, now) = mid_exchange(lang);
        update(&mut s, Action::Command(Command::Restart), now);
        let hint = keys::popup_hint(&s.mode, lang);
        // Both keys of each answer, as the layer binds them.
        assert!(hint.starts_with("y/Enter "), "{hint}");
        assert!(hint.contains("  n/Esc "), "{hint}");
        let text = draw(&s, now, 80, 24);
        assert!(line_with(&text, "y/Enter").contains(&hint), "{text}");
        if lang == Lang::Ja {
            insta::assert_snapshot!("restart_question_ja_80x24", text);
        }
    }
}

#[test]
fn the_room_message_popups_name_their_keys_from_the_typing_layer() {
    let (mut s, now) = mid_exchange(Lang::Ja);
    update(&mut s, Action::Command(Command::RoomMessage), now);
    let hint = keys::popup_hint(&s.mode, Lang::Ja);
    assert_eq!(hint, "Enter 表示  Esc やめる");
    let text = draw(&s, now, 80, 24);
    assert!(line_with(&text, "Enter ").contains(&hint), "{text}");
    // Put a message up, open the popup again: Enter takes it down, Up edits it.
    for c in "残り5分".chars() {
        update(&mut s, Action::Command(Command::Type(c)), now);
    }
    update(&mut s, Action::Command(Command::Confirm), now);
    update(&mut s, Action::Command(Command::RoomMessage), now);
    let up = keys::room_message_up_hint(Lang::Ja);
    assert_eq!(up, "Enter 取り下げ  Up 直す  Esc やめる（打てば差し替え）");
    let text = draw(&s, now, 80, 24);
    assert!(line_with(&text, "Enter 取り下げ").contains(&up), "{text}");
    insta::assert_snapshot!("room_message_up_ja_80x24", text);
    // Every key the lines name works in that popup.
    for hint in [hint, up] {
        for part in hint.split("  ") {
            let name = part.split(' ').next().unwrap();
            let key = keys::MESSAGE
                .bindings
                .iter()
                .flat_map(|b| b.keys.iter())
                .find(|k| k.label() == name)
                .unwrap_or_else(|| panic!("{name} in {hint}"));
            assert!(keys::command(&s.mode, &key.example()).is_some(), "{name}");
        }
    }
}

#[test]
fn the_help_lists_the_message_keys_the_plan_has_like_the_footer() {
    let (mut s, now) = mid_exchange(Lang::En);
    // The plan has two messages (the built-in ones): the footer says 1-2.
    let footer = draw(&s, now, 120, 35).lines().last().unwrap().to_string();
    assert!(footer.contains("1-2 "), "{footer}");
    update(&mut s, Action::Command(Command::Help), now);
    let help = draw(&s, now, 120, 35);
    assert!(help.contains("1-2      "), "{help}");
    assert!(!help.contains("1-9"), "{help}");
    // Three messages: 1-3; one: just 1.
    for (n, label) in [(3, "1-3 "), (1, "1   ")] {
        s.plan.broadcasts = (0..n).map(|i| format!("message {i}")).collect();
        let help = draw(&s, now, 120, 35);
        let row = line_with(&help, "copy broadcast message");
        assert!(row.contains(label), "{n}: {row}");
    }
}
