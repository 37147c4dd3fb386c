//! The key list (F1) is readable at every size: one column, sections
//! headed, descriptions wrapped (never cut), scrolled with the arrows; and
//! the footer shows the keys of the focused pane.

use crossterm::event::{KeyCode, KeyModifiers};

use super::tests::{fresh, key, render, t0};
use crate::i18n::Lang;
use crate::notes::{Mode, State};
use crate::tui::buffer_text::text_of as lines;

/// Every screen of the key list, scrolled from top to bottom.
fn pages(s: &mut State, w: u16, h: u16) -> Vec<String> {
    let mut out = Vec::new();
    for _ in 0..80 {
        // The popup alone, so that nothing under it is taken for its text.
        let area = ratatui::layout::Rect::new(0, 0, w, h);
        let mut buf = ratatui::buffer::Buffer::empty(area);
        super::popup::render_help(s, area, &mut buf);
        out.push(lines(&buf));
        key(s, KeyCode::Down, KeyModifiers::NONE, t0());
    }
    out
}

#[test]
fn every_key_description_can_be_read_whole_at_80x24_and_60x16() {
    for (w, h) in [(80, 24), (60, 16), (100, 30)] {
        let mut s = fresh(Lang::Ja);
        s.mode = Mode::Roster;
        key(&mut s, KeyCode::F(1), KeyModifiers::NONE, t0());
        assert_eq!(s.mode, Mode::Help);
        let first = lines(&render(&s, w, h, t0()).0);
        // The list opens on the pane it was opened from, headed.
        let body: Vec<&str> = first.lines().skip(1).collect();
        assert!(body[0].contains("[名簿]"), "{w}x{h}\n{first}");
        let seen = pages(&mut s, w, h).join("\n");
        assert!(!seen.contains('~'), "{w}x{h}: nothing cut\n{seen}");
        let flat: String = seen.chars().filter(|c| !c.is_whitespace()).collect();
        let rows = super::popup::help_sections(&s);
        for what in rows.iter().flat_map(|s| &s.rows).map(|r| &r.what) {
            let what: String = what.chars().filter(|c| !c.is_whitespace()).collect();
            // A wrapped description reads on across lines and borders.
            let first_half: String = what.chars().take(6).collect();
            assert!(flat.contains(&first_half), "{w}x{h}: {what}");
        }
        for section in [
            "[どの欄でも]",
            "[入力]",
            "[問い]",
            "[メモ]",
            "[文字の編集（入力・まとめ）]",
        ] {
            assert!(seen.contains(section), "{w}x{h}: {section}");
        }
        assert!(seen.contains("Ctrl+U / Ctrl+R"), "editing keys are listed");
        key(&mut s, KeyCode::Char('x'), KeyModifiers::NONE, t0());
        assert_eq!(s.mode, Mode::Roster, "any other key closes");
    }
}

#[test]
fn the_footer_shows_the_keys_of_the_focused_pane() {
    let cases = [
        (Mode::Write, "F10 合図"),
        (Mode::Roster, "Space 出欠"),
        (Mode::Card, "c 済"),
        (Mode::List, "Del 削除"),
        (Mode::Summary, "F9 まとめ"),
    ];
    for (mode, want) in cases {
        let mut s = fresh(Lang::Ja);
        s.mode = mode;
        let screen = lines(&render(&s, 100, 30, t0()).0);
        let footer = screen.lines().last().unwrap();
        assert!(footer.contains(want), "{mode:?}: {footer}");
        assert!(
            footer.contains("F1 キー") || footer.contains("? キー"),
            "{mode:?}: {footer}"
        );
    }
}

#[test]
fn the_owner_of_an_action_shows_at_80x24_and_picking_one_confirms_it() {
    let mut s = fresh(Lang::Ja);
    key(&mut s, KeyCode::Char('2'), KeyModifiers::ALT, t0());
    key(&mut s, KeyCode::F(4), KeyModifiers::NONE, t0());
    // F8 with the kind still 意見: picking an owner makes it an action.
    key(&mut s, KeyCode::F(8), KeyModifiers::NONE, t0());
    key(&mut s, KeyCode::Char('5'), KeyModifiers::NONE, t0());
    assert_eq!(s.editor.kind, crate::model::notes::NoteKind::Action);
    let screen = lines(&render(&s, 80, 24, t0()).0);
    assert!(screen.contains("担当:浜松市"), "{screen}");
    assert!(
        screen.contains("担当: 浜松市（種別をアクションにしました）"),
        "{screen}"
    );
    super::tests::type_text(&mut s, "次回までにKPI案を作成", t0());
    key(&mut s, KeyCode::Enter, KeyModifiers::NONE, t0());
    let screen = lines(&render(&s, 80, 24, t0()).0);
    let head = screen.lines().find(|l| l.contains("[アクション")).unwrap();
    assert!(head.contains("担当:浜松市"), "{head}");
}

#[test]
fn a_recorded_note_changed_later_carries_a_mark() {
    let mut s = fresh(Lang::Ja);
    super::tests::type_text(&mut s, "最初の記録", t0());
    key(&mut s, KeyCode::Enter, KeyModifiers::NONE, t0());
    s.mode = Mode::List;
    let later = t0() + chrono::Duration::minutes(3);
    key(&mut s, KeyCode::Char('e'), KeyModifiers::NONE, later);
    super::tests::type_text(&mut s, "（追記）", later);
    key(&mut s, KeyCode::Enter, KeyModifiers::NONE, later);
    let screen = lines(&render(&s, 100, 30, later).0);
    assert!(screen.contains("(修正 14:13)"), "{screen}");
}
