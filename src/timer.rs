//! The agenda clock: pure functions of the plan, the run state and `now`.
//!
//! Remaining time is always `deadline - now` worked out from the stamps in
//! [`RunState`] (start, pauses, extensions), never a counter, so a tick that
//! comes late, a laptop that slept for ten minutes or a console restarted after
//! a crash all show the exact time. Nothing here reads the system clock: every
//! function is given `now`, and tests jump 45 minutes in one line.
//!
//! [`Clock::at`] is the read-only view every screen uses; the operations
//! ([`start`], [`pause`], [`adjust`], [`next_block`] …) change a [`RunState`]
//! and are called by the facilitator console only.

use chrono::{Duration, Timelike};

use crate::model::Stamp;
use crate::model::run::{BlockRun, RunState};
use crate::model::{AgendaBlock, Plan};

#[cfg(test)]
mod agenda_tests;
mod blocks;
mod ops;
mod schedule;
#[cfg(test)]
mod signal_tests;
#[cfg(test)]
mod tests;
mod turns;

pub(crate) use blocks::{next_block, previous_block, restart};
pub(crate) use ops::{adjust, pause, start, take_due_alert};
use schedule::{drift, plan_is_today, planned_end};
pub(crate) use turns::{change_turn, take_turn_over};

/// Whether the block on the clock waits, runs, is paused, or the agenda is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    /// The block waits for the facilitator to start it.
    Ready,
    /// The clock runs.
    Running,
    /// The clock is paused.
    Paused,
    /// Every block is over.
    Done,
}

/// How close the block is to its end; decides the timer's colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    /// More time left than the first alert.
    Calm,
    /// Within the first (largest) alert, e.g. 5 minutes.
    Warning,
    /// Within the last (smallest) alert, e.g. 1 minute.
    Urgent,
    /// Time is up: the clock counts the overrun.
    Overrun,
}

/// A segment (自己紹介 / 意見交換 / まとめ) as it stands now.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SegmentClock<'p> {
    /// Its place among the block's segments, from 0.
    pub(crate) index: usize,
    /// How many segments the block has.
    pub(crate) count: usize,
    /// Its title.
    pub(crate) title: &'p str,
    /// Its length in seconds, extensions included.
    pub(crate) duration: i64,
    /// Seconds left in it (negative in the last segment once time is up).
    pub(crate) remaining: i64,
}

/// The group whose turn it is in a report-back round.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TurnClock<'p> {
    /// Its place in the reporting order, from 0.
    pub(crate) index: usize,
    /// How many groups report.
    pub(crate) count: usize,
    /// The reporting group's id.
    pub(crate) group: &'p str,
    /// Seconds each group has.
    pub(crate) duration: i64,
    /// Seconds left in this turn (negative: over its time).
    pub(crate) remaining: i64,
}

/// Everything a screen shows about time, at one instant.
#[derive(Debug, Clone, PartialEq)]
pub struct ClockView<'p> {
    /// The block on the clock (its index in the agenda), `None` when done.
    pub(crate) block_index: Option<usize>,
    /// How many blocks the agenda has.
    pub(crate) block_count: usize,
    /// The block on the clock.
    pub(crate) block: Option<&'p AgendaBlock>,
    /// Waiting, running, paused or done.
    pub(crate) status: Status,
    /// The block's length in seconds, extensions and cuts included.
    pub(crate) duration: i64,
    /// Seconds the clock has run in this block, pauses excluded.
    pub(crate) elapsed: i64,
    /// Seconds left; negative is overrun.
    pub remaining: i64,
    /// How close to the end.
    pub(crate) phase: Phase,
    /// The segment the block is in, when it has segments.
    pub(crate) segment: Option<SegmentClock<'p>>,
    /// The reporting group, in a report-back round that has started.
    pub(crate) turn: Option<TurnClock<'p>>,
    /// When the sitting was planned to end.
    pub(crate) planned_end: Option<Stamp>,
    /// When it will end if the remaining blocks run as planned.
    pub(crate) projected_end: Option<Stamp>,
    /// True when the plan is dated today, so its start and end times mean
    /// something now.
    pub(crate) plan_today: bool,
    /// Seconds the sitting runs behind (positive) or ahead of the plan's
    /// durations since it actually started; `None` before it started.
    pub(crate) drift: Option<i64>,
}

/// The entry point of the read-only clock.
pub struct Clock;

