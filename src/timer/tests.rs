//! The clock under an injected `now`: every operation, overruns, alerts,
//! sleep jumps, irregular ticks and a restart from `run.json`.

use super::*;

pub(super) use crate::model::test_sitting::{at, plan};

/// The minutes-left of every alert given in the current block so far.
pub(super) fn alerts_given(run: &RunState) -> Vec<u32> {
    let current = run.current.as_ref().unwrap();
    current.alerts.iter().map(|a| a.minutes).collect()
}

pub(super) fn min(m: i64) -> i64 {
    m * 60
}

/// A run standing on the 45-minute exchange block, waiting.
pub(super) fn on_exchange(plan: &Plan) -> RunState {
    let mut run = RunState::new(plan);
    next_block(plan, &mut run, at(0));
    run.history.clear();
    run
}

#[test]
fn a_waiting_block_shows_its_full_length() {
    let plan = plan();
    let run = RunState::new(&plan);
    let c = Clock::at(&plan, &run, at(123));
    assert_eq!(c.status, Status::Ready);
    assert_eq!(c.block_index, Some(0));
    assert_eq!(c.block_count, 3);
    assert_eq!(c.remaining, min(5));
    assert_eq!(c.elapsed, 0);
}

#[test]
fn start_counts_down_from_the_start_instant() {
    let plan = plan();
    let mut run = RunState::new(&plan);
    assert!(start(&mut run, at(0)));
    assert_eq!(Clock::at(&plan, &run, at(0)).remaining, 300);
    assert_eq!(Clock::at(&plan, &run, at(150)).remaining, 150);
    assert_eq!(Clock::at(&plan, &run, at(150)).status, Status::Running);
    // A fraction of a second does not change the displayed second.
    let later = at(150) + Duration::milliseconds(999);
    assert_eq!(Clock::at(&plan, &run, later).remaining, 150);
    // Starting again changes nothing.
    assert!(!start(&mut run, at(10)));
    assert_eq!(Clock::at(&plan, &run, at(150)).remaining, 150);
}

#[test]
fn stamps_are_whole_seconds() {
    let plan = plan();
    let mut run = RunState::new(&plan);
    start(&mut run, at(7) + Duration::milliseconds(640));
    assert_eq!(run.current.as_ref().unwrap().started, Some(at(7)));
}

#[test]
fn pause_stops_the_clock_and_resume_goes_on() {
    let plan = plan();
    let mut run = on_exchange(&plan);
    start(&mut run, at(0));
    assert!(pause(&mut run, at(min(10))));
    assert!(!pause(&mut run, at(min(11))));
    let c = Clock::at(&plan, &run, at(min(20)));
    assert_eq!(c.status, Status::Paused);
    assert_eq!(c.remaining, min(35));
    assert!(start(&mut run, at(min(20))));
    assert_eq!(Clock::at(&plan, &run, at(min(25))).remaining, min(30));
    // Two pauses add up.
    pause(&mut run, at(min(26)));
    start(&mut run, at(min(27)));
    assert_eq!(Clock::at(&plan, &run, at(min(30))).remaining, min(26));
}

#[test]
fn extend_and_cut_by_one_or_five_minutes() {
    let plan = plan();
    let mut run = on_exchange(&plan);
    start(&mut run, at(0));
    assert_eq!(adjust(&plan, &mut run, at(min(10)), 300), 300);
    assert_eq!(Clock::at(&plan, &run, at(min(10))).remaining, min(40));
    assert_eq!(adjust(&plan, &mut run, at(min(10)), -60), -60);
    assert_eq!(Clock::at(&plan, &run, at(min(10))).duration, min(49));
    // A cut never takes more than what is left: the block ends now.
    assert_eq!(adjust(&plan, &mut run, at(min(47)), -300), -120);
    let c = Clock::at(&plan, &run, at(min(47)));
    assert_eq!(c.remaining, 0);
    assert_eq!(c.phase, Phase::Overrun);
    assert_eq!(adjust(&plan, &mut run, at(min(48)), -60), 0);
}

#[test]
fn a_waiting_block_can_be_cut_down_to_one_minute() {
    let plan = plan();
    let mut run = RunState::new(&plan);
    assert_eq!(adjust(&plan, &mut run, at(0), -300), -240);
    assert_eq!(Clock::at(&plan, &run, at(0)).remaining, 60);
}

#[test]
fn past_zero_the_block_counts_the_overrun() {
    let plan = plan();
    let mut run = on_exchange(&plan);
    start(&mut run, at(0));
    let c = Clock::at(&plan, &run, at(min(45) + 75));
    assert_eq!(c.status, Status::Running);
    assert_eq!(c.remaining, -75);
    assert_eq!(c.phase, Phase::Overrun);
    assert_eq!(clock_text(c.remaining), "+01:15");
    assert_eq!(clock_text(min(44) + 59), "44:59");
    assert_eq!(clock_text(0), "00:00");
    assert_eq!(clock_text(min(120)), "120:00");
}

