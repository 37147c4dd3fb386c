//! A run.json with absurd numbers (valid JSON: a huge extension, a far
//! stamp) never takes a console down: the clock saturates, every reader
//! reports the file with its line, column and field path, the screens keep
//! the last good state, and the facilitator opens on it offering to reset the
//! broken block.

mod common;

use std::path::Path;

use bunkakai::display::view::DisplayView;
use bunkakai::display::{self, RunRead};
use bunkakai::facilitator::run as app;
use bunkakai::i18n::Lang;
use bunkakai::model::Stamp;
use bunkakai::model::run::{Adjustment, BlockRun, RunState};
use bunkakai::timer::Clock;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use common::{at, plan};

fn now() -> Stamp {
    at("14:10")
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
    let good = display::run::read_run(&path, &plan, Lang::En);
    assert!(matches!(good, RunRead::Read(_)));
    std::fs::write(&path, huge_run(9_000_000_000_000)).unwrap();
    let RunRead::Unreadable(why) = display::run::read_run(&path, &plan, Lang::En) else {
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

fn open_on(dir: &Path, lang: Lang) -> bunkakai::facilitator::State {
    let opts = app::Options {
        lang,
        ascii: false,
        read_only: false,
        poll: None,
    };
    let console = app::open(dir, plan(), opts).unwrap_or_else(|e| panic!("{e}"));
    console.state().clone()
}

#[test]
fn the_facilitator_opens_offering_to_reset_the_broken_block_and_writes_nothing_until_asked() {
    use bunkakai::facilitator::{self as fac, Action, Command, Effect, Mode};
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("run.json");
    let bad = huge_run(10_000_000_000_000_000);
    std::fs::write(&path, &bad).unwrap();
    let mut state = open_on(tmp.path(), Lang::En);
    let Mode::BrokenRun { problem } = &state.mode else {
        panic!("the console opens on the offer, not {:?}", state.mode);
    };
    assert_eq!(
        problem,
        "run.json:3:60: current.adjustments[0].seconds: out of range: must be from -86400 to 86400"
    );
    // What the reset leaves is what the dashboard shows beneath the offer.
    let current = state.run.current.as_ref().unwrap();
    assert_eq!(current.block, "briefing");
    assert!(current.started.is_none() && current.adjustments.is_empty());
    // Nothing is written, nothing set aside, whatever else is pressed.
    for c in [
        Command::StartPause,
        Command::Extend5,
        Command::NextBlock,
        Command::Close,
    ] {
        let fx = fac::update(&mut state, Action::Command(c), now());
        assert!(fx.is_empty(), "{c:?} gave {fx:?}");
        assert!(matches!(state.mode, Mode::BrokenRun { .. }));
    }
    let later = now() + chrono::Duration::hours(1);
    assert!(fac::update(&mut state, Action::Tick, later).is_empty());
    assert!(!path.with_extension("json.damaged").exists());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), bad);
    // The one key takes the offer: the broken file is set aside, the reset
    // run saved over it (both by the effect).
    let fx = fac::update(&mut state, Action::Command(Command::Confirm), later);
    assert_eq!(
        fx,
        vec![Effect::ResetBrokenRun(Box::new(state.run.clone()))]
    );
    assert_eq!(state.mode, Mode::Dashboard);
    // After it, the keys work again.
    let fx = fac::update(&mut state, Action::Command(Command::StartPause), later);
    assert!(matches!(fx.as_slice(), [Effect::Save(_)]), "{fx:?}");
}

#[test]
fn a_broken_run_json_repaired_by_hand_is_read_and_the_offer_goes() {
    use bunkakai::facilitator::{self as fac, Action, Mode};
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("run.json"), huge_run(9_000_000_000_000)).unwrap();
    let mut state = open_on(tmp.path(), Lang::Ja);
    let Mode::BrokenRun { problem } = &state.mode else {
        panic!("offer");
    };
    // Said in Japanese, the way the plan's messages are.
    assert_eq!(
        problem,
        "run.json:3:60: current.adjustments[0].seconds: 範囲外です。-86400～86400 の整数にしてください"
    );
    let still = "run.json:3:60: current.adjustments[0].seconds: …".to_string();
    fac::update(&mut state, Action::RunReloaded(Err(still.clone())), now());
    assert_eq!(state.mode, Mode::BrokenRun { problem: still });
    let good: RunState = serde_json::from_str(&huge_run(60)).unwrap();
    // Half a minute into the block: no alert is due, nothing to write.
    let early = at("14:00:30");
    let fx = fac::update(
        &mut state,
        Action::RunReloaded(Ok(Box::new(good.clone()))),
        early,
    );
    assert!(fx.is_empty(), "nothing is written: {fx:?}");
    assert_eq!(state.mode, Mode::Dashboard);
    assert_eq!(state.run, good);
}

#[test]
fn a_run_of_another_sitting_or_an_unknown_block_is_reported_everywhere() {
    let plan = plan();
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("run.json");
    std::fs::write(&path, huge_run(0).replace("\"briefing\"", "\"gone\"")).unwrap();
    let RunRead::Unreadable(why) = display::run::read_run(&path, &plan, Lang::En) else {
        panic!("refused");
    };
    assert!(why.contains("current.block"), "{why}");
    std::fs::write(&path, huge_run(0).replace("\"jichitai-09\"", "\"other\"")).unwrap();
    let RunRead::Unreadable(why) = display::run::read_run(&path, &plan, Lang::En) else {
        panic!("refused");
    };
    assert!(why.contains("session"), "{why}");
}
