//! What the room sees: the sitting's title and the wall clock, the block and
//! its segment, the remaining time in digits as large as the terminal
//! allows, the next block, and below them the prompt card the facilitator
//! put up or the group reporting now. A line at the bottom warns of clock
//! skew and of files that cannot be read.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use crate::i18n::display::{self as words, DisplayText as T};
use crate::model::Stamp;
use crate::model::run::RunState;
use crate::timer::{self, Clock, ClockView, Status};
use crate::tui::keys::{HelpPopup, sections};
use crate::tui::widgets::{TooSmall, too_small};
use crate::tui::widgets::{big_clock, phase_color};
use crate::tui::{bigtext, text};

use super::{FileProblem, State, keys};

/// The display at one instant, ready to draw.
pub struct DisplayView<'a> {
    state: &'a State,
    now: Stamp,
    run: RunState,
}

impl<'a> DisplayView<'a> {
    /// The display of `state` at `now`.
    pub fn new(state: &'a State, now: Stamp) -> DisplayView<'a> {
        // Before run.json exists the plan's first block waits.
        let run = state
            .run
            .clone()
            .unwrap_or_else(|| RunState::new(&state.plan));
        DisplayView { state, now, run }
    }

    fn clock(&self) -> ClockView<'a> {
        Clock::at(&self.state.plan, &self.run, self.now)
    }
}

/// Writes `s` centred on row `y` of `area`, cut to its width.
fn centre(buf: &mut Buffer, area: Rect, y: u16, s: &str, style: Style) {
    let s = text::truncate(&text::inert(s), area.width as usize);
    let w = text::width(&s) as u16;
    buf.set_string(area.x + (area.width - w) / 2, y, &s, style);
}

/// Writes `s` at (x, y), cut to `max` cells.
fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max: u16, style: Style) {
    let s = text::truncate(&text::inert(s), max as usize);
    buf.set_string(x, y, &s, style);
}

impl Widget for &DisplayView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.state;
        let lang = s.lang;
        if too_small(area) {
            TooSmall { lang }.render(area, buf);
            return;
        }
        let c = self.clock();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        // Row 0: the sitting's title, the wall clock on the right.
        let wall = self
            .now
            .with_timezone(&s.plan.timezone)
            .format("%H:%M")
            .to_string();
        let right = area.right() - 6;
        buf.set_string(right, area.y, &wall, bold);
        put(
            buf,
            area.x + 1,
            area.y,
            &s.plan.title,
            right.saturating_sub(area.x + 3),
            Style::new().fg(Color::Gray),
        );
        // Rows 2-3: the block, then its segment or status.
        let block = match c.block {
            Some(b) => format!(
                "{} {}/{}  {}",
                T::Block.text(lang),
                c.block_index.unwrap_or(0) + 1,
                c.block_count,
                b.title
            ),
            None => T::Done.text(lang).to_string(),
        };
        centre(buf, area, area.y + 2, &block, bold.fg(Color::Cyan));
        centre(
            buf,
            area,
            area.y + 3,
            &status_line(&c, lang),
            bold.fg(phase_color(&c)),
        );
        // The digits take about 45% of the height, at least five rows.
        let lower = area.height.saturating_sub(4);
        let digits_h = (area.height * 45 / 100).clamp(5, lower.saturating_sub(4));
        let digits = Rect::new(area.x + 2, area.y + 5, area.width - 4, digits_h);
        let (shown, color) = big_clock(&c);
        // The digits hang from the top of their area so that what is left
        // goes to the card below.
        let mut y = digits.y;
        if let Some(scale) = bigtext::fit(&shown, digits.width, digits.height) {
            let (w, h) = scale.size(&shown);
            let x = digits.x + (digits.width - w) / 2;
            bigtext::draw(buf, x, y, &shown, scale, color, s.ascii);
            y += h;
        }
        // Under the digits: the time in words (for screen readers and tests)
        // and the next block.
        y += 1;
        centre(buf, area, y, &small_line(self, &c, &shown), Style::new());
        y += 2;
        let bottom = area.bottom() - 1;
        let card = Rect::new(area.x + 2, y, area.width - 4, bottom.saturating_sub(y));
        lower_panel(self, &c, card, buf);
        warnings(s, Rect::new(area.x, bottom, area.width, 1), buf);
        if s.help {
            let sections = sections(keys::LAYERS, lang);
            (&HelpPopup {
                title: T::HelpTitle.text(lang),
                sections: &sections,
                scroll: 0,
                ascii: s.ascii,
                hint: T::HelpHint.text(lang),
            })
                .render(area, buf);
        }
    }
}

