//! Running the note-taker's console on the shared runtime: keys and pastes
//! go to [`update`] as they are (the console's own key table reads them
//! there), the wake-up comes at the next instant something is due (the next
//! second of a stopwatch, a draft save, a retry), saves and reads run on the
//! blocking pool so typing never waits for the disk, and the final saves run
//! however the console ends, even on a panic (the draft).

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use chrono::Utc;
use crossterm::event::Event;
use ratatui::Frame;

use super::finish::{ExitReport, finish};
use super::opening::Opening;
use super::unusable::{load_run, unreadable};
use super::{Action, Effect, State, update};
use crate::i18n::store::store_error_short as store_error;
use crate::model::Stamp;
use crate::model::notes_draft::Draft;
use crate::model::run::RUN_FILE;
use crate::store::notes_fold::{self, FoldGate};
use crate::store::notes_follow::Follower;
use crate::store::{self, notes_file};
use crate::tui::console::{End, Flow, Outside, Start};
use crate::tui::{self, runtime};

/// Where the console's files are.
#[derive(Debug, Clone)]
pub struct Files {
    /// The sitting's folder.
    pub dir: PathBuf,
    /// The group's notes file.
    pub notes: PathBuf,
    /// This console's draft file.
    pub draft: PathBuf,
    /// Other consoles' draft slots this console holds (their leftover
    /// drafts, taken in at start).
    pub held: Vec<PathBuf>,
}

/// A prefix that makes this process's note ids unique among all consoles
/// on all machines: the start time in milliseconds, the process id and 32
/// random bits (from the standard library's per-process hash keys).
pub fn id_prefix() -> String {
    use std::hash::{BuildHasher, RandomState};
    let random = RandomState::new().hash_one(std::process::id()) as u32;
    format!(
        "{:x}-{:x}-{random:08x}",
        Utc::now().timestamp_millis(),
        std::process::id()
    )
}

/// The draft as last taken, for the panic hook to save.
type LastDraft = Arc<Mutex<Option<Draft>>>;

/// Runs the console until the note-taker quits or a signal ends it; the
/// notes not yet on disk and the draft are saved however it ends. The
/// notes file is followed from where `follower` left off (it read the
/// console's first copy of the file).
///
/// `poll` scans the sitting's folder at that interval instead of relying on
/// change events (network and synced folders).
pub fn run_following(
    state: State,
    opening: Opening,
    files: Files,
    poll: Option<std::time::Duration>,
    follower: Follower,
) -> std::io::Result<ExitReport> {
    let opts = runtime::Options {
        watch: Some(files.dir.clone()),
        poll,
        also_watch: super::previous_io::folder(&files.dir, &state.plan),
    };
    let mut live = Live::following(state, files, follower);
    live.opening = Some(opening);
    runtime::run(&mut live, opts)?;
    Ok(live.report.take().unwrap_or_default())
}

/// The console while it runs.
pub(crate) struct Live {
    pub(crate) state: State,
    files: Files,
    /// The draft as last taken, for the panic hook.
    last: LastDraft,
    /// The final saves were made.
    done: bool,
    /// What the final saves achieved (for the exit message and status).
    pub(crate) report: Option<ExitReport>,
    /// Saves running on the blocking pool: the final saves wait for them,
    /// so that an older draft or file never lands after the last one.
    saving: Arc<AtomicUsize>,
    /// Where the console is in the notes file and its journal.
    follower: Arc<Mutex<Follower>>,
    /// Closed as the console quits: a fold still running then stops
    /// without changing a file (the journal is on disk already).
    fold_gate: Arc<FoldGate>,
    /// What was found on disk, given to `update` once the console starts.
    pub(crate) opening: Option<Opening>,
}

impl Live {
    pub(crate) fn new(state: State, files: Files) -> Live {
        let last = Arc::new(Mutex::new(Some(state.draft(Utc::now()))));
        Live {
            state,
            files,
            last,
            done: false,
            report: None,
            saving: Arc::default(),
            follower: Arc::default(),
            fold_gate: Arc::default(),
            opening: None,
        }
    }

