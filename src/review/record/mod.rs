//! The full record of a sitting as it happened, assembled once for the
//! review's timing tab and for the Markdown and Excel exports: per agenda
//! block the planned and actual time, its clock times in the plan's time
//! zone, extensions and cuts, pauses and each group's report-back turn;
//! the totals; the roster moves; speaking time per member and per group,
//! and who never spoke. Pure: it reads a parsed [`Sitting`] only.

mod speaking;
#[cfg(test)]
mod tests;

use chrono::DateTime;
use chrono_tz::Tz;

use super::archive::Sitting;
use crate::model::run::{BlockRun, FinishedBlock};
use crate::timer::active_until;

pub(crate) use speaking::{GroupSpeaking, MemberSpeaking, MoveRecord};

/// A clock time in the sitting's time zone.
pub(crate) type Local = DateTime<Tz>;

/// Everything the run and the notes files say happened in a sitting.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Record {
    /// The agenda blocks in plan order (blocks only the run knows, after).
    /// Empty when the sitting was never run.
    pub(crate) blocks: Vec<BlockRecord>,
    /// True when the sitting has a run file.
    pub(crate) ran: bool,
    /// Sums over the blocks.
    pub(crate) totals: Totals,
    /// Members moved from group to group, in the order it happened.
    pub(crate) moves: Vec<MoveRecord>,
    /// Speaking time per group, in plan order.
    pub(crate) speaking: Vec<GroupSpeaking>,
}

/// One agenda block, planned against what happened.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BlockRecord {
    /// The block's id.
    pub(crate) id: String,
    /// Its title (its id when the plan does not know it).
    pub(crate) title: String,
    /// Planned minutes.
    pub(crate) planned_minutes: u32,
    /// When the plan had it start (the plan's start plus the blocks before).
    pub(crate) planned_start: Option<Local>,
    /// Seconds the clock ran, pauses excluded, over every run of it;
    /// `None` while it has not finished.
    pub(crate) actual_seconds: Option<i64>,
    /// When it was first started.
    pub(crate) started: Option<Local>,
    /// When it was last left.
    pub(crate) ended: Option<Local>,
    /// True when the facilitator skipped it.
    pub(crate) skipped: bool,
    /// True when it is on the clock now (not finished).
    pub(crate) running: bool,
    /// True when it was restarted: its runs are summed.
    pub(crate) restarted: bool,
    /// Extensions (positive) and cuts (negative), in order.
    pub(crate) adjustments: Vec<Change>,
    /// Every pause of the clock, in order.
    pub(crate) pauses: Vec<PauseSpan>,
    /// Each group's report-back turn, in the order they reported.
    pub(crate) turns: Vec<TurnRecord>,
}

/// An extension or cut of a block or a turn.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Change {
    /// When the facilitator made it.
    pub(crate) at: Local,
    /// Seconds added (negative: removed).
    pub(crate) seconds: i64,
}

/// A pause of a block's clock.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PauseSpan {
    /// When the clock stopped.
    pub(crate) from: Local,
    /// When it went on; `None` while it stands.
    pub(crate) to: Option<Local>,
    /// True when it stood because the facilitator had gone to another block.
    pub(crate) left: bool,
}

impl PauseSpan {
    /// How long it stood, once it is over.
    pub(crate) fn seconds(&self) -> Option<i64> {
        self.to.map(|t| (t - self.from).num_seconds().max(0))
    }
}

/// One group's turn in a report-back round.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TurnRecord {
    /// The reporting group's id.
    pub(crate) group: String,
    /// When its turn began.
    pub(crate) at: Local,
    /// Seconds the plan gives each group.
    pub(crate) planned_seconds: i64,
    /// Extensions and cuts of the turn, in seconds.
    pub(crate) adjusted_seconds: i64,
    /// Seconds it ran, pauses excluded; `None` while it runs.
    pub(crate) actual_seconds: Option<i64>,
}

impl TurnRecord {
    /// Seconds over (positive) or under the plan.
    pub(crate) fn over_seconds(&self) -> Option<i64> {
        self.actual_seconds.map(|a| a - self.planned_seconds)
    }
}

/// Sums over the agenda.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Totals {
    /// Planned minutes of every block.
    pub(crate) planned_minutes: u32,
    /// Seconds every finished block ran.
    pub(crate) actual_seconds: i64,
    /// Extensions and cuts of every block, summed.
    pub(crate) adjusted_seconds: i64,
    /// Seconds the clocks stood paused (pauses over only).
    pub(crate) paused_seconds: i64,
    /// When the first block started.
    pub(crate) started: Option<Local>,
    /// When the sitting ended (the last block left).
    pub(crate) ended: Option<Local>,
}

impl BlockRecord {
    /// Seconds over (positive) or under the plan, once it finished.
    pub(crate) fn over_seconds(&self) -> Option<i64> {
        self.actual_seconds
            .filter(|_| !self.skipped)
            .map(|a| a - i64::from(self.planned_minutes) * 60)
    }

    /// The extensions and cuts summed, in seconds.
    pub(crate) fn adjusted_seconds(&self) -> i64 {
        self.adjustments.iter().map(|c| c.seconds).sum()
    }

    /// Seconds the clock stood paused (pauses over only).
    pub(crate) fn paused_seconds(&self) -> i64 {
        self.pauses.iter().filter_map(PauseSpan::seconds).sum()
    }
}

