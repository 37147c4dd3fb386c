//! Running the facilitator console: opening the sitting (its lock and
//! run.json), and what the console gives the shared runtime: keys to
//! actions, the wake-up at the next second, and its effects carried out
//! (run.json written on a thread of its own, notes read on the blocking
//! pool, the bell and OSC notices written to the terminal).

use std::io;
use std::path::{Path, PathBuf};

use crossterm::event::Event;
use ratatui::Frame;

use crate::i18n::Lang;
use crate::model::Plan;
use crate::model::Stamp;

use crate::model::run::{RUN_FILE, RunState};
use crate::store::{self, StoreError, WriterLock};
use crate::timer;
use crate::tui::console::{End, Flow, Outside, Start};
use crate::tui::{self, osc, runtime};

use super::notes_follow::{Follows, read_notes};
use super::repair;
use super::saver::{Saver, spawn_saver};
use super::view::FacilitatorView;
use super::{Action, Effect, State, keys, update};

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
    let (run, broken) = match read_run(&path, &plan) {
        Ok(run) => (run, None),
        // A run.json that breaks a rule (a number out of range, a block the
        // plan does not have) must not keep the console from opening: it
        // opens offering to reset the broken block, and writes nothing
        // until the facilitator takes the offer.
        Err(e) if !opts.read_only && store::run_file::is_content_error(&e) => {
            (repair::repaired_run(&path, &plan), Some(e))
        }
        Err(e) => return Err(OpenError::RunFile(e)),
    };
    let mut state = State::new(plan, run, opts.lang);
    if let Some(e) = broken {
        state.mode = super::Mode::BrokenRun {
            problem: crate::i18n::store::problem_short(&e, opts.lang),
        };
    }
    state.ascii = opts.ascii;
    state.read_only = opts.read_only;
    state.previous_dir = store::previous_sitting::find(dir, &state.plan).map(|(d, _)| d);
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
        follows: Follows::default(),
    };
    let opts = runtime::Options {
        watch: Some(dir),
        also_watch: live.state.previous_dir.iter().cloned().collect(),
        poll,
    };
    let result = runtime::run(&mut live, opts);
    drop(_lock);
    result
}

/// The console while it runs: its state, the thread writing run.json, and
/// where it is in each group's notes file.
struct Live {
    state: State,
    dir: PathBuf,
    saver: Option<Saver>,
    follows: Follows,
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
        perform(effect, out, self);
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

fn perform(effect: Effect, out: &mut Outside<'_, Action>, live: &Live) {
    let (saver, dir, state) = (&live.saver, live.dir.as_path(), &live.state);
    match effect {
        Effect::Save(run) => {
            if !state.read_only
                && let Some((saver, _)) = saver
            {
                let _ = saver.send(*run);
            }
        }
        Effect::ResetBrokenRun(run) => {
            if state.read_only {
                return;
            }
            // The broken file is kept before anything replaces it; when it
            // cannot be, nothing is written and the status line says why.
            match repair::set_aside(&dir.join(RUN_FILE)) {
                Ok(()) => {
                    if let Some((saver, _)) = saver {
                        let _ = saver.send(*run);
                    }
                }
                Err(e) => out.send(Action::Saved(Err(format!(
                    "{}: {e}",
                    repair::damaged_path(Path::new(RUN_FILE)).display()
                )))),
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
            let (session, follows) = (state.plan.id.clone(), live.follows.clone());
            out.spawn(move || {
                Action::NotesLoaded(read_notes(&dir, &session, &groups, lang, &follows))
            });
        }
        Effect::ReloadRun => {
            let path = dir.join(RUN_FILE);
            let (plan, lang) = (state.plan.clone(), state.lang);
            out.spawn(move || {
                let r = read_run(&path, &plan)
                    .map(Box::new)
                    .map_err(|e| crate::i18n::store::problem_short(&e, lang));
                Action::RunReloaded(r)
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_whose_notes_file_is_missing_is_counted_from_its_journal() {
        let tmp = tempfile::tempdir().unwrap();
        let notes = store::notes_file::notes_path(tmp.path(), "B");
        store::notes_file::prepare_dir(&notes).unwrap();
        let mut change = crate::model::notes::GroupNotes::new("s", "B");
        change
            .notes
            .push(crate::model::test_notes::note("n1", 10, "ジャーナルだけ"));
        store::notes_file::append(&notes, &change).unwrap();
        std::fs::remove_file(&notes).unwrap();
        let follows = Follows::default();
        let read = read_notes(tmp.path(), "s", &["B".into()], Lang::Ja, &follows);
        assert_eq!(read[0].1.as_ref().map(|d| d.notes), Ok(1));
    }
}
