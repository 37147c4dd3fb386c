//! The operations of the facilitator on the clock: start, pause, extend or
//! cut, and alerts given once per crossing. Each changes a [`RunState`] at a
//! given `now` and says whether it did. Moving between blocks is in
//! [`super::blocks`], report-back turns in [`super::turns`].

use crate::model::Plan;
use crate::model::Stamp;
use crate::model::run::{Adjustment, FiredAlert, Pause, RunState};

use super::turns::{current_turn, turn_remaining};
use super::{active_until, duration, thresholds, whole_second};

/// Starts the waiting block, or resumes a paused one. False when nothing changed.
pub(crate) fn start(run: &mut RunState, now: Stamp) -> bool {
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
pub(crate) fn pause(run: &mut RunState, now: Stamp) -> bool {
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
        left: false,
        extra: Default::default(),
    });
    true
}

/// Extends (positive) or cuts (negative) the block by `seconds`. A cut never
/// takes more than the time left (the block then ends now) and a waiting
/// block keeps at least a minute. In a report-back round the reporting
/// group's turn is extended or cut and the block follows; a cut then takes
/// no more than the turn has left. An alert (or the turn's time-up) that had
/// rung is re-armed when the change takes the time left back above its
/// threshold, so it rings again when the time really runs out. Returns the
/// change actually made.
pub(crate) fn adjust(plan: &Plan, run: &mut RunState, now: Stamp, seconds: i64) -> i64 {
    let now = whole_second(now);
    let Some(index) = run.current_index(plan) else {
        return 0;
    };
    let block = &plan.agenda[index];
    let turn_left = turn_remaining(plan, run, now);
    let Some(br) = run.current.as_mut() else {
        return 0;
    };
    let left = duration(block, br).saturating_sub(active_until(br, now));
    let floor = if br.started.is_some() { 0 } else { 60 };
    let mut most = left.saturating_sub(floor).max(0);
    if let Some(t) = turn_left {
        most = most.min(t.max(0));
    }
    let delta = if seconds < 0 {
        seconds.max(-most)
    } else {
        seconds
    };
    if delta == 0 {
        return 0;
    }
    let adjustment = Adjustment {
        at: now,
        seconds: delta,
        extra: Default::default(),
    };
    br.adjustments.push(adjustment.clone());
    let left = left + delta;
    rearm(&mut br.alerts, left, now);
    if turn_left.is_some()
        && let Some(turn) = current_turn(plan, run)
    {
        turn.adjustments.push(adjustment);
        let turn_left = turn_left.unwrap_or(0) + delta;
        rearm(&mut turn.alerts, turn_left, now);
    }
    delta
}

/// Marks as re-armed each alert given whose threshold now lies below the
/// time left: it will ring again when that time runs out.
pub(super) fn rearm(alerts: &mut [FiredAlert], left: i64, now: Stamp) {
    for a in alerts.iter_mut() {
        if a.rearmed.is_none() && left > i64::from(a.minutes) * 60 {
            a.rearmed = Some(now);
        }
    }
}

/// The alert due now, if any, recorded as given so it rings once per
/// crossing of its threshold (the record is in `run.json`, so a restarted
/// console does not ring it again either; an extension past the threshold
/// re-arms it). When several are due at once (the laptop slept through
/// them), only the most urgent one rings and the others are recorded as
/// given. Returns its minutes (0: time is up).
pub(crate) fn take_due_alert(plan: &Plan, run: &mut RunState, now: Stamp) -> Option<u32> {
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
            rearmed: None,
            extra: Default::default(),
        });
    }
    Some(ring)
}
