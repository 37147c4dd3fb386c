//! The header (title, block i/n, materials, wall clock, planned and
//! projected end) and the big timer with its gauge.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use crate::i18n::Lang;
use crate::i18n::run as text_ja_en;
use crate::i18n::run::RunText as T;
use crate::i18n::run_live::{self as live, LiveText as L};
use crate::model::Stamp;
use crate::timer::{self, Phase, Status};
use crate::tui::bigtext::glyph;
use crate::tui::text;
use crate::tui::widgets::Bar;

use super::{FacilitatorView, phase_color};
use crate::tui::widgets::big_clock;

/// `HH:MM` in the plan's time zone.
fn hhmm(v: &FacilitatorView, t: Stamp) -> String {
    t.with_timezone(&v.state.plan.timezone)
        .format("%H:%M")
        .to_string()
}

/// Writes `s` at (x, y), cut to `max` cells; returns the cells used.
pub(super) fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max: u16, style: Style) -> u16 {
    let s = text::truncate(s, max as usize);
    buf.set_string(x, y, &s, style);
    text::width(&s) as u16
}

pub(super) fn header(v: &FacilitatorView, area: Rect, buf: &mut Buffer) {
    let lang = v.state.lang;
    let c = &v.clock;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    // Line 1: the block on the right, the sitting's title in what is left.
    let block = match c.block {
        Some(b) => {
            let mut s = format!(
                "{} {}/{}  {}",
                T::Block.text(lang),
                c.block_index.unwrap_or(0) + 1,
                c.block_count,
                b.title
            );
            if let Some(m) = &b.materials {
                s.push_str("  ");
                s.push_str(m);
            }
            s
        }
        None => T::Done.text(lang).to_string(),
    };
    let block = text::truncate(&block, (area.width as usize * 3 / 5).max(20));
    let bw = text::width(&block) as u16;
    let right_x = area.right().saturating_sub(bw + 1);
    buf.set_string(right_x, area.y, &block, bold.fg(Color::Cyan));
    let title_max = right_x.saturating_sub(area.x + 3);
    put(
        buf,
        area.x + 1,
        area.y,
        &v.state.plan.title,
        title_max,
        bold,
    );
    // Line 2: wall clock, then the plan's end and the projected one when the
    // plan is dated today; on another day (a rehearsal, a reused plan) the
    // drift against the plan's durations instead.
    let mut line = format!("{} {}", T::Now.text(lang), hhmm(v, v.now));
    let today = c.plan_today;
    if let Some(p) = c.planned_end.filter(|_| today) {
        line.push_str(&format!("   {} {}", T::PlannedEnd.text(lang), hhmm(v, p)));
    }
    let y = area.y + 1;
    let badge = if v.state.read_only {
        text::width(T::ReadOnly.text(lang)) as u16 + 3
    } else {
        0
    };
    let right = area.right().saturating_sub(badge + 1);
    let used = put(
        buf,
        area.x + 1,
        y,
        &line,
        right.saturating_sub(area.x + 1),
        Style::new(),
    );
    if let Some(e) = c.projected_end {
        let late = match (today, c.planned_end, c.drift) {
            (true, Some(p), _) => Some((e - p).num_minutes()),
            (false, _, Some(d)) => Some(d / 60),
            _ => None,
        };
        let mut s = format!("   {} {}", T::ProjectedEnd.text(lang), hhmm(v, e));
        match late {
            Some(m) if m != 0 && today => s.push_str(&format!(" ({m:+}{})", minutes_unit(lang))),
            Some(m) if !today => s.push_str(&format!("  {}", live::drift(m, lang))),
            _ => {}
        }
        let style = if late.is_some_and(|m| m > 0) {
            Style::new().fg(Color::Yellow)
        } else {
            Style::new()
        };
        let x = area.x + 1 + used;
        put(buf, x, y, &s, right.saturating_sub(x), style);
    }
    if v.state.read_only {
        let tag = format!("[{}]", T::ReadOnly.text(lang));
        let w = text::width(&tag) as u16;
        let style = Style::new().fg(Color::Black).bg(Color::Yellow);
        buf.set_string(area.right().saturating_sub(w + 1), y, &tag, style);
    }
}

fn minutes_unit(lang: Lang) -> &'static str {
    lang.pick("分", " min")
}

/// Cells the big rendering of `s` takes: two cells a pixel, one between glyphs.
pub(super) fn big_width(s: &str) -> u16 {
    s.chars()
        .map(|c| glyph(c)[0].len() as u16 * 2 + 1)
        .sum::<u16>()
        - 1
}

/// Draws `s` in the big font at (x, y). Pixels are `#` on a background of
/// the same colour: a solid block in a colour terminal, still legible without
/// colour, and never ambiguous-width.
fn big(buf: &mut Buffer, x: u16, y: u16, s: &str, color: Color, ascii: bool) {
    let lit = if ascii {
        Style::new().fg(color).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(color).bg(color)
    };
    let mut cx = x;
    for c in s.chars() {
        let g = glyph(c);
        for (row, bits) in g.iter().enumerate() {
            for (i, b) in bits.chars().enumerate() {
                if b == '#' {
                    let px = cx + i as u16 * 2;
                    let area = buf.area;
                    for dx in 0..2 {
                        if px + dx < area.right() && y + (row as u16) < area.bottom() {
                            buf[(px + dx, y + row as u16)]
                                .set_symbol("#")
                                .set_style(lit);
                        }
                    }
                }
            }
        }
        cx += g[0].len() as u16 * 2 + 1;
    }
}

