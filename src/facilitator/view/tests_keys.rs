//! The facilitator's help and footer as the facilitator sees them, at
//! 80x24 and 120x35: made from the same layers that dispatch the keys.

use super::tests::{draw, mid_exchange};
use crate::facilitator::action::{Action, Command};
use crate::facilitator::update;
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
