//! The prompt card of the selected group's theme(s) — title, audience, ◆ key
//! questions and ※ survey questions, scrollable — and, during a report-back
//! round, the panel of the group whose turn it is with its summary.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::i18n::run::RunText as T;
use crate::timer::{self, Status};
use crate::tui::text;
use crate::tui::widgets::panel;

use super::FacilitatorView;
use crate::facilitator::State;
use crate::prompt_card;

/// The prompt card's lines for the selected group at `width` cells.
pub(crate) fn card_lines(state: &State, width: u16) -> Vec<Line<'static>> {
    let lang = state.lang;
    let mut out = Vec::new();
    let Some(group) = state.plan.groups.get(state.selected) else {
        return out;
    };
    for (n, id) in group.themes.iter().enumerate() {
        let Some(theme) = state.plan.theme(id) else {
            continue;
        };
        if n > 0 {
            out.push(Line::raw(""));
        }
        out.extend(prompt_card::lines(theme, lang, state.ascii, width));
    }
    if out.is_empty() {
        out.push(Line::raw(T::NoTheme.text(lang)));
    }
    out.extend(crate::facilitator::previous::card_lines(state, width));
    out
}

pub(super) fn prompt(v: &FacilitatorView, area: Rect, buf: &mut Buffer) {
    let s = v.state;
    let lang = s.lang;
    let themes = s
        .plan
        .groups
        .get(s.selected)
        .map(|g| (g.id.as_str(), g.themes.join(lang.pick("・", ", "))))
        .unwrap_or_default();
    let lines = card_lines(s, area.width.saturating_sub(2));
    let visible = area.height.saturating_sub(2);
    // The same limit `update` clamps with (`card_scroll`), from the lines
    // already laid out.
    let max = super::Scroll::of(lines.len(), area.height).max;
    let scroll = s.card_scroll.min(max);
    let title = format!(
        " {} {}{}: {}{} ",
        T::PromptCard.text(lang),
        T::GroupWord.text(lang),
        themes.0,
        T::Theme.text(lang),
        themes.1
    );
    let shown = s
        .plan
        .groups
        .get(s.selected)
        .and_then(|g| s.run.shown_theme.as_ref().filter(|t| g.themes.contains(t)));
    // What the title leaves of the top border (two corners, a dash).
    let room = usize::from(area.width).saturating_sub(text::width(&title) + 3);
    let mut block = panel(title, s.ascii);
    // Open actions of the previous sitting, listed further down the card.
    if let Some(mark) = crate::facilitator::previous::card_badge(s, room) {
        let style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
        block = block.title(Line::styled(mark, style).right_aligned());
    }
    // Which theme is on the display, on the bottom border where it is
    // never cut off (F21: a group may have two).
    if let Some(t) = shown {
        let mark = format!(" [{}{t} {}] ", T::Theme.text(lang), T::OnDisplay.text(lang));
        block = block.title_bottom(Line::from(mark).left_aligned());
    }
    if max > 0 {
        // On the bottom border, where it is not cut, and in lines, so that
        // "1/3" is not read as a theme or a page.
        let last = (scroll + visible).min(lines.len() as u16);
        let unit = lang.pick("行", " lines");
        let mark = format!(" {}-{last}/{}{unit} PgDn ", scroll + 1, lines.len());
        block = block.title_bottom(Line::from(mark).right_aligned());
    }
    Paragraph::new(lines)
        .scroll((scroll, 0))
        .block(block)
        .render(area, buf);
}

pub(super) fn report(v: &FacilitatorView, area: Rect, buf: &mut Buffer) {
    let s = v.state;
    let lang = s.lang;
    let Some(block) = v.clock.block else {
        return;
    };
    let order = timer::report_order(&s.plan, block);
    let (index, group, remaining) = match &v.clock.turn {
        Some(t) => (t.index, t.group, Some(t.remaining)),
        None => (0, order.first().copied().unwrap_or(""), None),
    };
    let title = format!(
        " {} {}{} ({}/{}) ",
        T::Report.text(lang),
        T::GroupWord.text(lang),
        group,
        index + 1,
        order.len()
    );
    let panel = panel(title, s.ascii);
    let inner = panel.inner(area);
    panel.render(area, buf);
    let width = inner.width.saturating_sub(1);
    let mut lines: Vec<Line> = Vec::new();
    let per = block.report.as_ref().map_or(0, |r| r.minutes_per_group) as i64 * 60;
    let left = remaining.unwrap_or(per);
    let style = match (v.clock.status, left <= 0) {
        (Status::Running, true) => Style::new().fg(Color::Red),
        _ => Style::new().fg(Color::Yellow),
    }
    .add_modifier(Modifier::BOLD);
    let g = s.plan.group(group);
    let label = g.and_then(|g| g.label.clone()).unwrap_or_default();
    lines.push(Line::styled(
        format!(
            "{}{} {label}  {}",
            T::GroupWord.text(lang),
            group,
            crate::i18n::run::left(&timer::clock_text(left), lang)
        ),
        style,
    ));
    if let Some(next) = order.get(index + 1) {
        lines.push(Line::styled(
            format!(
                "{}: {}{}",
                T::NextReporter.text(lang),
                T::GroupWord.text(lang),
                next
            ),
            Style::new().fg(Color::DarkGray),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("{}:", T::Summary.text(lang)),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    match s.digests.get(group).and_then(|d| d.summary.as_deref()) {
        Some(summary) => {
            for l in text::wrap(summary, width as usize, "") {
                lines.push(Line::raw(l));
            }
        }
        None => lines.push(Line::styled(
            T::NoSummary.text(lang),
            Style::new().fg(Color::DarkGray),
        )),
    }
    let x = Rect {
        x: inner.x + 1,
        width,
        ..inner
    };
    Paragraph::new(lines).render(x, buf);
}
