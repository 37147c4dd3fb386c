//! Running the facilitator console: opening the sitting (its lock and
//! run.json), and what the console gives the shared runtime: keys to
//! actions, the wake-up at the next second, and its effects carried out
//! (run.json written on a thread of its own, notes read on the blocking
//! pool, the bell and OSC notices written to the terminal).

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc as std_mpsc;
use std::thread::JoinHandle;

use crossterm::event::Event;
use ratatui::Frame;
use tokio::sync::mpsc::UnboundedSender;

use crate::i18n::Lang;
use crate::i18n::display as words;
use crate::model::Plan;
use crate::model::Stamp;

use crate::model::run::{RUN_FILE, RUN_KIND, RUN_VERSION, RunState};
use crate::store::{self, StoreError, WriterLock};
use crate::timer;
use crate::tui::console::{End, Flow, Outside, Start};
use crate::tui::{self, osc, runtime};

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

impl Console {
    /// The state the console opens with.
    pub fn state(&self) -> &State {
        &self.state
    }
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
    let (run, damaged) = match read_run(&path, &plan) {
        Ok(run) => (run, None),
        // A run.json that breaks a rule (a number out of range, a block the
        // plan does not have) must not keep the console from opening: the
        // broken block is shown reset, and the file is kept aside before
        // the first save replaces it.
        Err(e) if !opts.read_only && store::run_file::is_content_error(&e) => {
            (repaired_run(&path, &plan), Some(e))
        }
        Err(e) => return Err(OpenError::RunFile(e)),
    };
    let mut state = State::new(plan, run, opts.lang);
    if let Some(e) = damaged {
        // Said until the facilitator's next action brings another notice
        // (by then the next save has replaced the broken file).
        state.notice = Some(super::Notice {
            text: crate::i18n::store::run_reset(&e, opts.lang),
            until: timer::now(&state.plan) + chrono::Duration::hours(12),
            alarm: true,
        });
    }
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
    match store::run_file::load(path, Some(plan)) {
        Ok(run) => Ok(run),
        Err(e) if e.is_not_found() => Ok(RunState::new(plan)),
        Err(e) => Err(e),
    }
}

/// The run of a run.json that breaks a rule, with what breaks it set back:
/// the block on the clock waits to be started again, finished blocks and
/// moves that break a rule are left out (a copy of the file is kept as
/// `run.json.damaged`). A file that still breaks a rule gives a fresh run.
fn repaired_run(path: &Path, plan: &Plan) -> RunState {
    let _ = std::fs::copy(path, path.with_extension("json.damaged"));
    let Ok(mut run) = store::load_json::<RunState>(path, RUN_KIND, RUN_VERSION) else {
        return RunState::new(plan);
    };
    run.session = plan.id.clone();
    let first = plan.agenda.first().map(|b| b.id.clone());
    run.current = match run.current.take() {
        Some(c) if plan.agenda.iter().any(|b| b.id == c.block) => {
            Some(crate::model::run::BlockRun::ready(&c.block))
        }
        Some(_) => first.as_deref().map(crate::model::run::BlockRun::ready),
        None => None,
    };
    let fresh = RunState::new(plan);
    let ok = |r: &RunState| crate::model::run_read::check_run(r, Some(plan)).is_ok();
    run.history.retain(|h| {
        let mut one = fresh.clone();
        one.current = None;
        one.history = vec![h.clone()];
        ok(&one)
    });
    run.moves
        .retain(|m| crate::model::file_check::stamp_in_range(&m.at));
    run.acks.retain(|a| {
        [a.at, a.raised]
            .iter()
            .all(crate::model::file_check::stamp_in_range)
    });
    run.ended = run.ended.filter(crate::model::file_check::stamp_in_range);
    run.saved = None;
    if ok(&run) { run } else { fresh }
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
            let read = std::fs::read(&path)
                .map_err(|e| StoreError::Io {
                    path: path.clone(),
                    op: store::IoOp::Read,
                    source: e,
                })
                .and_then(|b| store::notes_file::parse_for_reading(&path, &b, Some(g)));
            let r = match read {
                Ok((n, _)) => Ok(GroupDigest::of(&n)),
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

/// How long a failed save of run.json waits before it is tried again.
const SAVE_RETRY: std::time::Duration = std::time::Duration::from_secs(2);

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
        // The state not yet on disk: a failed save is tried again every
        // SAVE_RETRY until it succeeds or a newer state replaces it.
        let mut pending: Option<RunState> = None;
        let mut closing = false;
        loop {
            let next = match pending {
                Some(_) if closing => Err(std_mpsc::RecvTimeoutError::Disconnected),
                Some(_) => rx.recv_timeout(SAVE_RETRY),
                None => rx
                    .recv()
                    .map_err(|_| std_mpsc::RecvTimeoutError::Disconnected),
            };
            match next {
                Ok(run) => pending = Some(run),
                Err(std_mpsc::RecvTimeoutError::Timeout) => {}
                Err(std_mpsc::RecvTimeoutError::Disconnected) if closing || pending.is_none() => {
                    break;
                }
                Err(std_mpsc::RecvTimeoutError::Disconnected) => closing = true,
            }
            while let Ok(newer) = rx.try_recv() {
                pending = Some(newer);
            }
            let Some(run) = pending.as_mut() else {
                continue;
            };
            // Stamped by this machine's clock so that readers elsewhere can
            // tell when their clock disagrees.
            run.saved = Some(timer::whole_second(
                chrono::Utc::now().with_timezone(&tz).fixed_offset(),
            ));
            let r = store::run_file::may_replace(&path)
                .and_then(|()| store::save_json(&path, run))
                .map_err(|e| e.to_string());
            match &r {
                Ok(()) => pending = None,
                Err(e) => tracing::error!(error = %e, "run.json not saved"),
            }
            let _ = results.send(Action::Saved(r));
        }
    });
    (tx, handle)
}

