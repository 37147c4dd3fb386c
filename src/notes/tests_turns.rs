//! A speaking turn ends when the note-taker leaves or the member leaves the
//! group, so it does not keep counting in the notes file.

use chrono::Duration;
use crossterm::event::{KeyCode, KeyModifiers};

use super::tests::{press, state_b, t0};
use super::*;

const NONE: KeyModifiers = KeyModifiers::NONE;

/// One member speaking since `t0`.
fn speaking() -> (State, String) {
    let mut s = state_b();
    press(&mut s, KeyCode::F(6), NONE, t0());
    let who = roster::speaking_now(&s.doc).expect("a turn").to_string();
    (s, who)
}

fn exits(fx: &[Effect]) -> bool {
    fx.iter().any(|f| matches!(f, Effect::Exit { .. }))
}

#[test]
fn quitting_ends_the_open_turn_at_the_quit_time_and_saves_it() {
    let (mut s, who) = speaking();
    let quit_at = t0() + Duration::seconds(90);
    let fx = press(&mut s, KeyCode::Char('c'), KeyModifiers::CONTROL, quit_at);
    assert!(exits(&fx), "{fx:?}");
    assert_eq!(roster::speaking_now(&s.doc), None);
    let turn = s.doc.speaking.turns.last().unwrap();
    assert_eq!(turn.end, Some(s.stamp(quit_at)));
    assert!(s.saving.dirty(), "the last save on the way out writes it");
    // After a restart it does not keep counting.
    let later = quit_at + Duration::minutes(30);
    assert_eq!(roster::spoken(&s.doc, &who, later), Duration::seconds(90));
}

#[test]
fn a_signal_or_hang_up_ends_the_open_turn_too() {
    for hangup in [false, true] {
        let (mut s, _) = speaking();
        let at = t0() + Duration::seconds(40);
        let fx = update(&mut s, Action::Terminate { hangup }, at);
        assert!(exits(&fx));
        assert_eq!(s.doc.speaking.turns.last().unwrap().end, Some(s.stamp(at)));
        assert!(s.saving.dirty());
    }
}

#[test]
fn a_member_moved_to_another_group_stops_speaking_here() {
    let mut s = state_b();
    let start = s.stamp(t0());
    roster::start(&mut s.doc, "焼津市", start);
    let plan = s.plan.clone();
    let mut run = crate::model::run::RunState::new(&plan);
    let moved = t0() + Duration::seconds(20);
    run.moves.push(crate::model::run::MemberMove {
        member: "焼津市".into(),
        from: "B".into(),
        to: "C".into(),
        at: s.stamp(moved),
        extra: Default::default(),
    });
    update(&mut s, Action::RunChanged(Some(Box::new(run))), moved);
    assert_eq!(roster::speaking_now(&s.doc), None);
    assert_eq!(s.doc.speaking.turns[0].end, Some(s.stamp(moved)));
    assert!(s.saving.dirty());
}

#[test]
fn a_speaker_started_by_mistake_is_taken_back_in_the_roster_and_undone() {
    let (mut s, first) = speaking();
    // F6 again by mistake a minute later: the next member starts.
    let oops = t0() + Duration::seconds(60);
    press(&mut s, KeyCode::F(6), NONE, oops);
    let wrong = roster::speaking_now(&s.doc).unwrap().to_string();
    assert_ne!(wrong, first);
    press(&mut s, KeyCode::Tab, NONE, oops);
    assert_eq!(s.mode, Mode::Roster);
    s.roster_sel = s.roster_order().iter().position(|m| *m == wrong).unwrap();
    press(&mut s, KeyCode::Delete, NONE, oops + Duration::seconds(3));
    assert_eq!(roster::speaking_now(&s.doc), Some(first.as_str()));
    assert_eq!(s.editor.speaker.as_deref(), Some(first.as_str()));
    let later = t0() + Duration::seconds(120);
    assert_eq!(roster::spoken(&s.doc, &wrong, later), Duration::zero());
    assert_eq!(
        roster::spoken(&s.doc, &first, later),
        Duration::seconds(120)
    );
    assert!(s.saving.dirty(), "to be saved");
    let removed = s
        .doc
        .speaking
        .turns
        .iter()
        .find(|t| t.member == wrong)
        .unwrap();
    assert!(removed.removed, "kept as a tombstone");
    // `u` brings it back.
    press(
        &mut s,
        KeyCode::Char('u'),
        NONE,
        oops + Duration::seconds(5),
    );
    assert_eq!(roster::speaking_now(&s.doc), Some(wrong.as_str()));
    assert_eq!(roster::spoken(&s.doc, &first, later), Duration::seconds(60));
}
