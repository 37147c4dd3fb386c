//! The offer made when the console opened on a run.json that breaks a
//! rule: one key (`R`) resets the broken block, keeping the old file as
//! run.json.damaged; until then nothing is written, and a file repaired by
//! hand is read again and taken as it is.

use crate::i18n::store as words;
use crate::model::Stamp;
use crate::model::run::RunState;

use super::super::action::{Command, Effect};
use super::super::{Mode, State};
use super::notice;

/// A key while the offer is shown: `Confirm` takes it, `Quit` leaves with
/// the file as it is; anything else keeps the offer on screen.
pub(super) fn offer(state: &mut State, c: Command, now: Stamp, fx: &mut Vec<Effect>) {
    match c {
        Command::Confirm => {
            state.mode = Mode::Dashboard;
            fx.push(Effect::ResetBrokenRun(Box::new(state.run.clone())));
            notice(state, now, words::broken_run_reset(state.lang), false);
        }
        Command::Quit => state.quit = true,
        _ => {}
    }
}

/// run.json was read again while the offer is shown: a file that reads
/// now (repaired by hand, or deleted) is taken and the offer goes; one
/// that still breaks a rule says what is wrong now.
pub(super) fn reloaded(state: &mut State, read: Result<Box<RunState>, String>, now: Stamp) {
    match read {
        Ok(run) => {
            state.run = *run;
            state.mode = Mode::Dashboard;
            notice(state, now, words::broken_run_repaired(state.lang), false);
        }
        Err(problem) => state.mode = Mode::BrokenRun { problem },
    }
}
