//! Drawing the review: a title line, the current view's body, a footer of
//! keys, and over them the help or the "terminal too small" message. A
//! view of the state: nothing here changes it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::content::{self, compare_lines, hit_lines, sitting_lines};
use super::keys::{self, Command};
use super::state::{Loaded, State, View};
use super::wrap::{one_line, rfit};
use crate::i18n::review::{ReviewText as T, file_problem};
use crate::review::files::FileProblem;
use crate::review::sanitize::inert;
use crate::tui::keys::{Binding, help_rows};
use crate::tui::text::{fit, truncate, width};
use crate::tui::widgets::{Help, TooSmall, too_small};

/// The review as drawn from its state.
pub struct ReviewView<'a>(pub &'a State);

/// The key table of the view on screen.
pub fn table(view: &View) -> &'static [Binding<Command>] {
    match view {
        View::List { .. } | View::Themes { .. } => keys::LIST,
        View::Sitting { .. } => keys::SITTING,
        View::Compare { .. } => keys::THEME,
        View::Search => keys::SEARCH,
    }
}

/// Where the terminal cursor goes: the end of the search box, so an input
/// method opens its window there.
pub fn cursor(state: &State) -> Option<(u16, u16)> {
    if *state.view() != View::Search || too_small(Rect::new(0, 0, state.size.0, state.size.1)) {
        return None;
    }
    let prompt = format!("{}: ", T::Search.text(state.lang));
    let x = width(&prompt) + width(&state.search.text);
    Some((x.min(usize::from(state.size.0.saturating_sub(1))) as u16, 1))
}

impl Widget for &ReviewView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let state = self.0;
        let lang = state.lang;
        if too_small(area) {
            (&TooSmall {
                message: T::TooSmall.text(lang),
            })
                .render(area, buf);
            return;
        }
        let Some(data) = &state.data else {
            Paragraph::new(T::Loading.text(lang)).render(area, buf);
            return;
        };
        let w = usize::from(area.width);
        let row = |i: u16| Rect::new(area.x, area.y + i, area.width, 1);
        let body = Rect::new(
            area.x,
            area.y + 2,
            area.width,
            area.height.saturating_sub(3),
        );
        let (title, sub) = heading(state, data);
        buf.set_line(
            area.x,
            area.y,
            &one_line(
                &[(
                    title,
                    Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
                )],
                w,
            ),
            area.width,
        );
        buf.set_style(row(0), Style::new().add_modifier(Modifier::REVERSED));
        buf.set_line(area.x, area.y + 1, &sub, area.width);
        match state.view() {
            View::List { selected } => list(state, data, *selected, body, buf),
            View::Themes { selected } => themes(state, data, *selected, body, buf),
            View::Sitting {
                sitting,
                tab,
                scroll,
                focus,
            } => {
                let lines = sitting_lines(data, lang, *sitting, *tab, *focus, w);
                Paragraph::new(
                    lines
                        .into_iter()
                        .skip(*scroll)
                        .take(body.height.into())
                        .collect::<Vec<_>>(),
                )
                .render(body, buf);
            }
            View::Compare {
                theme,
                question,
                scroll,
            } => compare(state, data, (*theme, *question, *scroll), body, buf),
            View::Search => search(state, data, body, buf),
        }
        footer(state, row(area.height - 1), buf);
        if state.help {
            let rows = help_rows(table(state.view()), lang, |c| c.text(lang));
            let hint = lang.pick("どのキーでも閉じる", "any key closes");
            (&Help {
                title: T::Help.text(lang),
                rows: &rows,
                ascii: false,
                hint,
            })
                .render(area, buf);
        }
    }
}

fn heading(state: &State, data: &Loaded) -> (String, Line<'static>) {
    let lang = state.lang;
    let a = &data.archive;
    match state.view() {
        View::Sitting { sitting, tab, .. } => {
            let s = &a.sittings[*sitting];
            let date = s.date().map(|d| d.to_string()).unwrap_or_default();
            let mut spans = Vec::new();
            for (i, g) in s.groups.iter().enumerate() {
                let label = format!(" {} ", inert(&s.group_label(&g.id, lang)));
                let style = if i == *tab {
                    Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
                } else {
                    Style::new()
                };
                spans.push(Span::styled(label, style));
            }
            let timing = format!(" {} ", T::Timing.text(lang));
            let style = if *tab == s.groups.len() {
                Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
            } else {
                Style::new()
            };
            spans.push(Span::styled(timing, style));
            (format!(" {date}  {}", inert(s.title())), Line::from(spans))
        }
        View::Themes { .. } | View::Compare { .. } => {
            let title = match state.view() {
                View::Compare { theme, .. } => data
                    .themes
                    .get(*theme)
                    .map(|t| inert(&t.title))
                    .unwrap_or_default(),
                _ => String::new(),
            };
            (
                format!(" {}  {title}", T::Compare.text(lang)),
                Line::default(),
            )
        }
        View::Search => {
            let prompt = format!("{}: ", T::Search.text(lang));
            let line = Line::from(vec![
                Span::styled(prompt, Style::new().add_modifier(Modifier::BOLD)),
                Span::raw(state.search.text.clone()),
            ]);
            let count = state.search.hits.len();
            (
                format!(" {}  {count} {}", T::Search.text(lang), T::Hits.text(lang)),
                line,
            )
        }
        View::List { .. } => {
            let title = format!(
                " bunkakai review — {} ({})  {} {}",
                T::Sittings.text(lang),
                a.sittings.len(),
                T::Notes.text(lang),
                a.note_count()
            );
            let head = format!(
                " {} {} {} {} {}",
                fit(T::Date.text(lang), 10),
                fit(T::Title.text(lang), list_title_width(state)),
                rfit(T::Groups.text(lang), 3),
                rfit(T::Notes.text(lang), 5),
                T::Time.text(lang)
            );
            (
                title,
                Line::styled(head, Style::new().add_modifier(Modifier::BOLD)),
            )
        }
    }
}

