//! Bytes from the terminal into key, paste and focus events: a pure parser
//! that is fed whatever one read returned and keeps what is not complete yet
//! (half a UTF-8 character, half an escape sequence, a paste still coming)
//! for the next read.
//!
//! Every byte becomes an event or is swallowed: a sequence this parser does
//! not know never turns into typed text. A lone ESC is the Esc key once no
//! more bytes follow it within [`ESC_WAIT`] (the reader asks
//! [`Parser::wait`] how long to wait and calls [`Parser::expire`] when the
//! time is up), as terminals themselves decide.
//!
//! The events are crossterm's, so key tables keep matching `KeyEvent`s.
//! Conventions follow crossterm's own parser (uppercase letters carry
//! SHIFT, `\n` is Ctrl+J in raw mode) with these differences: `CSI … R` is
//! F3 with modifiers (nothing asks the terminal for its cursor position),
//! SS3 keys take modifiers (`ESC O 2 R` is Shift+F3), 0x08 is Backspace,
//! and unknown sequences are dropped whole instead of leaking their tail.

use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::csi;

/// How long a lone ESC waits for the rest of a sequence.
pub(crate) const ESC_WAIT: Duration = Duration::from_millis(40);
/// How long a paste waits for its end marker before what came is pasted.
pub(crate) const PASTE_WAIT: Duration = Duration::from_secs(1);

const PASTE_END: &[u8] = b"\x1b[201~";

/// The parser's memory between two reads.
#[derive(Debug, Default)]
pub(crate) struct Parser {
    /// Bytes of an event not complete yet.
    buf: Vec<u8>,
    /// Inside a bracketed paste: the text so far.
    paste: Option<Vec<u8>>,
}

/// One step of parsing at the start of the buffer.
#[derive(Debug, PartialEq)]
pub(super) enum Step {
    /// More bytes are needed to tell.
    More,
    /// `n` bytes make this event, or nothing (swallowed).
    Done(usize, Option<Event>),
    /// `n` bytes start a bracketed paste.
    PasteStart(usize),
}

impl Parser {
    /// A parser with nothing pending.
    pub(crate) fn new() -> Parser {
        Parser::default()
    }

    /// Parses `bytes` after what was kept from earlier reads; returns the
    /// events complete so far.
    pub(crate) fn feed(&mut self, bytes: &[u8]) -> Vec<Event> {
        self.buf.extend_from_slice(bytes);
        let mut out = Vec::new();
        self.run(&mut out);
        out
    }

    /// How long to wait for more bytes before [`Parser::expire`], or
    /// `None` when nothing is pending (wait as long as it takes).
    pub(crate) fn wait(&self) -> Option<Duration> {
        if self.paste.is_some() {
            Some(PASTE_WAIT)
        } else if self.buf.is_empty() {
            None
        } else {
            Some(ESC_WAIT)
        }
    }

    /// No more bytes came in time: what is pending is decided now. A lone
    /// ESC is Esc (ESC and a letter, Alt+letter, cannot be pending); a
    /// paste without its end is pasted as it is; an unfinished sequence is
    /// dropped.
    pub(crate) fn expire(&mut self) -> Vec<Event> {
        let mut out = Vec::new();
        if let Some(text) = self.paste.take() {
            out.push(paste(&text));
            self.run(&mut out);
            return out;
        }
        let alt = KeyModifiers::ALT;
        match self.buf.as_slice() {
            [0x1b] => out.push(key(KeyCode::Esc, KeyModifiers::NONE)),
            // Two Esc presses in one read.
            [0x1b, 0x1b] => out.extend([0, 1].map(|_| key(KeyCode::Esc, KeyModifiers::NONE))),
            [0x1b, b'O'] => out.push(key(KeyCode::Char('O'), alt | KeyModifiers::SHIFT)),
            [0x1b, b'['] => out.push(key(KeyCode::Char('['), alt)),
            // Half a sequence or half a character: dropped.
            _ => {}
        }
        self.buf.clear();
        out
    }

