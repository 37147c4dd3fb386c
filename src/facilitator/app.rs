//! The facilitator console's one event loop: keys from the terminal, the
//! tick when the displayed second turns over, changes of the sitting's
//! files, and the results of effects, all through one `tokio::select!`.
//! Each action goes through `update`; the effects it returns are carried out
//! here; the screen is redrawn after that, never on a fixed frame rate.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc as std_mpsc;
use std::thread::JoinHandle;

use crossterm::event::{Event, EventStream};
use futures_util::StreamExt;
use tokio::sync::mpsc::{self, UnboundedSender};

use crate::i18n::Lang;
use crate::i18n::display as words;
use crate::model::Plan;
use crate::model::Stamp;
use crate::model::notes::{GroupNotes, NOTES_KIND, NOTES_VERSION};
use crate::model::run::{RUN_FILE, RUN_KIND, RUN_VERSION, RunState};
use crate::store::watch::{self, WatchMode};
use crate::store::{self, StoreError, WriterLock};
use crate::timer;
use crate::tui::{Screen, Signals, Stop, osc, tick};

use super::view::FacilitatorView;
use super::{Action, Effect, GroupDigest, State, keys, update};

/// How the console was asked to open.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The language of labels.
    pub lang: Lang,
    /// Plain ASCII borders and marks.
    pub ascii: bool,
    /// Follow the sitting without changing it.
    pub read_only: bool,
    /// Scan the sitting's folder at this interval instead of relying on
    /// change events (`--poll SECONDS`).
    pub poll: Option<std::time::Duration>,
}

/// Why the console cannot open.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// Another console runs this sitting (its lock is held).
    #[error("another console runs this sitting")]
    Locked,
    /// run.json exists but cannot be used; it is left untouched.
    #[error(transparent)]
    RunFile(StoreError),
    /// The lock file cannot be made.
    #[error(transparent)]
    Lock(StoreError),
}

/// A console ready to run: its state, and the lock while it writes.
pub struct Console {
    state: State,
    poll: Option<std::time::Duration>,
    dir: PathBuf,
    _lock: Option<WriterLock>,
}

/// Takes the sitting's lock (unless read-only) and reads run.json (a new
/// run when there is none). Refuses when another console holds the lock,
/// unless `read_only` was asked for.
pub fn open(dir: &Path, plan: Plan, opts: Options) -> Result<Console, OpenError> {
    let path = dir.join(RUN_FILE);
    let lock = if opts.read_only {
        None
    } else {
        match WriterLock::try_acquire(&path).map_err(OpenError::Lock)? {
            Some(lock) => Some(lock),
            None => return Err(OpenError::Locked),
        }
    };
    let run = read_run(&path, &plan).map_err(OpenError::RunFile)?;
    let mut state = State::new(plan, run, opts.lang);
    state.ascii = opts.ascii;
    state.read_only = opts.read_only;
    Ok(Console {
        state,
        poll: opts.poll,
        dir: dir.to_path_buf(),
        _lock: lock,
    })
}

fn read_run(path: &Path, plan: &Plan) -> Result<RunState, StoreError> {
    match store::load_json::<RunState>(path, RUN_KIND, RUN_VERSION) {
        Ok(run) => Ok(run),
        Err(e) if e.is_not_found() => Ok(RunState::new(plan)),
        Err(e) => Err(e),
    }
}

/// Reads the digest of each group's notes file; a missing file is an empty
/// one. A file that cannot be used gives the warning to show, in `lang`.
fn read_notes(
    dir: &Path,
    groups: &[String],
    lang: Lang,
) -> Vec<(String, Result<GroupDigest, String>)> {
    groups
        .iter()
        .map(|g| {
            let path = dir.join("notes").join(format!("{g}.json"));
            let r = match store::load_json::<GroupNotes>(&path, NOTES_KIND, NOTES_VERSION) {
                Ok(n) => Ok(GroupDigest::of(&n)),
                Err(e) if e.is_not_found() => Ok(GroupDigest::default()),
                Err(e) => {
                    tracing::warn!(error = %e, "notes file skipped");
                    let file = format!("{g}.json");
                    Err(match e {
                        StoreError::Format {
                            error: store::FormatError::Newer { .. },
                            ..
                        } => words::newer(&file, lang),
                        _ => words::unreadable(&file, lang),
                    })
                }
            };
            (g.clone(), r)
        })
        .collect()
}

/// Writes run.json in the order asked, on a thread of its own so that a
/// slow disk never holds up the screen; when several states queue up only
/// the newest is written.
fn spawn_saver(
    path: PathBuf,
    tz: chrono_tz::Tz,
    results: UnboundedSender<Action>,
) -> (std_mpsc::Sender<RunState>, JoinHandle<()>) {
    let (tx, rx) = std_mpsc::channel::<RunState>();
    let handle = std::thread::spawn(move || {
        while let Ok(mut run) = rx.recv() {
            while let Ok(newer) = rx.try_recv() {
                run = newer;
            }
            // Stamped by this machine's clock so that readers elsewhere can
            // tell when their clock disagrees.
            run.saved = Some(timer::whole_second(
                chrono::Utc::now().with_timezone(&tz).fixed_offset(),
            ));
            let r = store::save_json(&path, &run).map_err(|e| e.to_string());
            if let Err(e) = &r {
                tracing::error!(error = %e, "run.json not saved");
            }
            let _ = results.send(Action::Saved(r));
        }
    });
    (tx, handle)
}

