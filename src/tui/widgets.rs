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

use super::text;

/// The smallest terminal a screen lays itself out in.
pub const MIN_WIDTH: u16 = 60;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 16;

/// True when `area` is too small for a screen.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Plain ASCII borders for terminals that draw box-drawing characters two
/// cells wide.
pub const ASCII: border::Set = border::Set {
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
pub fn panel<'a>(title: impl Into<Line<'a>>, ascii: bool) -> Block<'a> {
    let set = if ascii { ASCII } else { border::PLAIN };
    Block::bordered().border_set(set).title(title)
}

/// A rectangle of `w`×`h` cells centred in `area` (clipped to it).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
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
pub fn clear_popup(rect: Rect, buf: &mut Buffer) {
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

/// The message every console shows instead of its screen in a terminal
/// smaller than [`MIN_WIDTH`]×[`MIN_HEIGHT`]: what is wrong, the size now
/// and the size needed.
pub struct TooSmall {
    /// The language of the message.
    pub lang: crate::i18n::Lang,
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

/// The `?` help: a table of keys and what they do.
pub struct Help<'a> {
    /// The popup's title.
    pub title: &'a str,
    /// Keys and their meaning, from the screen's key table.
    pub rows: &'a [(String, &'a str)],
    /// Plain ASCII borders.
    pub ascii: bool,
    /// The hint on the bottom border (how to close it).
    pub hint: &'a str,
}

impl Widget for &Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let key_w = self
            .rows
            .iter()
            .map(|(k, _)| text::width(k))
            .max()
            .unwrap_or(0);
        let text_w = self
            .rows
            .iter()
            .map(|(_, t)| text::width(t))
            .max()
            .unwrap_or(0);
        // Rows flow into as many columns as the height needs, so every key
        // stays visible in a short terminal.
        let max_rows = usize::from(area.height.saturating_sub(2)).max(1);
        let columns = self.rows.len().div_ceil(max_rows).max(1);
        let per_column = self.rows.len().div_ceil(columns).max(1);
        let col_w = key_w + text_w + 4;
        let w = (col_w * columns + 1).max(text::width(self.title) + 4) as u16;
        let h = per_column as u16 + 2;
        let rect = centered(area, w, h);
        clear_popup(rect, buf);
        let block = panel(format!(" {} ", self.title), self.ascii)
            .title_bottom(Line::from(format!(" {} ", self.hint)).right_aligned());
        let inner = block.inner(rect);
        block.render(rect, buf);
        // When the terminal is narrower than the columns, each column gets an
        // equal share and its descriptions are cut.
        let col_w = (usize::from(inner.width) / columns).min(col_w);
        for (i, (keys, what)) in self.rows.iter().enumerate() {
            let (col, row) = (i / per_column, i % per_column);
            if row as u16 >= inner.height {
                continue;
            }
            let x = inner.x + (col * col_w) as u16;
            let y = inner.y + row as u16;
            let kw = key_w.min(col_w.saturating_sub(1));
            let keys = text::fit(keys, kw);
            buf.set_string(x + 1, y, &keys, Style::new().fg(Color::Cyan));
            let rest = col_w.saturating_sub(kw + 3);
            let what = text::truncate(what, rest);
            buf.set_string(x + kw as u16 + 3, y, what, Style::new());
        }
    }
}

/// A horizontal progress bar of `ratio` (0..=1): `#` for the done part and
/// `-` for the rest, each on a background of its own colour, so that it is a
/// solid bar in a colour terminal and still legible without colour.
pub struct Bar {
    /// How much is done, 0 to 1.
    pub ratio: f64,
    /// The colour of the done part.
    pub color: Color,
    /// `#`/`-` instead of coloured cells.
    pub ascii: bool,
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
        let line: String = (0..10).map(|x| buf[(x, 0)].symbol().to_string()).collect();
        assert_eq!(line, "###-------");
    }

    #[test]
    fn help_lists_every_row() {
        let rows = vec![("q".to_string(), "quit"), ("Space".to_string(), "start")];
        let help = Help {
            title: "Keys",
            rows: &rows,
            ascii: true,
            hint: "Esc",
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 40, 8));
        (&help).render(buf.area, &mut buf);
        let text: String = (0..8)
            .map(|y| {
                (0..40)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    + "\n"
            })
            .collect();
        assert!(text.contains("q      quit"), "{text}");
        assert!(text.contains("Space  start"), "{text}");
    }

    #[test]
    fn a_long_help_flows_into_columns_and_shows_every_key() {
        let rows: Vec<(String, &str)> = (0..30).map(|i| (format!("K{i:02}"), "do")).collect();
        let help = Help {
            title: "Keys",
            rows: &rows,
            ascii: true,
            hint: "Esc",
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 60, 16));
        (&help).render(buf.area, &mut buf);
        let text: String = (0..16)
            .flat_map(|y| (0..60).map(move |x| (x, y)))
            .map(|p| buf[p].symbol().to_string())
            .collect();
        for i in 0..30 {
            assert!(text.contains(&format!("K{i:02}  do")), "K{i:02} missing");
        }
    }
}
