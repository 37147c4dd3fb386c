use ratatui_textarea::CursorMove;

use super::*;
use crate::notes::editor::textarea_with;

fn cursor(area: &TextArea<'_>) -> (usize, usize) {
    (area.cursor().0, area.cursor().1)
}

#[test]
fn a_row_kinsoku_started_early_is_reached_at_the_same_column() {
    // At 12 cells 。 cannot start the second row: か comes down with it.
    let text = "あいうえおか。きくけこさしすせそ";
    assert_eq!(row_starts(text, 12), [0, 5, 11]);
    let mut area = textarea_with(text);
    // After か (cell 2 of the second row): Up goes after あ, not after い.
    area.move_cursor(CursorMove::Jump(0, 6));
    assert_eq!(vertical(&mut area, 12, false, false, None), Some(2));
    assert_eq!(cursor(&area), (0, 1));
    // And Down comes back after か.
    assert_eq!(vertical(&mut area, 12, true, false, None), Some(2));
    assert_eq!(cursor(&area), (0, 6));
    // The last row, then nowhere further.
    assert_eq!(vertical(&mut area, 12, true, false, None), Some(2));
    assert_eq!(cursor(&area), (0, 12));
    assert_eq!(vertical(&mut area, 12, true, false, None), None);
    assert_eq!(cursor(&area), (0, 12));
}

#[test]
fn a_column_inside_a_wide_character_lands_left_of_it() {
    // "ab" then full-width: cell 3 is inside い on the row above.
    let mut area = textarea_with("あいう\nabc");
    area.move_cursor(CursorMove::Jump(1, 3));
    assert_eq!(vertical(&mut area, 20, false, false, None), Some(3));
    assert_eq!(cursor(&area), (0, 1));
    // The goal column is kept: Down returns to cell 3.
    assert_eq!(vertical(&mut area, 20, true, false, Some(3)), Some(3));
    assert_eq!(cursor(&area), (1, 3));
}

#[test]
fn after_a_full_row_the_caret_is_on_the_next_row() {
    // 6 cells: each row holds three; the caret after 「う」 is drawn on
    // the second row, so Up from the second row's cell 2 is after 「あ」.
    let mut area = textarea_with("あいうえおか");
    area.move_cursor(CursorMove::Jump(0, 4));
    assert_eq!(vertical(&mut area, 6, false, false, None), Some(2));
    assert_eq!(cursor(&area), (0, 1));
    // Down from cell 4 of the first row: the second row's cell 4, never
    // the end of the first (drawn on the second row at cell 0).
    area.move_cursor(CursorMove::Jump(0, 2));
    assert_eq!(vertical(&mut area, 6, true, false, None), Some(4));
    assert_eq!(cursor(&area), (0, 5));
}
