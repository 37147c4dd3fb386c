//! The display's one key table: it dispatches the keys and makes the `?`
//! help. Nothing here changes the sitting.

use crossterm::event::KeyEvent;

use crate::i18n::Lang;
use crate::i18n::display::DisplayText as T;
use crate::tui::keys::{Binding, Key, lookup};

/// What a key asks of the display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Open or close the key help.
    Help,
    /// Leave the display.
    Quit,
}

/// The display's keys.
pub const TABLE: &[Binding<Command>] = &[
    Binding {
        keys: &[Key::Char('?')],
        command: Command::Help,
    },
    Binding {
        keys: &[Key::Char('q'), Key::Ctrl('c')],
        command: Command::Quit,
    },
];

/// The command `ev` gives, if any.
pub fn command(ev: &KeyEvent) -> Option<Command> {
    lookup(TABLE, ev)
}

/// What the help says a command does.
pub fn help_text(c: Command, lang: Lang) -> &'static str {
    match c {
        Command::Help => T::KeyHelp.text(lang),
        Command::Quit => T::KeyQuit.text(lang),
    }
}
