//! The display's one event loop: keys, the tick when the displayed second
//! (or, while nothing runs, the minute) turns over, and changes of the
//! sitting's files, all through one `tokio::select!`. Files are read on the
//! blocking pool and come back as actions; the screen is redrawn only after
//! something changed.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crossterm::event::{Event, EventStream};
use futures_util::StreamExt;
use tokio::sync::mpsc::{self, UnboundedSender};

use crate::model::run::{RUN_FILE, RUN_KIND, RUN_VERSION, RunState};
use crate::store::sessions::SessionPath;
use crate::store::watch::{self, WatchMode};
use crate::store::{self, FormatError, StoreError};
use crate::timer;
use crate::tui::{Screen, Signals, tick};

use super::view::DisplayView;
use super::{Action, Effect, RunRead, State, keys, update};

/// Reads run.json: a file from a newer bunkakai is read as far as this one
/// understands it (the display never writes, so nothing can be lost).
pub fn read_run(path: &Path) -> RunRead {
    match store::load_json::<RunState>(path, RUN_KIND, RUN_VERSION) {
        Ok(run) => RunRead::Read(Box::new(run)),
        Err(e) if e.is_not_found() => RunRead::Missing,
        Err(StoreError::Format {
            error: FormatError::Newer { .. },
            ..
        }) => match std::fs::read(path).map(|b| serde_json::from_slice::<RunState>(&b)) {
            Ok(Ok(run)) => RunRead::Newer(Box::new(run)),
            Ok(Err(e)) => RunRead::Unreadable(e.to_string()),
            Err(e) => RunRead::Unreadable(e.to_string()),
        },
        Err(e) => RunRead::Unreadable(e.to_string()),
    }
}

fn read_plan(found: &SessionPath) -> Result<Box<crate::model::Plan>, String> {
    let bytes = store::sessions::read_bytes(&found.plan).map_err(|e| e.to_string())?;
    crate::model::read_plan(&bytes, &found.default_id)
        .plan
        .map(Box::new)
        .ok_or_else(|| "invalid plan".to_string())
}

fn perform(effect: Effect, found: &SessionPath, tx: &UnboundedSender<Action>) {
    let (tx, found) = (tx.clone(), found.clone());
    tokio::task::spawn_blocking(move || {
        let action = match effect {
            Effect::ReadRun => Action::RunRead(read_run(&found.dir.join(RUN_FILE))),
            Effect::ReadPlan => Action::PlanRead(read_plan(&found)),
        };
        let _ = tx.send(action);
    });
}

/// Runs the display until the viewer quits or the terminal goes away.
/// `poll` scans the folder at that interval instead of change events.
pub fn run(mut state: State, found: SessionPath, poll: Option<Duration>) -> io::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let (tx, mut results) = mpsc::unbounded_channel::<Action>();
        let (files_tx, mut files) = mpsc::unbounded_channel::<Vec<PathBuf>>();
        let mode = poll.map_or(WatchMode::Events, WatchMode::Poll);
        let watch = watch::spawn(found.dir.clone(), mode, files_tx);
        if watch.polling {
            state.polling = Some(poll.map_or(1, |d| d.as_secs().max(1)));
        }
        let mut signals = Signals::new()?;
        let mut screen = Screen::enter()?;
        let mut events = EventStream::new();
        let size = screen.terminal.size()?;
        state.size = (size.width, size.height);
        perform(Effect::ReadRun, &found, &tx);
        let mut dirty = true;
        loop {
            if state.quit {
                break Ok(());
            }
            let t = timer::now(&state.plan);
            if dirty {
                let view = DisplayView::new(&state, t);
                if let Err(e) = screen.terminal.draw(|f| f.render_widget(&view, f.area())) {
                    screen.hung_up();
                    break Err(e);
                }
                dirty = false;
            }
            let wake = match &state.run {
                Some(run) => timer::next_change(run, t),
                None => timer::next_change(&RunState::new(&state.plan), t),
            };
            let action = tokio::select! {
                ev = events.next() => match ev {
                    Some(Ok(Event::Key(k))) => Some(match keys::command(&k) {
                        Some(c) => Action::Command(c),
                        None => Action::OtherKey,
                    }),
                    Some(Ok(Event::Resize(w, h))) => Some(Action::Resize(w, h)),
                    Some(Ok(_)) => None,
                    Some(Err(_)) | None => {
                        screen.hung_up();
                        break Ok(());
                    }
                },
                _ = tokio::time::sleep(tick::delay_until(&wake, &t)) => Some(Action::Tick),
                Some(paths) = files.recv() => Some(Action::FilesChanged(paths)),
                Some(a) = results.recv() => Some(a),
                stop = signals.recv() => {
                    if stop == crate::tui::Stop::HangUp {
                        screen.hung_up();
                    }
                    break Ok(());
                }
            };
            if let Some(action) = action {
                // A change of files shows nothing until what was read comes back.
                let quiet = matches!(action, Action::FilesChanged(_));
                let t = timer::now(&state.plan);
                for effect in update(&mut state, action, t) {
                    perform(effect, &found, &tx);
                }
                dirty |= !quiet;
            }
        }
    })
}
