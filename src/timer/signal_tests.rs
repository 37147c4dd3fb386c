//! Every time-up signalled (F2) and report-back turns as first-class
//! clocks (F3), under an injected `now`.

use super::tests::{alerts_given, at, min, on_exchange, plan};
use super::*;

fn reserialized(run: &RunState) -> RunState {
    serde_json::from_str(&serde_json::to_string(run).unwrap()).unwrap()
}

/// F2: `<` on the briefing used up the time-up alert; after `+` the real
/// end rang nothing.
#[test]
fn time_up_rings_again_after_a_cut_to_zero_is_taken_back() {
    let plan = plan();
    let mut run = RunState::new(&plan);
    start(&mut run, at(0));
    assert_eq!(adjust(&plan, &mut run, at(10), -300), -290);
    assert_eq!(take_due_alert(&plan, &mut run, at(10)), Some(0));
    assert_eq!(adjust(&plan, &mut run, at(12), 60), 60);
    // The block is long enough for a 1-minute alert again, and under a
    // minute is left: it says so once. The time-up is armed again.
    assert_eq!(take_due_alert(&plan, &mut run, at(13)), Some(1));
    assert_eq!(take_due_alert(&plan, &mut run, at(14)), None);
    let mut run = reserialized(&run);
    assert_eq!(take_due_alert(&plan, &mut run, at(69)), None);
    assert_eq!(take_due_alert(&plan, &mut run, at(70)), Some(0));
    // Once per crossing, across a restart too.
    let mut run = reserialized(&run);
    assert_eq!(take_due_alert(&plan, &mut run, at(73)), None);
    assert_eq!(take_due_alert(&plan, &mut run, at(600)), None);
}

#[test]
fn an_extension_past_an_alert_re_arms_it() {
    let plan = plan();
    let mut run = on_exchange(&plan);
    start(&mut run, at(0));
    assert_eq!(take_due_alert(&plan, &mut run, at(min(40))), Some(5));
    adjust(&plan, &mut run, at(min(41)), 300);
    let a = &run.current.as_ref().unwrap().alerts[0];
    assert_eq!(a.rearmed, Some(at(min(41))));
    assert_eq!(take_due_alert(&plan, &mut run, at(min(44))), None);
    assert_eq!(take_due_alert(&plan, &mut run, at(min(45))), Some(5));
    assert_eq!(take_due_alert(&plan, &mut run, at(min(49))), Some(1));
    assert_eq!(take_due_alert(&plan, &mut run, at(min(50))), Some(0));
    // An extension that leaves the time under a threshold re-arms nothing.
    adjust(&plan, &mut run, at(min(50)), 30);
    assert_eq!(take_due_alert(&plan, &mut run, at(min(50) + 29)), None);
    assert_eq!(take_due_alert(&plan, &mut run, at(min(50) + 30)), Some(0));
    let given = alerts_given(&run);
    assert_eq!(given, [5, 5, 1, 0, 0]);
}

/// A run standing on the report-back round, started at 0.
fn on_report(plan: &Plan) -> RunState {
    let mut run = RunState::new(plan);
    next_block(plan, &mut run, at(0));
    next_block(plan, &mut run, at(0));
    run.history.clear();
    start(&mut run, at(0));
    run
}

/// F3: a turn running out was not signalled and `+` extended the block only.
#[test]
fn a_turn_rings_once_when_it_runs_out_and_plus_extends_that_turn() {
    let plan = plan();
    let mut run = on_report(&plan);
    assert_eq!(take_turn_over(&plan, &mut run, at(179)), None);
    assert_eq!(
        take_turn_over(&plan, &mut run, at(180)).as_deref(),
        Some("A")
    );
    assert_eq!(take_turn_over(&plan, &mut run, at(181)), None);
    // One more minute for group A: its turn and the block follow.
    assert_eq!(adjust(&plan, &mut run, at(185), 60), 60);
    let c = Clock::at(&plan, &run, at(185));
    let t = c.turn.unwrap();
    assert_eq!((t.group, t.duration, t.remaining), ("A", 240, 55));
    assert_eq!(c.duration, min(10));
    let mut run = reserialized(&run);
    assert_eq!(take_turn_over(&plan, &mut run, at(239)), None);
    assert_eq!(
        take_turn_over(&plan, &mut run, at(240)).as_deref(),
        Some("A")
    );
    // B's turn: a cut takes no more than the turn has left.
    assert!(change_turn(&plan, &mut run, at(250), true));
    assert_eq!(adjust(&plan, &mut run, at(250), -300), -180);
    assert_eq!(
        take_turn_over(&plan, &mut run, at(250)).as_deref(),
        Some("B")
    );
    let turns = &run.current.as_ref().unwrap().turns;
    assert_eq!(turns[0].actual_seconds, Some(250));
    assert_eq!(turns[0].adjusted_seconds(), 60);
    assert_eq!(turns[1].adjusted_seconds(), -180);
    assert_eq!(turns[1].actual_seconds, None);
    // Leaving the block records how long the last turn ran.
    next_block(&plan, &mut run, at(260));
    let turns = &run.history[0].run.turns;
    assert_eq!(turns[1].actual_seconds, Some(10));
}

#[test]
fn a_paused_turn_does_not_ring() {
    let plan = plan();
    let mut run = on_report(&plan);
    pause(&mut run, at(100));
    assert_eq!(take_turn_over(&plan, &mut run, at(400)), None);
    start(&mut run, at(400));
    assert_eq!(take_turn_over(&plan, &mut run, at(479)), None);
    assert_eq!(
        take_turn_over(&plan, &mut run, at(480)).as_deref(),
        Some("A")
    );
}
