//! Running the review on the shared runtime: keys and resizes become
//! [`Action`]s in [`to_action`], the archive is read on the blocking pool.
//! Nothing ticks: the review only changes when the reviewer does something.

use std::io;
use std::path::PathBuf;

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::Frame;

use super::keys::Command;
use super::keys::layers;
use super::state::{Action, Effect, Loaded, State, update};
use super::view::{ReviewView, cursor};
use crate::i18n::Lang;
use crate::model::Stamp;
use crate::previous_actions::{self, StatusChange};
use crate::review::Archive;
use crate::tui::console::{Flow, Outside, Start};
use crate::tui::keys::dispatch;
use crate::tui::{self, runtime};

/// Runs the review of the sessions folder `dir` until the reviewer quits;
/// the folder is watched (scanned every `poll` when given) and read again
/// when its files change.
///
/// `name` is recorded as who set an action item's status.
pub fn run(
    dir: PathBuf,
    lang: Lang,
    poll: Option<std::time::Duration>,
    name: Option<String>,
) -> io::Result<()> {
    let (mut state, initial) = State::new(lang, (0, 0));
    state.by = name;
    let mut live = Live {
        state,
        dir,
        initial,
    };
    let options = runtime::Options {
        watch: Some(live.dir.clone()),
        poll,
        also_watch: Vec::new(),
    };
    runtime::run(&mut live, options)
}

/// The review while it runs.
struct Live {
    state: State,
    dir: PathBuf,
    /// The effects to start with (reading the archive).
    initial: Vec<Effect>,
}

impl tui::Console for Live {
    type Action = Action;
    type Effect = Effect;

    fn now(&self) -> Stamp {
        // Only the status of an action item set from the review is stamped
        // with it; nothing on screen depends on the time.
        chrono::Utc::now().fixed_offset()
    }

    fn start(&mut self, start: Start, _out: &mut Outside<'_, Action>) -> Vec<Effect> {
        self.state.size = start.size;
        std::mem::take(&mut self.initial)
    }

    fn to_action(&self, ev: Event) -> Option<Action> {
        to_action(&self.state, ev)
    }

    fn tick(&self) -> Option<Action> {
        None
    }

    fn files_changed(&self, _paths: Vec<PathBuf>) -> Option<Action> {
        Some(Action::Reload)
    }

    fn update(&mut self, action: Action, _now: Stamp) -> Vec<Effect> {
        update(&mut self.state, action)
    }

    fn view(&self, frame: &mut Frame, _now: Stamp) {
        frame.render_widget(&ReviewView(&self.state), frame.area());
        if let Some((x, y)) = cursor(&self.state) {
            frame.set_cursor_position((x, y));
        }
    }

    fn perform(&mut self, effect: Effect, out: &mut Outside<'_, Action>) -> Flow {
        match effect {
            Effect::Quit => return Flow::Quit,
            Effect::Load => {
                let dir = self.dir.clone();
                // At start the list is drawn from the outline (plans and run
                // files, counts from the search cache) before the notes files
                // are read; a reload keeps what is shown until it is done.
                let first = self.state.data.is_none();
                let tx = out.sender();
                out.spawn(move || {
                    if first {
                        let _ = tx.send(Action::Loaded(Box::new(Loaded::outline(&dir))));
                    }
                    let whole = Loaded::new(Archive::load(&dir));
                    // The search cache gives the next start its counts at
                    // once, also when no `bunkakai search` was ever run.
                    crate::review::cache::refresh_in_background(&dir);
                    Action::Loaded(Box::new(whole))
                });
            }
            Effect::SetStatus(change) => {
                let at = self.now();
                out.spawn(move || Action::StatusSet(save_status(&change, at)));
            }
        }
        Flow::Continue
    }

    fn next_wake(&self, _now: Stamp) -> Option<Stamp> {
        None
    }
}

/// Saves an action item's status into its group's notes file as the
/// note-taker's console does ([`previous_actions::save`]): only the status
/// mark, with who set it, is written, merged under the writer lock with
/// what is on disk, so notes a console saves at the same time are kept.
pub fn save_status(change: &StatusChange, at: Stamp) -> Result<(), String> {
    previous_actions::save(change, at)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// The action a terminal event gives in the current view.
pub fn to_action(state: &State, ev: Event) -> Option<Action> {
    match ev {
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            // The help scrolls with the movement keys; any other closes it.
            if state.help {
                let c = dispatch(&[&super::keys::HELP], &key).unwrap_or(Command::Help);
                return Some(Action::Command(c));
            }
            // Behind the "too small" message nothing is visible, so nothing
            // but quitting may act: no blind navigation.
            if crate::tui::widgets::too_small(ratatui::layout::Rect::new(
                0,
                0,
                state.size.0,
                state.size.1,
            )) {
                let quit = dispatch(layers(state.view()), &key) == Some(Command::Quit);
                return quit.then_some(Action::Command(Command::Quit));
            }
            // Typing an owner's name: letters are text, not commands.
            if super::owner_filter::typing(state) {
                return super::owner_filter::key(&key);
            }
            if super::compare_filter_box::typing(state) {
                return super::compare_filter_box::key(&key);
            }
            if let Some(c) = dispatch(layers(state.view()), &key) {
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
