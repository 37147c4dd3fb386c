//! The colours and attributes cells are written with, and the shortest
//! SGR sequence from one pen to the next.

use std::io::Write;

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// The colours and attributes the terminal writes with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Pen {
    pub(crate) fg: Color,
    pub(crate) bg: Color,
    pub(crate) modifier: Modifier,
}

/// The attributes that show on a blank cell: reversed paints it with the
/// foreground, underline and strike-through draw lines in it.
const SHOWS_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::CROSSED_OUT);

impl Pen {
    /// The terminal's default: no colours, no attributes.
    pub(crate) const PLAIN: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        modifier: Modifier::empty(),
    };

    /// The pen a cell asks for.
    pub(crate) fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier,
        }
    }

    /// Whether a blank of background `bg` written with this pen looks like
    /// one written with any other pen of that background: only the
    /// background shows in a space.
    pub(crate) fn paints_blank(self, bg: Color) -> bool {
        self.bg == bg && !self.modifier.intersects(SHOWS_ON_BLANK)
    }

    /// This pen with the background `bg` and nothing that shows on a blank:
    /// what a run of blanks can be written with while keeping the
    /// foreground the next text needs.
    pub(crate) fn for_blank(self, bg: Color) -> Pen {
        Pen {
            fg: self.fg,
            bg,
            modifier: self.modifier - SHOWS_ON_BLANK,
        }
    }
}

/// Whether the cell is a space whose look is only its background.
pub(super) fn is_blank(cell: &Cell) -> bool {
    cell.symbol() == " " && !cell.modifier.intersects(SHOWS_ON_BLANK)
}

/// Appends the shortest SGR sequence that takes the terminal from `old`
/// (`None`: unknown) to `new`: nothing when they are equal, else the
/// shorter of switching only what differs and starting from a reset.
pub(super) fn switch(old: Option<Pen>, new: Pen, out: &mut Vec<u8>) {
    if old == Some(new) {
        return;
    }
    let full = from_reset(new);
    match old.map(|o| changes(o, new)) {
        Some(diff) if diff.len() < full.len() => out.extend_from_slice(&diff),
        _ => out.extend_from_slice(&full),
    }
}

/// The bytes [`switch`] would write.
pub(super) fn cost(old: Option<Pen>, new: Pen) -> usize {
    let mut v = Vec::new();
    switch(old, new, &mut v);
    v.len()
}

fn sgr(params: &[String]) -> Vec<u8> {
    let mut v = Vec::with_capacity(12);
    let _ = write!(v, "\x1b[{}m", params.join(";"));
    v
}

fn from_reset(pen: Pen) -> Vec<u8> {
    if pen == Pen::PLAIN {
        return b"\x1b[m".to_vec();
    }
    let mut p = vec!["0".to_string()];
    push_modifiers(pen.modifier, &mut p);
    if pen.fg != Color::Reset {
        p.push(color(pen.fg, false));
    }
    if pen.bg != Color::Reset {
        p.push(color(pen.bg, true));
    }
    sgr(&p)
}

fn changes(old: Pen, new: Pen) -> Vec<u8> {
    let mut p = Vec::new();
    let removed = old.modifier - new.modifier;
    let mut add = new.modifier - old.modifier;
    let bold_dim = Modifier::BOLD | Modifier::DIM;
    if removed.intersects(bold_dim) {
        // One code turns off both: what stays is turned on again.
        p.push("22".to_string());
        add |= new.modifier & bold_dim;
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
            p.push(off.to_string());
            add |= new.modifier & m;
        }
    }
    push_modifiers(add, &mut p);
    if old.fg != new.fg {
        p.push(color(new.fg, false));
    }
    if old.bg != new.bg {
        p.push(color(new.bg, true));
    }
    sgr(&p)
}

fn push_modifiers(m: Modifier, p: &mut Vec<String>) {
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
            p.push(on.to_string());
        }
    }
}

/// The shortest SGR parameter for a colour (foreground, or background).
/// The first sixteen palette entries are the basic colours: `31`, not
/// `38;5;1`.
fn color(c: Color, bg: bool) -> String {
    let base = |n: u8| (if bg { n + 10 } else { n }).to_string();
    match c {
        Color::Reset => base(39),
        Color::Black | Color::Indexed(0) => base(30),
        Color::Red | Color::Indexed(1) => base(31),
        Color::Green | Color::Indexed(2) => base(32),
        Color::Yellow | Color::Indexed(3) => base(33),
        Color::Blue | Color::Indexed(4) => base(34),
        Color::Magenta | Color::Indexed(5) => base(35),
        Color::Cyan | Color::Indexed(6) => base(36),
        Color::Gray | Color::Indexed(7) => base(37),
        Color::DarkGray | Color::Indexed(8) => base(90),
        Color::LightRed | Color::Indexed(9) => base(91),
        Color::LightGreen | Color::Indexed(10) => base(92),
        Color::LightYellow | Color::Indexed(11) => base(93),
        Color::LightBlue | Color::Indexed(12) => base(94),
        Color::LightMagenta | Color::Indexed(13) => base(95),
        Color::LightCyan | Color::Indexed(14) => base(96),
        Color::White | Color::Indexed(15) => base(97),
        Color::Indexed(n) => format!("{};5;{n}", if bg { 48 } else { 38 }),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", if bg { 48 } else { 38 }),
    }
}
