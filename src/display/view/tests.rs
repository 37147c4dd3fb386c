//! The display drawn into a test terminal at the sizes a room uses.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use super::*;
use crate::display::{Action, RunRead, update};
use crate::i18n::Lang;
use crate::tui::buffer_text::text_of;

pub(super) use crate::model::test_sitting::at;

pub(super) fn state(lang: Lang) -> State {
    let plan = crate::model::test_sitting::plan();
    State::new(plan, lang)
}

/// The exchange block (45 min) started at 0, its theme 1 on the display.
pub(super) fn exchange_running(lang: Lang) -> State {
    let mut s = state(lang);
    let mut run = RunState::new(&s.plan);
    timer::next_block(&s.plan, &mut run, at(0));
    timer::start(&mut run, at(0));
    run.shown_theme = Some("1".into());
    update(&mut s, Action::RunRead(RunRead::Read(Box::new(run))), at(0));
    s
}

/// The report round (the third block) started at 1 s: group A reports.
pub(super) fn report_round_running(lang: Lang) -> State {
    let mut s = state(lang);
    let mut run = RunState::new(&s.plan);
    timer::next_block(&s.plan, &mut run, at(0));
    timer::next_block(&s.plan, &mut run, at(1));
    timer::start(&mut run, at(1));
    update(&mut s, Action::RunRead(RunRead::Read(Box::new(run))), at(1));
    s
}

pub(super) fn draw(s: &State, now: Stamp, w: u16, h: u16) -> Buffer {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    let view = DisplayView::new(s, now);
    term.draw(|f| f.render_widget(&view, f.area()))
        .unwrap()
        .buffer
        .clone()
}

/// Rows holding at least one lit pixel of the big digits.
fn digit_rows(buf: &Buffer) -> u16 {
    (0..buf.area.height)
        .filter(|&y| (0..buf.area.width).any(|x| buf[(x, y)].bg == Color::Green))
        .count() as u16
}

#[test]
fn at_120_by_35_the_digits_are_big_and_the_card_is_below() {
    let s = exchange_running(Lang::Ja);
    let buf = draw(&s, at(62), 120, 35);
    let text = text_of(&buf);
    assert!(text.contains("ブロック 2/3  自治体間の意見交換"), "{text}");
    assert!(text.contains("残り 43:58 / 45分"), "{text}");
    assert!(text.contains("次: 各グループからの報告 (9分)"), "{text}");
    // F6: the console's card, ◆ with its ・ sub-points, cut with "…".
    assert!(
        text.contains("テーマ1 庁内の体制構築、目標設定について"),
        "{text}"
    );
    assert!(text.contains("◆ 取組の立ち上げ"), "{text}");
    assert!(text.contains("・部署間での連携を強化する"), "{text}");
    assert!(text.contains("… (+"), "{text}");
    assert_eq!(digit_rows(&buf), 15, "three rows a pixel:\n{text}");
}

#[test]
fn at_80_by_24_the_digits_stay_readable() {
    let s = exchange_running(Lang::En);
    let buf = draw(&s, at(62), 80, 24);
    let text = text_of(&buf);
    assert!(text.contains("Left 43:58 / 45 min"), "{text}");
    assert!(digit_rows(&buf) >= 5, "{text}");
    assert!(text.contains("In progress"), "{text}");
}

#[test]
fn below_60_by_16_it_asks_for_a_larger_terminal() {
    let s = exchange_running(Lang::Ja);
    let text = text_of(&draw(&s, at(62), 59, 16));
    assert!(text.contains("端末が小さすぎます"), "{text}");
    let text = text_of(&draw(&s, at(62), 60, 16));
    assert!(!text.contains("端末が小さすぎます"), "{text}");
}

#[test]
fn a_report_round_shows_who_reports_now_and_next() {
    let s = report_round_running(Lang::Ja);
    let text = text_of(&draw(&s, at(61), 100, 30));
    assert!(text.contains("報告中: A"), "{text}");
    assert!(text.contains("次の報告: B"), "{text}");
}

#[test]
fn before_run_json_exists_the_first_block_waits_and_the_room_is_told() {
    let s = state(Lang::En);
    let text = text_of(&draw(&s, at(0), 100, 30));
    assert!(text.contains("Block 1/3"), "{text}");
    assert!(text.contains("Starting soon"), "{text}");
    assert!(
        text.contains("The facilitator has not started the timer yet"),
        "{text}"
    );
}

#[test]
fn warnings_name_the_clock_skew_or_the_broken_file() {
    let mut s = exchange_running(Lang::Ja);
    s.skew = Some(5);
    let text = text_of(&draw(&s, at(62), 120, 35));
    assert!(
        text.contains("時計のずれ: run.json がこの端末より5秒先"),
        "{text}"
    );
    s.skew = None;
    update(
        &mut s,
        Action::RunRead(RunRead::Unreadable("EOF".into())),
        at(63),
    );
    let text = text_of(&draw(&s, at(63), 120, 35));
    assert!(text.contains("run.json を読めません"), "{text}");
    // The last good clock is still shown.
    assert!(text.contains("残り 43:57"), "{text}");
}

#[test]
fn at_60_by_16_the_reporting_group_still_fits_under_the_digits() {
    let s = report_round_running(Lang::Ja);
    let buf = draw(&s, at(61), 60, 16);
    let text = text_of(&buf);
    assert!(text.contains("報告中: A"), "{text}");
    assert!(text.contains("残り 08:00"), "{text}");
    assert_eq!(digit_rows(&buf), 5, "{text}");
}

/// The screen the room sees, at the sizes rooms use, in both languages:
/// the exchange block a minute in, theme 1's card up.
#[test]
fn snapshots_at_the_sizes_rooms_use() {
    for lang in [Lang::Ja, Lang::En] {
        let s = exchange_running(lang);
        for (w, h) in [(120, 35), (80, 24), (60, 16)] {
            let tag = match lang {
                Lang::Ja => "ja",
                Lang::En => "en",
            };
            let text = text_of(&draw(&s, at(62), w, h));
            insta::assert_snapshot!(format!("display_{tag}_{w}x{h}"), text);
        }
    }
}

#[test]
fn the_help_at_80x24_and_120x35_lists_the_display_keys() {
    for (w, h) in [(80, 24), (120, 35)] {
        let mut s = exchange_running(Lang::Ja);
        s.help = true;
        let text = crate::tui::buffer_text::text_of(&draw(&s, at(60), w, h));
        assert!(
            text.contains("? / F1") && text.contains("q / Ctrl+C"),
            "{text}"
        );
        insta::assert_snapshot!(format!("help_ja_{w}x{h}"), text);
    }
}
