//! The keys of a one-line filter being typed (the owner filter, the
//! comparison's filter): Enter keeps it, Esc gives it up, Ctrl+C quits,
//! Backspace erases, any other character (Japanese through the IME too) is
//! text; other chords do nothing.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::state::Action;

/// What `key` does while a line is typed; `done(keep)` is the line's own
/// action for Enter (`true`) and Esc (`false`).
pub(crate) fn key(key: &KeyEvent, done: fn(bool) -> Action) -> Option<Action> {
    let chord = key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char('c') if key.modifiers.contains(KeyModifiers::CONTROL) => {
            Some(Action::Command(super::keys::Command::Quit))
        }
        KeyCode::Enter => Some(done(true)),
        KeyCode::Esc => Some(done(false)),
        KeyCode::Backspace => Some(Action::Backspace),
        KeyCode::Char(c) if !chord && !c.is_control() => Some(Action::Type(c)),
        _ => None,
    }
}
