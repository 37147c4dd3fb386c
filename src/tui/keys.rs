//! Key tables: one per screen or mode, pairing keys with the command they
//! give. The same table dispatches keys and generates the `?` help, so the
//! help never lies.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::i18n::Lang;

/// A key as the user presses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character, shifted or not (`a`, `A`, `+`, `?`).
    Char(char),
    /// Control and a letter.
    Ctrl(char),
    /// The space bar.
    Space,
    /// Enter / Return.
    Enter,
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
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
}

impl Key {
    /// True when the key event is this key being pressed.
    pub fn matches(self, ev: &KeyEvent) -> bool {
        if ev.kind == KeyEventKind::Release {
            return false;
        }
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        if alt {
            return false;
        }
        match (self, ev.code) {
            (Key::Ctrl(c), KeyCode::Char(k)) => ctrl && k.eq_ignore_ascii_case(&c),
            (_, _) if ctrl => false,
            (Key::Char(c), KeyCode::Char(k)) => c == k,
            (Key::Space, KeyCode::Char(' ')) => true,
            (Key::Enter, KeyCode::Enter) => true,
            (Key::Esc, KeyCode::Esc) => true,
            (Key::Tab, KeyCode::Tab) => !ev.modifiers.contains(KeyModifiers::SHIFT),
            (Key::BackTab, KeyCode::BackTab) => true,
            (Key::BackTab, KeyCode::Tab) => ev.modifiers.contains(KeyModifiers::SHIFT),
            (Key::Up, KeyCode::Up) => true,
            (Key::Down, KeyCode::Down) => true,
            (Key::Left, KeyCode::Left) => true,
            (Key::Right, KeyCode::Right) => true,
            (Key::PageUp, KeyCode::PageUp) => true,
            (Key::PageDown, KeyCode::PageDown) => true,
            _ => false,
        }
    }

    /// How the key is written in the help (arrows as words: the arrow
    /// symbols are ambiguous-width and misalign in CJK terminals).
    pub fn label(self, lang: Lang) -> String {
        match self {
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Space => lang.pick("スペース", "Space").into(),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Up => "Up".into(),
            Key::Down => "Down".into(),
            Key::Left => "Left".into(),
            Key::Right => "Right".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
        }
    }
}

/// One line of a key table: the keys that give a command.
#[derive(Debug, Clone, Copy)]
pub struct Binding<C: 'static> {
    /// The keys, the first being the one the help shows first.
    pub keys: &'static [Key],
    /// What the keys do.
    pub command: C,
}

/// The command a key event gives in `table`, if any.
pub fn lookup<C: Copy>(table: &[Binding<C>], ev: &KeyEvent) -> Option<C> {
    table
        .iter()
        .find(|b| b.keys.iter().any(|k| k.matches(ev)))
        .map(|b| b.command)
}

/// The help of a table: each binding's keys (joined by `/`) and its text.
pub fn help_rows<C: Copy>(
    table: &[Binding<C>],
    lang: Lang,
    text: impl Fn(C) -> &'static str,
) -> Vec<(String, &'static str)> {
    table
        .iter()
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label(lang)).collect();
            (keys.join(" "), text(b.command))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Cmd {
        Quit,
        Plus,
        Back,
    }

    const TABLE: &[Binding<Cmd>] = &[
        Binding {
            keys: &[Key::Char('q'), Key::Ctrl('c')],
            command: Cmd::Quit,
        },
        Binding {
            keys: &[Key::Char('+')],
            command: Cmd::Plus,
        },
        Binding {
            keys: &[Key::BackTab],
            command: Cmd::Back,
        },
    ];

    #[test]
    fn keys_dispatch_through_the_table() {
        let none = KeyModifiers::NONE;
        assert_eq!(
            lookup(TABLE, &press(KeyCode::Char('q'), none)),
            Some(Cmd::Quit)
        );
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(TABLE, &ctrl_c), Some(Cmd::Quit));
        // Ctrl-Q is not q.
        let ctrl_q = press(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(lookup(TABLE, &ctrl_q), None);
        // '+' arrives shifted on most keyboards.
        let plus = press(KeyCode::Char('+'), KeyModifiers::SHIFT);
        assert_eq!(lookup(TABLE, &plus), Some(Cmd::Plus));
        let shift_tab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(lookup(TABLE, &shift_tab), Some(Cmd::Back));
        let mut release = press(KeyCode::Char('q'), none);
        release.kind = KeyEventKind::Release;
        assert_eq!(lookup(TABLE, &release), None);
    }

    #[test]
    fn help_is_made_from_the_table() {
        let rows = help_rows(TABLE, Lang::En, |c| match c {
            Cmd::Quit => "quit",
            Cmd::Plus => "plus",
            Cmd::Back => "back",
        });
        assert_eq!(rows[0], ("q Ctrl-C".to_string(), "quit"));
        assert_eq!(rows.len(), TABLE.len());
    }
}
