//! Test support: whether a terminal emulator's screen (vt100) shows what a
//! ratatui buffer holds, cell by cell — text, colours, attributes — with
//! the equivalences a terminal cannot tell apart (a blank's foreground).

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

pub(crate) fn vt_color(c: Color) -> vt100::Color {
    match c {
        Color::Reset => vt100::Color::Default,
        Color::Black => vt100::Color::Idx(0),
        Color::Red => vt100::Color::Idx(1),
        Color::Green => vt100::Color::Idx(2),
        Color::Yellow => vt100::Color::Idx(3),
        Color::Blue => vt100::Color::Idx(4),
        Color::Magenta => vt100::Color::Idx(5),
        Color::Cyan => vt100::Color::Idx(6),
        Color::Gray => vt100::Color::Idx(7),
        Color::DarkGray => vt100::Color::Idx(8),
        Color::LightRed => vt100::Color::Idx(9),
        Color::LightGreen => vt100::Color::Idx(10),
        Color::LightYellow => vt100::Color::Idx(11),
        Color::LightBlue => vt100::Color::Idx(12),
        Color::LightMagenta => vt100::Color::Idx(13),
        Color::LightCyan => vt100::Color::Idx(14),
        Color::White => vt100::Color::Idx(15),
        Color::Indexed(n) => vt100::Color::Idx(n),
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
    }
}

/// A space without the attributes that show in one (reverse, underline,
/// strike-through): only its background is seen.
pub(crate) fn blank_looks(cell: &ratatui::buffer::Cell) -> bool {
    let shows = Modifier::REVERSED | Modifier::UNDERLINED | Modifier::CROSSED_OUT;
    cell.symbol() == " " && !cell.modifier.intersects(shows)
}

/// Every cell the emulator shows equals the buffer's: symbol, colours and
/// attributes; the cell a wide character covers is skipped.
pub(crate) fn assert_same(screen: &vt100::Screen, buf: &Buffer, frame: usize) {
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let vt = screen.cell(y, x).unwrap();
            if vt.is_wide_continuation() {
                continue;
            }
            let want = &buf[(x, y)];
            let got = if vt.contents().is_empty() {
                " "
            } else {
                vt.contents()
            };
            let place = format!("frame {frame} at ({x},{y})");
            assert_eq!(got, want.symbol(), "{place}");
            assert_eq!(vt.bgcolor(), vt_color(want.bg), "bg {place}");
            if blank_looks(want) {
                // Only the background shows in a space: its foreground,
                // bold or italic are the backend's to choose.
                assert!(!vt.inverse() && !vt.underline(), "blank {place}");
                continue;
            }
            assert_eq!(vt.fgcolor(), vt_color(want.fg), "fg {place}");
            let m = want.modifier;
            assert_eq!(vt.bold(), m.contains(Modifier::BOLD), "bold {place}");
            assert_eq!(vt.italic(), m.contains(Modifier::ITALIC), "italic {place}");
            assert_eq!(
                vt.underline(),
                m.contains(Modifier::UNDERLINED),
                "ul {place}"
            );
            assert_eq!(vt.inverse(), m.contains(Modifier::REVERSED), "rev {place}");
        }
    }
}

/// What the tests need of a backend beyond what the consoles use.
impl<W: std::io::Write> super::ThinBackend<W> {
    /// A backend of a fixed size (tests).
    pub(crate) fn with_size(out: W, width: u16, height: u16) -> super::ThinBackend<W> {
        let mut b = super::ThinBackend::new(out);
        b.fixed = Some(ratatui::layout::Size::new(width, height));
        b
    }

    /// The writer, e.g. to read what a test backend wrote.
    pub(crate) fn writer(&self) -> &W {
        &self.out
    }

    /// Forgets the pen, the cursor and the screen: something else wrote to
    /// the terminal.
    pub(crate) fn forget(&mut self) {
        self.pen = None;
        self.at = None;
        self.shown = None;
        self.screen.iter_mut().for_each(|c| *c = None);
    }
}
