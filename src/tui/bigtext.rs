//! Large digits for a timer seen across a room: a 3×5 pixel font drawn at
//! whatever scale fits the area. Pixels are `#` cells whose background is
//! the foreground colour — a solid block in a colour terminal, still legible
//! without colour, and never an ambiguous-width glyph.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

/// Pixel rows of a glyph.
pub(crate) const GLYPH_ROWS: u16 = 5;

/// The pixels of `c` in the 3×5 font; `#` is lit.
pub(crate) fn glyph(c: char) -> [&'static str; 5] {
    match c {
        '0' => ["###", "#.#", "#.#", "#.#", "###"],
        '1' => [".#.", "##.", ".#.", ".#.", "###"],
        '2' => ["###", "..#", "###", "#..", "###"],
        '3' => ["###", "..#", "###", "..#", "###"],
        '4' => ["#.#", "#.#", "###", "..#", "..#"],
        '5' => ["###", "#..", "###", "..#", "###"],
        '6' => ["###", "#..", "###", "#.#", "###"],
        '7' => ["###", "..#", "..#", "..#", "..#"],
        '8' => ["###", "#.#", "###", "#.#", "###"],
        '9' => ["###", "#.#", "###", "..#", "###"],
        ':' => [".", "#", ".", "#", "."],
        '+' => ["...", ".#.", "###", ".#.", "..."],
        _ => ["...", "...", "...", "...", "..."],
    }
}

/// Pixel columns of `s`, one blank pixel between glyphs.
pub(crate) fn pixel_width(s: &str) -> u16 {
    let n = s.chars().count() as u16;
    s.chars().map(|c| glyph(c)[0].len() as u16).sum::<u16>() + n.saturating_sub(1)
}

/// The size of one pixel in cells (width, height).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scale {
    /// Cells across a pixel.
    pub(crate) x: u16,
    /// Rows down a pixel.
    pub(crate) y: u16,
}

impl Scale {
    /// The cells `s` takes at this scale (width, height).
    pub(crate) fn size(self, s: &str) -> (u16, u16) {
        (pixel_width(s) * self.x, GLYPH_ROWS * self.y)
    }
}

/// The largest scale at which `s` fits in `w`×`h` cells, keeping pixels
/// about twice as wide as tall (terminal cells are tall); `None` when even
/// one cell a pixel does not fit.
pub(crate) fn fit(s: &str, w: u16, h: u16) -> Option<Scale> {
    let cols = pixel_width(s).max(1);
    let max_x = w / cols;
    let max_y = h / GLYPH_ROWS;
    if max_x == 0 || max_y == 0 {
        return None;
    }
    let y = max_y.min(max_x.div_ceil(2)).max(1);
    let x = max_x.min(y * 2).max(1);
    Some(Scale { x, y })
}

/// Draws `s` with its top-left corner at (x, y); pixels outside the buffer
/// are dropped.
pub(crate) fn draw(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    s: &str,
    scale: Scale,
    color: Color,
    ascii: bool,
) {
    let lit = if ascii {
        Style::new().fg(color).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(color).bg(color)
    };
    let area = buf.area;
    let mut cx = x;
    for c in s.chars() {
        let g = glyph(c);
        for (row, bits) in g.iter().enumerate() {
            for (col, b) in bits.chars().enumerate() {
                if b != '#' {
                    continue;
                }
                let px = cx + col as u16 * scale.x;
                let py = y + row as u16 * scale.y;
                for dy in 0..scale.y {
                    for dx in 0..scale.x {
                        let (cx, cy) = (px + dx, py + dy);
                        if cx < area.right() && cy < area.bottom() {
                            buf[(cx, cy)].set_symbol("#").set_style(lit);
                        }
                    }
                }
            }
        }
        cx += (g[0].len() as u16 + 1) * scale.x;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn scale_grows_with_the_area_and_keeps_pixels_wide() {
        assert_eq!(pixel_width("44:58"), 17);
        assert_eq!(fit("44:58", 116, 16), Some(Scale { x: 6, y: 3 }));
        assert_eq!(fit("44:58", 76, 10), Some(Scale { x: 4, y: 2 }));
        assert_eq!(fit("44:58", 20, 5), Some(Scale { x: 1, y: 1 }));
        assert_eq!(fit("44:58", 16, 5), None);
        assert_eq!(fit("44:58", 100, 4), None);
    }

    #[test]
    fn draws_solid_pixels_at_scale() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 10));
        draw(
            &mut buf,
            0,
            0,
            "1",
            Scale { x: 2, y: 2 },
            Color::Green,
            false,
        );
        // "1" row 0 is ".#." : cells 2..4 lit on rows 0 and 1, 0..2 dark.
        assert_eq!(buf[(2, 0)].symbol(), "#");
        assert_eq!(buf[(3, 1)].symbol(), "#");
        assert_eq!(buf[(0, 0)].symbol(), " ");
        assert_eq!(buf[(2, 0)].bg, Color::Green);
        // Row 4 is "###": all six cells lit on rows 8 and 9.
        assert!((0..6).all(|x| buf[(x, 9)].symbol() == "#"));
    }
}
