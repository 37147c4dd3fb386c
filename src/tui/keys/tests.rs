use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::*;
use crate::i18n::Lang;
use crate::tui::keys::help::help_lines;
use crate::tui::keys::table::lookup;

fn press(code: KeyCode, m: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, m)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Cmd {
    Quit,
    Plus,
    Back,
    Pick(u8),
    Kind,
    Help,
    Save,
}

impl Command for Cmd {
    fn what(self, _: Lang) -> &'static str {
        match self {
            Cmd::Quit => "quit",
            Cmd::Plus => "plus",
            Cmd::Back => "back",
            Cmd::Pick(_) => "pick the n-th speaker",
            Cmd::Kind => "next kind",
            Cmd::Help => "this help",
            Cmd::Save => "save the note, a long description that wraps in a narrow help",
        }
    }
    fn hint(self, _: Lang) -> Option<&'static str> {
        match self {
            Cmd::Kind => Some("種別"),
            Cmd::Save => Some("記録"),
            Cmd::Back => Some("戻る"),
            _ => None,
        }
    }
}

const PANE: Layer<Cmd> = Layer {
    ja: "この欄",
    en: "This pane",
    bindings: &[
        bind(&[Key::Enter], Cmd::Save),
        bind(&[Key::Esc, Key::BackTab], Cmd::Back),
        bind(&[Key::Char('?')], Cmd::Help),
    ],
};

const GLOBAL: Layer<Cmd> = Layer {
    ja: "どこでも",
    en: "Everywhere",
    bindings: &[
        bind(&[Key::Char('q'), Key::Ctrl('c')], Cmd::Quit),
        bind(&[Key::Char('+')], Cmd::Plus),
        digits(&[Key::AltDigits(0, 9)], Cmd::Pick),
        bind(&[Key::F(3), Key::Alt('k')], Cmd::Kind),
        bind(&[Key::Esc], Cmd::Back),
        bind(&[Key::F(1)], Cmd::Help),
    ],
};

const STACK: &[&Layer<Cmd>] = &[&PANE, &GLOBAL];

#[test]
fn keys_dispatch_through_the_layers() {
    let none = KeyModifiers::NONE;
    let d = |code, m| dispatch(STACK, &press(code, m));
    assert_eq!(d(KeyCode::Char('q'), none), Some(Cmd::Quit));
    assert_eq!(
        d(KeyCode::Char('c'), KeyModifiers::CONTROL),
        Some(Cmd::Quit)
    );
    // Ctrl+Q and Alt+Q are not q.
    assert_eq!(d(KeyCode::Char('q'), KeyModifiers::CONTROL), None);
    assert_eq!(d(KeyCode::Char('q'), KeyModifiers::ALT), None);
    // '+' arrives shifted on most keyboards.
    assert_eq!(d(KeyCode::Char('+'), KeyModifiers::SHIFT), Some(Cmd::Plus));
    assert_eq!(d(KeyCode::BackTab, KeyModifiers::SHIFT), Some(Cmd::Back));
    assert_eq!(d(KeyCode::Tab, KeyModifiers::SHIFT), Some(Cmd::Back));
    assert_eq!(d(KeyCode::Enter, none), Some(Cmd::Save));
    assert_eq!(d(KeyCode::Enter, KeyModifiers::ALT), None);
    assert_eq!(d(KeyCode::F(3), none), Some(Cmd::Kind));
    assert_eq!(d(KeyCode::F(3), KeyModifiers::SHIFT), None);
    assert_eq!(d(KeyCode::Char('k'), KeyModifiers::ALT), Some(Cmd::Kind));
    assert_eq!(d(KeyCode::Char('K'), KeyModifiers::ALT), None);
    let mut release = press(KeyCode::Char('q'), none);
    release.kind = KeyEventKind::Release;
    assert_eq!(dispatch(STACK, &release), None);
}

