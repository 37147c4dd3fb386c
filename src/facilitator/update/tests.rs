//! `update()` driven by actions with an injected `now`: no terminal, no disk.

use std::path::PathBuf;

use chrono::Duration;

use super::*;
use crate::facilitator::GroupDigest;
use crate::i18n::Lang;
use crate::model::run::RunState;
use crate::timer::{Clock, Status};

use super::tests_trust::{at, bells, cmd, saves, state};

#[test]
fn space_starts_pauses_and_resumes_and_each_change_is_saved() {
    let mut s = state();
    let fx = cmd(&mut s, Command::StartPause, 0);
    assert_eq!(saves(&fx), 1);
    let Effect::Save(saved) = &fx[0] else {
        panic!("{fx:?}")
    };
    assert_eq!(**saved, s.run);
    assert_eq!(Clock::at(&s.plan, &s.run, at(60)).status, Status::Running);
    assert_eq!(saves(&cmd(&mut s, Command::StartPause, 60)), 1);
    assert_eq!(Clock::at(&s.plan, &s.run, at(600)).remaining, 240);
    cmd(&mut s, Command::StartPause, 600);
    assert_eq!(Clock::at(&s.plan, &s.run, at(660)).remaining, 180);
}

#[test]
fn extend_and_cut_say_what_they_did() {
    let mut s = state();
    cmd(&mut s, Command::NextBlock, 0);
    cmd(&mut s, Command::StartPause, 0);
    assert_eq!(saves(&cmd(&mut s, Command::Extend5, 10)), 1);
    assert_eq!(s.notice.as_ref().unwrap().text, "5分延長しました");
    cmd(&mut s, Command::Extend1, 10);
    cmd(&mut s, Command::Cut1, 10);
    cmd(&mut s, Command::Cut5, 10);
    assert_eq!(Clock::at(&s.plan, &s.run, at(10)).duration, 45 * 60);
    // Nothing left to cut: refused, nothing saved.
    cmd(&mut s, Command::Cut5, 45 * 60 + 10);
    assert_eq!(saves(&cmd(&mut s, Command::Cut1, 45 * 60 + 10)), 0);
    assert!(s.notice.as_ref().unwrap().alarm);
}

#[test]
fn ticks_ring_each_alert_once_with_bell_notice_and_flash() {
    let mut s = state();
    cmd(&mut s, Command::NextBlock, 0);
    cmd(&mut s, Command::StartPause, 0);
    let mut rings = Vec::new();
    for t in 0..=50 * 60 {
        let fx = update(&mut s, Action::Tick, at(t));
        if bells(&fx) > 0 {
            assert_eq!(saves(&fx), 1, "the alert is recorded before it rings");
            assert!(fx.iter().any(
                |e| matches!(e, Effect::Notify { body, .. } if body.contains("自治体間の意見交換"))
            ));
            assert!(s.flash_until.is_some());
            rings.push(t);
        }
    }
    assert_eq!(rings, vec![40 * 60, 44 * 60, 45 * 60]);
}

#[test]
fn a_restarted_console_does_not_ring_again() {
    let mut s = state();
    cmd(&mut s, Command::NextBlock, 0);
    cmd(&mut s, Command::StartPause, 0);
    let fx = update(&mut s, Action::Tick, at(40 * 60 + 3));
    assert_eq!(bells(&fx), 1);
    // kill -9, then a new console reads the saved run.json.
    let saved = fx
        .into_iter()
        .find_map(|e| match e {
            Effect::Save(r) => Some(serde_json::to_string(&r).unwrap()),
            _ => None,
        })
        .unwrap();
    let run: RunState = serde_json::from_str(&saved).unwrap();
    let mut again = State::new(s.plan.clone(), run, Lang::Ja);
    assert_eq!(
        bells(&update(&mut again, Action::Tick, at(40 * 60 + 20))),
        0
    );
    assert_eq!(
        Clock::at(&again.plan, &again.run, at(40 * 60 + 20)).remaining,
        5 * 60 - 20
    );
    assert_eq!(bells(&update(&mut again, Action::Tick, at(44 * 60))), 1);
}

#[test]
fn a_sleep_through_two_alerts_rings_once() {
    let mut s = state();
    cmd(&mut s, Command::NextBlock, 0);
    cmd(&mut s, Command::StartPause, 0);
    update(&mut s, Action::Tick, at(30 * 60));
    let fx = update(&mut s, Action::Tick, at(44 * 60 + 30));
    assert_eq!(bells(&fx), 1);
    assert!(s.notice.as_ref().unwrap().text.starts_with("残り1分"));
    assert_eq!(bells(&update(&mut s, Action::Tick, at(44 * 60 + 31))), 0);
}

