//! Popups that ask something of the facilitator — confirming a restart,
//! typing the message to the room — and the time badge every popup carries
//! so the clock is never out of sight.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::facilitator::{Mode, keys};
use crate::i18n::run as words;
use crate::i18n::run_live::LiveText as L;
use crate::timer::{self, Status};
use crate::tui::text;
use crate::tui::widgets::{centered, clear_popup, panel};

use super::{FacilitatorView, phase_color};

/// 「残り 12:34」 (or the reporting group's turn) for a popup's title.
pub(super) fn time_badge(v: &FacilitatorView) -> Option<String> {
    let c = &v.clock;
    if c.status == Status::Done {
        return None;
    }
    let lang = v.state.lang;
    let left = |secs| words::left(&timer::clock_text(secs), lang);
    Some(match &c.turn {
        Some(t) => format!(
            " {}{} {} ",
            lang.pick("班", "group "),
            t.group,
            left(t.remaining)
        ),
        None => format!(" {} ", left(c.remaining)),
    })
}

/// Draws the time badge on the top border of `rect`, at its right end.
pub(super) fn badge_on(v: &FacilitatorView, rect: Rect, buf: &mut Buffer) {
    let Some(badge) = time_badge(v) else {
        return;
    };
    let w = text::width(&badge) as u16;
    if rect.width < w + 4 {
        return;
    }
    let style = Style::new()
        .fg(Color::Black)
        .bg(phase_color(&v.clock))
        .add_modifier(Modifier::BOLD);
    buf.set_string(rect.right() - w - 2, rect.y, &badge, style);
}

pub(super) fn ask(
    v: &FacilitatorView,
    title: &str,
    body: &[(String, Style)],
    hint: &str,
    area: Rect,
    buf: &mut Buffer,
) {
    let w = area.width.saturating_sub(8).min(64);
    let inner_w = w.saturating_sub(4) as usize;
    let mut lines = vec![Line::raw("")];
    for (s, style) in body {
        for l in text::wrap(s, inner_w, "") {
            lines.push(Line::styled(l, *style));
        }
    }
    lines.push(Line::raw(""));
    for l in text::wrap(hint, inner_w, "") {
        lines.push(Line::styled(l, Style::new().fg(Color::DarkGray)));
    }
    let rect = centered(area, w, lines.len() as u16 + 2);
    clear_popup(rect, buf);
    let block =
        panel(format!(" {title} "), v.state.ascii).border_style(Style::new().fg(Color::Yellow));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let body = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    Paragraph::new(lines).render(body, buf);
    badge_on(v, rect, buf);
}

pub(super) fn confirm_restart(v: &FacilitatorView, area: Rect, buf: &mut Buffer) {
    let lang = v.state.lang;
    let block = v.clock.block.map(|b| b.title.clone()).unwrap_or_default();
    let bold = Style::new().add_modifier(Modifier::BOLD);
    ask(
        v,
        L::RestartTitle.text(lang),
        &[
            (block, bold),
            (L::RestartBody.text(lang).to_string(), Style::new()),
        ],
        &keys::popup_hint(&Mode::ConfirmRestart, lang),
        area,
        buf,
    );
}

pub(super) fn room_message(v: &FacilitatorView, typed: &str, area: Rect, buf: &mut Buffer) {
    let lang = v.state.lang;
    let shown = format!("{}_", text::inert(typed));
    let bold = Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan);
    let mut body = Vec::new();
    let up = v.state.run.room_message.as_deref();
    if let Some(now) = up {
        let line = format!("{}: {}", L::RoomMessageNow.text(lang), text::inert(now));
        body.push((line, Style::new().fg(Color::Yellow)));
    }
    body.push((shown, bold));
    let keys = match up {
        Some(_) if typed.is_empty() => keys::room_message_up_hint(lang),
        _ => keys::popup_hint(&v.state.mode, lang),
    };
    ask(v, L::RoomMessageTitle.text(lang), &body, &keys, area, buf);
}
