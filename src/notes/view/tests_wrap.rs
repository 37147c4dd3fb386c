//! The editor wraps: a long Japanese note is wholly visible before Enter,
//! a long summary line does not push the others out of view, and the real
//! cursor sits exactly at the caret on every row (100×30, 80×24, 60×16).

use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::Rect;

use super::tests::{fresh, key, render, t0, type_text};
use crate::i18n::Lang;
use crate::notes::{Mode, State};
use crate::tui::buffer_text::text_of as lines;

/// A 95-character note as typed in the exchange.
const NOTE: &str = "雲南市では、庁内の連携会議を年4回開催しているが、各課の目標設定がばらばらで、全体のKPIとして合意を得るまでに時間がかかった。KPIの設定は来年度から検討予定である。財政課とも調整が必要。";

/// The editor's text rows as drawn, and the inner rectangle.
fn editor_rows(s: &State, w: u16, h: u16) -> (Vec<String>, Rect) {
    let areas = super::layout(Rect::new(0, 0, w, h), s);
    let inner = super::editor::inner(areas.editor);
    let (buf, _) = render(s, w, h, t0());
    let all = lines(&buf);
    let rows: Vec<String> = all
        .lines()
        .skip(usize::from(inner.y))
        .take(usize::from(inner.height))
        .map(|l| {
            // The row between the borders (wide characters counted twice).
            let mut col = 0;
            let mut out = String::new();
            for c in l.chars() {
                let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if col >= usize::from(inner.x) && col < usize::from(inner.x + inner.width) {
                    out.push(c);
                }
                col += cw;
            }
            out.trim_end().to_string()
        })
        .collect();
    (rows, inner)
}

#[test]
fn a_95_character_note_is_wholly_visible_and_the_cursor_follows_its_end() {
    assert_eq!(NOTE.chars().count(), 95);
    for (w, h) in [(100, 30), (80, 24)] {
        let mut s = fresh(Lang::Ja);
        type_text(&mut s, NOTE, t0());
        let (rows, inner) = editor_rows(&s, w, h);
        let shown = render(&s, w, h, t0());
        assert_eq!(
            rows.concat(),
            NOTE,
            "{w}x{h}: {rows:?}\n{}",
            lines(&shown.0)
        );
        let last = rows.iter().rposition(|r| !r.is_empty()).unwrap();
        let (buf, cursor) = render(&s, w, h, t0());
        let width = unicode_width::UnicodeWidthStr::width(rows[last].as_str()) as u16;
        let want = ratatui::layout::Position::new(inner.x + width, inner.y + last as u16);
        assert_eq!(cursor, Some(want), "{w}x{h}: {rows:?}");
        assert_eq!(buf[(want.x - 2, want.y)].symbol(), "。");
        insta::assert_snapshot!(format!("wrapped_note_{w}x{h}"), lines(&buf));
    }
}

#[test]
fn the_cursor_is_on_the_character_after_the_caret_on_every_row() {
    for (w, h) in [(100, 30), (80, 24), (60, 16)] {
        let mut s = fresh(Lang::Ja);
        type_text(&mut s, NOTE, t0());
        let chars: Vec<char> = NOTE.chars().collect();
        let mut rows_seen = std::collections::BTreeSet::new();
        for i in (0..chars.len()).rev() {
            key(&mut s, KeyCode::Left, KeyModifiers::NONE, t0());
            let (buf, cursor) = render(&s, w, h, t0());
            let at = cursor.unwrap_or_else(|| panic!("{w}x{h}: no cursor at {i}"));
            rows_seen.insert(at.y);
            assert_eq!(
                buf[at].symbol(),
                chars[i].to_string(),
                "{w}x{h}: caret before character {i}"
            );
        }
        assert!(rows_seen.len() >= 2, "{w}x{h}: the note wrapped");
    }
}

#[test]
fn a_long_summary_line_keeps_the_other_lines_in_view() {
    for (w, h) in [(100, 30), (80, 24)] {
        let mut s = fresh(Lang::Ja);
        key(&mut s, KeyCode::F(9), KeyModifiers::NONE, t0());
        assert_eq!(s.mode, Mode::Summary);
        let bullets = ["・連携会議", "・目標設定", "・定例会", "・首長の関与"];
        for b in bullets {
            type_text(&mut s, b, t0());
            key(&mut s, KeyCode::Char('j'), KeyModifiers::CONTROL, t0());
        }
        let half: String = NOTE.chars().take(60).collect();
        type_text(&mut s, &half, t0());
        let (rows, _) = editor_rows(&s, w, h);
        let text = rows.join("\n");
        for b in bullets {
            assert!(text.contains(b), "{w}x{h}: {text}");
        }
    }
}

