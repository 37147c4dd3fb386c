//! Key tables: every console's keys, in layers (what works everywhere,
//! what works in a mode, what works in the focused pane), each layer a
//! headed section of bindings. The same layers dispatch a key, write the
//! `?`/F1 help and fill the footer, so neither can say what a key does not.
//!
//! A key is named one way everywhere: `Space`, `Enter`, `Shift+Tab`, `F3`,
//! `Shift+F3`, `Ctrl+L`, `Alt+K`, `Alt+Shift+K`, `1-9`, `Alt+0-9`; arrows
//! as words (the arrow symbols are ambiguous-width and misalign in CJK
//! terminals).

mod footer;
pub(crate) mod help;
mod table;

pub(crate) use footer::{
    Hint, fit, footer_hints, footer_text, hints_naming, hints_with, render_footer,
};
pub(crate) use help::{HelpPopup, HelpRow, Section, help_max_scroll, sections, sections_with};
pub(crate) use table::{Binding, Command, Layer, bind, digits, dispatch};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// A key as the user presses it, or a run of digit keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    /// A printable character, shifted or not (`a`, `A`, `+`, `?`).
    Char(char),
    /// Control and a letter.
    Ctrl(char),
    /// Alt and a character; an upper-case letter is Alt+Shift.
    Alt(char),
    /// A function key, F1 to F12.
    F(u8),
    /// Shift and a function key.
    ShiftF(u8),
    /// The digit keys from the first to the second, each giving its digit.
    Digits(u8, u8),
    /// Alt and a digit key from the first to the second.
    AltDigits(u8, u8),
    /// The space bar.
    Space,
    /// Enter / Return.
    Enter,
    /// Alt+Enter.
    AltEnter,
    /// Escape.
    Esc,
    /// Tab.
    Tab,
    /// Shift+Tab.
    BackTab,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Alt and arrow up.
    AltUp,
    /// Alt and arrow down.
    AltDown,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Delete (forward).
    Delete,
}

/// What a pressed key matched: nothing, the key, or a digit of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hit {
    /// The key matched.
    Key,
    /// A digit key of a run matched, with its digit.
    Digit(u8),
}

