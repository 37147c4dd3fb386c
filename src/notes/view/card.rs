//! The prompt card pane: the group's themes with their ◆ key questions and
//! ※ survey questions, the one under discussion marked `>`, covered ones 済.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::roster::border;
use crate::i18n::notes::NotesText;
use crate::notes::{Mode, State, card};
use crate::tui::{text, widgets::panel};

/// Draws the prompt card.
pub(crate) fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let lang = state.lang;
    let focused = state.mode == Mode::Card;
    let block =
        panel(format!(" {} ", NotesText::Card.text(lang)), false).border_style(border(focused));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = usize::from(inner.width);
    let qs = card::questions(&state.themes);
    // One row per theme title and per question; keep the selected (or the
    // current) question in view.
    let mut rows: Vec<(String, Style, Option<usize>)> = Vec::new();
    let mut qi = 0;
    for t in &state.themes {
        let title = format!("{}{} {}", NotesText::Theme.text(lang), t.id, t.title);
        rows.push((title, Style::new().fg(Color::Cyan), None));
        for (survey, list) in [(false, &t.questions), (true, &t.survey)] {
            for (n, q) in list.iter().enumerate() {
                let cq = &qs[qi];
                let current = state
                    .editor
                    .question
                    .as_ref()
                    .is_some_and(|(th, id)| th == &cq.theme && id == &cq.question);
                let covered = state.doc.is_covered(&cq.theme, &cq.question);
                let done = if covered {
                    NotesText::Covered.text(lang)
                } else {
                    ""
                };
                let line = format!(
                    "{}{}{}{} {}",
                    if current { '>' } else { ' ' },
                    text::fit(done, 2),
                    if survey { '※' } else { '◆' },
                    n + 1,
                    q.text
                );
                let mut style = if covered {
                    Style::new().fg(Color::DarkGray)
                } else {
                    Style::new()
                };
                if current {
                    style = style.add_modifier(Modifier::BOLD).fg(Color::Yellow);
                }
                if focused && qi == state.card_sel {
                    style = style.add_modifier(Modifier::REVERSED);
                }
                // The question under discussion (or the selected one) is
                // shown whole; the others are cut to one row.
                let open = if focused {
                    qi == state.card_sel
                } else {
                    current
                };
                if open {
                    for l in text::wrap(&line, w, "     ") {
                        rows.push((l, style, Some(qi)));
                    }
                } else {
                    rows.push((line, style, Some(qi)));
                }
                qi += 1;
            }
        }
    }
    let focus_q = if focused {
        Some(state.card_sel)
    } else {
        state
            .editor
            .question
            .as_ref()
            .and_then(|(t, q)| qs.iter().position(|c| &c.theme == t && &c.question == q))
    };
    let focus_row = focus_q
        .and_then(|q| rows.iter().position(|r| r.2 == Some(q)))
        .unwrap_or(0);
    let focus_end = focus_q
        .and_then(|q| rows.iter().rposition(|r| r.2 == Some(q)))
        .unwrap_or(0);
    let h = usize::from(inner.height);
    // Keep the whole focused question in view, with a row after it.
    let first = (focus_end + 2)
        .saturating_sub(h)
        .min(focus_row)
        .min(rows.len().saturating_sub(h));
    for (i, (line, style, _)) in rows.iter().skip(first).take(h).enumerate() {
        let line = text::truncate(line, w);
        buf.set_string(inner.x, inner.y + i as u16, line, *style);
    }
}
