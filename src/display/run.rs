//! Running the display on the shared runtime: keys to actions, the wake-up
//! when the displayed second (or, while nothing runs, the minute) turns
//! over, and run.json and session.json read on the blocking pool when they
//! change, coming back as actions.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crossterm::event::Event;
use ratatui::Frame;

use crate::i18n::Lang;
use crate::model::Stamp;
use crate::model::run::{RUN_FILE, RunState};
use crate::model::run_read::check_run;
use crate::store::sessions::SessionPath;
use crate::store::{self, FormatError, StoreError};
use crate::timer;
use crate::tui::console::{Flow, Outside, Start};
use crate::tui::{self, runtime};

use super::view::DisplayView;
use super::{Action, Effect, RunRead, State, keys, update};

/// Reads run.json: a file from a newer bunkakai is read as far as this one
/// understands it (the display never writes, so nothing can be lost). What
/// is wrong with a file it cannot use is said in `lang`.
pub fn read_run(path: &Path, plan: &crate::model::Plan, lang: Lang) -> RunRead {
    let short = |e: &StoreError| crate::i18n::store::problem_short(e, lang);
    match store::run_file::load(path, Some(plan)) {
        Ok(run) => RunRead::Read(Box::new(run)),
        Err(e) if e.is_not_found() => RunRead::Missing,
        Err(StoreError::Format {
            error: FormatError::Newer { .. },
            ..
        }) => match std::fs::read(path).map(|b| serde_json::from_slice::<RunState>(&b)) {
            Ok(Ok(run)) => match check_run(&run, Some(plan)) {
                Ok(()) => RunRead::Newer(Box::new(run)),
                Err(p) => RunRead::Unreadable(crate::i18n::store::field_text(&p, lang)),
            },
            Ok(Err(e)) => RunRead::Unreadable(e.to_string()),
            Err(e) => RunRead::Unreadable(e.to_string()),
        },
        Err(e) => RunRead::Unreadable(short(&e)),
    }
}

fn read_plan(found: &SessionPath) -> Result<Box<crate::model::Plan>, String> {
    let bytes = store::sessions::read_bytes(&found.plan).map_err(|e| e.to_string())?;
    crate::model::read_plan(&bytes, &found.default_id)
        .plan
        .map(Box::new)
        .ok_or_else(|| "invalid plan".to_string())
}

fn perform(
    effect: Effect,
    found: &SessionPath,
    plan: &crate::model::Plan,
    lang: Lang,
    out: &mut Outside<'_, Action>,
) {
    let (found, plan) = (found.clone(), plan.clone());
    out.spawn(move || match effect {
        Effect::ReadRun => Action::RunRead(read_run(&found.dir.join(RUN_FILE), &plan, lang)),
        Effect::ReadPlan => Action::PlanRead(read_plan(&found)),
    });
}

/// Runs the display until the viewer quits or the terminal goes away.
/// `poll` scans the folder at that interval instead of change events.
pub fn run(state: State, found: SessionPath, poll: Option<Duration>) -> io::Result<()> {
    let opts = runtime::Options {
        watch: Some(found.dir.clone()),
        poll,
        also_watch: Vec::new(),
    };
    runtime::run(&mut Live { state, found }, opts)
}

/// The display while it runs.
struct Live {
    state: State,
    found: SessionPath,
}

impl tui::Console for Live {
    type Action = Action;
    type Effect = Effect;

    fn now(&self) -> Stamp {
        timer::now(&self.state.plan)
    }

    fn start(&mut self, start: Start, _out: &mut Outside<'_, Action>) -> Vec<Effect> {
        self.state.size = start.size;
        self.state.polling = start.polling;
        vec![Effect::ReadRun]
    }

    fn to_action(&self, ev: Event) -> Option<Action> {
        match ev {
            Event::Key(k) => Some(match keys::command(&k) {
                Some(c) => Action::Command(c),
                None => Action::OtherKey,
            }),
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
        // A change of files shows nothing until what was read comes back.
        matches!(action, Action::FilesChanged(_))
    }

    fn quitting(&self) -> bool {
        self.state.quit
    }

    fn view(&self, frame: &mut Frame, now: Stamp) {
        frame.render_widget(&DisplayView::new(&self.state, now), frame.area());
    }

    fn perform(&mut self, effect: Effect, out: &mut Outside<'_, Action>) -> Flow {
        perform(effect, &self.found, &self.state.plan, self.state.lang, out);
        Flow::Continue
    }

    fn next_wake(&self, now: Stamp) -> Option<Stamp> {
        Some(match &self.state.run {
            Some(run) => timer::next_change(run, now),
            None => timer::next_change(&RunState::new(&self.state.plan), now),
        })
    }
}
