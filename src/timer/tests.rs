//! The clock under an injected `now`: every operation, overruns, alerts,
//! sleep jumps, irregular ticks and a restart from `run.json`.

use super::*;
use crate::model::read_plan;

fn plan() -> Plan {
    let bytes = std::fs::read("sessions/jichitai-09/session.json").unwrap();
    read_plan(&bytes, "jichitai-09").plan.unwrap()
}

/// 14:00:00 Japan time on the day of the sitting, plus `secs`.
fn at(secs: i64) -> Stamp {
    chrono::DateTime::parse_from_rfc3339("2026-01-20T14:00:00+09:00").unwrap()
        + Duration::seconds(secs)
}

fn min(m: i64) -> i64 {
    m * 60
}

/// A run standing on the 45-minute exchange block, waiting.
fn on_exchange(plan: &Plan) -> RunState {
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
    let fired: Vec<u32> = run
        .current
        .as_ref()
        .unwrap()
        .alerts
        .iter()
        .map(|a| a.minutes)
        .collect();
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
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut ms: i64 = 250;
    let mut fired = Vec::new();
    while ms < 45 * 60_000 + 5_000 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        ms += 100 + (seed % 6_900) as i64;
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
    // Pressed by mistake: going back brings the briefing back, still running.
    assert!(previous_block(&plan, &mut run));
    assert!(run.history.is_empty());
    let c = Clock::at(&plan, &run, at(min(7)));
    assert_eq!(
        (c.block_index, c.status, c.remaining),
        (Some(0), Status::Running, -min(2))
    );
    assert!(!previous_block(&plan, &mut run));
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
    assert!(previous_block(&plan, &mut run));
    assert_eq!(run.current_index(&plan), Some(2));
    assert_eq!(run.ended, None);
}

#[test]
fn going_back_twice_restores_each_block_as_left_and_restart_starts_afresh() {
    let plan = plan();
    let mut run = RunState::new(&plan);
    start(&mut run, at(0));
    next_block(&plan, &mut run, at(min(5)));
    start(&mut run, at(min(5)));
    next_block(&plan, &mut run, at(min(50)));
    previous_block(&plan, &mut run);
    assert_eq!(Clock::at(&plan, &run, at(min(51))).remaining, -min(1));
    previous_block(&plan, &mut run);
    let c = Clock::at(&plan, &run, at(min(51)));
    assert_eq!(
        (c.block_index, c.status, c.remaining),
        (Some(0), Status::Running, -min(46))
    );
    restart(&mut run);
    let c = Clock::at(&plan, &run, at(min(51)));
    assert_eq!(
        (c.block_index, c.status, c.remaining),
        (Some(0), Status::Ready, min(5))
    );
    // Back from a block the history does not end with: it comes back waiting.
    next_block(&plan, &mut run, at(min(52)));
    next_block(&plan, &mut run, at(min(52)));
    run.history.pop();
    previous_block(&plan, &mut run);
    assert_eq!(Clock::at(&plan, &run, at(min(53))).status, Status::Ready);
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
    previous_block(&plan, &mut run);
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
    assert!(restart(&mut run));
    let br = run.current.as_ref().unwrap();
    assert!(br.started.is_none() && br.alerts.is_empty() && br.adjustments.is_empty());
    assert!(!restart(&mut run));
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
