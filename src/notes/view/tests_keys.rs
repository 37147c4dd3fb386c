//! The note-taker's help and footers as they are seen, at 80x24 and
//! 120x35: made from the same layers that dispatch the keys.

use crossterm::event::{KeyCode, KeyModifiers};

use super::tests::{busy, fresh, key, render, t0};
use crate::i18n::Lang;
use crate::notes::Mode;
use crate::tui::buffer_text::text_of as lines;

#[test]
fn help_ja_80x24_and_120x35() {
    for (w, h) in [(80, 24), (120, 35)] {
        let (mut s, now) = busy(Lang::Ja);
        key(&mut s, KeyCode::F(1), KeyModifiers::NONE, now);
        let text = lines(&render(&s, w, h, now).0);
        assert!(
            text.contains("[入力]") && text.contains("[どの欄でも]"),
            "{text}"
        );
        insta::assert_snapshot!(format!("help_ja_{w}x{h}"), text);
    }
}

#[test]
fn footers_of_every_pane_at_80_and_120() {
    let mut out = String::new();
    for lang in [Lang::Ja, Lang::En] {
        for mode in [
            Mode::Write,
            Mode::Roster,
            Mode::Card,
            Mode::List,
            Mode::Summary,
        ] {
            for (w, h) in [(80, 24), (120, 35)] {
                let mut s = fresh(lang);
                s.mode = mode;
                let text = lines(&render(&s, w, h, t0()).0);
                let footer = text.lines().last().unwrap().trim_end().to_string();
                assert!(!footer.contains('~'), "{footer}");
                let help = if mode == Mode::Write || mode == Mode::Summary {
                    "F1 "
                } else {
                    "? "
                };
                assert!(footer.contains(help), "{mode:?} {w}: {footer}");
                out.push_str(&format!("{lang:?} {mode:?} {w}: {footer}\n"));
            }
        }
    }
    insta::assert_snapshot!(out);
}