    fn run(&mut self, out: &mut Vec<Event>) {
        let mut at = 0;
        loop {
            if let Some(text) = &mut self.paste {
                let from = text.len().saturating_sub(PASTE_END.len() - 1);
                text.extend_from_slice(&self.buf[at..]);
                at = self.buf.len();
                match find(&text[from..], PASTE_END) {
                    Some(i) => {
                        let end = from + i;
                        let rest = text.split_off(end + PASTE_END.len());
                        text.truncate(end);
                        out.push(paste(text));
                        self.paste = None;
                        self.buf.drain(..at);
                        self.buf.splice(0..0, rest);
                        at = 0;
                        continue;
                    }
                    None => break,
                }
            }
            if at >= self.buf.len() {
                break;
            }
            match step(&self.buf[at..]) {
                Step::More => break,
                Step::Done(n, ev) => {
                    at += n;
                    out.extend(ev);
                }
                Step::PasteStart(n) => {
                    at += n;
                    self.paste = Some(Vec::new());
                }
            }
        }
        self.buf.drain(..at);
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn paste(text: &[u8]) -> Event {
    Event::Paste(String::from_utf8_lossy(text).into_owned())
}

/// A key press.
pub(super) fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

/// A typed character: uppercase ones carry SHIFT, as crossterm reports them.
fn char_key(c: char) -> Event {
    let m = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    key(KeyCode::Char(c), m)
}

/// The event at the start of `b` (not empty).
pub(super) fn step(b: &[u8]) -> Step {
    match b[0] {
        0x1b => escape(b),
        b'\r' => Step::Done(1, Some(key(KeyCode::Enter, KeyModifiers::NONE))),
        b'\t' => Step::Done(1, Some(key(KeyCode::Tab, KeyModifiers::NONE))),
        0x7f | 0x08 => Step::Done(1, Some(key(KeyCode::Backspace, KeyModifiers::NONE))),
        0 => Step::Done(1, Some(key(KeyCode::Char(' '), KeyModifiers::CONTROL))),
        c @ 0x01..=0x1a => Step::Done(
            1,
            Some(key(
                KeyCode::Char((c - 1 + b'a') as char),
                KeyModifiers::CONTROL,
            )),
        ),
        c @ 0x1c..=0x1f => Step::Done(
            1,
            Some(key(
                KeyCode::Char((c - 0x1c + b'4') as char),
                KeyModifiers::CONTROL,
            )),
        ),
        c @ 0x20..=0x7e => Step::Done(1, Some(char_key(c as char))),
        _ => utf8(b),
    }
}

/// One UTF-8 character; a byte that cannot start or continue one is dropped.
fn utf8(b: &[u8]) -> Step {
    let len = match b[0] {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Step::Done(1, None),
    };
    for (i, &c) in b.iter().enumerate().take(len).skip(1) {
        if c & 0xc0 != 0x80 {
            // Broken: drop the lead and what continued it.
            return Step::Done(i, None);
        }
    }
    if b.len() < len {
        return Step::More;
    }
    match std::str::from_utf8(&b[..len]) {
        Ok(s) => Step::Done(len, s.chars().next().map(char_key)),
        Err(_) => Step::Done(len, None),
    }
}

/// What follows an ESC: a CSI or SS3 sequence, or Alt with a key.
fn escape(b: &[u8]) -> Step {
    let Some(&next) = b.get(1) else {
        return Step::More;
    };
    match next {
        b'[' => csi::csi(b),
        b'O' => csi::ss3(b),
        // ESC ESC: Alt with a sequence (rxvt's Alt+arrows), else Esc and
        // whatever the second ESC starts.
        0x1b => match b.get(2) {
            None => Step::More,
            Some(b'[' | b'O') => match escape(&b[1..]) {
                Step::Done(n, ev) => Step::Done(n + 1, ev.map(with_alt)),
                Step::More => Step::More,
                Step::PasteStart(_) => Step::Done(1, Some(key(KeyCode::Esc, KeyModifiers::NONE))),
            },
            Some(_) => Step::Done(1, Some(key(KeyCode::Esc, KeyModifiers::NONE))),
        },
        _ => match step(&b[1..]) {
            Step::Done(n, ev) => Step::Done(n + 1, ev.map(with_alt)),
            other => other,
        },
    }
}

fn with_alt(ev: Event) -> Event {
    match ev {
        Event::Key(mut k) => {
            k.modifiers |= KeyModifiers::ALT;
            Event::Key(k)
        }
        other => other,
    }
}

#[cfg(test)]
#[path = "parser_tests.rs"]
mod tests;
