//! The clock across blocks: segments, skipping forward and back, restarts,
//! report turns and the projected end of the sitting.

use super::tests::{at, min, on_exchange, plan};
use super::*;

#[test]
fn segments_count_down_on_their_own() {
    let plan = plan();
    let mut run = on_exchange(&plan);
    start(&mut run, at(0));
    let seg = |run: &RunState, s| Clock::at(&plan, run, at(s)).segment.unwrap();
    let s = seg(&run, min(3));
    assert_eq!(
        (s.index, s.count, s.title, s.remaining),
        (0, 3, "自己紹介", min(2))
    );
    let s = seg(&run, min(6));
    assert_eq!((s.index, s.title, s.remaining), (1, "意見交換", min(34)));
    let s = seg(&run, min(44));
    assert_eq!((s.index, s.title, s.remaining), (2, "まとめ", min(1)));
    let s = seg(&run, min(46));
    assert_eq!((s.index, s.remaining), (2, -min(1)));
    // An extension during 意見交換 lengthens it; まとめ keeps its 5 minutes.
    adjust(&plan, &mut run, at(min(20)), 300);
    assert_eq!(
        segment_lengths(plan.agenda.get(1).unwrap(), run.current.as_ref().unwrap()),
        vec![300, 2400, 300]
    );
    let s = seg(&run, min(44));
    assert_eq!((s.index, s.remaining), (1, min(1)));
    // A cut larger than the rest of 意見交換 eats into まとめ.
    adjust(&plan, &mut run, at(min(44)), -180);
    assert_eq!(
        segment_lengths(plan.agenda.get(1).unwrap(), run.current.as_ref().unwrap()),
        vec![300, min(44) - 300, 180]
    );
    assert_eq!(Clock::at(&plan, &run, at(min(44))).remaining, min(3));
}

#[test]
fn blocks_without_segments_have_none() {
    let plan = plan();
    let run = RunState::new(&plan);
    assert_eq!(Clock::at(&plan, &run, at(0)).segment, None);
}

#[test]
fn skip_forward_records_history_and_back_restores_the_block() {
    let plan = plan();
    let mut run = RunState::new(&plan);
    start(&mut run, at(0));
    assert!(next_block(&plan, &mut run, at(min(6))));
    let h = &run.history[0];
    assert_eq!(
        (
            h.run.block.as_str(),
            h.planned_minutes,
            h.actual_seconds,
            h.skipped
        ),
        ("briefing", 5, min(6), false)
    );
    assert_eq!(Clock::at(&plan, &run, at(min(6))).block_index, Some(1));
    assert_eq!(Clock::at(&plan, &run, at(min(6))).status, Status::Ready);
    // Back: the briefing comes back as it was left, still running, the
    // minute spent away not counted; the untouched exchange leaves no trace.
    assert!(previous_block(&plan, &mut run, at(min(7))));
    assert!(run.history.is_empty());
    let c = Clock::at(&plan, &run, at(min(7)));
    assert_eq!(
        (c.block_index, c.status, c.remaining),
        (Some(0), Status::Running, -min(1))
    );
    let away = run.current.as_ref().unwrap().pauses.last().unwrap();
    assert!(away.left && away.from == at(min(6)) && away.to == Some(at(min(7))));
    assert!(!previous_block(&plan, &mut run, at(min(7))));
    // Skipping a block that never started marks it skipped.
    next_block(&plan, &mut run, at(min(7)));
    next_block(&plan, &mut run, at(min(7)));
    assert!(run.history[1].skipped);
    next_block(&plan, &mut run, at(min(8)));
    let c = Clock::at(&plan, &run, at(min(9)));
    assert_eq!((c.status, c.block_index), (Status::Done, None));
    assert_eq!(run.ended, Some(at(min(8))));
    assert!(!next_block(&plan, &mut run, at(min(9))));
    // From the end, back goes to the last block.
    assert!(previous_block(&plan, &mut run, at(min(9))));
    assert_eq!(run.current_index(&plan), Some(2));
    assert_eq!(run.ended, None);
}