/// "進行中 | パート 2/3 意見交換" and the like. When the reporting group's
/// turn is past its time the big digits read `+00:04`, so this line says
/// 「超過 +00:04」 / "Over +00:04".
fn status_line(c: &ClockView, lang: crate::i18n::Lang) -> String {
    let turn_over = c
        .turn
        .as_ref()
        .filter(|t| t.remaining < 0)
        .map(|t| words::left(&timer::clock_text(t.remaining), lang));
    if let Some(over) = turn_over {
        return match c.status {
            Status::Paused => format!("{}  {over}", T::Paused.text(lang)),
            _ => over,
        };
    }
    let status = match (c.status, c.remaining < 0) {
        (Status::Ready, _) => T::Ready,
        (Status::Paused, _) => T::Paused,
        (Status::Done, _) => return String::new(),
        (Status::Running, true) => T::Overrun,
        (Status::Running, false) => T::Running,
    }
    .text(lang)
    .to_string();
    match &c.segment {
        Some(seg) => format!(
            "{status}  |  {} {}/{}  {}  {}",
            T::Segment.text(lang),
            seg.index + 1,
            seg.count,
            seg.title,
            words::left(&timer::clock_text(seg.remaining), lang)
        ),
        None => status,
    }
}

/// "残り 44:58 / 45分   次: 各グループからの報告 (15分)".
fn small_line(v: &DisplayView, c: &ClockView, shown: &str) -> String {
    let lang = v.state.lang;
    let mut out = String::new();
    if c.status != Status::Done {
        // 「超過 +01:45」, never 「残り +01:45」; in a report round the big
        // number is the turn, so the block's time is said here.
        let (label, clock) = match &c.turn {
            Some(_) => (
                format!("{} ", T::Block.text(lang)),
                timer::clock_text(c.remaining),
            ),
            None => (String::new(), shown.to_string()),
        };
        let _ = shown;
        out = format!(
            "{label}{} / {}{}",
            words::left(&clock, lang),
            c.duration / 60,
            T::Minutes.text(lang)
        );
    }
    let next = c.block_index.and_then(|i| v.state.plan.agenda.get(i + 1));
    if let Some(b) = next {
        out.push_str(&format!(
            "   {}: {} ({}{})",
            T::Next.text(lang),
            b.title,
            b.minutes,
            T::Minutes.text(lang)
        ));
    }
    out
}

/// The bottom line: clock skew first, then unreadable or newer files, then
/// that the facilitator has not started the timer yet, then the polling
/// notice.
fn warnings(s: &State, area: Rect, buf: &mut Buffer) {
    let lang = s.lang;
    let alarm = Style::new().fg(Color::Black).bg(Color::Yellow);
    let line = if let Some(secs) = s.skew {
        Some((words::clock_skew(secs, lang), alarm))
    } else if let Some((file, p)) = s.problems.iter().next() {
        let t = match p {
            // What is wrong first: the line is cut at the screen's edge.
            FileProblem::Unreadable(why) => format!("{why} — {}", words::unreadable(file, lang)),
            FileProblem::Newer => words::newer(file, lang),
        };
        Some((t, alarm))
    } else if s.run.is_none() {
        let t = T::NoRun.text(lang).to_string();
        Some((t, Style::new().fg(Color::DarkGray)))
    } else {
        s.polling
            .map(|secs| (words::polling(secs, lang), Style::new().fg(Color::DarkGray)))
    };
    if let Some((t, style)) = line {
        put(buf, area.x + 1, area.y, &t, area.width - 2, style);
    }
}

mod panel;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_idle;
#[cfg(test)]
mod tests_room;

use panel::lower_panel;
