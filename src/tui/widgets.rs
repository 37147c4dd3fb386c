//! Widgets every screen needs: the "terminal too small" message, the help
//! popup made from a key table, a centred popup frame, borders (box-drawing
//! or plain ASCII) and a progress bar drawn with cells rather than block
//! glyphs (those are ambiguous-width in CJK terminals).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

/// The smallest terminal a screen lays itself out in.
pub(crate) const MIN_WIDTH: u16 = 60;
/// See [`MIN_WIDTH`].
pub(crate) const MIN_HEIGHT: u16 = 16;

/// True when `area` is too small for a screen.
pub(crate) fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Plain ASCII borders for terminals that draw box-drawing characters two
/// cells wide.
pub(crate) const ASCII: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// A bordered block with a title, in box-drawing or ASCII borders.
pub(crate) fn panel<'a>(title: impl Into<Line<'a>>, ascii: bool) -> Block<'a> {
    let set = if ascii { ASCII } else { border::PLAIN };
    Block::bordered().border_set(set).title(title)
}

/// A rectangle of `w`×`h` cells centred in `area` (clipped to it).
pub(crate) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Clears `rect` for a popup. A wide character just left of it would
/// overlap the popup's left border in the terminal, so it is blanked too.
pub(crate) fn clear_popup(rect: Rect, buf: &mut Buffer) {
    Clear.render(rect, buf);
    if rect.x == 0 {
        return;
    }
    for y in rect.top()..rect.bottom() {
        let left = &mut buf[(rect.x - 1, y)];
        if unicode_width::UnicodeWidthStr::width(left.symbol()) > 1 {
            left.set_symbol(" ");
        }
    }
}

/// The colour of a timer and its gauge, the same on every screen: grey
/// when done, cyan before the start, blue paused, then green, yellow, light
/// red and red as the block runs out and over.
pub(crate) fn phase_color(clock: &crate::timer::ClockView) -> Color {
    match (clock.status, clock.phase) {
        (crate::timer::Status::Done, _) => Color::DarkGray,
        (crate::timer::Status::Ready, _) => Color::Cyan,
        (crate::timer::Status::Paused, _) => Color::Blue,
        (_, crate::timer::Phase::Calm) => Color::Green,
        (_, crate::timer::Phase::Warning) => Color::Yellow,
        (_, crate::timer::Phase::Urgent) => Color::LightRed,
        (_, crate::timer::Phase::Overrun) => Color::Red,
    }
}

/// The colour of a reporting group's countdown: green, yellow in its last
/// minute, red once over, blue while paused.
pub(crate) fn turn_color(status: crate::timer::Status, remaining: i64) -> Color {
    match status {
        crate::timer::Status::Paused => Color::Blue,
        _ if remaining <= 0 => Color::Red,
        _ if remaining <= 60 => Color::Yellow,
        _ => Color::Green,
    }
}

/// The big number of a timer screen and its colour: the block's time left
/// (00:00 once done), or in a report round the reporting group's own turn,
/// so that the presenter sees their own time.
pub(crate) fn big_clock(clock: &crate::timer::ClockView) -> (String, Color) {
    match (clock.status, &clock.turn) {
        (crate::timer::Status::Done, _) => ("00:00".to_string(), phase_color(clock)),
        (_, Some(t)) => (
            crate::timer::clock_text(t.remaining),
            turn_color(clock.status, t.remaining),
        ),
        _ => (
            crate::timer::clock_text(clock.remaining),
            phase_color(clock),
        ),
    }
}

/// The message every console shows instead of its screen in a terminal
/// smaller than [`MIN_WIDTH`]×[`MIN_HEIGHT`]: what is wrong, the size now
/// and the size needed.
pub(crate) struct TooSmall {
    /// The language of the message.
    pub(crate) lang: crate::i18n::Lang,
}

impl Widget for &TooSmall {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let [message, size] = crate::i18n::too_small(
            self.lang,
            (area.width, area.height),
            (MIN_WIDTH, MIN_HEIGHT),
        );
        let lines = vec![
            Line::from(message).style(Style::new().add_modifier(Modifier::BOLD)),
            Line::from(size),
        ];
        let h = (lines.len() as u16 + 2).min(area.height);
        let top = area.y + area.height.saturating_sub(h) / 2;
        let rect = Rect {
            y: top,
            height: area.height - (top - area.y),
            ..area
        };
        Paragraph::new(lines)
            .centered()
            .wrap(Wrap { trim: true })
            .render(rect, buf);
    }
}

/// A horizontal progress bar of `ratio` (0..=1): `#` for the done part and
/// `-` for the rest, each on a background of its own colour, so that it is a
/// solid bar in a colour terminal and still legible without colour.
pub(crate) struct Bar {
    /// How much is done, 0 to 1.
    pub(crate) ratio: f64,
    /// The colour of the done part.
    pub(crate) color: Color,
    /// `#`/`-` instead of coloured cells.
    pub(crate) ascii: bool,
}

impl Widget for &Bar {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let done = ((area.width as f64) * self.ratio.clamp(0.0, 1.0)).round() as u16;
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                let filled = x - area.x < done;
                let (sym, style) = match (self.ascii, filled) {
                    (true, true) => ("#", Style::new().fg(self.color)),
                    (true, false) => ("-", Style::new().fg(Color::DarkGray)),
                    (false, true) => ("#", Style::new().fg(self.color).bg(self.color)),
                    (false, false) => ("-", Style::new().fg(Color::DarkGray).bg(Color::DarkGray)),
                };
                buf[(x, y)].set_symbol(sym).set_style(style);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_small_below_60_by_16() {
        assert!(too_small(Rect::new(0, 0, 59, 30)));
        assert!(too_small(Rect::new(0, 0, 100, 15)));
        assert!(!too_small(Rect::new(0, 0, 60, 16)));
    }

    #[test]
    fn bar_fills_its_ratio() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        let bar = Bar {
            ratio: 0.3,
            color: Color::Green,
            ascii: true,
        };
        (&bar).render(buf.area, &mut buf);
        assert_eq!(crate::tui::buffer_text::text_of(&buf), "###-------\n");
    }
}
