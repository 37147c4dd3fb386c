//! The shared display (`bunkakai display`): the view a projector or a shared
//! screen shows the room — the remaining time in large digits, the block and
//! its segment, the next block, and the prompt card the facilitator chose or
//! the group reporting now.
//!
//! It only reads: run.json and session.json are followed as other processes
//! replace them, and no key changes anything. Shaped like the other consoles:
//! plain [`State`], a pure [`update`] returning [`Effect`]s, a [`view`], and
//! [`run`], which hands it to the shared runtime.

pub(crate) mod keys;
pub mod run;
pub mod view;

use std::path::PathBuf;

use crate::model::Plan;
use crate::model::Stamp;
use crate::model::run::{RUN_FILE, RunState, skew_ahead};

pub(crate) use keys::Command;

/// What is wrong with a file the display follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// Unreadable (mid-sync, truncated, broken): the last good version stays
    /// on screen until the next change.
    Unreadable(String),
    /// Written by a newer bunkakai: shown as far as understood, read-only.
    Newer,
}

/// The outcome of reading run.json.
#[derive(Debug, Clone, PartialEq)]
pub enum RunRead {
    /// There is no run.json yet.
    Missing,
    /// Read and understood.
    Read(Box<RunState>),
    /// Written by a newer bunkakai; the fields this one knows were read.
    Newer(Box<RunState>),
    /// Could not be read; why.
    Unreadable(String),
}

/// Everything the display knows. Plain data.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The sitting's plan.
    pub(crate) plan: Plan,
    /// The facilitator's run, once read; `None` before run.json exists.
    pub run: Option<RunState>,
    /// The language of labels.
    pub(crate) lang: crate::i18n::Lang,
    /// Plain ASCII borders and marks.
    pub ascii: bool,
    /// The terminal's size in cells (width, height).
    pub size: (u16, u16),
    /// Problems with the files followed, by file name.
    pub problems: std::collections::BTreeMap<String, FileProblem>,
    /// Seconds run.json was stamped ahead of this machine's clock, when more
    /// than [`SKEW_TOLERANCE_SECS`](crate::model::run::SKEW_TOLERANCE_SECS).
    pub(crate) skew: Option<i64>,
    /// The folder is scanned every this many seconds (no change events).
    pub(crate) polling: Option<u64>,
    /// The key help is open.
    pub help: bool,
    /// The viewer asked to leave.
    pub(crate) quit: bool,
}

/// Something that happened to the display.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A key the table knows was pressed.
    Command(Command),
    /// Any other key: closes the help.
    OtherKey,
    /// The displayed second (or minute) turned over.
    Tick,
    /// The terminal was resized to (width, height).
    Resize(u16, u16),
    /// Another process replaced these files of the sitting.
    FilesChanged(Vec<PathBuf>),
    /// run.json was read.
    RunRead(RunRead),
    /// session.json was read again: the plan, or why it cannot be used.
    PlanRead(Result<Box<Plan>, String>),
}

/// What the display asks the outside world to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Read run.json again.
    ReadRun,
    /// Read session.json again (someone edited the plan).
    ReadPlan,
}

impl State {
    /// A display of `plan` before run.json was read.
    pub fn new(plan: Plan, lang: crate::i18n::Lang) -> State {
        State {
            plan,
            run: None,
            lang,
            ascii: false,
            size: (80, 24),
            problems: Default::default(),
            skew: None,
            polling: None,
            help: false,
            quit: false,
        }
    }
}

/// Which files to read again after these changed: run.json and
/// session.json of this sitting; notes files mean nothing to the display.
pub(crate) fn rereads(paths: &[PathBuf]) -> Vec<Effect> {
    let mut fx = Vec::new();
    for p in paths {
        let in_notes = p
            .parent()
            .and_then(|d| d.file_name())
            .is_some_and(|d| d == "notes");
        let effect = match p.file_name().and_then(|n| n.to_str()) {
            _ if in_notes => continue,
            Some(RUN_FILE) => Effect::ReadRun,
            Some("session.json") => Effect::ReadPlan,
            _ => continue,
        };
        if !fx.contains(&effect) {
            fx.push(effect);
        }
    }
    fx
}

/// Applies `action` at `now`; returns the files to read.
pub fn update(state: &mut State, action: Action, now: Stamp) -> Vec<Effect> {
    match action {
        Action::Command(Command::Quit) => state.quit = true,
        Action::Command(Command::Help) => state.help = !state.help,
        Action::OtherKey => state.help = false,
        Action::Tick => {}
        Action::Resize(w, h) => state.size = (w, h),
        Action::FilesChanged(paths) => return rereads(&paths),
        Action::RunRead(read) => {
            state.problems.remove(RUN_FILE);
            match read {
                // A run.json removed while the sitting runs (a sync tool
                // replacing it, a slip) keeps the last good state on screen.
                RunRead::Missing if state.run.is_some() => {
                    let why = crate::i18n::display::run_removed(state.lang);
                    state
                        .problems
                        .insert(RUN_FILE.into(), FileProblem::Unreadable(why));
                }
                RunRead::Missing => state.run = None,
                RunRead::Read(run) => {
                    state.skew = skew_ahead(run.saved, now);
                    state.run = Some(*run);
                }
                RunRead::Newer(run) => {
                    state.skew = skew_ahead(run.saved, now);
                    state.run = Some(*run);
                    state.problems.insert(RUN_FILE.into(), FileProblem::Newer);
                }
                // The last good run stays on screen; the next change re-reads.
                RunRead::Unreadable(why) => {
                    state
                        .problems
                        .insert(RUN_FILE.into(), FileProblem::Unreadable(why));
                }
            }
        }
        Action::PlanRead(Ok(plan)) => {
            state.problems.remove("session.json");
            state.plan = *plan;
        }
        Action::PlanRead(Err(why)) => {
            state
                .problems
                .insert("session.json".into(), FileProblem::Unreadable(why));
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests;