    /// The console, following the notes file from where `follower` (which
    /// gave the console's first copy of it) left off.
    pub(crate) fn following(state: State, files: Files, follower: Follower) -> Live {
        let mut live = Live::new(state, files);
        live.follower = Arc::new(Mutex::new(follower));
        live
    }

    /// Runs a save on the blocking pool, counted in [`Live::saving`].
    fn spawn_save(
        &self,
        out: &mut Outside<'_, Action>,
        job: impl FnOnce() -> Action + Send + 'static,
    ) {
        let saving = self.saving.clone();
        saving.fetch_add(1, Ordering::SeqCst);
        out.spawn(move || {
            let action = job();
            saving.fetch_sub(1, Ordering::SeqCst);
            action
        });
    }

    /// Waits (a few seconds at most) for the saves under way to end.
    fn wait_for_saves(&self) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        while self.saving.load(Ordering::SeqCst) > 0 && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    fn keep_last(&self, draft: Draft) {
        *self.last.lock().unwrap_or_else(|p| p.into_inner()) = Some(draft);
    }
}

impl tui::Console for Live {
    type Action = Action;
    type Effect = Effect;

    fn now(&self) -> Stamp {
        Utc::now().fixed_offset()
    }

    fn start(&mut self, start: Start, out: &mut Outside<'_, Action>) -> Vec<Effect> {
        // Installed after the terminal's own hook, so it runs first.
        install_draft_hook(self.files.draft.clone(), self.last.clone());
        let _ = out;
        let (w, h) = start.size;
        let mut fx = update(&mut self.state, Action::Resize(w, h), Utc::now());
        if let Some(opening) = self.opening.take() {
            let now = Utc::now();
            fx.extend(update(
                &mut self.state,
                Action::Opened(Box::new(opening)),
                now,
            ));
            // The panic hook must never write an older draft over this one.
            self.keep_last(self.state.draft(now));
        }
        fx.push(Effect::LoadRun);
        fx.push(Effect::LoadPrevious);
        fx
    }

    fn to_action(&self, ev: Event) -> Option<Action> {
        match ev {
            Event::Key(k) => Some(Action::Key(k)),
            Event::Paste(p) => Some(Action::Paste(p)),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => Some(Action::Tick),
        }
    }

    fn tick(&self) -> Option<Action> {
        Some(Action::Tick)
    }

    fn files_changed(&self, paths: Vec<PathBuf>) -> Option<Action> {
        Some(Action::FilesChanged(paths))
    }

    fn update(&mut self, action: Action, now: Stamp) -> Vec<Effect> {
        panic_for_tests(&action);
        let now = now.with_timezone(&Utc);
        let fx = update(&mut self.state, action, now);
        if self.state.draft_dirty_since.is_some() {
            self.keep_last(self.state.draft(now));
        }
        fx
    }

    fn view(&self, frame: &mut Frame, now: Stamp) {
        crate::notes::view::draw(frame, &self.state, now.with_timezone(&Utc));
    }

