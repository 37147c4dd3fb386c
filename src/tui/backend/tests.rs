//! The thin backend's output, read back by a terminal emulator (vt100),
//! must show exactly what ratatui's own test backend holds, frame after
//! frame; and it must be smaller than crossterm's.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::style::{Color, Modifier, Style};

use super::exact::assert_same;
use super::*;

/// A small xorshift generator: the same frames on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Words two cells wide or a multiple, written at even columns: a wide
/// character is never half overwritten (what the terminal then does with the
/// other half is its own business, the same whatever the backend).
const WORDS: &[&str] = &[
    "12",
    "残り",
    "気仙沼市",
    "##",
    "  ",
    "ab",
    "（実践）",
    "KPI ",
    "。",
];
const COLORS: &[Color] = &[
    Color::Reset,
    Color::Green,
    Color::Red,
    Color::Yellow,
    Color::DarkGray,
    Color::White,
    Color::Gray,
    Color::Indexed(208),
    Color::Rgb(10, 20, 30),
];
const MODS: &[Modifier] = &[
    Modifier::empty(),
    Modifier::BOLD,
    Modifier::REVERSED,
    Modifier::ITALIC,
    Modifier::UNDERLINED,
];

/// Changes a few random places of the picture, like a timer's second.
fn scribble(buf: &mut Buffer, rng: &mut Rng) {
    let area = buf.area;
    for _ in 0..rng.below(12) {
        let x = rng.below(u64::from(area.width / 2)) as u16 * 2;
        let y = rng.below(u64::from(area.height)) as u16;
        let style = Style::new()
            .fg(COLORS[rng.below(COLORS.len() as u64) as usize])
            .bg(COLORS[rng.below(COLORS.len() as u64) as usize])
            .add_modifier(MODS[rng.below(MODS.len() as u64) as usize]);
        let word = WORDS[rng.below(WORDS.len() as u64) as usize];
        let room = (area.width - x) as usize;
        buf.set_stringn(x, y, word, room, style);
    }
}

#[test]
fn the_screen_is_exactly_right_after_many_frames() {
    let (w, h) = (40, 10);
    let mut thin = Terminal::new(ThinBackend::with_size(Vec::new(), w, h)).unwrap();
    let mut test = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut parser = vt100::Parser::new(h.try_into().unwrap(), w.try_into().unwrap(), 0);
    let mut picture = Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut seen = 0;
    for frame in 0..400 {
        scribble(&mut picture, &mut rng);
        let cursor = (frame % 7 == 0).then(|| Position::new(frame as u16 % w, 3));
        let draw = |f: &mut ratatui::Frame| {
            f.buffer_mut().merge(&picture);
            if let Some(p) = cursor {
                f.set_cursor_position(p);
            }
        };
        thin.draw(draw).unwrap();
        test.draw(draw).unwrap();
        let bytes = thin.backend().writer();
        parser.process(&bytes[seen..]);
        seen = bytes.len();
        assert_same(parser.screen(), test.backend().buffer(), frame);
        if let Some(p) = cursor {
            assert_eq!(
                parser.screen().cursor_position(),
                (p.y, p.x),
                "frame {frame}"
            );
            assert!(!parser.screen().hide_cursor());
        } else {
            assert!(parser.screen().hide_cursor(), "frame {frame}");
        }
    }
}

#[test]
fn an_unchanged_frame_writes_nothing_and_colours_carry_over() {
    let mut t = Terminal::new(ThinBackend::with_size(Vec::new(), 10, 2)).unwrap();
    let green = Style::new().fg(Color::Green).bg(Color::Green);
    t.draw(|f| {
        f.buffer_mut().set_string(0, 0, "##", green);
    })
    .unwrap();
    let first = t.backend().writer().len();
    t.draw(|f| {
        f.buffer_mut().set_string(0, 0, "##", green);
    })
    .unwrap();
    assert_eq!(
        t.backend().writer().len(),
        first,
        "no trailer, no cursor hide"
    );
    t.draw(|f| {
        f.buffer_mut().set_string(0, 0, "##", green);
        f.buffer_mut().set_string(3, 0, "#", green);
    })
    .unwrap();
    let tail = String::from_utf8_lossy(&t.backend().writer()[first..]).to_string();
    assert_eq!(
        tail, "\x1b[C#",
        "the colour is still set: only a step right and the cell"
    );
    let out = String::from_utf8_lossy(t.backend().writer()).to_string();
    assert!(out.contains("\x1b[0;32;42m"), "short codes: {out:?}");
}

