//! A thin terminal backend: ratatui's diff already says which cells changed;
//! this writes them in as few bytes as the terminal allows. The colours and
//! attributes in force are kept from one frame to the next (no reset after
//! every frame), the basic colours use their short codes (`ESC[32m`, not
//! `ESC[38;5;2m`), only the attributes that change are switched, the cursor
//! is hidden or shown only when that changes, and it moves the cheapest way
//! (not at all when the next cell is the next one, `ESC[nC` along a row,
//! CR LF to the next row, else `ESC[r;cH`).
//!
//! Everything the guard writes outside frames (entering, leaving, clearing)
//! starts from a known state: the pen is forgotten and set again in full.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// The colours and attributes the terminal writes with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

/// The backend over any writer (stdout, or a byte buffer in tests).
pub(crate) struct ThinBackend<W: Write> {
    out: W,
    /// The terminal's size when it is not a real terminal (tests).
    fixed: Option<Size>,
    /// The pen in force, `None` when unknown.
    pen: Option<Pen>,
    /// Where the cursor is, `None` when unknown (after a raw write of
    /// unknown effect, or past the right edge).
    at: Option<(u16, u16)>,
    /// Whether the cursor is shown, `None` when unknown.
    shown: Option<bool>,
    width: u16,
}

impl<W: Write> ThinBackend<W> {
    /// A backend writing to a real terminal.
    pub(crate) fn new(out: W) -> ThinBackend<W> {
        ThinBackend {
            out,
            fixed: None,
            pen: None,
            at: None,
            shown: None,
            width: 0,
        }
    }

    /// A backend of a fixed size (tests).
    #[cfg(test)]
    pub(crate) fn with_size(out: W, width: u16, height: u16) -> ThinBackend<W> {
        let mut b = ThinBackend::new(out);
        b.fixed = Some(Size::new(width, height));
        b
    }

    /// The writer, e.g. to read what a test backend wrote.
    #[cfg(test)]
    pub(crate) fn writer(&self) -> &W {
        &self.out
    }

    /// Forgets the pen and the cursor: something else wrote to the terminal.
    #[cfg(test)]
    pub(crate) fn forget(&mut self) {
        self.pen = None;
        self.at = None;
        self.shown = None;
    }

    fn move_to(&mut self, x: u16, y: u16, buf: &mut Vec<u8>) {
        match self.at {
            Some((cx, cy)) if cy == y && cx == x => {}
            Some((cx, cy)) if cy == y && x > cx => {
                let n = x - cx;
                if n == 1 {
                    buf.extend_from_slice(b"\x1b[C");
                } else {
                    let _ = write!(buf, "\x1b[{n}C");
                }
            }
            Some((_, cy)) if x == 0 && y == cy + 1 => buf.extend_from_slice(b"\r\n"),
            Some((_, cy)) if cy == y => {
                let _ = write!(buf, "\x1b[{}G", x + 1);
            }
            _ => {
                let _ = write!(buf, "\x1b[{};{}H", y + 1, x + 1);
            }
        }
        self.at = Some((x, y));
    }

    fn set_pen(&mut self, pen: Pen, buf: &mut Vec<u8>) {
        let mut codes: Vec<String> = Vec::new();
        match self.pen {
            Some(old) if old == pen => return,
            Some(old) => {
                let removed = old.modifier - pen.modifier;
                let added = pen.modifier - old.modifier;
                let bold_dim = Modifier::BOLD | Modifier::DIM;
                let mut add = added;
                if removed.intersects(bold_dim) {
                    codes.push("22".into());
                    add |= pen.modifier & bold_dim;
                }
                for (m, off) in [
                    (Modifier::ITALIC, "23"),
                    (Modifier::UNDERLINED, "24"),
                    (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK, "25"),
                    (Modifier::REVERSED, "27"),
                    (Modifier::HIDDEN, "28"),
                    (Modifier::CROSSED_OUT, "29"),
                ] {
                    if removed.intersects(m) {
                        codes.push(off.into());
                        add |= pen.modifier & m;
                    }
                }
                push_modifiers(add, &mut codes);
                if old.fg != pen.fg {
                    codes.push(color(pen.fg, false));
                }
                if old.bg != pen.bg {
                    codes.push(color(pen.bg, true));
                }
            }
            None => {
                codes.push("0".into());
                push_modifiers(pen.modifier, &mut codes);
                if pen.fg != Color::Reset {
                    codes.push(color(pen.fg, false));
                }
                if pen.bg != Color::Reset {
                    codes.push(color(pen.bg, true));
                }
            }
        }
        let _ = write!(buf, "\x1b[{}m", codes.join(";"));
        self.pen = Some(pen);
    }

