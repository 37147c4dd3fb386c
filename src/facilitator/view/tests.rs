//! The dashboard drawn on a `TestBackend`, in Japanese and English, at the
//! sizes a facilitator's terminal has, and the popups on top of it.

use chrono::Duration;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

use super::FacilitatorView;
use crate::facilitator::action::{Action, Command};
use crate::facilitator::{GroupDigest, State, update};
use crate::i18n::Lang;
use crate::model::Stamp;
use crate::model::run::RunState;
use crate::tui::buffer_text::text_of;

pub(super) use crate::model::test_sitting::at;

pub(super) fn base(lang: Lang) -> State {
    let plan = crate::model::test_sitting::plan();
    let run = RunState::new(&plan);
    State::new(plan, run, lang)
}

/// The exchange block 18 minutes 47 seconds in, the briefing having run two
/// minutes over; group B has notes, attendance and a summary; 佐野市 moved
/// from A to B; group B selected.
pub(super) fn mid_exchange(lang: Lang) -> (State, Stamp) {
    let mut s = base(lang);
    let go = |s: &mut State, c, t| {
        update(s, Action::Command(c), at(t));
    };
    go(&mut s, Command::StartPause, 0);
    go(&mut s, Command::NextBlock, 7 * 60);
    go(&mut s, Command::StartPause, 7 * 60 + 10);
    go(&mut s, Command::MoveMember, 8 * 60);
    go(&mut s, Command::Down, 8 * 60);
    go(&mut s, Command::Confirm, 8 * 60);
    go(&mut s, Command::NextGroup, 9 * 60);
    let b: std::collections::BTreeSet<String> =
        ["函館市", "気仙沼市", "新潟県", "妙高市", "浜松市"]
            .iter()
            .map(|m| m.to_string())
            .collect();
    let digest = GroupDigest {
        notes: 12,
        present: b,
        attendance_taken: true,
        summary: Some("集客は商工会議所経由が有効。".into()),
        flag: Some((
            crate::model::notes::FlagKind::Help,
            at(7 * 60 + 10 + 15 * 60),
        )),
    };
    let a = GroupDigest {
        notes: 3,
        ..GroupDigest::default()
    };
    let loaded = vec![("B".to_string(), Ok(digest)), ("A".to_string(), Ok(a))];
    let now = at(7 * 60 + 10 + 18 * 60 + 47);
    update(&mut s, Action::NotesLoaded(loaded), now);
    s.notice = None;
    (s, now)
}

/// Draws on a fresh terminal (a second draw on one `TestBackend` keeps stale
/// halves of wide glyphs by design) and returns the screen as text.
pub(super) fn draw(s: &State, now: Stamp, w: u16, h: u16) -> String {
    let mut s = s.clone();
    update(&mut s, Action::Resize(w, h), now);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let frame = t
        .draw(|f| f.render_widget(&FacilitatorView::new(&s, now), f.area()))
        .unwrap();
    let text = text_of(frame.buffer);
    for line in text.lines() {
        assert_eq!(
            line.width(),
            w as usize,
            "every row fills the width: {line:?}"
        );
    }
    text
}

#[test]
fn dashboard_ja_100x30() {
    let (s, now) = mid_exchange(Lang::Ja);
    insta::assert_snapshot!(draw(&s, now, 100, 30));
}

#[test]
fn dashboard_en_100x30() {
    let (s, now) = mid_exchange(Lang::En);
    insta::assert_snapshot!(draw(&s, now, 100, 30));
}

#[test]
fn dashboard_ja_80x24() {
    let (s, now) = mid_exchange(Lang::Ja);
    insta::assert_snapshot!(draw(&s, now, 80, 24));
}

#[test]
fn dashboard_en_80x24() {
    let (s, now) = mid_exchange(Lang::En);
    insta::assert_snapshot!(draw(&s, now, 80, 24));
}

#[test]
fn overrun_ascii_ja_80x24() {
    let (mut s, now) = mid_exchange(Lang::Ja);
    s.ascii = true;
    let late = now + Duration::seconds(27 * 60 + 5);
    update(&mut s, Action::Tick, late);
    insta::assert_snapshot!(draw(&s, late, 80, 24));
}

#[test]
fn report_round_ja_100x30() {
    let (mut s, now) = mid_exchange(Lang::Ja);
    let t = now + Duration::seconds(30 * 60);
    update(&mut s, Action::Command(Command::NextBlock), t);
    update(&mut s, Action::Command(Command::StartPause), t);
    update(
        &mut s,
        Action::Command(Command::NextTurn),
        t + Duration::seconds(170),
    );
    let later = t + Duration::seconds(200);
    s.notice = None;
    insta::assert_snapshot!(draw(&s, later, 100, 30));
}

#[test]
fn too_small_message() {
    let (s, now) = mid_exchange(Lang::Ja);
    insta::assert_snapshot!("too_small_ja", draw(&s, now, 59, 16));
    let (s, now) = mid_exchange(Lang::En);
    insta::assert_snapshot!("too_small_en", draw(&s, now, 70, 15));
}

#[test]
fn smallest_layout_60x16_holds() {
    let (s, now) = mid_exchange(Lang::Ja);
    insta::assert_snapshot!(draw(&s, now, 60, 16));
}

#[test]
fn help_popup_en_100x30() {
    let (mut s, now) = mid_exchange(Lang::En);
    update(&mut s, Action::Command(Command::Help), now);
    insta::assert_snapshot!(draw(&s, now, 100, 30));
}

#[test]
fn grants_card_ja_100x30() {
    let (mut s, now) = mid_exchange(Lang::Ja);
    for c in [
        Command::References,
        Command::Down,
        Command::Down,
        Command::Down,
        Command::Confirm,
    ] {
        update(&mut s, Action::Command(c), now);
    }
    insta::assert_snapshot!(draw(&s, now, 100, 30));
}

#[test]
fn broadcast_and_move_popups_ja_80x24() {
    let (mut s, now) = mid_exchange(Lang::Ja);
    update(&mut s, Action::Command(Command::Broadcast(0)), now);
    insta::assert_snapshot!("broadcast_ja_80x24", draw(&s, now, 80, 24));
    update(&mut s, Action::Command(Command::Close), now);
    update(&mut s, Action::Command(Command::MoveMember), now);
    insta::assert_snapshot!("move_ja_80x24", draw(&s, now, 80, 24));
}

#[test]
fn every_size_from_200x50_to_60x16_renders_without_panic() {
    let (mut s, now) = mid_exchange(Lang::Ja);
    for (w, h) in [
        (200, 50),
        (120, 40),
        (100, 30),
        (80, 24),
        (61, 17),
        (60, 16),
        (20, 5),
        (1, 1),
    ] {
        for mode in [Command::Help, Command::References, Command::MoveMember] {
            update(&mut s, Action::Command(mode), now);
            draw(&s, now, w, h);
            update(&mut s, Action::Command(Command::Close), now);
        }
        draw(&s, now, w, h);
    }
}

#[test]
fn the_card_on_the_display_is_marked_and_the_flag_shows_its_age() {
    let (mut s, now) = mid_exchange(Lang::Ja);
    s.run.shown_theme = Some("2".into()); // group B's first theme
    let text = draw(&s, now, 80, 24);
    assert!(text.contains("[テーマ2 表示中]"), "{text}");
    assert!(text.contains("B 助け 3分"), "{text}");
    s.run.shown_theme = Some("1".into());
    assert!(!draw(&s, now, 80, 24).contains("表示中"));
}