#[test]
fn phases_follow_the_alerts() {
    let plan = plan();
    let mut run = on_exchange(&plan);
    start(&mut run, at(0));
    let phase = |s| Clock::at(&plan, &run, at(s)).phase;
    assert_eq!(phase(min(39) + 59), Phase::Calm);
    assert_eq!(phase(min(40)), Phase::Warning);
    assert_eq!(phase(min(44)), Phase::Urgent);
    assert_eq!(phase(min(45)), Phase::Overrun);
    // The 5-minute briefing has no 5-minute phase: it would start in it.
    let mut run = RunState::new(&plan);
    start(&mut run, at(0));
    assert_eq!(Clock::at(&plan, &run, at(0)).phase, Phase::Calm);
    assert_eq!(Clock::at(&plan, &run, at(min(4))).phase, Phase::Warning);
}

/// Ticks every `step(i)` seconds from the start until `end`, collecting
/// (second, alert) pairs.
fn alerts_over(
    plan: &Plan,
    run: &mut RunState,
    end: i64,
    step: impl Fn(u64) -> i64,
) -> Vec<(i64, u32)> {
    let mut fired = Vec::new();
    let (mut t, mut i) = (0, 0);
    while t <= end {
        if let Some(m) = take_due_alert(plan, run, at(t)) {
            fired.push((t, m));
        }
        t += step(i);
        i += 1;
    }
    fired
}

#[test]
fn each_alert_fires_once_at_its_second() {
    let plan = plan();
    let mut run = on_exchange(&plan);
    start(&mut run, at(0));
    let fired = alerts_over(&plan, &mut run, min(50), |_| 1);
    assert_eq!(fired, vec![(min(40), 5), (min(44), 1), (min(45), 0)]);
}

#[test]
fn alerts_do_not_ring_while_waiting_or_paused() {
    let plan = plan();
    let mut run = on_exchange(&plan);
    assert_eq!(take_due_alert(&plan, &mut run, at(min(50))), None);
    start(&mut run, at(0));
    pause(&mut run, at(min(39)));
    assert_eq!(take_due_alert(&plan, &mut run, at(min(60))), None);
    start(&mut run, at(min(60)));
    assert_eq!(take_due_alert(&plan, &mut run, at(min(61))), Some(5));
}

#[test]
fn a_ten_minute_sleep_rings_only_the_most_urgent_alert() {
    let plan = plan();
    let mut run = on_exchange(&plan);
    start(&mut run, at(0));
    assert_eq!(take_due_alert(&plan, &mut run, at(min(35))), None);
    // The laptop sleeps from 35:00 to 44:30.
    let woke = at(min(44) + 30);
    assert_eq!(Clock::at(&plan, &run, woke).remaining, 30);
    assert_eq!(take_due_alert(&plan, &mut run, woke), Some(1));
    assert_eq!(take_due_alert(&plan, &mut run, woke), None);
    let fired = alerts_given(&run);
    assert_eq!(fired, vec![5, 1]);
    assert_eq!(take_due_alert(&plan, &mut run, at(min(45))), Some(0));
}

#[test]
fn a_ten_minute_jump_keeps_the_time_exact() {
    let plan = plan();
    let mut run = on_exchange(&plan);
    start(&mut run, at(0));
    assert_eq!(Clock::at(&plan, &run, at(min(3))).remaining, min(42));
    assert_eq!(Clock::at(&plan, &run, at(min(13))).remaining, min(32));
}

#[test]
fn irregular_ticks_over_45_minutes_stay_exact() {
    let plan = plan();
    let mut run = on_exchange(&plan);
    let t0 = Duration::milliseconds(250);
    start(&mut run, at(0) + t0);
    // A fixed pseudo-random sequence of late and early ticks (0.1 s to 7 s).
    let mut rng = crate::model::test_rng::Rng(0x2545_f491_4f6c_dd1d);
    let mut ms: i64 = 250;
    let mut fired = Vec::new();
    while ms < 45 * 60_000 + 5_000 {
        ms += 100 + rng.below(6_900) as i64;
        let now = at(0) + Duration::milliseconds(ms);
        let c = Clock::at(&plan, &run, now);
        assert_eq!(c.remaining, 2700 - ms.div_euclid(1000), "at {ms} ms");
        if let Some(m) = take_due_alert(&plan, &mut run, now) {
            fired.push(m);
        }
    }
    assert_eq!(fired, vec![5, 1, 0]);
}

#[test]
fn a_restart_from_run_json_resumes_to_the_second() {
    let plan = plan();
    let mut run = on_exchange(&plan);
    start(&mut run, at(0));
    pause(&mut run, at(min(5)));
    start(&mut run, at(min(6)));
    adjust(&plan, &mut run, at(min(7)), 60);
    take_due_alert(&plan, &mut run, at(min(42)));
    let text = serde_json::to_string_pretty(&run).unwrap();
    // kill -9 here; a new console reads the file 90 seconds later.
    let mut back: RunState = serde_json::from_str(&text).unwrap();
    assert_eq!(back, run);
    let now = at(min(42) + 90);
    assert_eq!(Clock::at(&plan, &back, now), Clock::at(&plan, &run, now));
    assert_eq!(
        Clock::at(&plan, &back, now).remaining,
        min(45) + 60 - (min(41) + 90)
    );
    // The 5-minute alert was given before the crash: only the 1-minute one is left.
    assert_eq!(take_due_alert(&plan, &mut back, at(min(45) + 59)), None);
    assert_eq!(take_due_alert(&plan, &mut back, at(min(46))), Some(1));
}
