//! A run.json that breaks a rule (a number out of range, a block the plan
//! does not have): the run the facilitator is offered in its place, and
//! the copy of the broken file kept aside before the first save replaces it.

use std::path::{Path, PathBuf};

use crate::model::Plan;
use crate::model::file_check::stamp_in_range;
use crate::model::run::{BlockRun, RUN_KIND, RUN_VERSION, RunState};
use crate::model::run_read::check_run;
use crate::store;

/// Where the broken file is kept: `run.json.damaged` beside it.
pub(crate) fn damaged_path(path: &Path) -> PathBuf {
    path.with_extension("json.damaged")
}

/// Copies the broken run.json to `run.json.damaged`, before it is replaced.
pub(super) fn set_aside(path: &Path) -> std::io::Result<()> {
    std::fs::copy(path, damaged_path(path)).map(|_| ())
}

/// The run of a run.json that breaks a rule, with what breaks it set back:
/// the block on the clock waits to be started again, finished blocks and
/// moves that break a rule are left out. A file that still breaks a rule
/// gives a fresh run. Nothing is written.
pub(super) fn repaired_run(path: &Path, plan: &Plan) -> RunState {
    let Ok(mut run) = store::load_json::<RunState>(path, RUN_KIND, RUN_VERSION) else {
        return RunState::new(plan);
    };
    run.session = plan.id.clone();
    let first = plan.agenda.first().map(|b| b.id.clone());
    run.current = match run.current.take() {
        Some(c) if plan.agenda.iter().any(|b| b.id == c.block) => Some(BlockRun::ready(&c.block)),
        Some(_) => first.as_deref().map(BlockRun::ready),
        None => None,
    };
    let fresh = RunState::new(plan);
    let ok = |r: &RunState| check_run(r, Some(plan)).is_ok();
    run.history.retain(|h| {
        let mut one = fresh.clone();
        one.current = None;
        one.history = vec![h.clone()];
        ok(&one)
    });
    run.moves.retain(|m| stamp_in_range(&m.at));
    run.acks
        .retain(|a| [a.at, a.raised].iter().all(stamp_in_range));
    run.ended = run.ended.filter(stamp_in_range);
    run.saved = None;
    if ok(&run) { run } else { fresh }
}