/// F1: `b` 30 minutes into the exchange, then `n`, used to bring the
/// exchange back at 00:00 with its extension, alerts and turns gone.
#[test]
fn back_then_next_brings_the_running_block_back_as_it_was() {
    let plan = plan();
    let mut run = RunState::new(&plan);
    start(&mut run, at(0));
    next_block(&plan, &mut run, at(min(5)));
    start(&mut run, at(min(5)));
    adjust(&plan, &mut run, at(min(6)), 300);
    assert_eq!(take_due_alert(&plan, &mut run, at(min(50))), Some(5));
    // 45 minutes in: b by mistake, a few seconds on the briefing, then n.
    assert!(previous_block(&plan, &mut run, at(min(50))));
    assert_eq!(run.current_index(&plan), Some(0));
    assert_eq!(run.history.len(), 1, "the exchange is kept in the history");
    assert_eq!(run.history[0].run.block, "exchange");
    assert_eq!(run.history[0].actual_seconds, min(45));
    assert!(next_block(&plan, &mut run, at(min(50) + 20)));
    let c = Clock::at(&plan, &run, at(min(50) + 20));
    assert_eq!(
        (c.block_index, c.status, c.remaining, c.duration),
        (Some(1), Status::Running, min(5), min(50))
    );
    let br = run.current.as_ref().unwrap();
    assert_eq!(br.adjustments.len(), 1);
    assert!(br.alert_fired(5), "the 5-minute alert is not given twice");
    // The history holds each block once: the briefing as finished again,
    // with the 20 seconds it really ran after the mistake.
    let blocks: Vec<_> = run.history.iter().map(|h| h.run.block.as_str()).collect();
    assert_eq!(blocks, ["briefing"]);
    assert_eq!(run.history[0].actual_seconds, min(5) + 20);
}

#[test]
fn next_then_back_is_the_mirror_and_away_time_is_a_pause() {
    let plan = plan();
    let mut run = RunState::new(&plan);
    start(&mut run, at(0));
    next_block(&plan, &mut run, at(min(1)));
    start(&mut run, at(min(1)));
    previous_block(&plan, &mut run, at(min(2)));
    // The briefing comes back with 4 minutes left, as when it was left.
    assert_eq!(Clock::at(&plan, &run, at(min(2))).remaining, min(4));
    next_block(&plan, &mut run, at(min(3)));
    assert_eq!(Clock::at(&plan, &run, at(min(3))).remaining, min(44));
}

#[test]
fn going_back_twice_restores_each_block_as_left_and_restart_starts_afresh() {
    let plan = plan();
    let mut run = RunState::new(&plan);
    start(&mut run, at(0));
    next_block(&plan, &mut run, at(min(5)));
    start(&mut run, at(min(5)));
    next_block(&plan, &mut run, at(min(50)));
    previous_block(&plan, &mut run, at(min(51)));
    assert_eq!(Clock::at(&plan, &run, at(min(51))).remaining, 0);
    previous_block(&plan, &mut run, at(min(51)));
    let c = Clock::at(&plan, &run, at(min(51)));
    assert_eq!(
        (c.block_index, c.status, c.remaining),
        (Some(0), Status::Running, 0)
    );
    assert_eq!(run.history.len(), 1);
    assert!(restart(&plan, &mut run, at(min(52))));
    let c = Clock::at(&plan, &run, at(min(52)));
    assert_eq!(
        (c.block_index, c.status, c.remaining),
        (Some(0), Status::Ready, min(5))
    );
    // The run set aside is in the history, marked, and never resumed.
    let h = run.history.last().unwrap();
    assert!(h.restarted && h.run.block == "briefing" && h.actual_seconds == min(6));
}

#[test]
fn leaving_a_paused_block_closes_its_pause_and_back_reopens_it() {
    let plan = plan();
    let mut run = on_exchange(&plan);
    start(&mut run, at(0));
    pause(&mut run, at(min(10)));
    next_block(&plan, &mut run, at(min(12)));
    assert_eq!(run.history[0].actual_seconds, min(10));
    assert!(!run.history[0].run.is_paused());
    previous_block(&plan, &mut run, at(min(13)));
    let c = Clock::at(&plan, &run, at(min(20)));
    assert_eq!((c.status, c.remaining), (Status::Paused, min(35)));
}