pub(super) fn timer(v: &FacilitatorView, area: Rect, buf: &mut Buffer) {
    let c = &v.clock;
    let (shown, mut color) = big_clock(c);
    let flash = v.flash_on();
    let info_lines = info(v);
    let gauge_y = area.bottom() - 1;
    let ratio = if c.duration > 0 {
        c.elapsed as f64 / c.duration as f64
    } else {
        1.0
    };
    if area.height >= 6 {
        let w = big_width(&shown) + 4;
        let digits = Rect {
            width: w.min(area.width),
            height: 5,
            ..area
        };
        if flash {
            buf.set_style(digits, Style::new().bg(color));
            color = Color::Black;
        }
        big(buf, area.x + 2, area.y, &shown, color, v.state.ascii);
        let x = area.x + w + 2;
        for (i, (s, style)) in info_lines.iter().take(5).enumerate() {
            put(
                buf,
                x,
                area.y + i as u16,
                s,
                area.right().saturating_sub(x + 1),
                *style,
            );
        }
    } else {
        let style = if flash {
            Style::new().fg(Color::Black).bg(color)
        } else {
            Style::new().fg(color)
        };
        let used = put(
            buf,
            area.x + 1,
            area.y,
            &shown,
            10,
            style.add_modifier(Modifier::BOLD),
        );
        let mut x = area.x + used + 3;
        for (s, style) in info_lines.iter().take(3) {
            let w = put(
                buf,
                x,
                area.y,
                s,
                area.right().saturating_sub(x + 1),
                *style,
            );
            x += w + 2;
        }
    }
    let bar = Bar {
        ratio,
        color: phase_color(c),
        ascii: v.state.ascii,
    };
    let bar_area = Rect {
        x: area.x + 1,
        y: gauge_y,
        width: area.width.saturating_sub(2),
        height: 1,
    };
    ratatui::widgets::Widget::render(&bar, bar_area, buf);
}

/// The lines beside the big timer: status, elapsed, segment, turn, next
/// alert, next block.
fn info(v: &FacilitatorView) -> Vec<(String, Style)> {
    let lang = v.state.lang;
    let c = &v.clock;
    let color = phase_color(c);
    let mut lines = Vec::new();
    let status = match (c.status, c.phase) {
        (Status::Ready, _) => T::Ready,
        (Status::Paused, _) => T::Paused,
        (Status::Done, _) => T::Done,
        (Status::Running, Phase::Overrun) => T::Overrun,
        (Status::Running, _) => T::Running,
    };
    let bold = Style::new().fg(color).add_modifier(Modifier::BOLD);
    // A read-only console cannot start anything: no "(Space to start)".
    let status = match (status, v.state.read_only) {
        (T::Ready, true) => L::ReadyReadOnly.text(lang),
        (t, _) => t.text(lang),
    };
    lines.push((status.to_string(), bold));
    if c.status == Status::Done {
        return lines;
    }
    let mut elapsed = format!(
        "{} {} {} {}",
        T::Elapsed.text(lang),
        timer::clock_text(c.elapsed),
        T::Length.text(lang),
        timer::clock_text(c.duration)
    );
    let adjusted = c.duration - c.block.map_or(0, |b| i64::from(b.minutes) * 60);
    if adjusted != 0 {
        elapsed.push_str(&format!(" ({})", text_ja_en::signed_length(adjusted, lang)));
    }
    lines.push((elapsed, Style::new()));
    if let Some(s) = &c.segment {
        let t = format!(
            "{} ({}/{})  {}",
            s.title,
            s.index + 1,
            s.count,
            text_ja_en::left(&timer::clock_text(s.remaining), lang)
        );
        lines.push((t, Style::new().add_modifier(Modifier::BOLD)));
    }
    if let Some(t) = &c.turn {
        // The big number is the turn; the block's time left goes here.
        let s = format!(
            "{} {}{} ({}/{})  {} {}",
            T::Report.text(lang),
            T::GroupWord.text(lang),
            t.group,
            t.index + 1,
            t.count,
            T::Block.text(lang),
            text_ja_en::left(&timer::clock_text(c.remaining), lang)
        );
        let style = if t.remaining <= 0 {
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        };
        lines.push((s, style));
    }
    if matches!(c.status, Status::Running | Status::Paused | Status::Ready) {
        let fired = |m: u32| {
            v.state
                .run
                .current
                .as_ref()
                .is_some_and(|b| b.alert_fired(m))
        };
        let next = timer::thresholds(&v.state.plan, c.duration)
            .into_iter()
            .find(|&m| !fired(m) && c.remaining > i64::from(m) * 60);
        if let Some(m) = next {
            let when = if m == 0 {
                T::AtZero.text(lang).to_string()
            } else {
                format!("{m}{}", T::MinutesLeft.text(lang))
            };
            let s = format!("{}: {when}", T::NextAlert.text(lang));
            lines.push((s, Style::new().fg(Color::DarkGray)));
        }
    }
    let next = c.block_index.and_then(|i| v.state.plan.agenda.get(i + 1));
    if let Some(b) = next {
        let s = format!(
            "{}: {} ({}{})",
            L::NextUp.text(lang),
            b.title,
            b.minutes,
            minutes_unit(lang)
        );
        lines.push((s, Style::new().fg(Color::DarkGray)));
    }
    lines
}