    fn perform(&mut self, effect: Effect, out: &mut Outside<'_, Action>) -> Flow {
        let lang = self.state.lang;
        match effect {
            Effect::SaveNotes { doc, generation } => {
                let path = self.files.notes.clone();
                self.spawn_save(out, move || {
                    let result = notes_file::append(&path, &doc)
                        .map(|()| *doc)
                        .map_err(|e| store_error(&e, lang));
                    Action::Saved { generation, result }
                });
            }
            Effect::SaveDraft(draft) => {
                self.keep_last((*draft).clone());
                let path = self.files.draft.clone();
                self.spawn_save(out, move || {
                    let result =
                        notes_file::save_draft(&path, &draft).map_err(|e| store_error(&e, lang));
                    Action::DraftSaved(result)
                });
            }
            Effect::CheckPartner => {
                let files = self.files.clone();
                out.spawn(move || super::partner::check(&files));
            }
            Effect::LoadNotes => {
                let path = self.files.notes.clone();
                let (session, group) = (self.state.plan.id.clone(), self.state.group.id.clone());
                let follower = self.follower.clone();
                out.spawn(
                    move || match lock(&follower).read(&path, &session, &group) {
                        Ok(doc) => Action::FileChanged(doc),
                        Err(e) => {
                            tracing::warn!(error = %e, "cannot read the changed notes file");
                            unreadable(&path, &e, lang)
                        }
                    },
                );
            }
            Effect::FoldJournal => {
                let path = self.files.notes.clone();
                let (session, group) = (self.state.plan.id.clone(), self.state.group.id.clone());
                let gate = self.fold_gate.clone();
                // A thread of its own, not the blocking pool (which the
                // console waits for when it ends): a fold of a large group
                // takes seconds and must not hold up quitting.
                let spawned = std::thread::Builder::new()
                    .name("fold".into())
                    .spawn(move || {
                        if let Err(e) = notes_fold::fold(&path, &session, &group, &gate) {
                            tracing::warn!(error = %e, "cannot fold the journal into the notes file");
                        }
                    });
                if let Err(e) = spawned {
                    tracing::warn!(error = %e, "cannot start folding the journal");
                }
            }
            Effect::LoadRun => {
                let path = self.files.dir.join(RUN_FILE);
                let plan = self.state.plan.clone();
                out.spawn(move || load_run(&path, &plan, lang));
            }
            Effect::WriteRescue(mut copy) => {
                copy.notes_file = self.files.notes.display().to_string();
                out.spawn(move || {
                    let result = store::rescue::write(&store::rescue::rescue_dir(), &copy)
                        .map_err(|e| crate::i18n::store::store_error(&e, lang));
                    Action::RescueWritten(result)
                });
            }
            Effect::RemoveRescue(path) => {
                if let Err(e) = store::rescue::remove(&path) {
                    tracing::warn!(error = %e, "cannot remove a rescue copy");
                }
            }
            Effect::LoadPrevious => {
                let (dir, plan) = (self.files.dir.clone(), self.state.plan.clone());
                out.spawn(move || super::previous_io::load(&dir, &plan));
            }
            Effect::SaveMark { change, at } => {
                self.spawn_save(out, move || super::previous_io::save(&change, at, lang));
            }
            Effect::Redraw => out.redraw_all(),
            Effect::Exit { restore_terminal } => {
                if !restore_terminal {
                    out.hung_up();
                }
                self.fold_gate.close();
                self.wait_for_saves();
                // Quit, signal or hang-up: the notes, the draft, else a
                // rescue copy (see `finish`).
                self.report = Some(finish(&self.state, &self.files, Utc::now()));
                self.done = true;
                return Flow::Quit;
            }
        }
        Flow::Continue
    }

    fn next_wake(&self, now: Stamp) -> Option<Stamp> {
        Some(self.state.next_wake(now.with_timezone(&Utc)).fixed_offset())
    }

    /// However the console ends (a signal, the terminal gone, a frame that
    /// cannot be written), the notes not yet on disk and the draft are saved.
    fn finish(&mut self, end: End, out: &mut Outside<'_, Action>) {
        if self.done {
            return;
        }
        let hangup = end == End::Gone;
        let now = tui::Console::now(self);
        for effect in tui::Console::update(self, Action::Terminate { hangup }, now) {
            if let Effect::Exit { .. } = effect {
                self.perform(effect, out);
            }
        }
    }
}

fn lock(follower: &Mutex<Follower>) -> std::sync::MutexGuard<'_, Follower> {
    follower.lock().unwrap_or_else(|p| p.into_inner())
}

/// In debug builds with `BUNKAKAI_TEST_PANIC=1`, F12 panics: the
/// end-to-end test uses it to check that a panic keeps the draft and gives
/// the terminal back.
fn panic_for_tests(action: &Action) {
    if cfg!(debug_assertions)
        && let Action::Key(k) = action
        && k.code == crossterm::event::KeyCode::F(12)
        && std::env::var_os("BUNKAKAI_TEST_PANIC").is_some()
    {
        panic!("test panic (F12)");
    }
}

/// On a panic, saves the last draft before the terminal is restored (the
/// shared hook installed by [`crate::tui::screen::Screen::enter`] runs after this one).
fn install_draft_hook(path: PathBuf, last: LastDraft) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Ok(guard) = last.try_lock()
            && let Some(draft) = guard.as_ref()
        {
            let _ = notes_file::save_draft(&path, draft);
        }
        previous(info);
    }));
}

#[cfg(test)]
#[path = "run_tests.rs"]
mod tests;
