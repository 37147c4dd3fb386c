//! Breaking styled text into screen lines by display width: full-width
//! characters take two cells and are never cut in half; continuation lines
//! start with an indent.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// Breaks `pieces` (text and style) into lines of at most `width` cells;
/// lines after the first start with `indent` spaces.
pub fn wrap(pieces: &[(String, Style)], width: usize, indent: usize) -> Vec<Line<'static>> {
    let width = width.max(indent + 2);
    let mut lines = Vec::new();
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (text, style) in pieces {
        let mut run = String::new();
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width {
                if !run.is_empty() {
                    spans.push(Span::styled(std::mem::take(&mut run), *style));
                }
                lines.push(Line::from(std::mem::take(&mut spans)));
                spans.push(Span::raw(" ".repeat(indent)));
                used = indent;
            }
            run.push(c);
            used += w;
        }
        if !run.is_empty() {
            spans.push(Span::styled(run, *style));
        }
    }
    if !spans.is_empty() || lines.is_empty() {
        lines.push(Line::from(spans));
    }
    lines
}

/// Cuts styled pieces to one line of at most `width` cells, ending with
/// `~` when something was cut.
pub fn one_line(pieces: &[(String, Style)], width: usize) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for (text, style) in pieces {
        let mut run = String::new();
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width.saturating_sub(1) {
                let fits_whole = pieces_width(pieces) <= width;
                if !fits_whole {
                    if !run.is_empty() {
                        spans.push(Span::styled(run, *style));
                    }
                    spans.push(Span::raw("~"));
                    return Line::from(spans);
                }
            }
            run.push(c);
            used += w;
        }
        if !run.is_empty() {
            spans.push(Span::styled(run, *style));
        }
    }
    Line::from(spans)
}

/// The text right-aligned in exactly `w` cells (cut when longer).
pub fn rfit(text: &str, w: usize) -> String {
    let cut = crate::tui::text::truncate(text, w);
    let pad = w.saturating_sub(crate::tui::text::width(&cut));
    format!("{}{cut}", " ".repeat(pad))
}

fn pieces_width(pieces: &[(String, Style)]) -> usize {
    pieces
        .iter()
        .flat_map(|(t, _)| t.chars())
        .map(|c| c.width().unwrap_or(0))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn wide_characters_are_never_split() {
        let p = vec![("ab日本語の文".to_string(), Style::new())];
        let lines = wrap(&p, 5, 1);
        let got: Vec<String> = lines.iter().map(text).collect();
        assert_eq!(got, ["ab日", " 本語", " の文"]);
        assert_eq!(text(&one_line(&p, 6)), "ab日~");
        assert_eq!(text(&one_line(&p, 12)), "ab日本語の文");
        assert_eq!(text(&one_line(&p, 11)), "ab日本語の~");
        assert_eq!(rfit("5分", 6), "   5分");
        assert_eq!(rfit("班", 3), " 班");
    }
}