fn list_title_width(state: &State) -> usize {
    usize::from(state.size.0).saturating_sub(36).max(10)
}

fn list(state: &State, data: &Loaded, selected: usize, body: Rect, buf: &mut Buffer) {
    let lang = state.lang;
    let problems: Vec<String> = data
        .archive
        .problems()
        .map(|(_, p)| {
            let path = p.path.strip_prefix(&data.archive.dir).unwrap_or(&p.path);
            let p = FileProblem {
                path: path.to_path_buf(),
                fault: p.fault.clone(),
            };
            file_problem(&p, lang)
        })
        .collect();
    let shown_problems = problems.len().min(usize::from(body.height) / 3);
    let rows = usize::from(body.height).saturating_sub(if shown_problems > 0 {
        shown_problems + 1
    } else {
        0
    });
    let first = selected.saturating_sub(rows.saturating_sub(1));
    for (i, s) in data
        .archive
        .sittings
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
    {
        let y = body.y + (i - first) as u16;
        let date = s
            .date()
            .map(|d| d.to_string())
            .unwrap_or_else(|| "—".into());
        let planned = s.planned_minutes();
        let actual = s.actual_seconds();
        let time = match (actual, planned) {
            (Some(a), Some(p)) => format!("{}/{}{}", (a + 30) / 60, p, T::Min.text(lang)),
            (None, Some(p)) => format!("—/{}{}", p, T::Min.text(lang)),
            (Some(a), None) => format!("{}/—", (a + 30) / 60),
            (None, None) => "—".into(),
        };
        let warn = if s.problems.is_empty() { "  " } else { " !" };
        let line = format!(
            " {} {} {} {} {}{warn}",
            fit(&date, 10),
            fit(&inert(s.title()), list_title_width(state)),
            rfit(&s.groups.len().to_string(), 3),
            rfit(&s.note_count().to_string(), 5),
            time
        );
        let mut style = Style::new();
        if actual
            .zip(planned)
            .is_some_and(|(a, p)| a > i64::from(p) * 60)
        {
            style = style.fg(Color::Red);
        }
        if !s.problems.is_empty() {
            style = style.add_modifier(Modifier::ITALIC);
        }
        if i == selected {
            style = style.add_modifier(Modifier::REVERSED);
        }
        buf.set_string(body.x, y, truncate(&line, body.width.into()), style);
    }
    if data.archive.sittings.is_empty() {
        buf.set_string(body.x + 1, body.y, T::Empty.text(lang), Style::new());
    }
    if shown_problems > 0 {
        let top = body.y + body.height - shown_problems as u16 - 1;
        let head = format!(" {} ({})", T::Problems.text(lang), problems.len());
        buf.set_string(
            body.x,
            top,
            truncate(&head, body.width.into()),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        );
        for (i, p) in problems.iter().take(shown_problems).enumerate() {
            let text = format!(" ! {}", inert(p));
            buf.set_string(
                body.x,
                top + 1 + i as u16,
                truncate(&text, body.width.into()),
                Style::new().fg(Color::Red),
            );
        }
    }
}

fn themes(state: &State, data: &Loaded, selected: usize, body: Rect, buf: &mut Buffer) {
    let lang = state.lang;
    let rows = usize::from(body.height);
    let first = selected.saturating_sub(rows.saturating_sub(1));
    for (i, t) in data.themes.iter().enumerate().skip(first).take(rows) {
        let y = body.y + (i - first) as u16;
        let info = format!(
            " {}{} · {} {}",
            t.uses.len(),
            T::UsedIn.text(lang),
            T::Notes.text(lang),
            t.notes
        );
        let title_w = usize::from(body.width).saturating_sub(width(&info) + 2);
        let line = format!(" {}{info}", fit(&inert(&t.title), title_w));
        let style = if i == selected {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        buf.set_string(body.x, y, truncate(&line, body.width.into()), style);
    }
}

fn compare(
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
        .chain(std::iter::once(T::NoQuestion.text(lang).to_string()));
    for (i, label) in labels.enumerate().skip(first).take(rows) {
        let style = if i == question {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().fg(Color::Cyan)
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
    let lines = compare_lines(data, lang, theme, question, right.width.into());
    Paragraph::new(
        lines
            .into_iter()
            .skip(scroll)
            .take(rows)
            .collect::<Vec<_>>(),
    )
    .render(right, buf);
}

fn search(state: &State, data: &Loaded, body: Rect, buf: &mut Buffer) {
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

fn footer(state: &State, area: Rect, buf: &mut Buffer) {
    let lang = state.lang;
    let short: &[(Command, &str, &str)] = &[
        (Command::Open, "Enter", "Enter"),
        (Command::NextTab, "Tab", "Tab"),
        (Command::Back, "Esc", "Esc"),
        (Command::Search, "/", "/"),
        (Command::Themes, "t", "t"),
        (Command::Help, "?", "?"),
        (Command::Quit, "q", "q"),
    ];
    let table = table(state.view());
    let parts: Vec<String> = short
        .iter()
        .filter(|(c, _, _)| table.iter().any(|b| b.command == *c))
        .map(|(c, ja, en)| format!("{}:{}", lang.pick(ja, en), c.text(lang)))
        .collect();
    buf.set_string(
        area.x,
        area.y,
        truncate(&format!(" {}", parts.join("  ")), area.width.into()),
        Style::new().fg(Color::DarkGray),
    );
}
