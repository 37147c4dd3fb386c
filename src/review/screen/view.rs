//! Drawing the review: a title line, the current view's body, a footer of
//! keys, and over them the help or the "terminal too small" message. A
//! view of the state: nothing here changes it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::content::sitting_lines;
use super::state::{Loaded, State, View};
use crate::i18n::review::ReviewText as T;
use crate::tui::keys::render_footer;
use crate::tui::text::sanitize::inert;
use crate::tui::text::styled::{one_line, rfit};
use crate::tui::text::{fit, truncate, width};
use crate::tui::widgets::{TooSmall, too_small};

use super::view_actions::actions;
use super::view_lists::{list, list_title_width, themes};
use super::view_panes::{compare, search};

/// The review as drawn from its state.
pub struct ReviewView<'a>(pub &'a State);

/// Where the terminal cursor goes: the end of the search box, so an input
/// method opens its window there.
pub fn cursor(state: &State) -> Option<(u16, u16)> {
    if let Some(data) = &state.data
        && let Some(at) = super::owner_filter::cursor(state, data)
    {
        return Some(at);
    }
    if let Some(at) = super::compare_filter_box::cursor(state) {
        return Some(at);
    }
    if *state.view() != View::Search || too_small(Rect::new(0, 0, state.size.0, state.size.1)) {
        return None;
    }
    let prompt = format!("{}: ", T::Search.text(state.lang));
    let x = width(&prompt) + width(&visible_query(state, &prompt));
    Some((x.min(usize::from(state.size.0.saturating_sub(1))) as u16, 1))
}

/// The end of the query that fits after the prompt: a long query scrolls so
/// that what is being typed (and the caret) stays on screen.
fn visible_query(state: &State, prompt: &str) -> String {
    let room = usize::from(state.size.0).saturating_sub(width(prompt) + 1);
    let mut shown: Vec<char> = Vec::new();
    let mut used = 0;
    for c in state.search.text.chars().rev() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w > room {
            break;
        }
        used += w;
        shown.push(c);
    }
    shown.into_iter().rev().collect()
}

impl Widget for &ReviewView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let state = self.0;
        let lang = state.lang;
        if too_small(area) {
            (&TooSmall { lang }).render(area, buf);
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
            // Until the notes are read, every other view waits for them.
            _ if data.is_outline() => {
                Paragraph::new(T::Loading.text(lang)).render(body, buf);
            }
            View::Themes { selected } => themes(state, data, *selected, body, buf),
            View::Sitting {
                sitting,
                tab,
                scroll,
                focus,
            } => {
                let lines = sitting_lines(data, lang, *sitting, *tab, *focus, w);
                let levels = super::content::sitting_levels(data, *sitting, *tab, &lines);
                // The headings scrolled past stay on top (the timing table's
                // header row, the section and group of speaking times).
                let heads = super::pinned::heads(&levels, *scroll);
                let room = super::pinned::room(&levels, *scroll, body.height.into());
                let shown: Vec<Line> = heads
                    .iter()
                    .map(|&i| lines[i].clone())
                    .chain(lines.iter().skip(*scroll).take(room).cloned())
                    .collect();
                Paragraph::new(shown).render(body, buf);
            }
            View::Compare {
                theme,
                question,
                scroll,
            } => compare(state, data, (*theme, *question, *scroll), body, buf),
            View::Search => search(state, data, body, buf),
            View::Actions {
                selected,
                open_only,
            } => actions(state, data, (*selected, *open_only), body, buf),
        }
        footer(state, row(area.height - 1), buf);
        if state.help {
            super::help::render(state, area, buf);
        }
    }
}

fn heading(state: &State, data: &Loaded) -> (String, Line<'static>) {
    let lang = state.lang;
    let a = &data.archive;
    match state.view() {
        View::Actions { open_only, .. } => super::view_actions::heading(state, data, *open_only),
        View::Sitting { sitting, tab, .. } => {
            let s = &a.sittings[*sitting];
            let date = s.date().map(|d| d.to_string()).unwrap_or_default();
            let labels: Vec<String> = s
                .groups
                .iter()
                .map(|g| inert(&s.group_label(&g.id, lang)))
                .chain([T::Timing.text(lang).to_string()])
                .collect();
            let bar = super::tab_bar::bar(&labels, *tab, usize::from(state.size.0));
            (format!(" {date}  {}", inert(s.title())), bar)
        }
        View::Themes { .. } | View::Compare { .. } => {
            let title = match state.view() {
                View::Compare { theme, .. } => data
                    .themes
                    .get(*theme)
                    .map(|t| inert(&t.titles.join(" ／ ")))
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
                Span::raw(visible_query(state, &format!("{}: ", T::Search.text(lang)))),
            ]);
            let count = state.search.hits.len();
            (
                format!(" {}  {count} {}", T::Search.text(lang), T::Hits.text(lang)),
                line,
            )
        }
        View::List { .. } => {
            let title = format!(
                " bunkakai review - {} ({})  {} {}",
                T::Sittings.text(lang),
                a.sittings.len(),
                T::Notes.text(lang),
                data.note_total()
                    .map_or_else(|| "…".to_string(), |n| n.to_string())
            );
            let head = format!(
                " {} {} {} {} {} {}",
                rfit("#", 3),
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

fn footer(state: &State, area: Rect, buf: &mut Buffer) {
    let lang = state.lang;
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(1),
        ..area
    };
    let one_tab = match state.view() {
        View::Sitting { sitting, .. } => (state.data.as_ref())
            .and_then(|d| d.archive.sittings.get(*sitting))
            .is_some_and(|s| s.groups.is_empty()),
        _ => false,
    };
    let place = super::footer::Place {
        view: state.view(),
        at_root: state.views.len() == 1,
        one_tab,
    };
    let (hints, tail) = super::footer::footer(place, lang, inner.width.into());
    // Typing an owner's name: only the keys that end it work.
    if super::owner_filter::typing(state) {
        render_footer(&super::owner_filter::footer(lang), &[], inner, buf);
        return;
    }
    if super::compare_filter_box::typing(state) {
        render_footer(&super::compare_filter_box::footer(lang), &[], inner, buf);
        return;
    }
    if state.saved.is_none() {
        render_footer(&hints, &tail, inner, buf);
        return;
    }
    let (text, style) = match &state.saved {
        Some(Ok(())) => (
            format!(" {}", T::StatusSaved.text(lang)),
            Style::new().fg(Color::Green),
        ),
        Some(Err(why)) => (
            format!(" {}: {}", T::StatusFailed.text(lang), inert(why)),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        ),
        None => return,
    };
    buf.set_string(area.x, area.y, truncate(&text, area.width.into()), style);
}
