//! Moving the cursor the cheapest way the terminal allows: not at all,
//! a line feed or a backspace (one byte each), a relative step, the column
//! alone, carriage return, or the full position — or, across a short gap of
//! cells the terminal already shows in the pen in force, writing those
//! cells again (one byte each).

use std::io::Write;

/// Where the terminal's cursor is, as far as the backend knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cursor {
    /// On this cell (column, row).
    At(u16, u16),
    /// Just past the last column of this row, waiting to wrap: only a
    /// carriage return or a full position are safe from here.
    PendingWrap(u16),
}

/// Appends the cheapest bytes that take the cursor from `from` (`None`:
/// unknown) to `(x, y)`. `gap(y, a, b)` gives the bytes that rewrite cells
/// `a..b` of row `y` as they are, when that is possible.
pub(super) fn cheapest(
    from: Option<Cursor>,
    (x, y): (u16, u16),
    gap: &dyn Fn(u16, u16, u16) -> Option<Vec<u8>>,
    out: &mut Vec<u8>,
) {
    let mut best = position(x, y);
    let mut consider = |c: Vec<u8>| {
        if c.len() < best.len() {
            best = c;
        }
    };
    match from {
        Some(Cursor::At(cx, cy)) if (cx, cy) == (x, y) => return,
        Some(Cursor::At(cx, cy)) => {
            let v = vertical(cy, y);
            let mut c = v.clone();
            c.extend(horizontal(cx, x, y, gap));
            consider(c);
            if x != cx {
                let mut c = v.clone();
                c.push(b'\r');
                c.extend(horizontal(0, x, y, gap));
                consider(c);
                let mut c = v;
                csi(x + 1, b'G', &mut c);
                consider(c);
            }
        }
        Some(Cursor::PendingWrap(cy)) => {
            let mut c = vec![b'\r'];
            c.extend(vertical(cy, y));
            c.extend(horizontal(0, x, y, gap));
            consider(c);
        }
        None => {}
    }
    out.extend_from_slice(&best);
}

/// `ESC [ row ; col H`, leaving out what defaults to 1.
fn position(x: u16, y: u16) -> Vec<u8> {
    let mut v = Vec::with_capacity(10);
    let _ = match (x, y) {
        (0, 0) => write!(v, "\x1b[H"),
        (0, _) => write!(v, "\x1b[{}H", y + 1),
        _ => write!(v, "\x1b[{};{}H", y + 1, x + 1),
    };
    v
}

/// `ESC [ n c`, or `ESC [ c` for one.
fn csi(n: u16, c: u8, out: &mut Vec<u8>) {
    let _ = match n {
        1 => write!(out, "\x1b["),
        _ => write!(out, "\x1b[{n}"),
    };
    out.push(c);
}

fn shortest(a: Vec<u8>, b: Vec<u8>) -> Vec<u8> {
    if b.len() < a.len() { b } else { a }
}

/// Up or down within a column. A line feed moves down one row without
/// returning (the terminal is in raw mode); reverse index moves up one.
/// Neither scrolls: the target row is on the screen.
fn vertical(from: u16, to: u16) -> Vec<u8> {
    let mut step = Vec::new();
    match to.cmp(&from) {
        std::cmp::Ordering::Equal => Vec::new(),
        std::cmp::Ordering::Greater => {
            let n = to - from;
            csi(n, b'B', &mut step);
            shortest(vec![b'\n'; usize::from(n)], step)
        }
        std::cmp::Ordering::Less => {
            let n = from - to;
            csi(n, b'A', &mut step);
            shortest(b"\x1bM".repeat(usize::from(n)), step)
        }
    }
}

/// Along row `y` from column `from` to `to`.
fn horizontal(
    from: u16,
    to: u16,
    y: u16,
    gap: &dyn Fn(u16, u16, u16) -> Option<Vec<u8>>,
) -> Vec<u8> {
    let mut step = Vec::new();
    match to.cmp(&from) {
        std::cmp::Ordering::Equal => Vec::new(),
        std::cmp::Ordering::Greater => {
            csi(to - from, b'C', &mut step);
            match gap(y, from, to) {
                Some(g) => shortest(step, g),
                None => step,
            }
        }
        std::cmp::Ordering::Less => {
            let n = from - to;
            csi(n, b'D', &mut step);
            shortest(vec![8; usize::from(n)], step)
        }
    }
}
