//! The operations of the facilitator on the clock: start, pause, extend or
//! cut, restart, skip forward and back, report turns, and alerts given once.
//! Each changes a [`RunState`] at a given `now` and says whether it did.

use crate::model::Plan;
use crate::model::Stamp;
use crate::model::run::{
    Adjustment, BlockRun, FinishedBlock, FiredAlert, Pause, ReportTurn, RunState,
};

use super::{active_until, duration, report_order, thresholds, whole_second};

/// Starts the waiting block, or resumes a paused one. False when nothing changed.
pub fn start(run: &mut RunState, now: Stamp) -> bool {
    let now = whole_second(now);
    let Some(br) = run.current.as_mut() else {
        return false;
    };
    if br.started.is_none() {
        br.started = Some(now);
        return true;
    }
    match br.pauses.last_mut() {
        Some(p) if p.to.is_none() => {
            p.to = Some(now.max(p.from));
            true
        }
        _ => false,
    }
}

/// Pauses the running block. False when it was not running.
pub fn pause(run: &mut RunState, now: Stamp) -> bool {
    let now = whole_second(now);
    let Some(br) = run.current.as_mut() else {
        return false;
    };
    if br.started.is_none() || br.is_paused() {
        return false;
    }
    br.pauses.push(Pause {
        from: now,
        to: None,
        extra: Default::default(),
    });
    true
}

/// Extends (positive) or cuts (negative) the block by `seconds`. A cut never
/// takes more than the time left (the block then ends now) and a waiting
/// block keeps at least a minute. Returns the change actually made.
pub fn adjust(plan: &Plan, run: &mut RunState, now: Stamp, seconds: i64) -> i64 {
    let now = whole_second(now);
    let Some(index) = run.current_index(plan) else {
        return 0;
    };
    let block = &plan.agenda[index];
    let Some(br) = run.current.as_mut() else {
        return 0;
    };
    let left = duration(block, br).saturating_sub(active_until(br, now));
    let floor = if br.started.is_some() { 0 } else { 60 };
    let delta = if seconds < 0 {
        seconds.max(-left.saturating_sub(floor).max(0))
    } else {
        seconds
    };
    if delta != 0 {
        br.adjustments.push(Adjustment {
            at: now,
            seconds: delta,
            extra: Default::default(),
        });
    }
    delta
}

/// Puts the block back to waiting, forgetting its start, pauses, extensions
/// and alerts.
pub fn restart(run: &mut RunState) -> bool {
    match run.current.as_mut() {
        Some(br) if br.started.is_some() || !br.adjustments.is_empty() => {
            *br = BlockRun::ready(&br.block);
            true
        }
        _ => false,
    }
}

/// Finishes the block on the clock (into the history) and puts the next one
/// on it, waiting; after the last block the sitting ends.
pub fn next_block(plan: &Plan, run: &mut RunState, now: Stamp) -> bool {
    let now = whole_second(now);
    let Some(index) = run.current_index(plan) else {
        return false;
    };
    let Some(mut br) = run.current.take() else {
        return false;
    };
    if br.is_paused()
        && let Some(p) = br.pauses.last_mut()
    {
        p.to = Some(now);
    }
    let block = &plan.agenda[index];
    run.history.push(FinishedBlock {
        actual_seconds: active_until(&br, now),
        skipped: br.started.is_none(),
        planned_minutes: block.minutes,
        ended: now,
        run: br,
    });
    match plan.agenda.get(index + 1) {
        Some(next) => run.current = Some(BlockRun::ready(&next.id)),
        None => run.ended = Some(now),
    }
    true
}

/// Goes back to the previous block. When the facilitator has just left it
/// (it is the last one in the history), it comes back exactly as it was,
/// clock still running as if never left; otherwise it comes back waiting.
pub fn previous_block(plan: &Plan, run: &mut RunState) -> bool {
    let index = match run.current_index(plan) {
        Some(0) => return false,
        Some(i) => i - 1,
        None if run.ended.is_some() => plan.agenda.len().saturating_sub(1),
        None => return false,
    };
    let Some(prev) = plan.agenda.get(index) else {
        return false;
    };
    run.ended = None;
    let last_left = run.history.last().is_some_and(|h| h.run.block == prev.id);
    run.current = Some(if last_left {
        let h = run.history.pop().expect("checked above");
        let mut br = h.run;
        // A pause closed by leaving the block is open again.
        if let Some(p) = br.pauses.last_mut()
            && p.to == Some(h.ended)
        {
            p.to = None;
        }
        br
    } else {
        BlockRun::ready(&prev.id)
    });
    true
}

/// Moves a started report-back round to the next (`forward`) or previous
/// group's turn, starting now.
pub fn change_turn(plan: &Plan, run: &mut RunState, now: Stamp, forward: bool) -> bool {
    let now = whole_second(now);
    let Some(block) = run.current_index(plan).map(|i| &plan.agenda[i]) else {
        return false;
    };
    let order = report_order(plan, block);
    let Some(br) = run.current.as_mut() else {
        return false;
    };
    if br.started.is_none() || order.is_empty() {
        return false;
    }
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
    br.turns.push(ReportTurn {
        group: order[to].to_string(),
        at: now,
        extra: Default::default(),
    });
    true
}

/// The alert due now, if any, recorded as given so it never rings twice in
/// this run of the block (the record is in `run.json`, so a restarted
/// console does not ring it again either). When several are due at once
/// (the laptop slept through them), only the most urgent one rings and the
/// others are recorded as given. Returns its minutes (0: time is up).
pub fn take_due_alert(plan: &Plan, run: &mut RunState, now: Stamp) -> Option<u32> {
    let now = whole_second(now);
    let block = &plan.agenda[run.current_index(plan)?];
    let br = run.current.as_mut()?;
    if br.started.is_none() || br.is_paused() {
        return None;
    }
    let dur = duration(block, br);
    let remaining = dur.saturating_sub(active_until(br, now));
    let due: Vec<u32> = thresholds(plan, dur)
        .into_iter()
        .filter(|&m| remaining <= i64::from(m) * 60 && !br.alert_fired(m))
        .collect();
    let ring = due.iter().copied().min()?;
    for minutes in due {
        br.alerts.push(FiredAlert {
            minutes,
            at: now,
            extra: Default::default(),
        });
    }
    Some(ring)
}