#[test]
fn an_unknown_cursor_position_is_never_asked_of_the_terminal() {
    // The answer (`ESC [ r ; c R`) would come on the input the key reader
    // owns and read as Shift+F3. Clearing the screen asks for the position.
    let mut b = ThinBackend::new(Vec::new());
    assert_eq!(b.get_cursor_position().unwrap(), Position::ORIGIN);
    let mut t = Terminal::new(ThinBackend::new(Vec::new())).unwrap();
    t.backend_mut().forget();
    t.clear().unwrap();
    assert!(!t.backend().writer().windows(4).any(|w| w == b"\x1b[6n"));
}

/// Changes the picture as a big clock does: runs of lit pixels (`#` green
/// on green) and of blanks side by side, some to the row's end, so gaps
/// are stepped over by writing cells again and blanks are erased.
fn clock_like(buf: &mut Buffer, rng: &mut Rng) {
    let area = buf.area;
    let lit = Style::new().fg(Color::Green).bg(Color::Green);
    let dark = Style::new().fg(COLORS[rng.below(3) as usize]);
    for _ in 0..rng.below(16) {
        let y = rng.below(u64::from(area.height)) as u16;
        let x = rng.below(u64::from(area.width)) as u16;
        let to_end = rng.below(4) == 0;
        let len = if to_end {
            area.width - x
        } else {
            (1 + rng.below(12) as u16).min(area.width - x)
        };
        let (sym, style) = match rng.below(3) {
            0 => ("#", lit),
            1 => (" ", dark),
            _ => ("7", Style::new().add_modifier(Modifier::BOLD)),
        };
        for dx in 0..len {
            buf[(x + dx, y)].set_symbol(sym).set_style(style);
        }
    }
}

#[test]
fn a_clock_drawn_frame_after_frame_stays_exact() {
    let (w, h) = (30, 8);
    let mut thin = Terminal::new(ThinBackend::with_size(Vec::new(), w, h)).unwrap();
    thin.clear().unwrap();
    let mut test = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut parser = vt100::Parser::new(h.try_into().unwrap(), w.try_into().unwrap(), 0);
    let mut picture = Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h));
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut seen = 0;
    for frame in 0..600 {
        clock_like(&mut picture, &mut rng);
        let draw = |f: &mut ratatui::Frame| f.buffer_mut().merge(&picture);
        thin.draw(draw).unwrap();
        test.draw(draw).unwrap();
        let bytes = thin.backend().writer();
        parser.process(&bytes[seen..]);
        seen = bytes.len();
        assert_same(parser.screen(), test.backend().buffer(), frame);
    }
    // The short ways were taken: cells written again, blanks erased.
    let out = String::from_utf8_lossy(thin.backend().writer()).to_string();
    for way in ["X", "\x1b[K", "\n", "\x08"] {
        assert!(out.contains(way), "{way:?} never used");
    }
}

static ASKS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn counted_ask() -> io::Result<(u16, u16)> {
    ASKS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    Ok((40, 10))
}

#[test]
fn frames_ask_the_terminal_its_size_once_and_then_follow_resize_events() {
    let mut backend = ThinBackend::new(Vec::new());
    backend.ask = counted_ask;
    let mut t = Terminal::new(backend).unwrap();
    for n in 0..20 {
        t.draw(|f| f.render_widget(format!("frame {n}"), f.area()))
            .unwrap();
    }
    assert_eq!(ASKS.load(std::sync::atomic::Ordering::SeqCst), 1);
    assert_eq!(t.size().unwrap(), Size::new(40, 10));
    t.backend_mut().resized(30, 8);
    t.draw(|f| f.render_widget("after", f.area())).unwrap();
    assert_eq!(t.size().unwrap(), Size::new(30, 8));
    assert_eq!(ASKS.load(std::sync::atomic::Ordering::SeqCst), 1);
}
