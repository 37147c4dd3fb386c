//! Report-back turns: each group's turn starts when the facilitator moves
//! to it (the first with the block), has its own length (the plan's
//! `minutes_per_group`, plus its extensions), rings once when it runs out,
//! and records how long it really ran.

use crate::model::Plan;
use crate::model::Stamp;
use crate::model::run::{BlockRun, FiredAlert, ReportTurn, RunState, fired};

use super::{Clock, active_until, report_order, whole_second};

/// The turn reporting now, made explicit in the run when the first group's
/// turn was only implied by the block's start. `None` outside a started
/// report-back round.
pub(super) fn current_turn<'r>(plan: &Plan, run: &'r mut RunState) -> Option<&'r mut ReportTurn> {
    let block = &plan.agenda[run.current_index(plan)?];
    let order = report_order(plan, block);
    let br = run.current.as_mut()?;
    let started = br.started?;
    let first = order.first()?;
    if br.turns.is_empty() {
        br.turns.push(ReportTurn {
            group: first.to_string(),
            at: started,
            adjustments: Vec::new(),
            alerts: Vec::new(),
            actual_seconds: None,
            extra: Default::default(),
        });
    }
    br.turns.last_mut()
}

/// Seconds left in the turn reporting now, if a report round runs.
pub(super) fn turn_remaining(plan: &Plan, run: &RunState, now: Stamp) -> Option<i64> {
    Clock::at(plan, run, now).turn.map(|t| t.remaining)
}

/// Records how long the turn reporting now has run, when the block is left
/// or the next turn begins.
pub(super) fn close_turn(br: &mut BlockRun, now: Stamp) {
    let ran = active_until(br, now);
    let since = br.turns.last().map(|t| active_until(br, t.at.min(now)));
    if let (Some(t), Some(since)) = (br.turns.last_mut(), since) {
        t.actual_seconds = Some((ran - since).max(0));
    }
}

/// Moves a started report-back round to the next (`forward`) or previous
/// group's turn, starting now; the turn left records how long it ran.
pub(crate) fn change_turn(plan: &Plan, run: &mut RunState, now: Stamp, forward: bool) -> bool {
    let now = whole_second(now);
    let Some(block) = run.current_index(plan).map(|i| &plan.agenda[i]) else {
        return false;
    };
    let order = report_order(plan, block);
    if current_turn(plan, run).is_none() {
        return false;
    }
    let Some(br) = run.current.as_mut() else {
        return false;
    };
    let at = br
        .turns
        .last()
        .and_then(|t| order.iter().position(|g| *g == t.group))
        .unwrap_or(0);
    let to = match forward {
        true if at + 1 < order.len() => at + 1,
        false if at > 0 => at - 1,
        _ => return false,
    };
    close_turn(br, now);
    br.turns.push(ReportTurn {
        group: order[to].to_string(),
        at: now,
        adjustments: Vec::new(),
        alerts: Vec::new(),
        actual_seconds: None,
        extra: Default::default(),
    });
    true
}

/// The group whose turn ran out just now, recorded so that it rings once
/// per crossing (an extension of the turn re-arms it).
pub(crate) fn take_turn_over(plan: &Plan, run: &mut RunState, now: Stamp) -> Option<String> {
    let now = whole_second(now);
    let left = turn_remaining(plan, run, now)?;
    if left > 0 || run.current.as_ref().is_some_and(|b| b.is_paused()) {
        return None;
    }
    let turn = current_turn(plan, run)?;
    if fired(&turn.alerts, 0) {
        return None;
    }
    turn.alerts.push(FiredAlert {
        minutes: 0,
        at: now,
        rearmed: None,
        extra: Default::default(),
    });
    Some(turn.group.clone())
}