impl Clock {
    /// The clock of `run` at `now`.
    pub fn at<'p>(plan: &'p Plan, run: &RunState, now: Stamp) -> ClockView<'p> {
        let now = whole_second(now);
        let index = run.current_index(plan);
        let block = index.map(|i| &plan.agenda[i]);
        let (Some(block), Some(br)) = (block, run.current.as_ref()) else {
            return ClockView {
                block_index: None,
                block_count: plan.agenda.len(),
                block: None,
                status: Status::Done,
                duration: 0,
                elapsed: 0,
                remaining: 0,
                phase: Phase::Calm,
                segment: None,
                turn: None,
                planned_end: planned_end(plan, run, now),
                projected_end: run.ended,
                plan_today: plan_is_today(plan, now),
                drift: drift(plan, run, run.ended),
            };
        };
        let duration = duration(block, br);
        let elapsed = active_until(br, now);
        let remaining = duration.saturating_sub(elapsed);
        let status = match (br.started, br.is_paused()) {
            (None, _) => Status::Ready,
            (Some(_), true) => Status::Paused,
            (Some(_), false) => Status::Running,
        };
        let later: i64 = plan.agenda[index.unwrap_or(0) + 1..]
            .iter()
            .map(|b| i64::from(b.minutes) * 60)
            .sum();
        let from = match (status, plan.planned_start()) {
            (Status::Ready, Some(start)) if run.history.is_empty() => now.max(start.fixed_offset()),
            _ => now,
        };
        let projected = Duration::try_seconds(remaining.max(0).saturating_add(later))
            .and_then(|d| from.checked_add_signed(d));
        ClockView {
            block_index: index,
            block_count: plan.agenda.len(),
            block: Some(block),
            status,
            duration,
            elapsed,
            remaining,
            phase: phase(plan, duration, remaining),
            segment: segment(block, br, elapsed),
            turn: turn(plan, block, br, now, elapsed),
            planned_end: planned_end(plan, run, now),
            projected_end: projected,
            plan_today: plan_is_today(plan, now),
            drift: drift(plan, run, projected),
        }
    }
}

/// The plan's clock: the current instant in the sitting's time zone. Read
/// only at the edge (the event loop); everything else is given `now`.
pub fn now(plan: &Plan) -> Stamp {
    chrono::Utc::now()
        .with_timezone(&plan.timezone)
        .fixed_offset()
}

/// `now` without its fraction of a second: stamps are written in whole
/// seconds so that every screen's displayed second turns over together.
pub(crate) fn whole_second(now: Stamp) -> Stamp {
    now.with_nanosecond(0).unwrap_or(now)
}

/// The block's length in seconds: planned, plus extensions, minus cuts.
pub(crate) fn duration(block: &AgendaBlock, run: &BlockRun) -> i64 {
    (i64::from(block.minutes) * 60).saturating_add(run.adjusted_seconds())
}

/// Seconds the clock of `run` has run up to `t`, pauses excluded.
pub(crate) fn active_until(run: &BlockRun, t: Stamp) -> i64 {
    let Some(start) = run.started else {
        return 0;
    };
    if t <= start {
        return 0;
    }
    let mut secs = (t - start).num_seconds();
    for p in &run.pauses {
        let from = p.from.max(start);
        let to = p.to.unwrap_or(t).min(t);
        if to > from {
            secs = secs.saturating_sub((to - from).num_seconds());
        }
    }
    secs.max(0)
}

/// The alert thresholds (in minutes) that apply to a block of `duration`
/// seconds, largest first, ending with 0 ("time is up"). A threshold as long
/// as the block itself would ring at its start, so it is left out.
pub(crate) fn thresholds(plan: &Plan, duration: i64) -> Vec<u32> {
    let mut t: Vec<u32> = plan
        .alerts_min
        .iter()
        .copied()
        .filter(|&m| m > 0 && i64::from(m) * 60 < duration)
        .collect();
    t.sort_unstable_by(|a, b| b.cmp(a));
    t.dedup();
    t.push(0);
    t
}

fn phase(plan: &Plan, duration: i64, remaining: i64) -> Phase {
    let t = thresholds(plan, duration);
    let warn = t.first().copied().unwrap_or(0);
    let urgent = t.iter().rev().nth(1).copied().unwrap_or(0);
    if remaining <= 0 {
        Phase::Overrun
    } else if t.len() > 2 && remaining <= i64::from(urgent) * 60 {
        Phase::Urgent
    } else if remaining <= i64::from(warn) * 60 {
        Phase::Warning
    } else {
        Phase::Calm
    }
}