#[test]
fn restart_puts_the_block_back_to_waiting() {
    let plan = plan();
    let mut run = on_exchange(&plan);
    start(&mut run, at(0));
    adjust(&plan, &mut run, at(1), 60);
    take_due_alert(&plan, &mut run, at(min(45)));
    assert!(restart(&plan, &mut run, at(min(46))));
    let br = run.current.as_ref().unwrap();
    assert!(br.started.is_none() && br.alerts.is_empty() && br.adjustments.is_empty());
    assert!(!restart(&plan, &mut run, at(min(46))));
}

#[test]
fn report_round_gives_each_group_its_turn() {
    let plan = plan();
    let mut run = RunState::new(&plan);
    next_block(&plan, &mut run, at(0));
    next_block(&plan, &mut run, at(0));
    assert_eq!(Clock::at(&plan, &run, at(0)).turn, None);
    assert!(!change_turn(&plan, &mut run, at(0), true));
    start(&mut run, at(0));
    let t = Clock::at(&plan, &run, at(100)).turn.unwrap();
    assert_eq!((t.index, t.count, t.group, t.remaining), (0, 3, "A", 80));
    let t = Clock::at(&plan, &run, at(200)).turn.unwrap();
    assert_eq!((t.group, t.remaining), ("A", -20));
    assert!(change_turn(&plan, &mut run, at(200), true));
    pause(&mut run, at(250));
    start(&mut run, at(300));
    let t = Clock::at(&plan, &run, at(330)).turn.unwrap();
    assert_eq!((t.group, t.remaining), ("B", 180 - 80));
    change_turn(&plan, &mut run, at(331), true);
    assert!(!change_turn(&plan, &mut run, at(332), true));
    assert!(change_turn(&plan, &mut run, at(333), false));
    assert_eq!(Clock::at(&plan, &run, at(333)).turn.unwrap().group, "B");
}

#[test]
fn projected_end_follows_overruns() {
    let plan = plan();
    let mut run = RunState::new(&plan);
    let planned = at(min(59));
    // Before the sitting, it ends as planned.
    let c = Clock::at(&plan, &run, at(-min(30)));
    assert_eq!(
        (c.planned_end, c.projected_end),
        (Some(planned), Some(planned))
    );
    // Started two minutes late.
    start(&mut run, at(min(2)));
    assert_eq!(
        Clock::at(&plan, &run, at(min(2))).projected_end,
        Some(at(min(61)))
    );
    // Running three minutes over: every minute of overrun pushes the end.
    let c = Clock::at(&plan, &run, at(min(10)));
    assert_eq!(c.projected_end, Some(at(min(10) + min(54))));
    assert_eq!(c.planned_end, Some(planned));
    // A waiting block after the first counts from now.
    next_block(&plan, &mut run, at(min(10)));
    assert_eq!(
        Clock::at(&plan, &run, at(min(12))).projected_end,
        Some(at(min(12) + min(54)))
    );
}

#[test]
fn next_change_is_the_next_second_while_running_else_the_next_minute() {
    let plan = plan();
    let mut run = RunState::new(&plan);
    let now = at(12) + Duration::milliseconds(300);
    assert_eq!(next_change(&run, now), at(60));
    start(&mut run, at(0));
    assert_eq!(next_change(&run, now), at(13));
    pause(&mut run, at(12));
    assert_eq!(next_change(&run, now), at(60));
}

#[test]
fn a_sitting_run_on_another_day_compares_with_that_days_plan() {
    let plan = plan();
    let mut run = RunState::new(&plan);
    let days = |d: i64| Duration::days(d);
    // A week before the day: the plan's own day.
    let c = Clock::at(&plan, &run, at(-min(60)) - days(7));
    assert_eq!(c.planned_end, Some(at(min(59))));
    assert_eq!(c.projected_end, Some(at(min(59))));
    // Rehearsed three days after the planned day, at 10:00: 14:00 of that day.
    let rehearsal = at(-min(240)) + days(3);
    let c = Clock::at(&plan, &run, rehearsal);
    assert_eq!(c.planned_end, Some(at(min(59)) + days(3)));
    start(&mut run, rehearsal);
    let c = Clock::at(&plan, &run, rehearsal);
    assert_eq!(c.planned_end, Some(at(min(59)) + days(3)));
    assert_eq!(c.projected_end, Some(rehearsal + Duration::minutes(59)));
}