#[test]
fn the_flash_and_notices_expire() {
    let mut s = state();
    cmd(&mut s, Command::StartPause, 0);
    update(&mut s, Action::Tick, at(4 * 60));
    assert!(s.flash_until.is_some() && s.notice.is_some());
    update(&mut s, Action::Tick, at(4 * 60 + 30));
    assert!(s.flash_until.is_none() && s.notice.is_none());
}

#[test]
fn read_only_changes_nothing_and_follows_the_file() {
    let mut s = state();
    s.read_only = true;
    for c in [
        Command::StartPause,
        Command::Extend1,
        Command::NextBlock,
        Command::Restart,
        Command::MoveMember,
    ] {
        assert!(cmd(&mut s, c, 0).is_empty());
    }
    assert!(s.run.current.as_ref().unwrap().started.is_none());
    assert!(s.notice.as_ref().unwrap().alarm);
    // The writer's changes arrive through the file.
    let fx = update(
        &mut s,
        Action::FilesChanged(vec![PathBuf::from("s/run.json")]),
        at(1),
    );
    assert_eq!(fx, vec![Effect::ReloadRun]);
    let mut ahead = RunState::new(&s.plan);
    ahead.saved = Some(at(2) + Duration::seconds(9));
    update(&mut s, Action::RunReloaded(Ok(Box::new(ahead))), at(2));
    assert_eq!(
        s.skew,
        Some(9),
        "run.json written 9 s in this clock's future"
    );
    let mut other = s.run.clone();
    other.saved = Some(at(2));
    crate::timer::start(&mut other, at(0));
    update(&mut s, Action::RunReloaded(Ok(Box::new(other))), at(2));
    assert_eq!(Clock::at(&s.plan, &s.run, at(2)).status, Status::Running);
    assert_eq!(s.skew, None);
    // A read-only console never records alerts itself.
    assert!(update(&mut s, Action::Tick, at(4 * 60)).is_empty());
    // Selection and broadcasts still work.
    cmd(&mut s, Command::NextGroup, 5);
    assert_eq!(s.selected, 1);
}

#[test]
fn broadcast_copies_the_message_and_shows_it() {
    let mut s = state();
    let fx = cmd(&mut s, Command::Broadcast(0), 0);
    assert_eq!(
        fx,
        vec![Effect::Copy("残り5分です。まとめに入ってください。".into())]
    );
    assert_eq!(s.mode, Mode::Broadcast(0));
    cmd(&mut s, Command::Close, 1);
    assert_eq!(s.mode, Mode::Dashboard);
    // An English console on a Japanese sitting still broadcasts in Japanese.
    s.lang = Lang::En;
    let fx = cmd(&mut s, Command::Broadcast(1), 2);
    assert!(matches!(&fx[0], Effect::Copy(m) if m.contains("全体会場")));
    cmd(&mut s, Command::Close, 3);
    assert!(cmd(&mut s, Command::Broadcast(2), 4).is_empty());
    assert!(s.notice.as_ref().unwrap().alarm);
    // The plan's own messages replace the built-in ones.
    s.plan.broadcasts = vec!["あと3分".into()];
    assert_eq!(
        cmd(&mut s, Command::Broadcast(0), 5),
        vec![Effect::Copy("あと3分".into())]
    );
}

#[test]
fn moving_a_member_records_it_with_a_timestamp() {
    let mut s = state();
    cmd(&mut s, Command::MoveMember, 0);
    assert_eq!(s.mode, Mode::Move { member: 0, to: 1 });
    cmd(&mut s, Command::Down, 1);
    cmd(&mut s, Command::Right, 1);
    assert_eq!(s.mode, Mode::Move { member: 1, to: 2 });
    // Right wraps around and skips the group itself.
    cmd(&mut s, Command::Right, 1);
    assert_eq!(s.mode, Mode::Move { member: 1, to: 1 });
    let fx = cmd(&mut s, Command::Confirm, 2);
    assert_eq!(saves(&fx), 1);
    let mv = &s.run.moves[0];
    assert_eq!(
        (mv.member.as_str(), mv.from.as_str(), mv.to.as_str()),
        ("佐野市", "A", "B")
    );
    assert_eq!(mv.at, at(2));
    assert_eq!(s.selected_roster().len(), 6);
    assert_eq!(s.run.roster(&s.plan, "B").len(), 7);
    assert_eq!(s.mode, Mode::Dashboard);
    // Esc cancels without a trace.
    cmd(&mut s, Command::MoveMember, 3);
    assert!(cmd(&mut s, Command::Close, 3).is_empty());
    assert_eq!(s.run.moves.len(), 1);
}