/// Runs the console until the facilitator quits or the terminal goes away.
pub fn run(console: Console) -> io::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(event_loop(console))
}

async fn event_loop(console: Console) -> io::Result<()> {
    let Console {
        mut state,
        dir,
        poll,
        ..
    } = console;
    let (results_tx, mut results) = mpsc::unbounded_channel::<Action>();
    let (saver, saver_thread) =
        spawn_saver(dir.join(RUN_FILE), state.plan.timezone, results_tx.clone());
    let (files_tx, mut files) = mpsc::unbounded_channel();
    let mode = poll.map_or(WatchMode::Events, WatchMode::Poll);
    let _watch = watch::spawn(dir.clone(), mode, files_tx);
    let mut signals = Signals::new()?;
    let mut screen = Screen::enter()?;
    let mut events = EventStream::new();
    let size = screen.terminal.size()?;
    let t0 = timer::now(&state.plan);
    update(&mut state, Action::Resize(size.width, size.height), t0);
    let all: Vec<String> = state.plan.groups.iter().map(|g| g.id.clone()).collect();
    let mut pending = vec![Effect::LoadNotes(all)];
    let mut dirty = true;
    let result = loop {
        for effect in pending.drain(..) {
            perform(effect, &mut screen, &saver, &results_tx, &dir, &state);
        }
        if state.quit {
            break Ok(());
        }
        let t = timer::now(&state.plan);
        if dirty {
            let view = FacilitatorView::new(&state, t);
            if let Err(e) = screen.terminal.draw(|f| f.render_widget(&view, f.area())) {
                screen.hung_up();
                break Err(e);
            }
            dirty = false;
        }
        let wake = next_wake(&state, t);
        let sleep = tokio::time::sleep(tick::delay_until(&wake, &t));
        let action = tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(Event::Key(k))) => keys::command(&state.mode, &k).map(Action::Command),
                Some(Ok(Event::Resize(w, h))) => Some(Action::Resize(w, h)),
                Some(Ok(_)) => None,
                // The terminal is gone (ssh dropped): nothing more to draw.
                Some(Err(_)) | None => {
                    screen.hung_up();
                    break Ok(());
                }
            },
            _ = sleep => Some(Action::Tick),
            Some(paths) = files.recv() => Some(Action::FilesChanged(paths)),
            Some(a) = results.recv() => Some(a),
            stop = signals.recv() => {
                if stop == Stop::HangUp {
                    screen.hung_up();
                }
                break Ok(());
            }
        };
        if let Some(action) = action {
            // Loading files changes nothing on screen until the result comes back.
            let quiet = matches!(action, Action::FilesChanged(_) | Action::Saved(Ok(())));
            let t = timer::now(&state.plan);
            pending = update(&mut state, action, t);
            dirty |= !quiet;
        }
    };
    // Let the last save finish before the lock is released.
    drop(saver);
    let _ = saver_thread.join();
    drop(screen);
    result
}

/// When the screen can next change by itself: the next second while a
/// block runs or a notice or flash is up, else the next minute (the wall
/// clock).
fn next_wake(state: &State, now: Stamp) -> Stamp {
    let mut wake = timer::next_change(&state.run, now);
    let busy = state.flash_until.is_some() || state.notice.is_some();
    if busy {
        wake = wake.min(timer::whole_second(now) + chrono::Duration::seconds(1));
    }
    wake
}

fn perform(
    effect: Effect,
    screen: &mut Screen,
    saver: &std_mpsc::Sender<RunState>,
    results: &UnboundedSender<Action>,
    dir: &Path,
    state: &State,
) {
    let raw = |screen: &mut Screen, bytes: &[u8]| {
        if let Err(e) = screen.write_raw(bytes) {
            tracing::warn!(error = %e, "cannot write to the terminal");
        }
    };
    match effect {
        Effect::Save(run) => {
            if !state.read_only {
                let _ = saver.send(*run);
            }
        }
        Effect::Bell => raw(screen, b"\x07"),
        Effect::Notify { title, body } => raw(screen, &osc::notify(&title, &body)),
        Effect::Copy(text) => raw(screen, &osc::copy(&text)),
        Effect::LoadNotes(groups) => {
            let groups = if groups.is_empty() {
                state.plan.groups.iter().map(|g| g.id.clone()).collect()
            } else {
                groups
            };
            let dir = dir.to_path_buf();
            let tx = results.clone();
            let lang = state.lang;
            tokio::task::spawn_blocking(move || {
                let _ = tx.send(Action::NotesLoaded(read_notes(&dir, &groups, lang)));
            });
        }
        Effect::ReloadRun => {
            let path = dir.join(RUN_FILE);
            let plan = state.plan.clone();
            let tx = results.clone();
            tokio::task::spawn_blocking(move || {
                let r = read_run(&path, &plan)
                    .map(Box::new)
                    .map_err(|e| e.to_string());
                let _ = tx.send(Action::RunReloaded(r));
            });
        }
    }
}
