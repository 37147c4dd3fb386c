//! A thin terminal backend: ratatui's diff already says which cells changed;
//! this writes them in as few bytes as the terminal allows. The colours and
//! attributes in force are kept from one frame to the next (no reset after
//! every frame), the basic colours use their short codes (`ESC[32m`, not
//! `ESC[38;5;2m`), only what changes is switched (a blank needs only its
//! background), the cursor is hidden or shown only when that changes, and
//! it moves the cheapest way ([`moves`]): a line feed, a backspace, a
//! relative step, or the few cells of a gap written again as they are —
//! the backend keeps what it wrote, so it knows them.
//!
//! Everything the guard writes outside frames (entering, leaving, clearing)
//! starts from a known state: the pen is forgotten and set again in full.

#[cfg(test)]
pub(crate) mod exact;
mod moves;
mod pen;

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

use moves::Cursor;
use pen::Pen;

/// A cell as the terminal shows it, when it is one printable ASCII byte
/// that can be written again to step over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shown {
    byte: u8,
    pen: Pen,
}

/// The backend over any writer (stdout, or a byte buffer in tests).
pub(crate) struct ThinBackend<W: Write> {
    out: W,
    /// The terminal's size when it is not a real terminal (tests).
    fixed: Option<Size>,
    /// The real terminal's size as last asked or told by a resize event:
    /// asking costs opening `/dev/tty`, and ratatui asks at every frame.
    known: std::cell::Cell<Option<Size>>,
    /// How the real terminal's size is asked (a test counts the asks).
    ask: fn() -> io::Result<(u16, u16)>,
    /// The pen in force, `None` when unknown.
    pen: Option<Pen>,
    /// Where the cursor is, `None` when unknown.
    at: Option<Cursor>,
    /// Whether the cursor is shown, `None` when unknown.
    shown: Option<bool>,
    /// What the terminal shows, cell by cell, where it is a plain ASCII
    /// byte; `None` for anything else (wide, unknown).
    screen: Vec<Option<Shown>>,
    size: Size,
}

impl<W: Write> ThinBackend<W> {
    /// A backend writing to a real terminal.
    pub(crate) fn new(out: W) -> ThinBackend<W> {
        ThinBackend {
            out,
            fixed: None,
            known: std::cell::Cell::new(None),
            ask: crossterm::terminal::size,
            pen: None,
            at: None,
            shown: None,
            screen: Vec::new(),
            size: Size::new(0, 0),
        }
    }

    /// Tells the backend the terminal's new size (from a resize event), so
    /// that frames stop asking the terminal for it.
    pub(crate) fn resized(&mut self, width: u16, height: u16) {
        self.known.set(Some(Size::new(width, height)));
    }

    /// Makes the kept screen the terminal's size (all unknown after a change).
    fn fit(&mut self, size: Size) {
        if size != self.size {
            self.size = size;
            self.screen = vec![None; usize::from(size.width) * usize::from(size.height)];
            self.at = None;
        }
    }

    fn index(&self, x: u16, y: u16) -> usize {
        usize::from(y) * usize::from(self.size.width) + usize::from(x)
    }

    /// The bytes that write cells `a..b` of row `y` again exactly as the
    /// terminal shows them, with the pen in force; `None` if one of them
    /// is not a plain byte in a pen that looks the same.
    fn gap(&self, y: u16, a: u16, b: u16) -> Option<Vec<u8>> {
        let pen = self.pen?;
        (a..b)
            .map(|x| {
                let s = self.screen.get(self.index(x, y)).copied().flatten()?;
                let blank = s.byte == b' ' && s.pen.paints_blank(s.pen.bg);
                let same = s.pen == pen || (blank && pen.paints_blank(s.pen.bg));
                same.then_some(s.byte)
            })
            .collect()
    }

    fn move_to(&mut self, x: u16, y: u16, buf: &mut Vec<u8>) {
        moves::cheapest(self.at, (x, y), &|y, a, b| self.gap(y, a, b), buf);
        self.at = Some(Cursor::At(x, y));
    }

    /// The pen to write `cell` with: its own, or for a blank whichever pen
    /// of the same background costs least now and for the next cell.
    fn pen_for(&self, cell: &Cell, next: Option<&Cell>) -> Pen {
        let exact = Pen::of(cell);
        if !pen::is_blank(cell) {
            return exact;
        }
        if let Some(p) = self.pen
            && p.paints_blank(cell.bg)
        {
            return p;
        }
        let mut candidates = vec![exact];
        if let Some(p) = self.pen {
            candidates.push(p.for_blank(cell.bg));
        }
        if let Some(n) = next {
            candidates.push(Pen::of(n).for_blank(cell.bg));
        }
        let then = next.map(Pen::of);
        let total = |c: &Pen| pen::cost(self.pen, *c) + then.map_or(0, |t| pen::cost(Some(*c), t));
        candidates
            .into_iter()
            .min_by_key(|c| total(c))
            .unwrap_or(exact)
    }

