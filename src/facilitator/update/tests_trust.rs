//! Keys that cannot lose the clock (F1) and signals that always reach the
//! facilitator (F2, F3, F10, F19), driven by actions with an injected `now`.
//! The full rehearsal of jichitai-09 is in `tests_rehearsal`. The facilitator's
//! state on the fixture plan and the helpers every `update` test uses are here.

use super::*;
use crate::facilitator::GroupDigest;
use crate::i18n::Lang;
use crate::model::notes::FlagKind;
use crate::model::run::RunState;
use crate::timer::{Clock, Status};

pub(super) fn state() -> State {
    let plan = crate::model::test_sitting::plan();
    let run = RunState::new(&plan);
    State::new(plan, run, Lang::Ja)
}

pub(super) use crate::model::test_sitting::at;

pub(super) fn cmd(s: &mut State, c: Command, t: i64) -> Vec<Effect> {
    update(s, Action::Command(c), at(t))
}

pub(super) fn bells(fx: &[Effect]) -> usize {
    fx.iter().filter(|e| matches!(e, Effect::Bell)).count()
}

pub(super) fn saves(fx: &[Effect]) -> usize {
    fx.iter().filter(|e| matches!(e, Effect::Save(_))).count()
}

pub(super) fn notified(fx: &[Effect]) -> Option<String> {
    fx.iter().find_map(|e| match e {
        Effect::Notify { body, .. } => Some(body.clone()),
        _ => None,
    })
}

fn remaining(s: &State, t: i64) -> i64 {
    Clock::at(&s.plan, &s.run, at(t)).remaining
}

#[test]
fn r_asks_first_and_only_yes_restarts() {
    let mut s = state();
    cmd(&mut s, Command::StartPause, 0);
    assert!(cmd(&mut s, Command::Restart, 60).is_empty());
    assert_eq!(s.mode, Mode::ConfirmRestart);
    assert_eq!(s.run.current.as_ref().unwrap().started, Some(at(0)));
    cmd(&mut s, Command::Close, 61);
    assert_eq!((s.mode.clone(), remaining(&s, 61)), (Mode::Dashboard, 239));
    cmd(&mut s, Command::Restart, 62);
    let fx = cmd(&mut s, Command::Confirm, 62);
    assert!(fx.iter().any(|e| matches!(e, Effect::Save(_))));
    assert_eq!(Clock::at(&s.plan, &s.run, at(63)).status, Status::Ready);
    assert!(s.run.history[0].restarted);
    // z brings the running block back, as if R had never been pressed.
    cmd(&mut s, Command::Undo, 70);
    assert_eq!(remaining(&s, 70), 230);
    assert!(s.run.history.is_empty());
    assert_eq!(s.notice.as_ref().unwrap().text, "元に戻しました: R");
}

#[test]
fn z_takes_back_each_change_to_the_clock_in_turn() {
    let mut s = state();
    cmd(&mut s, Command::NextBlock, 0);
    cmd(&mut s, Command::StartPause, 0);
    cmd(&mut s, Command::Extend5, 60);
    cmd(&mut s, Command::PreviousBlock, 120);
    assert_eq!(s.run.current_index(&s.plan), Some(0));
    cmd(&mut s, Command::Undo, 130);
    // Back on the exchange, which ran all along.
    assert_eq!(s.run.current_index(&s.plan), Some(1));
    assert_eq!(remaining(&s, 130), 50 * 60 - 130);
    cmd(&mut s, Command::Undo, 131);
    assert_eq!(remaining(&s, 131), 45 * 60 - 131);
    cmd(&mut s, Command::Undo, 132);
    cmd(&mut s, Command::Undo, 132);
    assert!(s.run.history.is_empty() && s.run.current_index(&s.plan) == Some(0));
    let fx = cmd(&mut s, Command::Undo, 133);
    assert!(fx.is_empty());
    assert_eq!(s.notice.as_ref().unwrap().text, "元に戻す操作はありません");
}

#[test]
fn undoing_a_cut_to_zero_keeps_the_time_up_for_the_real_end() {
    let mut s = state();
    cmd(&mut s, Command::StartPause, 0);
    let fx = cmd(&mut s, Command::Cut5, 10);
    assert_eq!(notified(&fx).unwrap(), "時間です：事務局からの情報提供");
    cmd(&mut s, Command::Undo, 20);
    assert_eq!(remaining(&s, 20), 280);
    let mut said = Vec::new();
    for t in 21..=400 {
        if let Some(b) = notified(&update(&mut s, Action::Tick, at(t))) {
            said.push((t, b));
        }
    }
    let said: Vec<(i64, &str)> = said.iter().map(|(t, b)| (*t, b.as_str())).collect();
    assert_eq!(
        said,
        [
            (240, "残り1分：事務局からの情報提供"),
            (300, "時間です：事務局からの情報提供")
        ]
    );
}

