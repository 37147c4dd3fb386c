//! A drawn region as text with its styled cells marked, so that what only
//! a style shows (a selection in reverse video) is visible in a text
//! snapshot: each row of the region, and under a row with such cells a row
//! of `^`, one under each styled cell — a full-width character covers two
//! cells and gets two marks, so marks line up in a monospaced view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

/// The rows of `area` in `buf`, each followed by a row of marks under the
/// cells that carry `modifier` (when it has any).
pub(crate) fn text_with_marks(buf: &Buffer, area: Rect, modifier: Modifier) -> String {
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut text = String::new();
        let mut marks = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            let cell = &buf[(x, y)];
            marks.push(if cell.modifier.contains(modifier) {
                '^'
            } else {
                ' '
            });
            if skip > 0 {
                skip -= 1;
                continue;
            }
            text.push_str(cell.symbol());
            skip = cell.symbol().width().saturating_sub(1);
        }
        out.push_str(text.trim_end());
        out.push('\n');
        if marks.contains('^') {
            out.push_str(marks.trim_end());
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use ratatui::style::Style;

    use super::*;

    #[test]
    fn a_full_width_character_gets_a_mark_under_each_of_its_cells() {
        let area = Rect::new(0, 0, 8, 2);
        let mut buf = Buffer::empty(area);
        buf.set_string(0, 0, "aあいb", Style::new());
        buf.set_string(0, 1, "xyz", Style::new());
        for x in 1..5 {
            buf[(x, 0)].set_style(Style::new().add_modifier(Modifier::REVERSED));
        }
        assert_eq!(
            text_with_marks(&buf, area, Modifier::REVERSED),
            "aあいb\n ^^^^\nxyz\n"
        );
    }
}