#[test]
fn reference_cards_open_scroll_and_close() {
    let mut s = state();
    s.size = (100, 30);
    cmd(&mut s, Command::References, 0);
    cmd(&mut s, Command::Down, 0);
    cmd(&mut s, Command::Down, 0);
    cmd(&mut s, Command::Down, 0);
    assert_eq!(s.mode, Mode::References { selected: 3 });
    cmd(&mut s, Command::Confirm, 0);
    assert_eq!(
        s.mode,
        Mode::Reference {
            index: 3,
            scroll: 0
        }
    );
    for _ in 0..1000 {
        cmd(&mut s, Command::ScrollDown, 0);
    }
    let Mode::Reference { scroll, .. } = s.mode else {
        panic!()
    };
    let max = crate::facilitator::view::reference_max_scroll(&s, 3);
    assert!(max > 50, "the grants table is long: {max}");
    assert_eq!(scroll, max);
    cmd(&mut s, Command::Up, 0);
    assert_eq!(
        s.mode,
        Mode::Reference {
            index: 3,
            scroll: max - 1
        }
    );
    cmd(&mut s, Command::Close, 0);
    assert_eq!(s.mode, Mode::References { selected: 3 });
    cmd(&mut s, Command::Close, 0);
    assert_eq!(s.mode, Mode::Dashboard);
}

#[test]
fn the_prompt_card_scrolls_within_its_text() {
    let mut s = state();
    s.size = (80, 24);
    s.selected = 1;
    for _ in 0..100 {
        cmd(&mut s, Command::ScrollDown, 0);
    }
    let max = crate::facilitator::view::card_max_scroll(&s);
    assert!(max > 0);
    assert_eq!(s.card_scroll, max);
    // F13: PgUp/PgDn move a page (what fits, less a line), not 3 lines.
    cmd(&mut s, Command::ScrollUp, 0);
    let page = crate::facilitator::view::card_page(&s);
    assert!(page > 3, "{page}");
    assert_eq!(s.card_scroll, max.saturating_sub(page));
    // A larger terminal needs less scrolling.
    update(&mut s, Action::Resize(200, 50), at(0));
    assert!(s.card_scroll <= crate::facilitator::view::card_max_scroll(&s));
    cmd(&mut s, Command::NextGroup, 0);
    assert_eq!(s.card_scroll, 0);
}

#[test]
fn changed_notes_files_are_read_again() {
    let mut s = state();
    let fx = update(
        &mut s,
        Action::FilesChanged(vec![
            PathBuf::from("x/notes/B.json"),
            PathBuf::from("x/notes/Z.json"),
            PathBuf::from("x/run.json"),
            PathBuf::from("x/notes/B.journal"),
            PathBuf::from("x/notes/C.journal"),
        ]),
        at(0),
    );
    // A note-taker's save is a line added to the group's journal.
    assert_eq!(fx, vec![Effect::LoadNotes(vec!["B".into(), "C".into()])]);
    let digest = GroupDigest {
        notes: 4,
        ..GroupDigest::default()
    };
    update(
        &mut s,
        Action::NotesLoaded(vec![
            ("B".into(), Ok(digest)),
            ("C".into(), Err("bad".into())),
        ]),
        at(1),
    );
    assert_eq!(s.digests["B"].notes, 4);
    assert_eq!(s.notes_errors["C"], "bad");
    assert_eq!(
        cmd(&mut s, Command::ReloadNotes, 2),
        vec![Effect::LoadNotes(vec![]), Effect::LoadPrevious]
    );
}

#[test]
fn report_turns_follow_the_groups_and_select_them() {
    let mut s = state();
    cmd(&mut s, Command::NextBlock, 0);
    cmd(&mut s, Command::NextBlock, 0);
    cmd(&mut s, Command::StartPause, 0);
    assert_eq!(saves(&cmd(&mut s, Command::NextTurn, 200)), 1);
    assert_eq!(s.selected, 1);
    let turn = Clock::at(&s.plan, &s.run, at(230)).turn.unwrap();
    assert_eq!((turn.group, turn.remaining), ("B", 150));
    cmd(&mut s, Command::PreviousTurn, 240);
    assert_eq!(s.selected, 0);
}

#[test]
fn save_errors_show_until_a_save_succeeds() {
    let mut s = state();
    update(&mut s, Action::Saved(Err("disk full".into())), at(0));
    assert_eq!(s.save_error.as_deref(), Some("disk full"));
    update(&mut s, Action::Saved(Ok(())), at(1));
    assert_eq!(s.save_error, None);
}

#[test]
fn help_opens_and_quit_quits() {
    let mut s = state();
    cmd(&mut s, Command::Help, 0);
    assert_eq!(s.mode, Mode::Help);
    cmd(&mut s, Command::Close, 0);
    cmd(&mut s, Command::Quit, 0);
    assert!(s.quit);
}