#[test]
fn a_turn_running_out_rings_with_bell_notice_and_flash() {
    let mut s = state();
    cmd(&mut s, Command::NextBlock, 0);
    cmd(&mut s, Command::NextBlock, 0);
    cmd(&mut s, Command::StartPause, 0);
    assert_eq!(bells(&update(&mut s, Action::Tick, at(179))), 0);
    let fx = update(&mut s, Action::Tick, at(180));
    assert_eq!(bells(&fx), 1);
    assert_eq!(notified(&fx).unwrap(), "報告時間終了：班A");
    assert!(fx.iter().any(|e| matches!(e, Effect::Save(_))));
    assert!(s.flash_until.is_some());
    assert_eq!(bells(&update(&mut s, Action::Tick, at(181))), 0);
    // + during A's turn gives A a minute; it rings again when that runs out.
    cmd(&mut s, Command::Extend1, 182);
    let c = Clock::at(&s.plan, &s.run, at(182));
    assert_eq!((c.turn.unwrap().remaining, c.duration), (58, 600));
    assert_eq!(bells(&update(&mut s, Action::Tick, at(239))), 0);
    assert_eq!(bells(&update(&mut s, Action::Tick, at(240))), 1);
}

#[test]
fn t_past_the_last_group_says_so() {
    let mut s = state();
    cmd(&mut s, Command::NextTurn, 0);
    assert_eq!(s.notice.as_ref().unwrap().text, "報告の時間ではありません");
    cmd(&mut s, Command::NextBlock, 0);
    cmd(&mut s, Command::NextBlock, 0);
    cmd(&mut s, Command::StartPause, 0);
    cmd(&mut s, Command::NextTurn, 1);
    cmd(&mut s, Command::NextTurn, 2);
    cmd(&mut s, Command::NextTurn, 3);
    assert_eq!(
        s.notice.as_ref().unwrap().text,
        "最後のグループです（n で次のブロックへ）"
    );
}

#[test]
fn plus_after_the_end_says_the_agenda_is_done() {
    let mut s = state();
    for _ in 0..3 {
        cmd(&mut s, Command::NextBlock, 0);
    }
    cmd(&mut s, Command::Extend1, 1);
    assert_eq!(
        s.notice.as_ref().unwrap().text,
        "全ブロック終了しています（b で戻れます）"
    );
}

#[test]
fn a_help_flag_rings_once_and_a_ready_flag_speaks() {
    let mut s = state();
    let help = GroupDigest {
        flag: Some((FlagKind::Help, at(30))),
        ..GroupDigest::default()
    };
    let load = |d: &GroupDigest| Action::NotesLoaded(vec![("B".into(), Ok(d.clone()))]);
    let fx = update(&mut s, load(&help), at(31));
    assert_eq!(bells(&fx), 1);
    assert_eq!(
        notified(&fx).unwrap(),
        "班Bが助けを求めています（a で確認）"
    );
    // The same flag read again (another note saved) rings no more.
    assert_eq!(bells(&update(&mut s, load(&help), at(40))), 0);
    let ready = GroupDigest {
        flag: Some((FlagKind::Ready, at(50))),
        ..GroupDigest::default()
    };
    let fx = update(&mut s, load(&ready), at(51));
    assert_eq!(bells(&fx), 0);
    assert_eq!(
        s.notice.as_ref().unwrap().text,
        "班Bは報告の準備ができました"
    );
}

#[test]
fn each_segment_boundary_is_announced() {
    let mut s = state();
    cmd(&mut s, Command::NextBlock, 0);
    cmd(&mut s, Command::StartPause, 0);
    let mut said = Vec::new();
    for t in 0..=45 * 60 {
        update(&mut s, Action::Tick, at(t));
        if let Some(n) = &s.notice
            && n.text.contains("に入りました")
            && said.last() != Some(&n.text)
        {
            said.push(n.text.clone());
        }
    }
    // まとめ begins as the 5-minute alert rings: one notice says both.
    assert_eq!(
        said,
        [
            "意見交換 に入りました (2/3)",
            "残り5分：自治体間の意見交換 ／ まとめ に入りました (3/3)"
        ]
    );
}

