//! The display's decisions without a terminal or a disk: what to re-read,
//! when to warn of clock skew, what a broken or newer run.json does.

use std::path::PathBuf;

use super::*;
use crate::i18n::Lang;

fn state() -> State {
    let plan = crate::model::test_sitting::plan();
    State::new(plan, Lang::Ja)
}

use crate::model::test_sitting::at;

#[test]
fn only_run_and_plan_changes_are_read_again_once_each() {
    let paths: Vec<PathBuf> = [
        "s/notes/A.json",
        "s/run.json",
        "s/notes/run.json",
        "s/session.json",
        "s/run.json",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    assert_eq!(rereads(&paths), vec![Effect::ReadRun, Effect::ReadPlan]);
    assert!(rereads(&[PathBuf::from("s/notes/B.json")]).is_empty());
    let mut s = state();
    let fx = update(&mut s, Action::FilesChanged(paths), at(0));
    assert_eq!(fx, vec![Effect::ReadRun, Effect::ReadPlan]);
}

#[test]
fn skew_is_reported_only_beyond_two_seconds_ahead() {
    assert_eq!(skew_ahead(None, at(0)), None);
    assert_eq!(skew_ahead(Some(at(2)), at(0)), None);
    assert_eq!(skew_ahead(Some(at(3)), at(0)), Some(3));
    // Written in the past (a slow sync) is not skew.
    assert_eq!(skew_ahead(Some(at(-30)), at(0)), None);

    let mut s = state();
    let mut run = RunState::new(&s.plan);
    run.saved = Some(at(10));
    update(
        &mut s,
        Action::RunRead(RunRead::Read(Box::new(run.clone()))),
        at(0),
    );
    assert_eq!(s.skew, Some(10));
    run.saved = Some(at(0));
    update(&mut s, Action::RunRead(RunRead::Read(Box::new(run))), at(1));
    assert_eq!(s.skew, None);
}

#[test]
fn a_broken_run_keeps_the_last_good_one_until_the_next_read() {
    let mut s = state();
    let mut run = RunState::new(&s.plan);
    crate::timer::start(&mut run, at(0));
    update(
        &mut s,
        Action::RunRead(RunRead::Read(Box::new(run.clone()))),
        at(0),
    );
    update(
        &mut s,
        Action::RunRead(RunRead::Unreadable("line 3".into())),
        at(5),
    );
    assert_eq!(s.run.as_ref(), Some(&run));
    assert_eq!(
        s.problems.get(RUN_FILE),
        Some(&FileProblem::Unreadable("line 3".into()))
    );
    update(&mut s, Action::RunRead(RunRead::Read(Box::new(run))), at(6));
    assert!(s.problems.is_empty());
}

#[test]
fn a_newer_run_is_shown_with_a_warning() {
    let mut s = state();
    let run = RunState::new(&s.plan);
    update(
        &mut s,
        Action::RunRead(RunRead::Newer(Box::new(run))),
        at(0),
    );
    assert!(s.run.is_some());
    assert_eq!(s.problems.get(RUN_FILE), Some(&FileProblem::Newer));
}

#[test]
fn keys_quit_and_toggle_help_and_nothing_else() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(keys::command(&key('q')), Some(Command::Quit));
    assert_eq!(keys::command(&key('?')), Some(Command::Help));
    assert_eq!(keys::command(&key(' ')), None);
    assert_eq!(keys::command(&key('n')), None);
    let mut s = state();
    update(&mut s, Action::Command(Command::Help), at(0));
    assert!(s.help);
    update(&mut s, Action::OtherKey, at(0));
    assert!(!s.help);
    update(&mut s, Action::Command(Command::Quit), at(0));
    assert!(s.quit);
}
