use serde_json::json;

use super::*;
use crate::model::notes::Turn;
use crate::store::archive::read_sitting;

fn sitting() -> Sitting {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive/jichitai-09");
    let mut s = Sitting::parse(&read_sitting(&dir, "jichitai-09".into()));
    // A plain run: every block on time, nothing recorded but start and end.
    s.run = Some(
        serde_json::from_value(json!({
            "format": "bunkakai.run/1", "session": "jichitai-09",
            "ended": "2026-01-20T15:00:00+09:00",
            "history": [
                {"block": "briefing", "started": "2026-01-20T14:00:00+09:00",
                 "ended": "2026-01-20T14:05:00+09:00", "planned_minutes": 5, "actual_seconds": 300},
                {"block": "exchange", "started": "2026-01-20T14:05:00+09:00",
                 "ended": "2026-01-20T14:50:00+09:00", "planned_minutes": 45, "actual_seconds": 2700},
                {"block": "report", "started": "2026-01-20T14:50:00+09:00",
                 "ended": "2026-01-20T14:59:00+09:00", "planned_minutes": 9, "actual_seconds": 540}
            ]
        }))
        .unwrap(),
    );
    s
}

fn at(hms: &str) -> crate::model::Stamp {
    chrono::DateTime::parse_from_rfc3339(&format!("2026-01-20T{hms}+09:00")).unwrap()
}

fn hm(t: Option<Local>) -> String {
    t.map(|t| t.format("%H:%M:%S").to_string())
        .unwrap_or_default()
}

#[test]
fn a_plain_run_gives_clock_times_in_the_plans_zone_and_totals() {
    let r = record(&sitting());
    assert!(r.ran);
    let ids: Vec<&str> = r.blocks.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["briefing", "exchange", "report"]);
    let ex = &r.blocks[1];
    assert_eq!(hm(ex.started), "14:05:00");
    assert_eq!(hm(ex.ended), "14:50:00");
    assert_eq!(hm(ex.planned_start), "14:05:00");
    assert_eq!(ex.started.unwrap().timezone(), chrono_tz::Asia::Tokyo);
    assert_eq!(ex.over_seconds(), Some(0));
    assert_eq!(r.totals.planned_minutes, 59);
    assert_eq!(r.totals.actual_seconds, 3540);
    assert_eq!(r.totals.over_seconds(), 0);
    assert_eq!(hm(r.totals.started), "14:00:00");
    assert_eq!(hm(r.totals.ended), "15:00:00");
}

#[test]
fn an_extension_a_cut_and_a_pause_are_kept_with_their_times() {
    let mut s = sitting();
    let run = s.run.as_mut().unwrap();
    let ex = &mut run.history[1];
    ex.run.adjustments = serde_json::from_value(json!([
        {"at": "2026-01-20T14:20:00+09:00", "seconds": 300},
        {"at": "2026-01-20T14:40:00+09:00", "seconds": -60}
    ]))
    .unwrap();
    ex.run.pauses = serde_json::from_value(json!([
        {"from": "2026-01-20T14:30:00+09:00", "to": "2026-01-20T14:32:00+09:00"}
    ]))
    .unwrap();
    ex.actual_seconds = 2880;
    let r = record(&s);
    let b = &r.blocks[1];
    assert_eq!(b.adjustments.len(), 2);
    assert_eq!(hm(Some(b.adjustments[0].at)), "14:20:00");
    assert_eq!(b.adjustments[1].seconds, -60);
    assert_eq!(b.adjusted_seconds(), 240);
    assert_eq!(b.paused_seconds(), 120);
    assert_eq!(hm(Some(b.pauses[0].from)), "14:30:00");
    assert_eq!(b.over_seconds(), Some(180));
    assert_eq!(r.totals.adjusted_seconds, 240);
    assert_eq!(r.totals.paused_seconds, 120);
    assert_eq!(r.totals.over_seconds(), 180);
}