/// Runs the console until the facilitator quits or the terminal goes away;
/// the last save of run.json finishes before the lock is released.
pub fn run(console: Console) -> io::Result<()> {
    let Console {
        state,
        poll,
        dir,
        _lock,
    } = console;
    let mut live = Live {
        state,
        dir: dir.clone(),
        saver: None,
    };
    let opts = runtime::Options {
        watch: Some(dir),
        poll,
    };
    let result = runtime::run(&mut live, opts);
    drop(_lock);
    result
}

/// The console while it runs: its state, and the thread writing run.json.
struct Live {
    state: State,
    dir: PathBuf,
    saver: Option<(std_mpsc::Sender<RunState>, JoinHandle<()>)>,
}

impl tui::Console for Live {
    type Action = Action;
    type Effect = Effect;

    fn now(&self) -> Stamp {
        timer::now(&self.state.plan)
    }

    fn start(&mut self, start: Start, out: &mut Outside<'_, Action>) -> Vec<Effect> {
        let path = self.dir.join(RUN_FILE);
        self.saver = Some(spawn_saver(path, self.state.plan.timezone, out.sender()));
        let (w, h) = start.size;
        let t = self.now();
        update(&mut self.state, Action::Resize(w, h), t);
        let all = self
            .state
            .plan
            .groups
            .iter()
            .map(|g| g.id.clone())
            .collect();
        vec![Effect::LoadNotes(all), Effect::LoadPrevious]
    }

    fn to_action(&self, ev: Event) -> Option<Action> {
        match ev {
            Event::Key(k) => keys::command(&self.state.mode, &k).map(Action::Command),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        }
    }

    fn tick(&self) -> Option<Action> {
        Some(Action::Tick)
    }

    fn files_changed(&self, paths: Vec<PathBuf>) -> Option<Action> {
        Some(Action::FilesChanged(paths))
    }

    fn update(&mut self, action: Action, now: Stamp) -> Vec<Effect> {
        update(&mut self.state, action, now)
    }

    fn quiet(&self, action: &Action) -> bool {
        // Loading files changes nothing on screen until the result comes back.
        matches!(action, Action::FilesChanged(_) | Action::Saved(Ok(())))
    }

    fn quitting(&self) -> bool {
        self.state.quit
    }

    fn view(&self, frame: &mut Frame, now: Stamp) {
        let view = FacilitatorView::new(&self.state, now);
        frame.render_widget(&view, frame.area());
    }

    fn perform(&mut self, effect: Effect, out: &mut Outside<'_, Action>) -> Flow {
        perform(effect, out, &self.saver, &self.dir, &self.state);
        Flow::Continue
    }

    fn next_wake(&self, now: Stamp) -> Option<Stamp> {
        Some(next_wake(&self.state, now))
    }

    fn finish(&mut self, _end: End, _out: &mut Outside<'_, Action>) {
        // Let the last save finish before the lock is released.
        if let Some((saver, thread)) = self.saver.take() {
            drop(saver);
            let _ = thread.join();
        }
    }
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
    out: &mut Outside<'_, Action>,
    saver: &Option<(std_mpsc::Sender<RunState>, JoinHandle<()>)>,
    dir: &Path,
    state: &State,
) {
    match effect {
        Effect::Save(run) => {
            if !state.read_only
                && let Some((saver, _)) = saver
            {
                let _ = saver.send(*run);
            }
        }
        Effect::Bell => out.write_raw(b"\x07"),
        Effect::Notify { title, body } => out.write_raw(&osc::notify(&title, &body)),
        Effect::Copy(text) => out.write_raw(&osc::copy(&text)),
        Effect::LoadPrevious => {
            let (dir, plan) = (dir.to_path_buf(), state.plan.clone());
            out.spawn(move || crate::facilitator::previous::load(&dir, &plan));
        }
        Effect::LoadNotes(groups) => {
            let groups = if groups.is_empty() {
                state.plan.groups.iter().map(|g| g.id.clone()).collect()
            } else {
                groups
            };
            let (dir, lang) = (dir.to_path_buf(), state.lang);
            out.spawn(move || Action::NotesLoaded(read_notes(&dir, &groups, lang)));
        }
        Effect::ReloadRun => {
            let path = dir.join(RUN_FILE);
            let plan = state.plan.clone();
            out.spawn(move || {
                let r = read_run(&path, &plan)
                    .map(Box::new)
                    .map_err(|e| e.to_string());
                Action::RunReloaded(r)
            });
        }
    }
}
