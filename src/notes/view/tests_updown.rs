//! Up/Down in the editor keep the display column over the rows as drawn,
//! also where kinsoku moves a character to the next row (no row starts with
//! 、。): pressed through `update`, read back from the view's own caret cell.

use crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::Rect;
use ratatui_textarea::CursorMove;

use super::tests::{fresh, key, render, t0, type_text};
use crate::i18n::Lang;
use crate::notes::{Action, State, update};

/// Punctuation at every few characters, so that at most widths some row
/// break is moved by kinsoku.
const TEXT: &str = "雲南市では、庁内の連携会議を年4回開催しているが、各課の目標設定がばらばらで、全体のKPIとして合意を得るまでに時間がかかった。設定は来年度から。財政課とも調整が必要。";

/// The caret's (row, cell) in the text as drawn at the state's size,
/// counted from the text's first row (no scrolling).
fn caret(s: &State) -> (usize, usize) {
    let width = super::editor_width(s);
    let tall = Rect::new(0, 0, width, 1000);
    let p = super::editor_text::caret(&s.editor.area, tall).unwrap();
    (usize::from(p.y), usize::from(p.x))
}

/// Puts the caret before char `col` of line `line`, as a fresh start.
fn at(s: &mut State, line: usize, col: usize) {
    s.goal_x = None;
    s.editor.area.cancel_selection();
    s.editor
        .area
        .move_cursor(CursorMove::Jump(line as u16, col as u16));
}

/// Every caret cell of the text, by drawn row.
fn cells(s: &mut State) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let lines: Vec<String> = s.editor.area.lines().to_vec();
    for (l, text) in lines.iter().enumerate() {
        for c in 0..=text.chars().count() {
            at(s, l, c);
            let (r, x) = caret(s);
            if rows.len() <= r {
                rows.resize(r + 1, Vec::new());
            }
            rows[r].push(x);
        }
    }
    rows
}

/// The editor sized as on a `w`×`h` terminal, holding `text`.
fn editor(text: &str, w: u16, h: u16) -> State {
    let mut s = fresh(Lang::Ja);
    update(&mut s, Action::Resize(w, h), t0());
    type_text(&mut s, text, t0());
    s
}

fn press(s: &mut State, code: KeyCode, w: u16, h: u16) {
    // Drawn first, as the console does before every key.
    render(s, w, h, t0());
    key(s, code, KeyModifiers::NONE, t0());
}

/// Where greedy wrapping (filling each row, no kinsoku) starts rows.
fn greedy_starts(text: &str, width: usize) -> Vec<usize> {
    let mut starts = vec![0];
    let mut used = 0;
    for (i, c) in text.chars().enumerate() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            starts.push(i);
            used = 0;
        }
        used += w;
    }
    starts
}

#[test]
fn up_and_down_keep_the_display_column_on_the_rows_as_drawn() {
    // The terminal widths at which kinsoku moves a character to the next
    // row (where the text area's own wrap differs from the drawn rows).
    let h = 30;
    let widths: Vec<u16> = (60..=100)
        .filter(|&w| {
            let s = editor("", w, h);
            let width = usize::from(super::editor_width(&s));
            crate::tui::text::breaks::row_starts(TEXT, width) != greedy_starts(TEXT, width)
        })
        .collect();
    assert!(widths.len() >= 3, "{widths:?}");
    for &w in widths.iter().take(3).chain([&80]) {
        let mut s = editor(TEXT, w, h);
        let rows = cells(&mut s);
        let len = TEXT.chars().count();
        for c in 0..=len {
            for (code, step) in [(KeyCode::Up, -1i64), (KeyCode::Down, 1)] {
                at(&mut s, 0, c);
                let (r, x) = caret(&s);
                let to = r as i64 + step;
                press(&mut s, code, w, h);
                let got = caret(&s);
                let Some(target) = usize::try_from(to).ok().and_then(|t| rows.get(t)) else {
                    assert_eq!(got, (r, x), "{w}: no row to go to from col {c}");
                    continue;
                };
                // The same column, or the nearest caret cell left of it.
                let want = target.iter().copied().filter(|&t| t <= x).max().unwrap();
                assert_eq!(
                    got,
                    (to as usize, want),
                    "{w} cols: {code:?} from char {c} at row {r} cell {x}"
                );
            }
        }
    }
}

#[test]
fn the_column_is_kept_across_a_shorter_line_and_shift_selects() {
    let (w, h) = (80, 24);
    let mut s = editor("気仙沼市の事例を共有する", w, h);
    for line in ["短い", "函館市も同じ課題を抱えている"] {
        key(&mut s, KeyCode::Enter, KeyModifiers::ALT, t0());
        type_text(&mut s, line, t0());
    }
    assert_eq!(s.editor.area.lines().len(), 3);
    at(&mut s, 0, 8);
    assert_eq!(caret(&s), (0, 16));
    press(&mut s, KeyCode::Down, w, h);
    assert_eq!(caret(&s), (1, 4), "the end of the short line");
    press(&mut s, KeyCode::Down, w, h);
    assert_eq!(caret(&s), (2, 16), "back at the column it left");
    // Shift+Up selects from there to the same column a row up.
    render(&s, w, h, t0());
    key(&mut s, KeyCode::Up, KeyModifiers::SHIFT, t0());
    assert_eq!(s.editor.area.selection_range(), Some(((1, 2), (2, 8))));
    // Another key forgets the column.
    key(&mut s, KeyCode::Left, KeyModifiers::NONE, t0());
    assert_eq!(s.goal_x, None);
}