    /// Keeps what was written at `(x, y)`: a plain byte can be written
    /// again; a wide character, or a cell next to one, cannot.
    fn remember(&mut self, x: u16, y: u16, sym: &str, w: u16, pen: Pen) {
        let i = self.index(x, y);
        let byte = match sym.as_bytes() {
            [b] if w == 1 && (b' '..0x7f).contains(b) => Some(*b),
            _ => None,
        };
        // Writing over half of a wide character blanks its other half.
        let was_plain = self.screen[i].is_some();
        self.screen[i] = byte.map(|byte| Shown { byte, pen });
        if !was_plain && x > 0 {
            self.screen[i - 1] = None;
        }
        let end = (usize::from(x) + usize::from(w)).min(usize::from(self.size.width));
        let row = self.index(0, y);
        for c in &mut self.screen[row + usize::from(x) + 1..row + end] {
            *c = None;
        }
        if !was_plain && end < usize::from(self.size.width) {
            self.screen[row + end] = None;
        }
    }

    /// Where the cursor is after writing up to column `x` of row `y`:
    /// past the last column it waits to wrap.
    fn step(&mut self, x: u16, y: u16) {
        self.at = Some(if x < self.size.width {
            Cursor::At(x, y)
        } else {
            Cursor::PendingWrap(y)
        });
    }

    /// How many cells from the first of `cells` are a row of side-by-side
    /// blanks on the default background that the pen in force can erase,
    /// over cells known to hold one plain byte each.
    fn blank_run(&self, cells: &[(u16, u16, &Cell)]) -> usize {
        let Some((x0, y0, _)) = cells.first() else {
            return 0;
        };
        if !self.pen.is_some_and(|p| p.paints_blank(Color::Reset)) {
            return 0;
        }
        cells
            .iter()
            .enumerate()
            .take_while(|(i, (x, y, c))| {
                *y == *y0
                    && usize::from(*x) == usize::from(*x0) + i
                    && pen::is_blank(c)
                    && c.bg == Color::Reset
                    // Only over plain cells the backend wrote: terminals
                    // erase half a wide character differently (tmux
                    // loses a column), spaces are the same everywhere.
                    && self.screen[self.index(*x, *y)].is_some()
            })
            .count()
    }

    /// Erases the `run` blanks starting at `cells[n]` (the cursor is on the
    /// first) when that and the move to the next cell cost less than
    /// writing them: `ESC[nX` leaves the cursor where it is, `ESC[K`
    /// erases to the end of the row.
    fn erase(
        &mut self,
        cells: &[(u16, u16, &Cell)],
        n: usize,
        run: usize,
        buf: &mut Vec<u8>,
    ) -> bool {
        let (x, y, _) = cells[n];
        let end = x + run as u16;
        let erase = if end == self.size.width {
            b"\x1b[K".to_vec()
        } else {
            format!("\x1b[{run}X").into_bytes()
        };
        let after = |at: Cursor, this: &Self| {
            let mut v = Vec::new();
            if let Some(&(nx, ny, _)) = cells.get(n + run) {
                moves::cheapest(Some(at), (nx, ny), &|y, a, b| this.gap(y, a, b), &mut v);
            }
            v.len()
        };
        let past = if end < self.size.width {
            Cursor::At(end, y)
        } else {
            Cursor::PendingWrap(y)
        };
        let written = run + after(past, self);
        let erased = erase.len() + after(Cursor::At(x, y), self);
        if erased >= written {
            return false;
        }
        buf.extend_from_slice(&erase);
        let pen = self.pen.unwrap_or(Pen::PLAIN);
        for cx in x..end {
            self.remember(cx, y, " ", 1, pen);
        }
        self.at = Some(Cursor::At(x, y));
        true
    }

    /// Resets the pen to the terminal's default (before clearing: a clear
    /// paints with the current background).
    fn plain(&mut self, buf: &mut Vec<u8>) {
        pen::switch(self.pen, Pen::PLAIN, buf);
        self.pen = Some(Pen::PLAIN);
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
        let size = self.size()?;
        self.fit(size);
        let cells: Vec<(u16, u16, &Cell)> = content
            .filter(|&(x, y, _)| x < size.width && y < size.height)
            .collect();
        let mut buf = Vec::new();
        let mut n = 0;
        while n < cells.len() {
            let (x, y, cell) = cells[n];
            self.move_to(x, y, &mut buf);
            // The next cell that needs a foreground: what a blank's pen is
            // chosen for.
            let next = cells[n + 1..]
                .iter()
                .map(|c| c.2)
                .find(|c| !pen::is_blank(c));
            let pen = self.pen_for(cell, next);
            pen::switch(self.pen, pen, &mut buf);
            self.pen = Some(pen);
            let run = self.blank_run(&cells[n..]);
            if run > 1 && self.erase(&cells, n, run, &mut buf) {
                n += run;
                continue;
            }
            let sym = cell.symbol();
            buf.extend_from_slice(sym.as_bytes());
            let w = sym.width().max(1) as u16;
            self.remember(x, y, sym, w, pen);
            self.step(x + w, y);
            n += 1;
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
        if let Some(Cursor::At(x, y)) = self.at {
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
        if let Ok(size) = self.size() {
            self.fit(size);
        }
        let mut buf = Vec::new();
        self.plain(&mut buf);
        let blank = Some(Shown {
            byte: b' ',
            pen: Pen::PLAIN,
        });
        let all = matches!(clear_type, ClearType::All);
        self.screen
            .iter_mut()
            .for_each(|c| *c = if all { blank } else { None });
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
        if let Some(s) = self.fixed.or(self.known.get()) {
            return Ok(s);
        }
        let (w, h) = (self.ask)()?;
        let size = Size::new(w, h);
        self.known.set(Some(size));
        Ok(size)
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
mod tests;