/// The record of `s`.
pub(crate) fn record(s: &Sitting) -> Record {
    let tz = s.tz();
    let mut blocks: Vec<BlockRecord> = Vec::new();
    let mut planned_at = s
        .plan
        .as_ref()
        .and_then(|p| Some(p.date?.and_time(p.start?)))
        .and_then(|t| t.and_local_timezone(tz).earliest());
    for b in s.plan.iter().flat_map(|p| p.agenda.iter()) {
        blocks.push(BlockRecord {
            id: b.id.clone(),
            title: b.title.clone(),
            planned_minutes: b.minutes,
            planned_start: planned_at,
            ..empty(&b.id, b.minutes)
        });
        planned_at = planned_at.map(|t| t + chrono::Duration::minutes(i64::from(b.minutes)));
    }
    if let Some(run) = &s.run {
        for done in &run.history {
            let at = find_or_add(&mut blocks, &done.run.block, done.planned_minutes);
            finished(s, &mut blocks[at], done);
        }
        if let Some(cur) = run.current.as_ref().filter(|c| c.started.is_some()) {
            let at = find_or_add(&mut blocks, &cur.block, 0);
            let b = &mut blocks[at];
            b.running = true;
            add_run(s, b, cur, None);
        }
    }
    let ran = s.run.is_some();
    let totals = totals(&blocks, s);
    Record {
        blocks: if ran { blocks } else { Vec::new() },
        ran,
        totals,
        moves: speaking::moves(s),
        speaking: speaking::groups(s),
    }
}

fn empty(id: &str, minutes: u32) -> BlockRecord {
    BlockRecord {
        id: id.to_string(),
        title: id.to_string(),
        planned_minutes: minutes,
        planned_start: None,
        actual_seconds: None,
        started: None,
        ended: None,
        skipped: false,
        running: false,
        restarted: false,
        adjustments: Vec::new(),
        pauses: Vec::new(),
        turns: Vec::new(),
    }
}

fn find_or_add(blocks: &mut Vec<BlockRecord>, id: &str, minutes: u32) -> usize {
    match blocks.iter().position(|b| b.id == id) {
        Some(at) => at,
        None => {
            blocks.push(empty(id, minutes));
            blocks.len() - 1
        }
    }
}

fn finished(s: &Sitting, b: &mut BlockRecord, done: &FinishedBlock) {
    let before = b.actual_seconds;
    if before.is_some() {
        b.restarted = true;
    }
    b.actual_seconds = Some(before.unwrap_or(0) + done.actual_seconds.max(0));
    b.skipped = done.skipped && before.is_none_or(|a| a == 0);
    add_run(s, b, &done.run, Some(done.ended));
    if done.run.started.is_some() || !done.skipped {
        b.ended = Some(s.local(&done.ended));
    }
}

/// Adds one run of a block: its start, extensions, pauses and turns.
fn add_run(s: &Sitting, b: &mut BlockRecord, run: &BlockRun, ended: Option<crate::model::Stamp>) {
    if let Some(start) = run.started {
        let start = s.local(&start);
        b.started = Some(b.started.map_or(start, |x| x.min(start)));
    }
    b.adjustments.extend(run.adjustments.iter().map(|a| Change {
        at: s.local(&a.at),
        seconds: a.seconds,
    }));
    b.pauses.extend(run.pauses.iter().map(|p| PauseSpan {
        from: s.local(&p.from),
        to: p.to.map(|t| s.local(&t)),
        left: p.left,
    }));
    let per_group = s
        .plan
        .as_ref()
        .and_then(|p| p.agenda.iter().find(|x| x.id == run.block))
        .and_then(|x| x.report.as_ref())
        .map_or(0, |r| i64::from(r.minutes_per_group) * 60);
    for (i, t) in run.turns.iter().enumerate() {
        // A turn closed without its length recorded ran until the next one
        // began, or until the block was left.
        let until = run.turns.get(i + 1).map(|n| n.at).or(ended);
        let actual = t
            .actual_seconds
            .or_else(|| until.map(|u| (active_until(run, u) - active_until(run, t.at)).max(0)));
        b.turns.push(TurnRecord {
            group: t.group.clone(),
            at: s.local(&t.at),
            planned_seconds: per_group,
            adjusted_seconds: t.adjusted_seconds(),
            actual_seconds: actual,
        });
    }
}

fn totals(blocks: &[BlockRecord], s: &Sitting) -> Totals {
    let ended = s.run.as_ref().and_then(|r| r.ended).map(|e| s.local(&e));
    Totals {
        planned_minutes: blocks.iter().map(|b| b.planned_minutes).sum(),
        actual_seconds: blocks
            .iter()
            .filter(|b| !b.skipped)
            .filter_map(|b| b.actual_seconds)
            .sum(),
        adjusted_seconds: blocks.iter().map(BlockRecord::adjusted_seconds).sum(),
        paused_seconds: blocks.iter().map(BlockRecord::paused_seconds).sum(),
        started: blocks.iter().filter_map(|b| b.started).min(),
        ended: ended.or_else(|| blocks.iter().filter_map(|b| b.ended).max()),
    }
}

impl Totals {
    /// Seconds over (positive) or under the plan.
    pub(crate) fn over_seconds(&self) -> i64 {
        self.actual_seconds - i64::from(self.planned_minutes) * 60
    }
}
