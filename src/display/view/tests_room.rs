//! The display shows what the console shows (F6, F7, F17), the reporting
//! group's own countdown (F3), the segment's countdown (F19), the message
//! to the room and a reference card.

use super::tests::{at, draw, exchange_running, report_round_running, state};
use super::*;
use crate::display::{Action, RunRead, update};
use crate::i18n::Lang;
use crate::model::Plan;
use crate::tui::buffer_text::text_of;

fn with_run(s: &mut State, f: impl FnOnce(&Plan, &mut RunState)) {
    let mut run = s.run.clone().unwrap_or_else(|| RunState::new(&s.plan));
    f(&s.plan, &mut run);
    update(s, Action::RunRead(RunRead::Read(Box::new(run))), at(0));
}

#[test]
fn the_card_is_the_consoles_card_with_survey_questions_and_sub_points() {
    let mut s = exchange_running(Lang::Ja);
    with_run(&mut s, |_, run| run.shown_theme = Some("1".into()));
    let text = text_of(&draw(&s, at(62), 120, 50));
    assert!(text.contains("※ この取組に参加して"), "{text}");
    assert!(text.contains("   ・トップのコミットメント"), "{text}");
    // The segment's own countdown (F19).
    assert!(text.contains("パート 1/3  自己紹介  残り 03:58"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn overrun_reads_over_not_left() {
    let s = exchange_running(Lang::Ja);
    let text = text_of(&draw(&s, at(45 * 60 + 105), 100, 30));
    assert!(text.contains("超過 +01:45 / 45分"), "{text}");
    assert!(!text.contains("残り +"), "{text}");
    let s = exchange_running(Lang::En);
    let text = text_of(&draw(&s, at(45 * 60 + 105), 100, 30));
    assert!(text.contains("Over +01:45 / 45 min"), "{text}");
}

#[test]
fn the_card_comes_down_when_the_agenda_ends() {
    let mut s = exchange_running(Lang::Ja);
    // An old run.json that kept shown_theme after the end.
    with_run(&mut s, |plan, run| {
        timer::next_block(plan, run, at(60));
        timer::next_block(plan, run, at(60));
        run.shown_theme = Some("1".into());
    });
    let text = text_of(&draw(&s, at(120), 120, 35));
    assert!(!text.contains("庁内の体制構築"), "{text}");
    // And the console takes it down itself at the end.
    let mut fresh = RunState::new(&s.plan);
    fresh.shown_theme = Some("1".into());
    for _ in 0..3 {
        timer::next_block(&s.plan, &mut fresh, at(1));
    }
    assert_eq!(fresh.shown_theme, None);
}

#[test]
fn in_a_report_round_the_turn_is_the_big_number() {
    let mut s = state(Lang::Ja);
    with_run(&mut s, |plan, run| {
        timer::next_block(plan, run, at(0));
        timer::next_block(plan, run, at(0));
        timer::start(run, at(0));
        timer::change_turn(plan, run, at(200), true);
    });
    let buf = draw(&s, at(230), 100, 30);
    let text = text_of(&buf);
    assert!(text.contains("報告中: B"), "{text}");
    assert!(text.contains("ブロック 残り 05:10 / 9分"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn a_message_to_the_room_is_shown_large_until_taken_down() {
    let mut s = exchange_running(Lang::Ja);
    with_run(&mut s, |_, run| {
        run.room_message = Some("休憩中 14:30 再開".into());
    });
    let text = text_of(&draw(&s, at(62), 100, 30));
    assert!(text.contains("休憩中 14:30 再開"), "{text}");
    assert!(
        !text.contains("庁内の体制構築"),
        "the message takes the card's place"
    );
    insta::assert_snapshot!(text);
    with_run(&mut s, |_, run| run.room_message = None);
    let text = text_of(&draw(&s, at(62), 100, 30));
    assert!(!text.contains("休憩中"), "{text}");
}

#[test]
fn a_reference_card_goes_up_like_a_prompt_card() {
    let mut s = exchange_running(Lang::Ja);
    with_run(&mut s, |_, run| {
        run.shown_theme = None;
        run.shown_reference = Some("cycle".into());
    });
    let text = text_of(&draw(&s, at(62), 120, 35));
    let title = &s.plan.references[0].title;
    assert!(text.contains(title.as_str()), "{text}");
}

/// A reporting group past its turn: the big digits say `+00:04`, and the
/// words beside them say it is over time, never a bare number.
#[test]
fn a_turn_past_its_time_is_labelled_over() {
    for (lang, want) in [(Lang::Ja, "超過 +00:04"), (Lang::En, "Over +00:04")] {
        let s = report_round_running(lang);
        let c = Clock::at(&s.plan, s.run.as_ref().unwrap(), at(1));
        let turn = c.turn.as_ref().unwrap().remaining;
        let now = at(1 + turn + 4);
        for (w, h) in [(100, 30), (80, 24), (60, 16)] {
            let text = text_of(&draw(&s, now, w, h));
            assert!(text.contains(want), "{w}x{h}:\n{text}");
        }
    }
}
