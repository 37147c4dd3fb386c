//! The note-taker's part in following the other consoles, without a
//! terminal or a disk: the flag raised for the facilitator, clock skew and
//! files that cannot be read.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::tests::state_b;
use super::{Action, Effect, State, update};

fn t0() -> DateTime<Utc> {
    "2026-01-20T05:10:00Z".parse().unwrap()
}

fn press(s: &mut State, code: KeyCode, m: KeyModifiers, now: DateTime<Utc>) -> Vec<Effect> {
    update(s, Action::Key(KeyEvent::new(code, m)), now)
}

#[test]
fn f10_cycles_the_flag_saves_it_and_shows_when_the_facilitator_saw_it() {
    use crate::model::notes::FlagKind;
    let mut s = state_b();
    let fx = press(&mut s, KeyCode::F(10), KeyModifiers::NONE, t0());
    let flag = s.doc.flag.clone().unwrap();
    assert_eq!(flag.raised, Some(FlagKind::Help));
    assert!(fx.iter().any(|e| matches!(e, Effect::SaveNotes { .. })));
    let mut run = crate::model::run::RunState::new(&s.plan.clone());
    run.acks.push(crate::model::run::FlagAck {
        group: "B".into(),
        raised: flag.at,
        at: flag.at,
    });
    update(&mut s, Action::RunChanged(Some(Box::new(run))), t0());
    assert!(s.run.as_ref().unwrap().acknowledged("B", flag.at));
    press(&mut s, KeyCode::F(10), KeyModifiers::NONE, t0());
    assert_eq!(s.doc.flag.as_ref().unwrap().raised, Some(FlagKind::Ready));
    press(&mut s, KeyCode::Char('h'), KeyModifiers::ALT, t0());
    assert_eq!(s.doc.flag.as_ref().unwrap().raised, None);
}

#[test]
fn clock_skew_and_unreadable_files_are_flagged_until_read_again() {
    let mut s = state_b();
    let mut run = crate::model::run::RunState::new(&s.plan.clone());
    run.saved = Some(s.stamp(t0() + chrono::Duration::seconds(10)));
    update(
        &mut s,
        Action::RunChanged(Some(Box::new(run.clone()))),
        t0(),
    );
    assert_eq!(s.skew, Some(10));
    let warning = "B.json を読めません".to_string();
    let file = "B.json".to_string();
    update(&mut s, Action::FileUnreadable { file, warning }, t0());
    assert_eq!(s.file_warnings.len(), 1);
    let doc = s.doc.clone();
    update(&mut s, Action::FileChanged(doc), t0());
    assert!(s.file_warnings.is_empty());
    run.saved = Some(s.stamp(t0()));
    update(&mut s, Action::RunChanged(Some(Box::new(run))), t0());
    assert_eq!(s.skew, None);
}

#[test]
fn another_consoles_save_asks_for_the_files_this_console_follows() {
    let mut s = state_b();
    let paths = vec![
        PathBuf::from("s/notes/B.json"),
        PathBuf::from("s/notes/A.json"),
        PathBuf::from("s/run.json"),
        PathBuf::from("s/notes/B.json"),
        PathBuf::from("s/notes/run.json"),
    ];
    let fx = update(&mut s, Action::FilesChanged(paths), t0());
    assert_eq!(fx, vec![Effect::LoadNotes, Effect::LoadRun]);
    let other = vec![PathBuf::from("s/notes/A.json"), PathBuf::from("s/x.json")];
    assert!(update(&mut s, Action::FilesChanged(other), t0()).is_empty());
    // A co-note-taker's save is a line added to the group's journal.
    let journal = vec![PathBuf::from("s/notes/B.journal")];
    let fx = update(&mut s, Action::FilesChanged(journal), t0());
    assert_eq!(fx, vec![Effect::LoadNotes]);
}
