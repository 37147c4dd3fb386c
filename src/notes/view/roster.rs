//! The roster pane: each member in speaking order with attendance, total
//! speaking time (the one speaking now marked), and the fair-share hint.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::header::clock_text;
use crate::i18n::notes::{NotesText, presence_label};
use crate::model::notes::Presence;
use crate::notes::{Mode, State, roster};
use crate::tui::{text, widgets::panel};

/// Draws the roster pane.
pub(crate) fn render(state: &State, now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
    let lang = state.lang;
    let focused = state.mode == Mode::Roster;
    let block =
        panel(format!(" {} ", NotesText::Roster.text(lang)), false).border_style(border(focused));
    let inner = block.inner(area);
    block.render(area, buf);
    let order = roster::order(&state.doc, &state.members);
    let speaking = roster::speaking_now(&state.doc);
    let w = usize::from(inner.width);
    // number (2) + marker (1) + name + presence + time (6)
    let presence_w = [
        None,
        Some(Presence::Present),
        Some(Presence::Late),
        Some(Presence::Absent),
    ]
    .into_iter()
    .map(|p| text::width(presence_label(p, lang)))
    .max()
    .unwrap_or(4);
    let name_w = w.saturating_sub(2 + 1 + 1 + presence_w + 1 + 6);
    let rows = usize::from(inner.height.saturating_sub(1));
    let first = state
        .roster_sel
        .saturating_sub(rows.saturating_sub(1))
        .min(order.len().saturating_sub(rows));
    for (i, m) in order.iter().enumerate().skip(first).take(rows) {
        let y = inner.y + (i - first) as u16;
        let roster_no = state.number_of(m).unwrap_or(0);
        let is_speaking = speaking == Some(m.as_str());
        let presence = state.doc.presence(m);
        let spoken = roster::spoken(&state.doc, m, now).num_seconds();
        let line = format!(
            "{roster_no:>2}{}{} {} {:>6}",
            if is_speaking { '>' } else { ' ' },
            text::fit(m, name_w),
            text::fit(presence_label(presence, lang), presence_w),
            if spoken > 0 {
                clock_text(spoken)
            } else {
                String::new()
            },
        );
        let mut style = match presence {
            Some(Presence::Absent) => Style::new().fg(Color::DarkGray),
            Some(Presence::Late) => Style::new().fg(Color::Yellow),
            _ => Style::new(),
        };
        if is_speaking {
            style = style.fg(Color::Green).add_modifier(Modifier::BOLD);
        }
        if focused && i == state.roster_sel {
            style = style.add_modifier(Modifier::REVERSED);
        }
        buf.set_stringn(inner.x, y, line, w, style);
    }
    if inner.height == 0 {
        return;
    }
    let hint = roster::fair_share(&state.doc, &state.members, state.time_left(now), now)
        .map(|d| clock_text(d.num_seconds()))
        .unwrap_or_else(|| "-".into());
    let line = format!("{} {hint}", NotesText::FairShare.text(lang));
    let y = inner.y + inner.height - 1;
    buf.set_stringn(inner.x, y, line, w, Style::new().fg(Color::Cyan));
}

/// The border style of a pane, brighter when it has the keyboard.
pub(crate) fn border(focused: bool) -> Style {
    if focused {
        Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(Color::DarkGray)
    }
}
