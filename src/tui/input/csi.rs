//! Escape sequences: CSI (`ESC [ params final`) and SS3 (`ESC O final`),
//! with xterm's modifier parameter, the `~` keys, CSI-u (kitty, xterm's
//! modifyOtherKeys) and the bracketed-paste and focus reports.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::parser::{Step, key};

/// `ESC [` …: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one
/// final byte 0x40–0x7E. A byte outside these ends the sequence early: what
/// came so far is dropped and that byte is parsed on its own.
pub(super) fn csi(b: &[u8]) -> Step {
    debug_assert!(b.starts_with(b"\x1b["));
    // The Linux console's F1–F5: ESC [ [ A … E.
    if b.get(2) == Some(&b'[') {
        return match b.get(3) {
            None => Step::More,
            Some(c @ b'A'..=b'E') => Step::Done(4, Some(fkey(1 + c - b'A', KeyModifiers::NONE))),
            Some(_) => Step::Done(4, None),
        };
    }
    let mut i = 2;
    while let Some(&c) = b.get(i) {
        match c {
            0x20..=0x3f => i += 1,
            0x40..=0x7e => {
                let params = &b[2..i];
                // X10 mouse: ESC [ M and three raw bytes (never asked for,
                // but never typed either).
                if c == b'M' && params.is_empty() {
                    return if b.len() < i + 4 {
                        Step::More
                    } else {
                        Step::Done(i + 4, None)
                    };
                }
                if params == b"200" && c == b'~' {
                    return Step::PasteStart(i + 1);
                }
                return Step::Done(i + 1, csi_event(params, c));
            }
            _ => return Step::Done(i, None),
        }
    }
    Step::More
}

/// `ESC O` with an optional modifier and one final byte.
pub(super) fn ss3(b: &[u8]) -> Step {
    debug_assert!(b.starts_with(b"\x1bO"));
    let mut i = 2;
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' | b';' => i += 1,
            0x40..=0x7e => {
                let mods = match &b[2..i] {
                    [] => Some(KeyModifiers::NONE),
                    p => std::str::from_utf8(p)
                        .ok()
                        .and_then(|p| p.rsplit(';').next())
                        .and_then(|m| m.parse().ok())
                        .map(modifiers),
                };
                let ev = mods.and_then(|m| ss3_key(c).map(|code| key(code, m)));
                return Step::Done(i + 1, ev);
            }
            _ => return Step::Done(i, None),
        }
    }
    Step::More
}

/// The key a final byte names alike after SS3 and CSI: the arrows, Home,
/// End, the keypad's centre, and F1–F4. After CSI, `CSI r ; c R` would be
/// a cursor position report, but nothing here asks for one: it is Shift+F3
/// and kin.
fn cursor_or_f1_to_f4(c: u8) -> Option<KeyCode> {
    Some(match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'E' => KeyCode::KeypadBegin,
        b'P'..=b'S' => KeyCode::F(1 + c - b'P'),
        _ => return None,
    })
}

fn ss3_key(c: u8) -> Option<KeyCode> {
    if let Some(code) = cursor_or_f1_to_f4(c) {
        return Some(code);
    }
    Some(match c {
        // The keypad in application mode.
        b'M' => KeyCode::Enter,
        b'j' => KeyCode::Char('*'),
        b'k' => KeyCode::Char('+'),
        b'l' => KeyCode::Char(','),
        b'm' => KeyCode::Char('-'),
        b'n' => KeyCode::Char('.'),
        b'o' => KeyCode::Char('/'),
        b'p'..=b'y' => KeyCode::Char((b'0' + c - b'p') as char),
        b'X' => KeyCode::Char('='),
        _ => return None,
    })
}

fn fkey(n: u8, m: KeyModifiers) -> Event {
    key(KeyCode::F(n), m)
}

/// xterm's modifier parameter: 1 + a bit mask.
fn modifiers(p: u8) -> KeyModifiers {
    let bits = p.saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    for (bit, flag) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
        (8, KeyModifiers::SUPER),
        (16, KeyModifiers::HYPER),
        (32, KeyModifiers::META),
    ] {
        if bits & bit != 0 {
            m |= flag;
        }
    }
    m
}

/// One parameter with its sub-parameters (`1:3`): the first, and the second.
fn param(p: Option<&str>) -> Option<(u32, Option<u32>)> {
    let p = p?;
    let mut sub = p.split(':');
    let first = match sub.next() {
        Some("") | None => 1,
        Some(v) => v.parse().ok()?,
    };
    let second = match sub.next() {
        Some(v) => Some(v.parse().ok()?),
        None => None,
    };
    Some((first, second))
}

