//! A run.json with absurd numbers (valid JSON: a huge extension, a far
//! stamp) never takes a console down: the clock saturates, every reader
//! reports the file with its line, column and field path, the screens keep
//! the last good state, and the facilitator opens on it with the block reset.

use std::path::Path;

use bunkakai::display::view::DisplayView;
use bunkakai::display::{self, RunRead};
use bunkakai::facilitator::run as app;
use bunkakai::i18n::Lang;
use bunkakai::model::Stamp;
use bunkakai::model::read_plan;
use bunkakai::model::run::{Adjustment, BlockRun, RunState};
use bunkakai::timer::Clock;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn plan() -> bunkakai::model::Plan {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/jichitai-09/session.json"),
    )
    .unwrap();
    read_plan(&bytes, "jichitai-09").plan.unwrap()
}

fn now() -> Stamp {
    chrono::DateTime::parse_from_rfc3339("2026-01-20T14:10:00+09:00").unwrap()
}

fn huge_run(seconds: i64) -> String {
    format!(
        r#"{{"format":"bunkakai.run/1","session":"jichitai-09",
"current":{{"block":"briefing","started":"2026-01-20T14:00:00+09:00","pauses":[],
"adjustments":[{{"at":"2026-01-20T14:00:00+09:00","seconds":{seconds}}}],"alerts":[],"turns":[]}},
"history":[],"moves":[]}}"#
    )
}

#[test]
fn the_clock_saturates_on_absurd_extensions() {
    let plan = plan();
    let mut run = RunState::new(&plan);
    let mut block = BlockRun::ready("briefing");
    block.started = Some(now());
    for s in [i64::MAX, i64::MAX, 9_000_000_000_000, i64::MIN] {
        block.adjustments.push(Adjustment {
            at: now(),
            seconds: s,
            extra: Default::default(),
        });
    }
    run.current = Some(block);
    let view = Clock::at(&plan, &run, now());
    assert!(view.remaining > 0);
    let mut s = display::State::new(plan.clone(), Lang::Ja);
    display::update(
        &mut s,
        display::Action::RunRead(RunRead::Read(Box::new(run))),
        now(),
    );
    let v = DisplayView::new(&s, now());
    Terminal::new(TestBackend::new(80, 24))
        .unwrap()
        .draw(|f| f.render_widget(&v, f.area()))
        .unwrap();
}

#[test]
fn the_display_reports_the_field_and_keeps_the_last_good_run() {
    let plan = plan();
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("run.json");
    std::fs::write(&path, huge_run(0)).unwrap();
    let good = display::run::read_run(&path, &plan);
    assert!(matches!(good, RunRead::Read(_)));
    std::fs::write(&path, huge_run(9_000_000_000_000)).unwrap();
    let RunRead::Unreadable(why) = display::run::read_run(&path, &plan) else {
        panic!("the file is refused");
    };
    assert_eq!(
        why,
        "run.json:3:60: current.adjustments[0].seconds: out of range: must be from -86400 to 86400"
    );
    let mut s = display::State::new(plan.clone(), Lang::En);
    display::update(&mut s, display::Action::RunRead(good), now());
    display::update(
        &mut s,
        display::Action::RunRead(RunRead::Unreadable(why)),
        now(),
    );
    assert!(s.run.is_some(), "the last good run stays");
    // Deleted: the last good run stays too, with a warning (F6).
    display::update(&mut s, display::Action::RunRead(RunRead::Missing), now());
    assert!(s.run.is_some());
    assert!(s.problems.contains_key("run.json"));
}

#[test]
fn the_facilitator_opens_on_it_with_the_block_reset_and_keeps_the_old_file() {
    let plan = plan();
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("run.json");
    let bad = huge_run(10_000_000_000_000_000);
    std::fs::write(&path, &bad).unwrap();
    let opts = app::Options {
        lang: Lang::En,
        ascii: false,
        read_only: false,
        poll: None,
    };
    let console = app::open(tmp.path(), plan.clone(), opts).unwrap_or_else(|e| panic!("{e}"));
    let state = console.state();
    let current = state.run.current.as_ref().unwrap();
    assert_eq!(current.block, "briefing");
    assert!(current.started.is_none() && current.adjustments.is_empty());
    let warning = state.notice.as_ref().map(|n| n.text.as_str()).unwrap();
    assert!(
        warning.starts_with("run.json:3:60: current.adjustments[0].seconds"),
        "{warning}"
    );
    assert_eq!(
        std::fs::read_to_string(path.with_extension("json.damaged")).unwrap(),
        bad
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        bad,
        "not rewritten yet"
    );
}

#[test]
fn a_run_of_another_sitting_or_an_unknown_block_is_reported_everywhere() {
    let plan = plan();
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("run.json");
    std::fs::write(&path, huge_run(0).replace("\"briefing\"", "\"gone\"")).unwrap();
    let RunRead::Unreadable(why) = display::run::read_run(&path, &plan) else {
        panic!("refused");
    };
    assert!(why.contains("current.block"), "{why}");
    std::fs::write(&path, huge_run(0).replace("\"jichitai-09\"", "\"other\"")).unwrap();
    let RunRead::Unreadable(why) = display::run::read_run(&path, &plan) else {
        panic!("refused");
    };
    assert!(why.contains("session"), "{why}");
}
