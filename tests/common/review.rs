//! The review screen as its tests drive it: an archive loaded into a state
//! of a given language and size, keys pressed as a user presses them, and a
//! picture of the screen.

use std::path::Path;

use bunkakai::i18n::Lang;
use bunkakai::review::Archive;
use bunkakai::review::screen::run::to_action;
use bunkakai::review::screen::{Action, Effect, Loaded, ReviewView, State, update};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The review of the archive fixture, loaded, in a `w`×`h` terminal.
pub fn review(lang: Lang, w: u16, h: u16) -> State {
    review_of(&super::archive_dir(), lang, w, h)
}

/// The review of the sessions folder `dir`, loaded, in a `w`×`h` terminal.
pub fn review_of(dir: &Path, lang: Lang, w: u16, h: u16) -> State {
    review_with(Archive::load(dir), lang, w, h)
}

/// The review of `archive`, loaded, in a `w`×`h` terminal.
pub fn review_with(archive: Archive, lang: Lang, w: u16, h: u16) -> State {
    let (mut state, _) = State::new(lang, (w, h));
    load(&mut state, archive);
    state
}

/// `archive` read (again) into the screen, as the runtime gives it.
pub fn load(state: &mut State, archive: Archive) {
    update(state, Action::Loaded(Box::new(Loaded::new(archive))));
}

/// One key pressed; what the screen asks to be done.
pub fn key(state: &mut State, code: KeyCode) -> Vec<Effect> {
    let ev = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    to_action(state, ev)
        .map(|a| update(state, a))
        .unwrap_or_default()
}

/// Keys pressed one after the other; what the last one asks to be done.
pub fn press(state: &mut State, codes: &[KeyCode]) -> Vec<Effect> {
    codes.iter().fold(Vec::new(), |_, code| key(state, *code))
}

/// The keys written in `typed` pressed one after the other: each character
/// its key, except `↓` and `↑` (the arrows), `\n` (Enter) and `\x1b` (Esc);
/// what the last one asks to be done.
pub fn keys(state: &mut State, typed: &str) -> Vec<Effect> {
    let codes: Vec<KeyCode> = typed
        .chars()
        .map(|c| match c {
            '↓' => KeyCode::Down,
            '↑' => KeyCode::Up,
            '\n' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        })
        .collect();
    press(state, &codes)
}

/// The screen as text, drawn on a fresh terminal: a second draw on one
/// TestBackend keeps stale halves of wide characters.
pub fn screen(state: &State) -> String {
    let (w, h) = state.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let frame = terminal
        .draw(|f| f.render_widget(&ReviewView(state), f.area()))
        .unwrap();
    bunkakai::tui::buffer_text::text_of(frame.buffer)
}