#[test]
fn a_row_filled_to_its_last_cell_puts_the_cursor_at_the_next_row() {
    for (w, h) in [(100, 30), (80, 24), (60, 16)] {
        let mut s = fresh(Lang::Ja);
        let areas = super::layout(Rect::new(0, 0, w, h), &s);
        let inner = super::editor::inner(areas.editor);
        let mut full = "あ".repeat(usize::from(inner.width / 2));
        if inner.width % 2 == 1 {
            full.push('a');
        }
        type_text(&mut s, &full, t0());
        let (_, cursor) = render(&s, w, h, t0());
        assert_eq!(
            cursor,
            Some(ratatui::layout::Position::new(inner.x, inner.y + 1)),
            "{w}x{h}"
        );
    }
}

#[test]
fn half_width_voiced_kana_leave_no_gaps_and_nothing_is_missing_at_60_columns() {
    use crate::model::notes::{Note, NoteKind};
    let text = "ﾜｰｸｼｮｯﾌﾟとﾊﾞｽ旅行👍を実施。ﾃﾞｰﾀ活用も進めており、参加者の満足度も高い。";
    for (w, h) in [(100, 30), (60, 16)] {
        let mut s = fresh(Lang::Ja);
        let at = s.stamp(t0());
        s.doc
            .notes
            .push(Note::new("n1", at, NoteKind::Practice, text));
        let (buf, _) = render(&s, w, h, t0());
        let shown = lines(&buf);
        for part in ["ワークショップ", "バス旅行", "データ", "活用も"] {
            assert!(shown.contains(part), "{w}x{h}: {part}\n{}", lines(&buf));
        }
        // Every cell is counted as the terminal draws it: no cell holds a
        // sound mark the screen library would count wider.
        for cell in buf.content() {
            assert!(!cell.symbol().contains(['\u{FF9E}', '\u{FF9F}']), "{w}x{h}");
        }
    }
    // Typed in the editor: joined, and the cursor right after them.
    let mut s = fresh(Lang::Ja);
    type_text(&mut s, "ﾊﾞｽx", t0());
    assert_eq!(s.editor.text(), "バｽx");
    let areas = super::layout(Rect::new(0, 0, 100, 30), &s);
    let inner = super::editor::inner(areas.editor);
    let (_, cursor) = render(&s, 100, 30, t0());
    assert_eq!(
        cursor,
        Some(ratatui::layout::Position::new(inner.x + 4, inner.y))
    );
}

#[test]
fn no_editor_row_starts_with_a_comma_or_full_stop_and_the_cursor_stays_exact() {
    for (w, h) in [(100, 30), (80, 24), (60, 16)] {
        let s = fresh(Lang::Ja);
        let inner = super::editor::inner(super::layout(Rect::new(0, 0, w, h), &s).editor);
        // A full row of 全角 text then 、: a plain wrap puts 、 first on the
        // next row; the same again for 。 on the row after.
        let n = usize::from(inner.width / 2);
        let mut text = "庁".repeat(n);
        if inner.width % 2 == 1 {
            text.push('a');
        }
        text.push('、');
        text.push_str(&"連".repeat(n - 1));
        text.push_str("携。会議");
        let mut s = fresh(Lang::Ja);
        type_text(&mut s, &text, t0());
        let (rows, _) = editor_rows(&s, w, h);
        let shown: Vec<&String> = rows.iter().filter(|r| !r.is_empty()).collect();
        assert_eq!(
            shown.iter().map(|r| r.as_str()).collect::<String>(),
            text,
            "{w}x{h}"
        );
        for r in &shown[1..] {
            let first = r.chars().next().unwrap();
            assert!(!"、。".contains(first), "{w}x{h}: {shown:?}");
        }
        // The caret sits on the character after it, on every row.
        let chars: Vec<char> = text.chars().collect();
        for i in (0..chars.len()).rev() {
            key(&mut s, KeyCode::Left, KeyModifiers::NONE, t0());
            let (buf, cursor) = render(&s, w, h, t0());
            let at = cursor.unwrap_or_else(|| panic!("{w}x{h}: no cursor at {i}"));
            assert_eq!(buf[at].symbol(), chars[i].to_string(), "{w}x{h}: at {i}");
        }
    }
}