#[test]
fn a_digit_run_gives_the_digit_pressed_without_a_placeholder() {
    let alt = KeyModifiers::ALT;
    for d in 0..=9u8 {
        let ev = press(KeyCode::Char(char::from(b'0' + d)), alt);
        assert_eq!(dispatch(STACK, &ev), Some(Cmd::Pick(d)));
    }
    // Plain digits are not Alt digits.
    let one = press(KeyCode::Char('1'), KeyModifiers::NONE);
    assert_eq!(dispatch(STACK, &one), None);
    let run = [digits(&[Key::Digits(1, 3)], Cmd::Pick)];
    assert_eq!(lookup(&run, &one), Some(Cmd::Pick(1)));
    let four = press(KeyCode::Char('4'), KeyModifiers::NONE);
    assert_eq!(lookup(&run, &four), None);
}

#[test]
fn keys_are_named_one_way() {
    let names: Vec<String> = [
        Key::BackTab,
        Key::Ctrl('l'),
        Key::F(3),
        Key::ShiftF(3),
        Key::Alt('k'),
        Key::Alt('K'),
        Key::Digits(1, 9),
        Key::AltDigits(0, 9),
        Key::Space,
    ]
    .iter()
    .map(|k| k.label())
    .collect();
    assert_eq!(
        names,
        [
            "Shift+Tab",
            "Ctrl+L",
            "F3",
            "Shift+F3",
            "Alt+K",
            "Alt+Shift+K",
            "1-9",
            "Alt+0-9",
            "Space"
        ]
    );
}

#[test]
fn help_has_a_section_per_layer_and_leaves_out_hidden_keys() {
    let s = sections(STACK, Lang::Ja);
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].title, "この欄");
    assert_eq!(s[1].title, "どこでも");
    // Esc backs out in the pane, so the global Esc is not listed again.
    assert!(!s[1].rows.iter().any(|r| r.what == "back"), "{:?}", s[1]);
    let back = s[0].rows.iter().find(|r| r.what == "back").unwrap();
    assert_eq!(back.keys, ["Esc", "Shift+Tab"]);
    let pick = s[1]
        .rows
        .iter()
        .find(|r| r.what.starts_with("pick"))
        .unwrap();
    assert_eq!(pick.keys, ["Alt+0-9"]);
    let kind = s[1].rows.iter().find(|r| r.what == "next kind").unwrap();
    assert_eq!(kind.keys, ["F3", "Alt+K"]);
}

#[test]
fn help_lines_wrap_descriptions_and_never_cut_a_key() {
    let s = sections(STACK, Lang::En);
    let lines = help_lines(&s, 30);
    let texts: Vec<String> = lines
        .iter()
        .map(|l| match l {
            help::HelpLine::Heading(h) => h.clone(),
            help::HelpLine::Row(k, w) => format!("{k}  {w}"),
        })
        .collect();
    for t in &texts {
        assert!(text::width(t) <= 30, "{t:?} wider than 30");
        assert!(!t.contains(text::CUT), "{t:?} cut");
    }
    let all = texts.join("\n");
    assert!(all.contains("Shift+Tab"), "{all}");
    assert!(all.contains("wraps in a"), "{all}");
}

#[test]
fn help_scrolls_only_when_it_does_not_fit() {
    let s = sections(STACK, Lang::En);
    let big = ratatui::layout::Rect::new(0, 0, 120, 35);
    assert_eq!(help_max_scroll(&s, big), 0);
    let small = ratatui::layout::Rect::new(0, 0, 60, 10);
    let lines = help_lines(&s, 60 - 2 - 4).len();
    assert_eq!(help_max_scroll(&s, small), lines - (10 - 2));
}

#[test]
fn the_footer_keeps_the_tail_and_drops_whole_hints() {
    let hints = footer_hints(STACK, Lang::Ja);
    assert_eq!(
        hints,
        [
            Hint::new("Enter", "記録"),
            Hint::new("Esc", "戻る"),
            Hint::new("F3", "種別")
        ]
    );
    let tail = [Hint::new("F1", "キー")];
    assert_eq!(
        footer_text(&hints, &tail, 80),
        "Enter 記録  Esc 戻る  F3 種別  F1 キー"
    );
    // 「Enter 記録」 is 10 cells; the tail 7 (+2): 19 fits one hint.
    assert_eq!(footer_text(&hints, &tail, 20), "Enter 記録  F1 キー");
    assert_eq!(footer_text(&hints, &tail, 18), "F1 キー");
    assert_eq!(footer_text(&hints, &tail, 5), "");
}

use crate::tui::text;
