//! The note-taker's event loop: one `tokio::select!` over key events, stop
//! signals, the sitting folder's change events, the results of saves, and a
//! wake-up at the next instant something is due (the next second of a
//! stopwatch, a draft save, a retry). Each action goes through [`update`];
//! its effects are carried out here, saves on the blocking pool so typing
//! never waits for the disk.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use chrono::Utc;
use crossterm::event::{Event, EventStream};
use futures_util::StreamExt;
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

use super::{Action, Effect, State, update};
use crate::i18n::store::store_error_short as store_error;
use crate::model::notes_draft::Draft;
use crate::model::run::{RUN_FILE, RUN_KIND, RUN_VERSION, RunState};
use crate::store::{self, notes_file, watch};
use crate::tui::{Screen, Signals, Stop, tick};

/// Where the console's files are.
#[derive(Debug, Clone)]
pub struct Files {
    /// The sitting's folder.
    pub dir: PathBuf,
    /// The group's notes file.
    pub notes: PathBuf,
    /// This console's draft file.
    pub draft: PathBuf,
}

/// The draft as last taken, for the panic hook to save.
type LastDraft = Arc<Mutex<Option<Draft>>>;

/// Runs the console until the note-taker quits or a signal ends it.
///
/// `poll` scans the sitting's folder at that interval instead of relying on
/// change events (network and synced folders).
pub async fn run(
    mut state: State,
    files: Files,
    poll: Option<std::time::Duration>,
) -> std::io::Result<()> {
    let last: LastDraft = Arc::new(Mutex::new(Some(state.draft(Utc::now()))));
    let mut screen = Screen::enter()?;
    install_draft_hook(files.draft.clone(), last.clone());
    let mut signals = Signals::new()?;
    let mut events = EventStream::new();
    let (tx, mut rx) = unbounded_channel::<Action>();
    let (wtx, mut wrx) = unbounded_channel::<Vec<PathBuf>>();
    let mode = poll.map_or(watch::WatchMode::Events, watch::WatchMode::Poll);
    let _watch = watch::spawn(files.dir.clone(), mode, wtx);
    load_run(&files.dir, &tx, state.lang);
    loop {
        let now = Utc::now();
        if !screen.is_dead() {
            screen
                .terminal
                .draw(|f| crate::notes::view::draw(f, &state, now))?;
        }
        let wake = state.next_wake(now);
        let action = tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(Event::Key(k))) => Action::Key(k),
                Some(Ok(Event::Paste(p))) => Action::Paste(p),
                Some(Ok(_)) => Action::Tick,
                // No more input: the terminal is gone.
                Some(Err(_)) | None => Action::Terminate { hangup: true },
            },
            Some(a) = rx.recv() => a,
            Some(paths) = wrx.recv() => {
                changed(&files, &paths, &state, &tx);
                continue;
            }
            stop = signals.recv() => Action::Terminate { hangup: stop == Stop::HangUp },
            _ = tokio::time::sleep(tick::delay_until(&wake, &Utc::now())) => Action::Tick,
        };
        panic_for_tests(&action);
        let now = Utc::now();
        for effect in update(&mut state, action, now) {
            match effect {
                Effect::SaveNotes { doc, generation } => {
                    let (tx, path, lang) = (tx.clone(), files.notes.clone(), state.lang);
                    tokio::task::spawn_blocking(move || {
                        let result =
                            notes_file::commit(&path, &doc).map_err(|e| store_error(&e, lang));
                        let _ = tx.send(Action::Saved { generation, result });
                    });
                }
                Effect::SaveDraft(draft) => {
                    *last.lock().unwrap_or_else(|p| p.into_inner()) = Some((*draft).clone());
                    let (tx, path, lang) = (tx.clone(), files.draft.clone(), state.lang);
                    tokio::task::spawn_blocking(move || {
                        let result = notes_file::save_draft(&path, &draft)
                            .map_err(|e| store_error(&e, lang));
                        let _ = tx.send(Action::DraftSaved(result));
                    });
                }
                Effect::Exit {
                    draft,
                    notes,
                    restore_terminal,
                } => {
                    if !restore_terminal {
                        screen.hung_up();
                    }
                    finish(&files, &draft, notes.as_deref());
                    return Ok(());
                }
            }
        }
        if state.draft_dirty_since.is_some() {
            *last.lock().unwrap_or_else(|p| p.into_inner()) = Some(state.draft(now));
        }
    }
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

/// The last saves before leaving, done in place: the notes not yet on disk,
/// then the draft. Failures are logged; nothing can be shown any more.
fn finish(files: &Files, draft: &Draft, notes: Option<&crate::model::notes::GroupNotes>) {
    if let Some(doc) = notes
        && let Err(e) = notes_file::commit(&files.notes, doc)
    {
        tracing::error!(error = %e, "notes not saved on exit");
    }
    if let Err(e) = notes_file::save_draft(&files.draft, draft) {
        tracing::error!(error = %e, "draft not saved on exit");
    }
}

/// Reads the files another process changed and sends what they hold.
fn changed(files: &Files, paths: &[PathBuf], state: &State, tx: &UnboundedSender<Action>) {
    for p in paths {
        if p == &files.notes {
            let (tx, path) = (tx.clone(), p.clone());
            let (session, group) = (state.plan.id.clone(), state.group.id.clone());
            let lang = state.lang;
            tokio::task::spawn_blocking(move || match notes_file::load(&path, &session, &group) {
                Ok(doc) => {
                    let _ = tx.send(Action::FileChanged(doc));
                }
                Err(e) => {
                    tracing::warn!(error = %e, "cannot read the changed notes file");
                    let _ = tx.send(unreadable(&path, &e, lang));
                }
            });
        } else if p.file_name().is_some_and(|n| n == RUN_FILE) {
            load_run(&files.dir, tx, state.lang);
        }
    }
}

/// The warning for a file that cannot be used: newer, or broken/mid-sync.
fn unreadable(path: &Path, e: &store::StoreError, lang: crate::i18n::Lang) -> Action {
    use crate::i18n::display as words;
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let newer = matches!(
        e,
        store::StoreError::Format {
            error: store::FormatError::Newer { .. },
            ..
        }
    );
    let warning = if newer {
        words::newer(&file, lang)
    } else {
        words::unreadable(&file, lang)
    };
    Action::FileUnreadable { file, warning }
}

/// Reads run.json and sends it (or its absence) as the facilitator's run.
fn load_run(dir: &Path, tx: &UnboundedSender<Action>, lang: crate::i18n::Lang) {
    let (tx, path) = (tx.clone(), dir.join(RUN_FILE));
    tokio::task::spawn_blocking(move || {
        let run = match store::load_json::<RunState>(&path, RUN_KIND, RUN_VERSION) {
            Ok(run) => Some(Box::new(run)),
            Err(e) if e.is_not_found() => None,
            Err(e) => {
                tracing::warn!(error = %e, "cannot read run.json");
                let _ = tx.send(unreadable(&path, &e, lang));
                return;
            }
        };
        let _ = tx.send(Action::RunChanged(run));
    });
}

/// On a panic, saves the last draft before the terminal is restored (the
/// shared hook installed by [`Screen::enter`] runs after this one).
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
