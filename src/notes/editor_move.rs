//! Up and Down in the editors, over the rows as they are drawn.
//!
//! The text area moves the caret over its own wrap, which breaks one
//! character earlier or later than the drawn rows wherever kinsoku moves a
//! character (a row never starts with 、。」）): there Up/Down landed one
//! character off. Here the caret goes to the row above or below as drawn
//! (`tui::text::breaks`, the same rows the view draws and places the
//! cursor from), at the same display column — or, when that column falls
//! inside a full-width character or past the row's end, at the nearest
//! caret position to its left. The column is kept across a shorter row
//! (`goal`), as editors do, until another key moves the caret.

use ratatui_textarea::{CursorMove, TextArea};
use unicode_width::UnicodeWidthChar;

use crate::tui::text::breaks::{caret_cell, row_starts};

/// One drawn row: its line and the char range it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Row {
    line: usize,
    start: usize,
    end: usize,
    /// The line's last row (the caret may sit after its last character).
    last: bool,
}

fn rows(lines: &[String], width: usize) -> Vec<Row> {
    let mut out = Vec::new();
    for (line, text) in lines.iter().enumerate() {
        let starts = row_starts(text, width);
        let len = text.chars().count();
        for (k, &start) in starts.iter().enumerate() {
            let next = starts.get(k + 1).copied();
            out.push(Row {
                line,
                start,
                end: next.unwrap_or(len),
                last: next.is_none(),
            });
        }
    }
    out
}

/// The drawn row and cell of the caret before char `col` of line `line`.
fn caret_at(
    lines: &[String],
    rows: &[Row],
    line: usize,
    col: usize,
    width: usize,
) -> (usize, usize) {
    let first = rows.iter().position(|r| r.line == line).unwrap_or(0);
    let text = &lines[line];
    let starts = row_starts(text, width);
    let (r, x) = caret_cell(text, &starts, col.min(text.chars().count()), width);
    (first + r, x)
}

/// Where the caret lands on drawn row `at` for display column `goal`: the
/// caret position on that row whose cell is the largest not right of
/// `goal`.
fn land(lines: &[String], rows: &[Row], at: usize, goal: usize, width: usize) -> (usize, usize) {
    let row = rows[at];
    let mut col = row.start;
    let mut x = 0;
    for c in lines[row.line]
        .chars()
        .skip(row.start)
        .take(row.end - row.start)
    {
        let next = x + c.width().unwrap_or(0);
        // After the row's last character the caret is drawn on the next
        // row, unless this is the line's last row and it is not full.
        let on_row = col + 1 < row.end || (row.last && next < width);
        if !on_row || next > goal {
            break;
        }
        col += 1;
        x = next;
    }
    (row.line, col)
}

/// Moves the caret of `area` one drawn row up (or down) at `width` cells,
/// keeping display column `goal` (the caret's own when `None`); extends the
/// selection when `select`, else drops it. Returns the column to keep for
/// the next Up/Down, or `None` when there is no row to go to.
pub(crate) fn vertical(
    area: &mut TextArea<'_>,
    width: u16,
    down: bool,
    select: bool,
    goal: Option<usize>,
) -> Option<usize> {
    // The same floor as the drawn rows' (`breaks`).
    let width = usize::from(width).max(2);
    let lines = area.lines().to_vec();
    let rows = rows(&lines, width);
    let (line, col) = (area.cursor().0, area.cursor().1);
    let (at, x) = caret_at(&lines, &rows, line, col, width);
    let goal = goal.unwrap_or(x);
    let to = if down { at + 1 } else { at.checked_sub(1)? };
    // The caret after a full last row is drawn on a row of its own.
    let to = to.min(rows.len().checked_sub(1)?);
    if to == at {
        return None;
    }
    let (l, c) = land(&lines, &rows, to, goal, width);
    if select {
        if !area.is_selecting() {
            area.start_selection();
        }
    } else {
        area.cancel_selection();
    }
    let jump = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    area.move_cursor(CursorMove::Jump(jump(l), jump(c)));
    Some(goal)
}

#[cfg(test)]
#[path = "editor_move_tests.rs"]
mod tests;
