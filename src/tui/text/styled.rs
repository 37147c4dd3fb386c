//! The text layer for styled text (spans): the same wrapping rule as
//! [`super::wrap`], Japanese line-start rule included, and the same cut
//! marker as [`super::truncate`]. The text is sanitized here too.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use super::{CUT, inert, wrap_cells};

/// Breaks `pieces` (text and style) into lines of at most `width` cells;
/// lines after the first start with `indent` spaces. Line breaks in the
/// text start a new line.
pub(crate) fn wrap(pieces: &[(String, Style)], width: usize, indent: usize) -> Vec<Line<'static>> {
    let pad: Vec<(char, Style)> = vec![(' ', Style::new()); indent];
    let mut paras: Vec<Vec<(char, Style)>> = vec![Vec::new()];
    for (text, style) in pieces {
        for (i, part) in text.split('\n').enumerate() {
            if i > 0 {
                paras.push(Vec::new());
            }
            let last = paras.last_mut().expect("one paragraph at least");
            last.extend(inert(part).chars().map(|c| (c, *style)));
        }
    }
    let mut lines = Vec::new();
    for para in &paras {
        for cells in wrap_cells(para, width, &pad) {
            lines.push(spans_of(&cells));
        }
    }
    lines
}

/// Styled characters gathered into spans of one style.
fn spans_of(cells: &[(char, Style)]) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut style = None;
    for &(c, s) in cells {
        if style.is_some_and(|st| st != s) {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                style.unwrap_or_default(),
            ));
        }
        style = Some(s);
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, style.unwrap_or_default()));
    }
    Line::from(spans)
}

/// Cuts styled pieces to one line of at most `width` cells, ending with
/// `~` when something was cut.
pub(crate) fn one_line(pieces: &[(String, Style)], width: usize) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for (text, style) in pieces {
        let mut run = String::new();
        for c in inert(text).chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width.saturating_sub(1) {
                let fits_whole = pieces_width(pieces) <= width;
                if !fits_whole {
                    if !run.is_empty() {
                        spans.push(Span::styled(run, *style));
                    }
                    spans.push(Span::raw(CUT));
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
pub(crate) fn rfit(text: &str, w: usize) -> String {
    let cut = super::truncate(text, w);
    let pad = w.saturating_sub(super::width(&cut));
    format!("{}{cut}", " ".repeat(pad))
}

fn pieces_width(pieces: &[(String, Style)]) -> usize {
    pieces
        .iter()
        .flat_map(|(t, _)| inert(t).chars().collect::<Vec<_>>())
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
        // 。 never starts a line: the character before it comes along.
        let p = vec![
            ("まとめました".to_string(), Style::new()),
            ("。".to_string(), Style::new().bold()),
        ];
        let got: Vec<String> = wrap(&p, 12, 2).iter().map(text).collect();
        assert_eq!(got, ["まとめまし", "  た。"]);
        assert_eq!(
            wrap(&p, 12, 2)[1].spans.len(),
            2,
            "styles kept across the carry"
        );
    }
}