/// The segments' lengths in seconds after the extensions and cuts: each one
/// lands in the segment that was running when it was made (a cut larger than
/// what is left of that segment eats into the following ones).
pub(crate) fn segment_lengths(block: &AgendaBlock, run: &BlockRun) -> Vec<i64> {
    let mut lens: Vec<i64> = block
        .segments
        .iter()
        .map(|s| i64::from(s.minutes) * 60)
        .collect();
    let Some(last) = lens.last_mut() else {
        return lens;
    };
    let planned: i64 = block.segments.iter().map(|s| i64::from(s.minutes)).sum();
    *last += (i64::from(block.minutes) - planned).max(0) * 60;
    for adj in &run.adjustments {
        let at = active_until(run, adj.at);
        let (i, start) = locate(&lens, at);
        if adj.seconds >= 0 {
            lens[i] = lens[i].saturating_add(adj.seconds);
            continue;
        }
        let mut cut = adj.seconds.saturating_neg();
        let mut seg_start = start;
        for (j, len) in lens.iter_mut().enumerate().skip(i) {
            let used = if j == i {
                at.saturating_sub(seg_start).max(0)
            } else {
                0
            };
            let take = cut.min(len.saturating_sub(used).max(0));
            seg_start = seg_start.saturating_add(*len);
            *len -= take;
            cut -= take;
        }
    }
    lens
}

/// The segment running at `elapsed` seconds and where it started; past the
/// end it is the last one.
fn locate(lens: &[i64], elapsed: i64) -> (usize, i64) {
    let mut start: i64 = 0;
    for (i, len) in lens.iter().enumerate() {
        if elapsed < start.saturating_add(*len) || i + 1 == lens.len() {
            return (i, start);
        }
        start = start.saturating_add(*len);
    }
    (0, 0)
}

fn segment<'p>(block: &'p AgendaBlock, run: &BlockRun, elapsed: i64) -> Option<SegmentClock<'p>> {
    let lens = segment_lengths(block, run);
    if lens.is_empty() {
        return None;
    }
    let (index, start) = locate(&lens, elapsed);
    Some(SegmentClock {
        index,
        count: lens.len(),
        title: &block.segments[index].title,
        duration: lens[index],
        remaining: start.saturating_add(lens[index]).saturating_sub(elapsed),
    })
}

/// The reporting order of a report-back round: as planned, else every group.
pub(crate) fn report_order<'p>(plan: &'p Plan, block: &'p AgendaBlock) -> Vec<&'p str> {
    match &block.report {
        Some(r) if !r.order.is_empty() => r.order.iter().map(String::as_str).collect(),
        Some(_) => plan.groups.iter().map(|g| g.id.as_str()).collect(),
        None => Vec::new(),
    }
}

fn turn<'p>(
    plan: &'p Plan,
    block: &'p AgendaBlock,
    run: &BlockRun,
    now: Stamp,
    elapsed: i64,
) -> Option<TurnClock<'p>> {
    let report = block.report.as_ref()?;
    run.started?;
    let order = report_order(plan, block);
    let (index, since) = match run.turns.last() {
        Some(t) => (
            order.iter().position(|g| *g == t.group)?,
            active_until(run, t.at.min(now)),
        ),
        None => (0, 0),
    };
    let duration = i64::from(report.minutes_per_group) * 60
        + run.turns.last().map_or(0, |t| t.adjusted_seconds());
    Some(TurnClock {
        index,
        count: order.len(),
        group: order.get(index)?,
        duration,
        remaining: duration.saturating_sub(elapsed.saturating_sub(since)),
    })
}

/// The instant the displayed clock changes next: the next whole second while
/// a block runs, else the next whole minute (the wall clock's).
pub(crate) fn next_change(run: &RunState, now: Stamp) -> Stamp {
    let base = whole_second(now);
    let running = run
        .current
        .as_ref()
        .is_some_and(|b| b.started.is_some() && !b.is_paused());
    if running {
        base + Duration::seconds(1)
    } else {
        base + Duration::seconds(60 - i64::from(base.second()))
    }
}

/// The timer as shown: `mm:ss` counting down, `+mm:ss` once past zero.
/// Minutes are not wrapped into hours (`120:00`), as on a stopwatch.
pub(crate) fn clock_text(remaining: i64) -> String {
    let sign = if remaining < 0 { "+" } else { "" };
    let s = remaining.unsigned_abs();
    format!("{sign}{:02}:{:02}", s / 60, s % 60)
}
