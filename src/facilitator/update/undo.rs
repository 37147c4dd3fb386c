//! Undo of the last change to the clock (`z`, Ctrl+Z): the block on the
//! clock and the history go back to how they stood before the key, as if
//! it had never been pressed. Alerts that rang since stay rung unless the
//! time left is back above their threshold, so nothing rings twice for one
//! crossing and nothing is missed.

use crate::model::Stamp;
use crate::model::run::{BlockRun, FinishedBlock, RunState};
use crate::timer;

use super::super::action::Command;

/// How many changes `z` can take back.
const DEPTH: usize = 50;

/// The clock's part of run.json before one change.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Snapshot {
    /// The key that changed it.
    pub(crate) command: Command,
    current: Option<BlockRun>,
    ended: Option<Stamp>,
    history: Vec<FinishedBlock>,
}

impl Snapshot {
    /// The clock of `run` as it stands, before `command`.
    pub(crate) fn of(run: &RunState, command: Command) -> Snapshot {
        Snapshot {
            command,
            current: run.current.clone(),
            ended: run.ended,
            history: run.history.clone(),
        }
    }
}

/// Remembers `snap` for `z`, forgetting the oldest beyond [`DEPTH`].
pub(super) fn remember(undo: &mut Vec<Snapshot>, snap: Snapshot) {
    undo.push(snap);
    if undo.len() > DEPTH {
        undo.remove(0);
    }
}

/// Puts the clock back as it was before the last change; returns the key
/// undone, or `None` when there is nothing to undo.
pub(super) fn undo(
    plan: &crate::model::Plan,
    run: &mut RunState,
    undo: &mut Vec<Snapshot>,
    now: Stamp,
) -> Option<Command> {
    let snap = undo.pop()?;
    let rung: Vec<_> = run
        .current
        .as_ref()
        .map(|b| (b.block.clone(), b.alerts.clone()))
        .into_iter()
        .collect();
    run.current = snap.current;
    run.ended = snap.ended;
    run.history = snap.history;
    // Alerts rung since the snapshot stay recorded, re-armed when the time
    // left is above their threshold again.
    let left = timer::Clock::at(plan, run, now).remaining;
    if let Some(br) = run.current.as_mut() {
        for (block, alerts) in rung {
            if block != br.block {
                continue;
            }
            for a in alerts {
                if !br
                    .alerts
                    .iter()
                    .any(|b| b.minutes == a.minutes && b.at == a.at)
                {
                    br.alerts.push(a);
                }
            }
        }
        let now = timer::whole_second(now);
        for a in br.alerts.iter_mut() {
            if a.rearmed.is_none() && left > i64::from(a.minutes) * 60 {
                a.rearmed = Some(now);
            }
        }
    }
    Some(snap.command)
}
