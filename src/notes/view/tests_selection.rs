//! A selection in the editor (Shift+arrows) is drawn in reverse video over
//! the rows as drawn — both cells of a full-width character, across a row
//! that kinsoku started early, and the line break — and shows in the text
//! snapshot as marks under the selected cells.

use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthChar;

use super::tests::{fresh, key, render, t0, type_text};
use crate::i18n::Lang;
use crate::notes::{Action, State, update};
use crate::tui::buffer_marks::text_with_marks;

const FIRST: &str = "雲南市では、庁内の連携会議を年4回開催しているが、各課の目標設定がばらばらで、全体のKPIとして合意を得るまでに時間がかかった。";
const SECOND: &str = "財政課とも調整が必要。";

/// The note typed at `w`×`h` (two lines), the caret after 「雲南市」, then
/// Shift+Down and Shift+Right as given.
fn selecting(w: u16, h: u16, downs: usize, rights: usize) -> State {
    let mut s = fresh(Lang::Ja);
    update(&mut s, Action::Resize(w, h), t0());
    type_text(&mut s, FIRST, t0());
    key(&mut s, KeyCode::Enter, KeyModifiers::ALT, t0());
    type_text(&mut s, SECOND, t0());
    s.editor
        .area
        .move_cursor(ratatui_textarea::CursorMove::Jump(0, 3));
    for _ in 0..downs {
        render(&s, w, h, t0());
        key(&mut s, KeyCode::Down, KeyModifiers::SHIFT, t0());
    }
    for _ in 0..rights {
        render(&s, w, h, t0());
        key(&mut s, KeyCode::Right, KeyModifiers::SHIFT, t0());
    }
    s
}

fn editor_marks(s: &State, w: u16, h: u16) -> String {
    let inner = super::editor::inner(super::layout(Rect::new(0, 0, w, h), s).editor);
    let (buf, _) = render(s, w, h, t0());
    text_with_marks(&buf, inner, Modifier::REVERSED)
}

#[test]
fn the_selected_cells_and_only_they_are_reversed() {
    let (w, h) = (80, 24);
    let s = selecting(w, h, 1, 2);
    let ((l0, c0), (l1, c1)) = s.editor.area.selection_range().expect("selecting");
    assert_eq!((l0, c0), (0, 3));
    assert_eq!(l1, 0, "still in the first line");
    let selected: String = FIRST.chars().skip(c0).take(c1 - c0).collect();
    let cells: usize = selected.chars().map(|c| c.width().unwrap_or(0)).sum();
    let marked = editor_marks(&s, w, h);
    assert_eq!(marked.matches('^').count(), cells, "{marked}");
    // The first mark row starts right after 「雲南市」 (six cells).
    let first = marked.lines().nth(1).unwrap();
    assert_eq!(first.find('^'), Some(6), "{marked}");
    assert!(first.trim_start().chars().all(|c| c == '^'), "{marked}");
}

#[test]
fn a_selection_over_the_line_break_marks_one_cell_for_it() {
    let (w, h) = (80, 24);
    let s = selecting(w, h, 3, 0);
    let ((l0, _), (l1, c1)) = s.editor.area.selection_range().unwrap();
    assert_eq!((l0, l1), (0, 1), "into the second line");
    let from_first: usize = FIRST.chars().skip(3).map(|c| c.width().unwrap_or(0)).sum();
    let from_second: usize = SECOND
        .chars()
        .take(c1)
        .map(|c| c.width().unwrap_or(0))
        .sum();
    let marked = editor_marks(&s, w, h);
    assert_eq!(
        marked.matches('^').count(),
        from_first + 1 + from_second,
        "{marked}"
    );
}

#[test]
fn selection_in_the_editor_ja_80x24() {
    let s = selecting(80, 24, 1, 2);
    insta::assert_snapshot!(editor_marks(&s, 80, 24));
}

#[test]
fn selection_over_a_line_break_ja_60x16() {
    let s = selecting(60, 16, 4, 0);
    insta::assert_snapshot!(editor_marks(&s, 60, 16));
}
