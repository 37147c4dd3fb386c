//! Below the digits: the message to the room when the facilitator typed
//! one, else in a report round the group reporting and the next one, else
//! the card the facilitator put up — a prompt card exactly as the console
//! shows it (◆ with ・ sub-points, ※ survey questions) or a reference card —
//! cut with a clear "…" when it does not fit. Nothing once the agenda is
//! over.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use crate::i18n::display::DisplayText as T;
use crate::prompt_card;
use crate::timer::{self, ClockView, Status};
use crate::tui::text;

use super::{DisplayView, State, centre};

/// "B 第二分科会" or "B ③": the group as the room knows it.
pub(super) fn group_name(s: &State, id: &str) -> String {
    match s.plan.group(id) {
        Some(g) => match (&g.label, &g.name) {
            (_, Some(name)) => format!("{id} {name}"),
            (Some(label), None) => format!("{id} {label}"),
            _ => id.to_string(),
        },
        None => id.to_string(),
    }
}

pub(super) fn lower_panel(v: &DisplayView, c: &ClockView, area: Rect, buf: &mut Buffer) {
    if area.height == 0 || area.width < 4 {
        return;
    }
    let s = v.state;
    if let Some(msg) = v.run.room_message.as_deref() {
        room_message(msg, s.ascii, area, buf);
        return;
    }
    if c.status == Status::Done {
        return;
    }
    if let Some(turn) = &c.turn {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let line = format!(
            "{}: {}",
            T::Reporting.text(s.lang),
            group_name(s, turn.group)
        );
        centre(buf, area, area.y, &line, bold.fg(Color::Yellow));
        let order = c
            .block
            .map(|b| timer::report_order(&s.plan, b))
            .unwrap_or_default();
        if let Some(next) = order.get(turn.index + 1)
            && area.height > 2
        {
            let line = format!("{}: {}", T::ReportingNext.text(s.lang), group_name(s, next));
            centre(buf, area, area.y + 2, &line, Style::new());
        }
        return;
    }
    let lines = card_lines(v, area.width);
    draw_cut(lines, area, buf);
}

/// The card up on the display at `width` cells: the reference card when
/// one is up, else the prompt card.
fn card_lines(v: &DisplayView, width: u16) -> Vec<Line<'static>> {
    let s = v.state;
    let reference = v.run.shown_reference.as_deref().and_then(|key| {
        s.plan
            .references
            .iter()
            .find(|r| r.id.as_deref() == Some(key) || r.title == key)
    });
    if let Some(r) = reference {
        let bold = Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan);
        let mut out = vec![Line::styled(text::inert(&r.title), bold)];
        out.extend(
            text::wrap(&r.body, width as usize, "  ")
                .into_iter()
                .map(Line::raw),
        );
        return out;
    }
    match v.run.shown_theme.as_deref().and_then(|id| s.plan.theme(id)) {
        Some(theme) => prompt_card::lines(theme, s.lang, s.ascii, width),
        None => Vec::new(),
    }
}

/// Draws `lines` into `area`; when they do not all fit, the last row says
/// so with "…" and how many lines are left out.
fn draw_cut(lines: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) {
    let rows = area.height as usize;
    let cut = lines.len() > rows;
    let keep = if cut {
        rows.saturating_sub(1)
    } else {
        lines.len()
    };
    for (i, line) in lines.iter().take(keep).enumerate() {
        buf.set_line(area.x, area.y + i as u16, line, area.width);
    }
    if cut {
        let more = format!("… (+{})", lines.len() - keep);
        let style = Style::new().fg(Color::Yellow);
        buf.set_string(area.x, area.y + keep as u16, more, style);
    }
}

/// The message to the room, large: a yellow box with the text bold and
/// centred, wrapped to the box.
fn room_message(msg: &str, ascii: bool, area: Rect, buf: &mut Buffer) {
    let w = area.width;
    let inner_w = w.saturating_sub(6) as usize;
    let body = text::wrap(msg, inner_w.max(4), "");
    let h = (body.len() as u16 + 4).min(area.height);
    let rect = Rect { height: h, ..area };
    let style = Style::new().fg(Color::Yellow);
    let block = crate::tui::widgets::panel("", ascii).border_style(style);
    ratatui::widgets::Widget::render(block, rect, buf);
    let bold = Style::new().add_modifier(Modifier::BOLD).fg(Color::Yellow);
    for (i, l) in body.iter().enumerate() {
        let y = rect.y + 2 + i as u16;
        if y + 1 >= rect.bottom() {
            break;
        }
        centre(buf, rect, y, l, bold);
    }
}
