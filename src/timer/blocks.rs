//! Moving along the agenda without losing anything: `n` and `b` both put
//! the block on the clock into the history as it stands, and both bring the
//! block they go to back as it was left (its start, pauses, extensions,
//! alerts and turns), the time spent away counted as a pause. A restart
//! (`R`) sets the run aside in the history too.

use crate::model::Plan;
use crate::model::Stamp;
use crate::model::run::{BlockRun, FinishedBlock, Pause, RunState};

use super::turns::close_turn;
use super::{active_until, whole_second};

/// Puts the block on the clock into the history as it stands at `now`.
fn leave(plan: &Plan, run: &mut RunState, now: Stamp, restarted: bool) {
    let Some(mut br) = run.current.take() else {
        return;
    };
    if br.is_paused()
        && let Some(p) = br.pauses.last_mut()
    {
        p.to = Some(now);
    }
    if br.started.is_some() {
        close_turn(&mut br, now);
    }
    let planned_minutes = plan
        .agenda
        .iter()
        .find(|b| b.id == br.block)
        .map_or(0, |b| b.minutes);
    run.history.push(FinishedBlock {
        actual_seconds: active_until(&br, now),
        skipped: br.started.is_none(),
        planned_minutes,
        ended: now,
        restarted,
        run: br,
    });
}

/// The run of `block` to put on the clock at `now`: its latest run taken
/// back out of the history, as it was left (a pause it was in goes on; the
/// time away is a pause marked `left`), else a fresh one waiting.
fn resume(run: &mut RunState, block: &str, now: Stamp) -> BlockRun {
    let found = run
        .history
        .iter()
        .rposition(|h| h.run.block == block && !h.restarted);
    let Some(i) = found else {
        return BlockRun::ready(block);
    };
    let h = run.history.remove(i);
    let mut br = h.run;
    if br.started.is_none() {
        return br;
    }
    if let Some(t) = br.turns.last_mut() {
        t.actual_seconds = None;
    }
    match br.pauses.last_mut() {
        // Paused when left: the pause goes on.
        Some(p) if p.to == Some(h.ended) => p.to = None,
        _ if now > h.ended => br.pauses.push(Pause {
            from: h.ended,
            to: Some(now),
            left: true,
            extra: Default::default(),
        }),
        _ => {}
    }
    br
}

/// Leaves the block on the clock (into the history, as it stands) and puts
/// the next one on it, as it was left if it was run before, else waiting;
/// after the last block the sitting ends and the card on the display comes
/// down.
pub(crate) fn next_block(plan: &Plan, run: &mut RunState, now: Stamp) -> bool {
    let now = whole_second(now);
    let Some(index) = run.current_index(plan) else {
        return false;
    };
    leave(plan, run, now, false);
    match plan.agenda.get(index + 1) {
        Some(next) => run.current = Some(resume(run, &next.id, now)),
        None => {
            run.ended = Some(now);
            run.shown_theme = None;
            run.shown_reference = None;
        }
    }
    true
}

/// Goes back to the previous block, the mirror of [`next_block`]: the block
/// on the clock goes into the history as it stands (unless it was never
/// touched), and the previous one comes back as it was left.
pub(crate) fn previous_block(plan: &Plan, run: &mut RunState, now: Stamp) -> bool {
    let now = whole_second(now);
    let index = match run.current_index(plan) {
        Some(0) => return false,
        Some(i) => i - 1,
        None if run.ended.is_some() => plan.agenda.len().saturating_sub(1),
        None => return false,
    };
    let Some(prev) = plan.agenda.get(index) else {
        return false;
    };
    let untouched = run
        .current
        .as_ref()
        .is_some_and(|b| b.started.is_none() && b.adjustments.is_empty());
    if untouched {
        run.current = None;
    } else {
        leave(plan, run, now, false);
    }
    run.ended = None;
    run.current = Some(resume(run, &prev.id, now));
    true
}

/// Puts the block back to waiting. The run set aside goes into the history
/// marked `restarted`, so nothing that happened is lost.
pub(crate) fn restart(plan: &Plan, run: &mut RunState, now: Stamp) -> bool {
    let now = whole_second(now);
    let id = match run.current.as_ref() {
        Some(br) if br.started.is_some() || !br.adjustments.is_empty() => br.block.clone(),
        _ => return false,
    };
    leave(plan, run, now, true);
    run.current = Some(BlockRun::ready(&id));
    true
}