#[test]
fn a_message_to_the_room_is_typed_shown_and_taken_down() {
    let mut s = state();
    cmd(&mut s, Command::RoomMessage, 0);
    for c in "休憩中 14:30 再開x".chars() {
        cmd(&mut s, Command::Type(c), 1);
    }
    cmd(&mut s, Command::Erase, 1);
    let fx = cmd(&mut s, Command::Confirm, 2);
    assert!(fx.iter().any(|e| matches!(e, Effect::Save(_))));
    assert_eq!(s.run.room_message.as_deref(), Some("休憩中 14:30 再開"));
    cmd(&mut s, Command::RoomMessage, 3);
    assert_eq!(s.mode, Mode::RoomMessage { text: "".into() });
    // Up brings the message up now back to be changed.
    cmd(&mut s, Command::Up, 3);
    assert_eq!(
        s.mode,
        Mode::RoomMessage {
            text: "休憩中 14:30 再開".into()
        }
    );
    for _ in 0..20 {
        cmd(&mut s, Command::Erase, 4);
    }
    cmd(&mut s, Command::Confirm, 5);
    assert_eq!(s.run.room_message, None);
}

#[test]
fn a_long_reference_card_jumps_to_its_end_and_back_and_goes_on_the_display() {
    let mut s = state();
    s.size = (80, 24);
    let grants = s
        .plan
        .references
        .iter()
        .position(|r| r.id.as_deref() == Some("grants"));
    let index = grants.unwrap();
    s.mode = Mode::Reference { index, scroll: 0 };
    cmd(&mut s, Command::Bottom, 0);
    let max = crate::facilitator::view::reference_max_scroll(&s, index);
    assert!(max > 100, "{max}");
    assert_eq!(s.mode, Mode::Reference { index, scroll: max });
    cmd(&mut s, Command::Top, 0);
    assert_eq!(s.mode, Mode::Reference { index, scroll: 0 });
    let fx = cmd(&mut s, Command::ShowReference, 1);
    assert!(fx.iter().any(|e| matches!(e, Effect::Save(_))));
    assert_eq!(s.run.shown_reference.as_deref(), Some("grants"));
    cmd(&mut s, Command::ShowReference, 2);
    assert_eq!(s.run.shown_reference, None);
}

#[test]
fn built_in_broadcasts_speak_the_sittings_language_not_the_consoles() {
    let mut s = state();
    s.lang = Lang::En;
    let fx = cmd(&mut s, Command::Broadcast(0), 0);
    assert_eq!(
        fx,
        [Effect::Copy("残り5分です。まとめに入ってください。".into())]
    );
    s.plan.title = "Team retro".into();
    assert_eq!(
        s.broadcasts()[0],
        "5 minutes left. Please start wrapping up."
    );
}

#[test]
fn a_read_only_console_rings_when_the_other_one_rang_a_turn() {
    let mut writer = state();
    cmd(&mut writer, Command::NextBlock, 0);
    cmd(&mut writer, Command::NextBlock, 0);
    cmd(&mut writer, Command::StartPause, 0);
    let mut follower = state();
    follower.read_only = true;
    let reload = |s: &mut State, w: &State, t| {
        update(s, Action::RunReloaded(Ok(Box::new(w.run.clone()))), at(t))
    };
    assert_eq!(bells(&reload(&mut follower, &writer, 1)), 0);
    update(&mut writer, Action::Tick, at(180));
    assert_eq!(bells(&reload(&mut follower, &writer, 180)), 1);
    assert!(follower.flash_until.is_some());
}

#[test]
fn slash_finds_text_in_a_reference_card() {
    let mut s = state();
    s.size = (100, 30);
    let index = s
        .plan
        .references
        .iter()
        .position(|r| r.id.as_deref() == Some("grants"))
        .unwrap();
    s.mode = Mode::Reference { index, scroll: 0 };
    cmd(&mut s, Command::Search, 0);
    for c in "募集期間".chars() {
        cmd(&mut s, Command::Type(c), 0);
    }
    cmd(&mut s, Command::Confirm, 0);
    let Mode::SearchReference { scroll, .. } = s.mode.clone() else {
        panic!("{:?}", s.mode)
    };
    let lines = crate::facilitator::view::reference_text_lines(&s, index);
    assert!(
        scroll > 0 && lines[scroll as usize].contains("募集期間"),
        "{scroll}"
    );
    // Enter again: the next one further down.
    cmd(&mut s, Command::Confirm, 0);
    let Mode::SearchReference { scroll: next, .. } = s.mode.clone() else {
        panic!()
    };
    assert!(next > scroll, "{next} > {scroll}");
    cmd(&mut s, Command::Close, 0);
    assert_eq!(
        s.mode,
        Mode::Reference {
            index,
            scroll: next
        }
    );
    cmd(&mut s, Command::Search, 0);
    for c in "存在しない語".chars() {
        cmd(&mut s, Command::Type(c), 0);
    }
    cmd(&mut s, Command::Confirm, 1);
    assert_eq!(s.notice.as_ref().unwrap().text, "見つかりません");
}
