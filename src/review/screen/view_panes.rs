//! The two-pane views of the review: a theme compared across sittings,
//! and the search box with its hits.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use super::content::{self, compare_lines, hit_lines};
use super::state::{Loaded, State};
use crate::i18n::review::ReviewText as T;
use crate::review::compare_filter::question_counts;
use crate::tui::text::fit;
use crate::tui::text::sanitize::inert;
use crate::tui::text::styled::one_line;

pub(super) fn compare(
    state: &State,
    data: &Loaded,
    (theme, question, scroll): (usize, usize, usize),
    body: Rect,
    buf: &mut Buffer,
) {
    let lang = state.lang;
    let Some(entry) = data.themes.get(theme) else {
        return;
    };
    // The filter, while one is set or typed, on the first row.
    let body = if super::compare_filter_box::shown(state) {
        let line = super::compare_filter_box::line(state);
        let spans: Vec<_> = line
            .spans
            .iter()
            .map(|s| (s.content.to_string(), s.style))
            .collect();
        buf.set_line(
            body.x,
            body.y,
            &one_line(&spans, body.width.into()),
            body.width,
        );
        Rect::new(
            body.x,
            body.y + 1,
            body.width,
            body.height.saturating_sub(1),
        )
    } else {
        body
    };
    let filter = &state.compare.filter;
    let counts = question_counts(&data.archive, entry, filter);
    let digits = counts.iter().max().map_or(1, |m| m.to_string().len());
    let left_w = content::question_pane_width(body.width.into());
    let right = Rect::new(
        body.x + left_w as u16 + 1,
        body.y,
        content::compare_pane_width(body.width.into()) as u16,
        body.height,
    );
    let rows = usize::from(body.height);
    let first = question.saturating_sub(rows.saturating_sub(1));
    let labels = entry
        .questions
        .iter()
        .map(|q| format!("{} {}", if q.survey { "※" } else { "◆" }, inert(&q.text)))
        .chain(std::iter::once(T::NoQuestion.text(lang).to_string()))
        .zip(&counts)
        .map(|(label, n)| (format!("{n:>digits$} {label}"), *n == 0));
    for (i, (label, empty)) in labels.enumerate().skip(first).take(rows) {
        // A question nobody spoke to (under the filter) is dimmed but
        // stays selectable: a report says so too.
        let style = match (i == question, empty) {
            (true, false) => Style::new().add_modifier(Modifier::REVERSED),
            (true, true) => Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::REVERSED),
            (false, false) => Style::new().fg(Color::Cyan),
            (false, true) => Style::new().fg(Color::DarkGray),
        };
        buf.set_string(
            body.x,
            body.y + (i - first) as u16,
            fit(&label, left_w),
            style,
        );
    }
    for y in body.y..body.y + body.height {
        buf.set_string(
            body.x + left_w as u16,
            y,
            "|",
            Style::new().fg(Color::DarkGray),
        );
    }
    let lines = compare_lines(data, lang, theme, question, right.width.into(), filter);
    // The sitting and group of the notes at the top stay in view while
    // paging: the last origin line scrolled past is pinned on the first row.
    let is_origin = |l: &Line| {
        l.spans
            .first()
            .is_some_and(|s| s.style == content::origin_style())
    };
    let pinned = lines
        .iter()
        .take(scroll + 1)
        .rposition(is_origin)
        .filter(|&at| at < scroll)
        .map(|at| lines[at].clone());
    let shown: Vec<Line> = match pinned {
        Some(head) => std::iter::once(head)
            .chain(
                lines
                    .into_iter()
                    .skip(scroll + 1)
                    .take(rows.saturating_sub(1)),
            )
            .collect(),
        None => lines.into_iter().skip(scroll).take(rows).collect(),
    };
    Paragraph::new(shown).render(right, buf);
}

pub(super) fn search(state: &State, data: &Loaded, body: Rect, buf: &mut Buffer) {
    let lang = state.lang;
    let b = &state.search;
    let info = match (&b.error, b.query.is_empty(), b.hits.is_empty()) {
        (Some(e), _, _) => Line::styled(format!(" {}", inert(e)), Style::new().fg(Color::Red)),
        (None, true, _) => Line::styled(
            format!(" {}", T::SearchHint.text(lang)),
            Style::new().fg(Color::DarkGray),
        ),
        (None, false, true) => Line::styled(
            format!(" {}", T::NoHits.text(lang)),
            Style::new().fg(Color::DarkGray),
        ),
        (None, false, false) => filters_line(state),
    };
    buf.set_line(
        body.x,
        body.y,
        &one_line(
            &info
                .spans
                .iter()
                .map(|s| (s.content.to_string(), s.style))
                .collect::<Vec<_>>(),
            body.width.into(),
        ),
        body.width,
    );
    let rows = usize::from(body.height.saturating_sub(1)) / 2;
    let first = b.selected.saturating_sub(rows.saturating_sub(1));
    for (i, at) in b.hits.iter().enumerate().skip(first).take(rows) {
        let y = body.y + 1 + 2 * (i - first) as u16;
        let [head, text] = hit_lines(data, lang, *at, &b.query.words, body.width.into());
        buf.set_line(body.x, y, &head, body.width);
        buf.set_line(body.x, y + 1, &text, body.width);
        if i == b.selected {
            buf.set_style(
                Rect::new(body.x, y, body.width, 1),
                Style::new().add_modifier(Modifier::REVERSED),
            );
        }
    }
}

fn filters_line(state: &State) -> Line<'static> {
    let lang = state.lang;
    let f = &state.search.query.filters;
    let mut parts = Vec::new();
    let mut add = |label: T, v: Option<String>| {
        if let Some(v) = v {
            parts.push(format!("{}={}", label.text(lang), inert(&v)));
        }
    };
    add(T::Group, f.group.clone());
    add(T::Theme, f.theme.clone());
    add(
        T::Kind,
        f.kind
            .map(|k| crate::i18n::review::kind_label(k, lang).to_string()),
    );
    add(T::Speaker, f.speaker.clone());
    add(
        T::Date,
        match (f.since, f.until) {
            (None, None) => None,
            (a, b) => Some(format!(
                "{}〜{}",
                a.map(|d| d.to_string()).unwrap_or_default(),
                b.map(|d| d.to_string()).unwrap_or_default()
            )),
        },
    );
    let text = if parts.is_empty() {
        String::new()
    } else {
        format!(" {}", parts.join("  "))
    };
    Line::styled(text, Style::new().fg(Color::Green))
}