    /// Resets the pen to the terminal's default (before clearing: a clear
    /// paints with the current background).
    fn plain(&mut self, buf: &mut Vec<u8>) {
        let default = Pen {
            fg: Color::Reset,
            bg: Color::Reset,
            modifier: Modifier::empty(),
        };
        if self.pen != Some(default) {
            buf.extend_from_slice(b"\x1b[0m");
            self.pen = Some(default);
        }
    }
}

fn push_modifiers(m: Modifier, codes: &mut Vec<String>) {
    for (bit, on) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::SLOW_BLINK, "5"),
        (Modifier::RAPID_BLINK, "6"),
        (Modifier::REVERSED, "7"),
        (Modifier::HIDDEN, "8"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if m.contains(bit) {
            codes.push(on.into());
        }
    }
}

/// The shortest SGR parameter for a colour (foreground, or background).
fn color(c: Color, bg: bool) -> String {
    let base = |n: u8| (if bg { n + 10 } else { n }).to_string();
    match c {
        Color::Reset => base(39),
        Color::Black => base(30),
        Color::Red => base(31),
        Color::Green => base(32),
        Color::Yellow => base(33),
        Color::Blue => base(34),
        Color::Magenta => base(35),
        Color::Cyan => base(36),
        Color::Gray => base(37),
        Color::DarkGray => base(90),
        Color::LightRed => base(91),
        Color::LightGreen => base(92),
        Color::LightYellow => base(93),
        Color::LightBlue => base(94),
        Color::LightMagenta => base(95),
        Color::LightCyan => base(96),
        Color::White => base(97),
        Color::Indexed(n) => format!("{};5;{n}", if bg { 48 } else { 38 }),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", if bg { 48 } else { 38 }),
    }
}

impl<W: Write> Write for ThinBackend<W> {
    /// Bytes that are not cells (bell, OSC): they move neither the cursor
    /// nor the pen.
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.out.write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

impl<W: Write> Backend for ThinBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.width = self.size()?.width;
        let mut buf = Vec::new();
        for (x, y, cell) in content {
            self.move_to(x, y, &mut buf);
            let pen = Pen {
                fg: cell.fg,
                bg: cell.bg,
                modifier: cell.modifier,
            };
            self.set_pen(pen, &mut buf);
            let sym = cell.symbol();
            buf.extend_from_slice(sym.as_bytes());
            let next = x.saturating_add(sym.width().max(1) as u16);
            // Past the last column the cursor's place depends on the
            // terminal's pending wrap: move absolutely next time.
            self.at = (next < self.width).then_some((next, y));
        }
        self.out.write_all(&buf)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.shown != Some(false) {
            self.out.write_all(b"\x1b[?25l")?;
            self.shown = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.shown != Some(true) {
            self.out.write_all(b"\x1b[?25h")?;
            self.shown = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        if let Some((x, y)) = self.at {
            return Ok(Position { x, y });
        }
        // Unknown: never ask the terminal (`ESC [ 6 n`). Its answer would
        // arrive on the input the key reader owns, looking like Shift+F3,
        // and the full-screen consoles never need it: ratatui asks only to
        // put the cursor back after a clear, before a frame moves it anyway.
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let Position { x, y } = position.into();
        let mut buf = Vec::new();
        self.move_to(x, y, &mut buf);
        self.out.write_all(&buf)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let mut buf = Vec::new();
        self.plain(&mut buf);
        buf.extend_from_slice(match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        });
        self.out.write_all(&buf)
    }

    fn size(&self) -> io::Result<Size> {
        if let Some(s) = self.fixed {
            return Ok(s);
        }
        let (w, h) = crossterm::terminal::size()?;
        Ok(Size::new(w, h))
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        if let Some(s) = self.fixed {
            return Ok(WindowSize {
                columns_rows: s,
                pixels: Size::new(0, 0),
            });
        }
        let w = crossterm::terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: Size::new(w.columns, w.rows),
            pixels: Size::new(w.width, w.height),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
#[path = "backend_tests.rs"]
mod tests;