#[test]
fn each_report_turn_is_planned_against_actual_and_an_unclosed_one_is_measured() {
    let mut s = sitting();
    let rep = &mut s.run.as_mut().unwrap().history[2];
    // A ran 4:00 with a 30 s extension, B 1:30; C's length was never
    // written, so it runs to the end of the block less its pause.
    rep.run.turns = serde_json::from_value(json!([
        {"group": "A", "at": "2026-01-20T14:50:00+09:00", "actual_seconds": 240,
         "adjustments": [{"at": "2026-01-20T14:53:00+09:00", "seconds": 30}]},
        {"group": "B", "at": "2026-01-20T14:54:00+09:00", "actual_seconds": 90},
        {"group": "C", "at": "2026-01-20T14:55:30+09:00"}
    ]))
    .unwrap();
    rep.run.pauses = serde_json::from_value(json!([
        {"from": "2026-01-20T14:56:00+09:00", "to": "2026-01-20T14:57:00+09:00"}
    ]))
    .unwrap();
    let r = record(&s);
    let turns = &r.blocks[2].turns;
    let got: Vec<(&str, i64, Option<i64>, i64)> = turns
        .iter()
        .map(|t| {
            (
                t.group.as_str(),
                t.planned_seconds,
                t.actual_seconds,
                t.adjusted_seconds,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("A", 180, Some(240), 30),
            ("B", 180, Some(90), 0),
            ("C", 180, Some(150), 0)
        ]
    );
    assert_eq!(turns[0].over_seconds(), Some(60));
    assert_eq!(turns[1].over_seconds(), Some(-90));
    assert_eq!(hm(Some(turns[2].at)), "14:55:30");
}

#[test]
fn a_restarted_block_sums_its_runs_and_keeps_the_first_start() {
    let mut s = sitting();
    let run = s.run.as_mut().unwrap();
    let mut first = run.history[0].clone();
    first.restarted = true;
    first.actual_seconds = 60;
    first.ended = at("14:01:00");
    run.history.insert(0, first);
    run.history[1].run.started = Some(at("14:01:00"));
    let r = record(&s);
    let b = &r.blocks[0];
    assert!(b.restarted);
    assert_eq!(b.actual_seconds, Some(360));
    assert_eq!(hm(b.started), "14:00:00");
    assert_eq!(hm(b.ended), "14:05:00");
}

#[test]
fn a_sitting_never_run_has_no_blocks_but_still_its_speaking() {
    let mut s = sitting();
    s.run = None;
    let r = record(&s);
    assert!(!r.ran);
    assert!(r.blocks.is_empty());
    assert_eq!(r.speaking.len(), 3);
}

fn turn(member: &str, from: &str, to: &str) -> Turn {
    Turn::new(member, at(from), Some(at(to)))
}

#[test]
fn speaking_time_per_member_and_group_and_who_never_spoke() {
    let mut s = sitting();
    s.groups[1].notes.as_mut().unwrap().speaking.turns.clear();
    let a = s.groups[0].notes.as_mut().unwrap();
    a.speaking.turns = vec![
        turn("白鷹町", "14:10:00", "14:20:00"),
        turn("佐野市", "14:20:00", "14:23:00"),
        turn("白鷹町", "14:25:00", "14:26:30"),
        // Still speaking when the file was written: counted as a turn only.
        Turn::new("見附市", at("14:40:00"), None),
        // Taken back by the note-taker: it does not count at all.
        Turn {
            removed: true,
            ..turn("雲南市", "14:41:00", "14:45:00")
        },
    ];
    let r = record(&s);
    let ga = &r.speaking[0];
    assert!(ga.recorded);
    let got: Vec<(&str, i64, usize, bool)> = ga
        .members
        .iter()
        .map(|m| (m.name.as_str(), m.seconds, m.turns, m.never_spoke))
        .collect();
    assert_eq!(
        got,
        [
            ("白鷹町", 690, 2, false),
            ("佐野市", 180, 1, false),
            ("見附市", 0, 1, false),
            ("雲南市", 0, 0, true)
        ]
    );
    assert_eq!(ga.total_seconds(), 870);
    assert_eq!(ga.turns(), 4);
    // Group B recorded no turn: nobody there is said to have never spoken.
    assert!(!r.speaking[1].recorded);
    assert!(r.speaking[1].members.iter().all(|m| !m.never_spoke));
}

#[test]
fn a_moved_member_is_listed_in_both_groups_with_the_time_of_the_move() {
    let mut s = sitting();
    s.run.as_mut().unwrap().moves = serde_json::from_value(json!([
        {"member": "雲南市", "from": "A", "to": "B", "at": "2026-01-20T14:40:00+09:00"}
    ]))
    .unwrap();
    s.groups[0].notes.as_mut().unwrap().speaking.turns =
        vec![turn("白鷹町", "14:10:00", "14:20:00")];
    s.groups[1].notes.as_mut().unwrap().speaking.turns =
        vec![turn("雲南市", "14:45:00", "14:47:00")];
    let r = record(&s);
    assert_eq!(r.moves.len(), 1);
    assert_eq!(
        (r.moves[0].from.as_str(), r.moves[0].to.as_str()),
        ("A", "B")
    );
    assert_eq!(hm(Some(r.moves[0].at)), "14:40:00");
    let in_a = r.speaking[0]
        .members
        .iter()
        .find(|m| m.name == "雲南市")
        .unwrap();
    let (to, when) = in_a.moved_out.clone().unwrap();
    assert_eq!((to.as_str(), hm(Some(when)).as_str()), ("B", "14:40:00"));
    // Silent in A but spoke in B: not "never spoke".
    assert!(!in_a.never_spoke);
    let in_b = r.speaking[1].members.last().unwrap();
    assert_eq!(in_b.name, "雲南市");
    assert_eq!(hm(in_b.moved_in.clone().map(|m| m.1)), "14:40:00");
    assert_eq!(in_b.moved_in.as_ref().unwrap().0, "A");
    assert_eq!(in_b.seconds, 120);
    assert_eq!(r.speaking[1].total_seconds(), 120);
    // 浜松市 is marked absent in B: absent, not silent.
    let hama = r.speaking[1]
        .members
        .iter()
        .find(|m| m.name == "浜松市")
        .unwrap();
    assert!(hama.absent && !hama.never_spoke);
}