/// Modifiers and press/repeat/release from `mods[:kind]`, absent = none.
fn mods_kind(p: Option<&str>) -> Option<(KeyModifiers, KeyEventKind)> {
    let Some((m, kind)) = param(p) else {
        return p
            .is_none()
            .then_some((KeyModifiers::NONE, KeyEventKind::Press));
    };
    let kind = match kind {
        Some(2) => KeyEventKind::Repeat,
        Some(3) => KeyEventKind::Release,
        _ => KeyEventKind::Press,
    };
    Some((modifiers(u8::try_from(m).ok()?), kind))
}

fn event(code: KeyCode, m: KeyModifiers, kind: KeyEventKind) -> Event {
    Event::Key(KeyEvent::new_with_kind(code, m, kind))
}

/// The event a complete CSI sequence stands for, `None` to drop it.
fn csi_event(params: &[u8], fin: u8) -> Option<Event> {
    let params = std::str::from_utf8(params).ok()?;
    // Private reports (`?`, `<`, `>`, `=`: mouse, device attributes,
    // keyboard flags) and intermediates are never keys.
    if params
        .bytes()
        .any(|c| matches!(c, b'<'..=b'?' | 0x20..=0x2f))
    {
        return None;
    }
    let mut ps = params.split(';');
    let first = ps.next().filter(|p| !p.is_empty());
    let second = ps.next();
    let (m, kind) = mods_kind(second)?;
    if let Some(code) = cursor_or_f1_to_f4(fin) {
        return Some(event(code, m, kind));
    }
    match fin {
        b'Z' => Some(event(KeyCode::BackTab, m | KeyModifiers::SHIFT, kind)),
        b'I' if params.is_empty() => Some(Event::FocusGained),
        b'O' if params.is_empty() => Some(Event::FocusLost),
        b'~' => tilde(first, ps.next(), m, kind),
        b'u' => csi_u(first?, m, kind),
        _ => None,
    }
}

/// `CSI n ; m ~`: the editing keys and F5 up; `CSI 27 ; m ; c ~` is
/// xterm's modifyOtherKeys.
fn tilde(
    first: Option<&str>,
    third: Option<&str>,
    m: KeyModifiers,
    kind: KeyEventKind,
) -> Option<Event> {
    let (n, _) = param(first)?;
    let code = match n {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        11..=15 => KeyCode::F((n - 10) as u8),
        17..=21 => KeyCode::F((n - 11) as u8),
        23..=26 => KeyCode::F((n - 12) as u8),
        28..=29 => KeyCode::F((n - 15) as u8),
        31..=34 => KeyCode::F((n - 17) as u8),
        27 => return csi_u(third?, m, kind),
        _ => return None,
    };
    Some(event(code, m, kind))
}

/// `CSI code[:shifted] ; m u`: a key by its Unicode code point.
fn csi_u(first: &str, mut m: KeyModifiers, kind: KeyEventKind) -> Option<Event> {
    let mut cps = first.split(':');
    let cp: u32 = cps.next()?.parse().ok()?;
    let shifted = cps
        .next()
        .and_then(|s| s.parse().ok())
        .and_then(char::from_u32);
    let code = match cp {
        9 if m.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        9 => KeyCode::Tab,
        13 => KeyCode::Enter,
        27 => KeyCode::Esc,
        8 | 127 => KeyCode::Backspace,
        57399..=57408 => KeyCode::Char(char::from_digit(cp - 57399, 10)?),
        57414 => KeyCode::Enter,
        57417 => KeyCode::Left,
        57418 => KeyCode::Right,
        57419 => KeyCode::Up,
        57420 => KeyCode::Down,
        57421 => KeyCode::PageUp,
        57422 => KeyCode::PageDown,
        57423 => KeyCode::Home,
        57424 => KeyCode::End,
        57425 => KeyCode::Insert,
        57426 => KeyCode::Delete,
        // Modifier keys alone, media keys and the like: not keys here.
        57344.. => return None,
        _ => {
            let c = char::from_u32(cp).filter(|c| !c.is_control())?;
            match shifted {
                Some(s) if m.contains(KeyModifiers::SHIFT) => {
                    m.remove(KeyModifiers::SHIFT);
                    if s.is_uppercase() {
                        m |= KeyModifiers::SHIFT;
                    }
                    KeyCode::Char(s)
                }
                // Shift+a reported as `97;2u`: the letter typed is `A`.
                _ if m.contains(KeyModifiers::SHIFT) && c.is_ascii_lowercase() => {
                    KeyCode::Char(c.to_ascii_uppercase())
                }
                _ => KeyCode::Char(c),
            }
        }
    };
    Some(event(code, m, kind))
}
