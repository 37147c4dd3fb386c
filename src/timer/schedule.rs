//! The sitting against its plan: when it was planned to start and end on
//! the day it runs, and how far it drifts from the plan's durations.

use chrono::Duration;

use crate::model::Plan;
use crate::model::Stamp;
use crate::model::run::RunState;

/// When the sitting actually started: its first block's start.
pub(super) fn first_start(run: &RunState) -> Option<Stamp> {
    run.history
        .iter()
        .filter_map(|h| h.run.started)
        .chain(run.current.iter().filter_map(|c| c.started))
        .min()
}

/// The planned start time on the day the sitting runs: the plan's day until
/// it has passed, else the day it was actually run (or today), so that a
/// rehearsal or a postponed sitting compares with its own day's plan.
pub(crate) fn planned_start(plan: &Plan, run: &RunState, now: Stamp) -> Option<Stamp> {
    let time = plan.start?;
    let tz = plan.timezone;
    let run_day = first_start(run)
        .unwrap_or(now)
        .with_timezone(&tz)
        .date_naive();
    let day = match plan.date {
        Some(d) if first_start(run).is_none() && d >= run_day => d,
        _ => run_day,
    };
    let naive = chrono::NaiveDateTime::new(day, time);
    use chrono::TimeZone;
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|t| t.fixed_offset())
}

pub(super) fn planned_end(plan: &Plan, run: &RunState, now: Stamp) -> Option<Stamp> {
    let total = Duration::minutes(i64::from(plan.total_minutes()));
    let start = planned_start(plan, run, now).or_else(|| first_start(run))?;
    Some(start + total)
}

/// True when the plan is dated today (in its time zone).
pub(super) fn plan_is_today(plan: &Plan, now: Stamp) -> bool {
    plan.date == Some(now.with_timezone(&plan.timezone).date_naive())
}

/// Seconds the sitting ends after (positive) or before the end its actual
/// start and the plan's durations give; `None` before it started.
pub(super) fn drift(plan: &Plan, run: &RunState, end: Option<Stamp>) -> Option<i64> {
    let start = first_start(run)?;
    let total = Duration::minutes(i64::from(plan.total_minutes()));
    Some((end? - (start + total)).num_seconds())
}