impl Key {
    /// Whether the key event is this key being pressed (or repeated).
    pub(crate) fn hit(self, ev: &KeyEvent) -> Option<Hit> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        let m = ev.modifiers;
        let ctrl = m.contains(KeyModifiers::CONTROL);
        let alt = m.contains(KeyModifiers::ALT);
        // Terminals report Shift with shifted characters ('?', '[', 'K')
        // inconsistently, so it is ignored for characters and arrows.
        let plain = !ctrl && !alt;
        let yes = |b: bool| b.then_some(Hit::Key);
        match (self, ev.code) {
            (Key::Char(c), KeyCode::Char(k)) => yes(plain && c == k),
            (Key::Space, KeyCode::Char(' ')) => yes(plain),
            (Key::Ctrl(c), KeyCode::Char(k)) => yes(ctrl && !alt && k.eq_ignore_ascii_case(&c)),
            (Key::Alt(c), KeyCode::Char(k)) => yes(alt && !ctrl && k == c),
            (Key::Digits(lo, hi), KeyCode::Char(k)) if plain => digit(k, lo, hi),
            (Key::AltDigits(lo, hi), KeyCode::Char(k)) if alt && !ctrl => digit(k, lo, hi),
            (Key::F(n), KeyCode::F(k)) => yes(n == k && m.is_empty()),
            (Key::ShiftF(n), KeyCode::F(k)) => yes(n == k && m == KeyModifiers::SHIFT),
            (Key::Enter, KeyCode::Enter) => yes(m.is_empty()),
            (Key::AltEnter, KeyCode::Enter) => yes(m == KeyModifiers::ALT),
            (Key::Tab, KeyCode::Tab) => yes(m.is_empty()),
            (Key::BackTab, KeyCode::BackTab) => yes(plain),
            (Key::BackTab, KeyCode::Tab) => yes(plain && m.contains(KeyModifiers::SHIFT)),
            (Key::AltUp, KeyCode::Up) | (Key::AltDown, KeyCode::Down) => yes(alt && !ctrl),
            (Key::Esc, KeyCode::Esc)
            | (Key::Up, KeyCode::Up)
            | (Key::Down, KeyCode::Down)
            | (Key::Left, KeyCode::Left)
            | (Key::Right, KeyCode::Right)
            | (Key::PageUp, KeyCode::PageUp)
            | (Key::PageDown, KeyCode::PageDown)
            | (Key::Delete, KeyCode::Delete) => yes(plain),
            _ => None,
        }
    }

    /// How the key is written in the help and the footer.
    pub(crate) fn label(self) -> String {
        match self {
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl+{}", c.to_ascii_uppercase()),
            Key::Alt(c) if c.is_ascii_uppercase() => format!("Alt+Shift+{c}"),
            Key::Alt(c) => format!("Alt+{}", c.to_ascii_uppercase()),
            Key::F(n) => format!("F{n}"),
            Key::ShiftF(n) => format!("Shift+F{n}"),
            Key::Digits(lo, hi) if lo == hi => lo.to_string(),
            Key::Digits(lo, hi) => format!("{lo}-{hi}"),
            Key::AltDigits(lo, hi) if lo == hi => format!("Alt+{lo}"),
            Key::AltDigits(lo, hi) => format!("Alt+{lo}-{hi}"),
            Key::Space => "Space".into(),
            Key::Enter => "Enter".into(),
            Key::AltEnter => "Alt+Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift+Tab".into(),
            Key::Up => "Up".into(),
            Key::Down => "Down".into(),
            Key::Left => "Left".into(),
            Key::Right => "Right".into(),
            Key::AltUp => "Alt+Up".into(),
            Key::AltDown => "Alt+Down".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Delete => "Del".into(),
        }
    }

    /// One key event that presses this key (the lowest digit of a run), for
    /// tests that every binding is reachable.
    pub(crate) fn example(self) -> KeyEvent {
        let none = KeyModifiers::NONE;
        let alt = KeyModifiers::ALT;
        let (code, m) = match self {
            Key::Char(c) => (KeyCode::Char(c), none),
            Key::Ctrl(c) => (KeyCode::Char(c), KeyModifiers::CONTROL),
            Key::Alt(c) => (KeyCode::Char(c), alt),
            Key::F(n) => (KeyCode::F(n), none),
            Key::ShiftF(n) => (KeyCode::F(n), KeyModifiers::SHIFT),
            Key::Digits(lo, _) => (KeyCode::Char(char::from(b'0' + lo)), none),
            Key::AltDigits(lo, _) => (KeyCode::Char(char::from(b'0' + lo)), alt),
            Key::Space => (KeyCode::Char(' '), none),
            Key::Enter => (KeyCode::Enter, none),
            Key::AltEnter => (KeyCode::Enter, alt),
            Key::Esc => (KeyCode::Esc, none),
            Key::Tab => (KeyCode::Tab, none),
            Key::BackTab => (KeyCode::BackTab, KeyModifiers::SHIFT),
            Key::Up => (KeyCode::Up, none),
            Key::Down => (KeyCode::Down, none),
            Key::Left => (KeyCode::Left, none),
            Key::Right => (KeyCode::Right, none),
            Key::AltUp => (KeyCode::Up, alt),
            Key::AltDown => (KeyCode::Down, alt),
            Key::PageUp => (KeyCode::PageUp, none),
            Key::PageDown => (KeyCode::PageDown, none),
            Key::Delete => (KeyCode::Delete, none),
        };
        KeyEvent::new(code, m)
    }

    /// Whether pressing `other` could also press this key (so that a
    /// binding further down the layers is hidden by this one).
    pub(crate) fn covers(self, other: Key) -> bool {
        match (self, other) {
            (Key::Digits(lo, hi), Key::Digits(a, b))
            | (Key::AltDigits(lo, hi), Key::AltDigits(a, b)) => a <= hi && lo <= b,
            _ => self.hit(&other.example()).is_some(),
        }
    }
}

fn digit(k: char, lo: u8, hi: u8) -> Option<Hit> {
    let d = k.to_digit(10)? as u8;
    (lo..=hi).contains(&d).then_some(Hit::Digit(d))
}

#[cfg(test)]
mod tests;

/// Test support: every key of every layer of `stack` that no layer above
/// hides gives its binding's command when pressed, the help lists it
/// beside that command's words, and no key is bound twice in a layer.
#[cfg(test)]
pub(crate) fn assert_reachable_and_listed<C: Command>(stack: &[&Layer<C>]) {
    for lang in [crate::i18n::Lang::Ja, crate::i18n::Lang::En] {
        let help = sections(stack, lang);
        for (i, layer) in stack.iter().enumerate() {
            let keys: Vec<Key> = layer
                .bindings
                .iter()
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            for (n, k) in keys.iter().enumerate() {
                assert!(
                    !keys[n + 1..].contains(k),
                    "{k:?} bound twice in {}",
                    layer.en
                );
            }
            for b in layer.bindings {
                assert!(
                    !b.sample().what(lang).is_empty(),
                    "{:?} has no help",
                    b.sample()
                );
                for k in b.keys {
                    let hidden = stack[..i].iter().any(|l| {
                        l.bindings
                            .iter()
                            .any(|x| x.keys.iter().any(|y| y.covers(*k)))
                    });
                    if hidden {
                        continue;
                    }
                    let got = dispatch(stack, &k.example());
                    assert_eq!(got, Some(b.sample()), "{k:?} in {}", layer.en);
                    let what = b.sample().what(lang);
                    let listed = help
                        .iter()
                        .flat_map(|s| &s.rows)
                        .any(|r| r.what == what && r.keys.contains(&k.label()));
                    assert!(listed, "{k:?} ({what}) not in the help of {}", layer.en);
                }
            }
        }
    }
}
