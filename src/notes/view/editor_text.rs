//! The editors' text as drawn: wrapped by the shared rule (`tui::text::
//! breaks`: no row starts with 、。」）), scrolled so that the caret row is
//! always in view, and the caret's exact cell, so that the terminal's real
//! cursor (where a Japanese IME composes) sits on it on every row.
//!
//! A selection (Shift+arrows) is drawn in reverse video over the same rows.
//!
//! The text area still renders itself into a scratch buffer first: it keeps
//! its own screen map from that, which its cursor moves go through.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;
use ratatui_textarea::TextArea;

use unicode_width::UnicodeWidthChar;

use crate::tui::text::breaks::{caret_cell, row_starts};

/// One screen row: the line and its char range.
struct Row {
    line: usize,
    start: usize,
    end: usize,
}

/// The text wrapped at a width, with the caret's row and cell.
struct Wrapped {
    rows: Vec<Row>,
    caret: (usize, usize),
}

fn wrap(area: &TextArea<'_>, width: usize) -> Wrapped {
    let (crow, ccol) = (area.cursor().0, area.cursor().1);
    let mut rows = Vec::new();
    let mut caret = (0, 0);
    for (i, line) in area.lines().iter().enumerate() {
        let starts = row_starts(line, width);
        let len = line.chars().count();
        if i == crow {
            let (r, x) = caret_cell(line, &starts, ccol.min(len), width);
            caret = (rows.len() + r, x);
        }
        for (k, &s) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(len);
            rows.push(Row {
                line: i,
                start: s,
                end,
            });
        }
    }
    Wrapped { rows, caret }
}

/// Rows the text takes at `width` cells, the caret's row included.
pub(crate) fn rows_needed(area: &TextArea<'_>, width: u16) -> usize {
    let w = wrap(area, usize::from(width));
    w.rows.len().max(w.caret.0 + 1)
}

/// The first row shown in `height` rows: the caret row stays in view, at
/// the bottom once the text is taller than the pane.
fn top(w: &Wrapped, height: u16) -> usize {
    w.caret.0.saturating_sub(usize::from(height.max(1)) - 1)
}

/// Draws the text into `rect` (inside the pane's border).
pub(crate) fn render(area: &TextArea<'_>, rect: Rect, buf: &mut Buffer) {
    // The text area's own map of screen rows (used by Up/Down).
    let mut scratch = Buffer::empty(rect);
    area.render(rect, &mut scratch);
    let w = wrap(area, usize::from(rect.width));
    let top = top(&w, rect.height);
    let lines = area.lines();
    for (y, row) in w
        .rows
        .iter()
        .skip(top)
        .take(usize::from(rect.height))
        .enumerate()
    {
        let text: String = lines[row.line]
            .chars()
            .skip(row.start)
            .take(row.end - row.start)
            .collect();
        buf.set_stringn(
            rect.x,
            rect.y + y as u16,
            &text,
            usize::from(rect.width),
            Style::new(),
        );
        if let Some(sel) = area.selection_range() {
            let last = k_is_last(&w.rows, top + y);
            select_row(row, &text, last, sel, rect, rect.y + y as u16, buf);
        }
    }
    if let Some(pos) = caret(area, rect) {
        // While selecting, the caret is underlined, so that the reversed
        // cells are exactly the selection.
        let mark = match area.selection_range() {
            Some(_) => Modifier::UNDERLINED,
            None => Modifier::REVERSED,
        };
        buf[pos].set_style(Style::new().add_modifier(mark));
    }
}

/// True when drawn row `k` is its line's last.
fn k_is_last(rows: &[Row], k: usize) -> bool {
    rows.get(k + 1).is_none_or(|next| next.line != rows[k].line)
}

/// Shows the selected part of a drawn row in reverse video: every cell of
/// each selected character (both halves of a full-width one), and one cell
/// after the line's end when the selection goes on past it (the line break).
fn select_row(
    row: &Row,
    text: &str,
    last: bool,
    (from, to): Sel,
    rect: Rect,
    y: u16,
    buf: &mut Buffer,
) {
    let selected = |col: usize| (row.line, col) >= from && (row.line, col) < to;
    let reversed = Style::new().add_modifier(Modifier::REVERSED);
    let mut x = 0usize;
    let right = usize::from(rect.width);
    for (i, c) in text.chars().enumerate() {
        let cw = c.width().unwrap_or(0);
        if selected(row.start + i) {
            for dx in x..(x + cw).min(right) {
                buf[(rect.x + dx as u16, y)].set_style(reversed);
            }
        }
        x += cw;
    }
    if last && selected(row.end) && x < right {
        buf[(rect.x + x as u16, y)].set_style(reversed);
    }
}

/// A selection: its first (line, char) and the one after its last.
type Sel = ((usize, usize), (usize, usize));

/// The cell of the caret inside `rect`.
pub(crate) fn caret(area: &TextArea<'_>, rect: Rect) -> Option<Position> {
    let w = wrap(area, usize::from(rect.width));
    let y = w.caret.0.checked_sub(top(&w, rect.height))?;
    let x = w.caret.1;
    if x >= usize::from(rect.width) || y >= usize::from(rect.height) {
        return None;
    }
    Some(Position::new(rect.x + x as u16, rect.y + y as u16))
}
