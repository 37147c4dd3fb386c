//! The review's one event loop: keys and resizes from the terminal, stop
//! signals, and the archive read on a blocking thread, each turned into an
//! [`Action`]; the frame is redrawn after each batch. Nothing ticks: the
//! review only changes when the reviewer does something.

use std::io;
use std::path::PathBuf;

use crossterm::event::{Event, EventStream, KeyCode, KeyEventKind, KeyModifiers};
use futures_util::StreamExt;
use tokio::sync::mpsc;

use super::keys::Command;
use super::state::{Action, Effect, Loaded, State, update};
use super::view::{ReviewView, cursor, table};
use crate::i18n::Lang;
use crate::review::Archive;
use crate::tui::keys::lookup;
use crate::tui::{Screen, Signals, Stop};

/// Runs the review of the sessions folder `dir` until the reviewer quits.
pub async fn run(dir: PathBuf, lang: Lang) -> io::Result<()> {
    let mut screen = Screen::enter()?;
    let mut signals = Signals::new()?;
    let size = screen.terminal.size()?;
    let (mut state, effects) = State::new(lang, (size.width, size.height));
    let (tx, mut rx) = mpsc::unbounded_channel::<Action>();
    let mut events = EventStream::new();
    if perform(effects, &dir, &tx) {
        return Ok(());
    }
    loop {
        draw(&mut screen, &state)?;
        let action = tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(ev)) => to_action(&state, ev),
                Some(Err(_)) | None => return Ok(()),
            },
            Some(action) = rx.recv() => Some(action),
            stop = signals.recv() => {
                if stop == Stop::HangUp {
                    screen.hung_up();
                }
                return Ok(());
            }
        };
        let Some(action) = action else { continue };
        let effects = update(&mut state, action);
        if perform(effects, &dir, &tx) {
            return Ok(());
        }
    }
}

fn draw(screen: &mut Screen, state: &State) -> io::Result<()> {
    if screen.is_dead() {
        return Ok(());
    }
    screen.terminal.draw(|frame| {
        frame.render_widget(&ReviewView(state), frame.area());
        if let Some((x, y)) = cursor(state) {
            frame.set_cursor_position((x, y));
        }
    })?;
    Ok(())
}

/// Carries out effects; true when the review must end.
fn perform(
    effects: Vec<Effect>,
    dir: &std::path::Path,
    tx: &mpsc::UnboundedSender<Action>,
) -> bool {
    for effect in effects {
        match effect {
            Effect::Quit => return true,
            Effect::Load => {
                let dir = dir.to_path_buf();
                let tx = tx.clone();
                tokio::task::spawn_blocking(move || {
                    let loaded = Loaded::new(Archive::load(&dir));
                    let _ = tx.send(Action::Loaded(Box::new(loaded)));
                });
            }
        }
    }
    false
}

/// The action a terminal event gives in the current view.
pub fn to_action(state: &State, ev: Event) -> Option<Action> {
    match ev {
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            if state.help {
                return Some(Action::Command(Command::Help));
            }
            // Behind the "too small" message nothing is visible, so nothing
            // but quitting may act: no blind navigation.
            if crate::tui::widgets::too_small(ratatui::layout::Rect::new(
                0,
                0,
                state.size.0,
                state.size.1,
            )) {
                let quit = lookup(table(state.view()), &key) == Some(Command::Quit);
                return quit.then_some(Action::Command(Command::Quit));
            }
            if let Some(c) = lookup(table(state.view()), &key) {
                return Some(Action::Command(c));
            }
            let typing = *state.view() == super::state::View::Search;
            match key.code {
                KeyCode::Backspace if typing => Some(Action::Backspace),
                // Ctrl and Alt chords are commands or nothing, never text.
                KeyCode::Char(c)
                    if typing
                        && !c.is_control()
                        && !key
                            .modifiers
                            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    Some(Action::Type(c))
                }
                _ => None,
            }
        }
        _ => None,
    }
}
