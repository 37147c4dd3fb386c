use std::io;
use std::path::PathBuf;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use futures_util::stream;
use ratatui::Frame;
use tokio::sync::mpsc;

use super::*;
use crate::model::Stamp;
use crate::tui::test_surface::TestSurface;

/// A console that counts: `+` adds one, `q` quits, `!` asks for a bell, a
/// changed file is a quiet action whose result comes back through `spawn`.
#[derive(Default)]
struct Counter {
    n: u32,
    ended: Vec<End>,
    performed: Vec<&'static str>,
}

#[derive(Debug)]
enum Act {
    Plus,
    Quit,
    Bell,
    Files,
    Loaded,
}

enum Fx {
    Quit,
    Bell,
    Load,
}

impl Console for Counter {
    type Action = Act;
    type Effect = Fx;

    fn now(&self) -> Stamp {
        Stamp::parse_from_rfc3339("2026-01-20T14:00:00+09:00").unwrap()
    }

    fn start(&mut self, _: Start, _: &mut Outside<'_, Act>) -> Vec<Fx> {
        Vec::new()
    }

    fn to_action(&self, ev: Event) -> Option<Act> {
        match ev {
            Event::Key(k) => match k.code {
                KeyCode::Char('+') => Some(Act::Plus),
                KeyCode::Char('q') => Some(Act::Quit),
                KeyCode::Char('!') => Some(Act::Bell),
                _ => None,
            },
            _ => None,
        }
    }

    fn tick(&self) -> Option<Act> {
        None
    }

    fn files_changed(&self, _: Vec<PathBuf>) -> Option<Act> {
        Some(Act::Files)
    }

    fn update(&mut self, a: Act, _: Stamp) -> Vec<Fx> {
        match a {
            Act::Plus => self.n += 1,
            Act::Quit => return vec![Fx::Quit],
            Act::Bell => return vec![Fx::Bell],
            Act::Files => return vec![Fx::Load],
            Act::Loaded => {
                self.n += 100;
                return vec![Fx::Quit];
            }
        }
        Vec::new()
    }

    fn quiet(&self, a: &Act) -> bool {
        matches!(a, Act::Files)
    }

    fn view(&self, f: &mut Frame, _: Stamp) {
        f.buffer_mut()
            .set_string(0, 0, self.n.to_string(), ratatui::style::Style::new());
    }

    fn perform(&mut self, fx: Fx, out: &mut Outside<'_, Act>) -> Flow {
        match fx {
            Fx::Quit => {
                self.performed.push("quit");
                return Flow::Quit;
            }
            Fx::Bell => out.write_raw(b"\x07"),
            Fx::Load => out.spawn(|| Act::Loaded),
        }
        Flow::Continue
    }

    fn next_wake(&self, _: Stamp) -> Option<Stamp> {
        None
    }

    fn finish(&mut self, end: End, _: &mut Outside<'_, Act>) {
        self.ended.push(end);
    }
}

fn key(c: char) -> io::Result<Event> {
    Ok(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )))
}

fn start() -> Start {
    Start {
        size: (20, 3),
        polling: None,
    }
}

/// Runs `console` over scripted keys; the stream then stays open, so only
/// the console (or a stop) can end the loop.
fn drive_keys(
    console: &mut Counter,
    surface: &mut TestSurface,
    keys: Vec<io::Result<Event>>,
    stop: bool,
) -> io::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let (stop_tx, stops) = mpsc::unbounded_channel();
        if stop {
            stop_tx.send(Stop::HangUp).unwrap();
        }
        let events = stream::iter(keys).chain(stream::pending());
        drive(console, surface, events, stops, None, start()).await
    })
}

fn row0(s: &TestSurface) -> String {
    let text = crate::tui::buffer_text::text_of(s.terminal.backend().buffer());
    text.lines()
        .next()
        .unwrap_or_default()
        .trim_end()
        .to_string()
}

#[test]
fn keys_become_actions_and_quit_runs_finish_once() {
    let (mut c, mut s) = (Counter::default(), TestSurface::new(20, 3));
    let r = drive_keys(
        &mut c,
        &mut s,
        vec![key('+'), key('+'), key('!'), key('q')],
        false,
    );
    assert!(r.is_ok());
    assert_eq!(c.n, 2);
    assert_eq!(c.ended, vec![End::Quit]);
    assert_eq!(c.performed, vec!["quit"]);
    assert_eq!(s.raw, b"\x07");
    assert_eq!(row0(&s), "2");
}

#[test]
fn a_frame_that_cannot_be_written_is_a_hang_up_and_finish_still_runs() {
    let (mut c, mut s) = (Counter::default(), TestSurface::new(20, 3));
    s.fail_at = Some(2);
    let r = drive_keys(&mut c, &mut s, vec![key('+'), key('+')], false);
    assert!(r.is_err(), "the draw error is reported");
    assert_eq!(c.ended, vec![End::Gone]);
    assert!(s.dead, "nothing more is written to a gone terminal");
}

#[test]
fn input_ending_is_a_hang_up() {
    let (mut c, mut s) = (Counter::default(), TestSurface::new(20, 3));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let r = rt.block_on(async {
        let (_tx, stops) = mpsc::unbounded_channel();
        drive(
            &mut c,
            &mut s,
            stream::iter(vec![key('+')]),
            stops,
            None,
            start(),
        )
        .await
    });
    assert!(r.is_ok());
    assert_eq!(c.ended, vec![End::Gone]);
    assert!(s.dead);
}

#[test]
fn a_signal_stops_the_console_through_finish() {
    let (mut c, mut s) = (Counter::default(), TestSurface::new(20, 3));
    let r = drive_keys(&mut c, &mut s, vec![], true);
    assert!(r.is_ok());
    assert_eq!(c.ended, vec![End::Stopped]);
    assert!(
        !s.dead,
        "a stop restores the terminal rather than abandoning it"
    );
}

#[test]
fn redraws_only_when_something_changed() {
    let (mut c, mut s) = (Counter::default(), TestSurface::new(20, 3));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let (_tx, stops) = mpsc::unbounded_channel();
        let (files_tx, files) = mpsc::unbounded_channel();
        files_tx.send(vec![PathBuf::from("run.json")]).unwrap();
        // An unknown key changes nothing, yet is an action-less event.
        let events = stream::iter(vec![key('x')]).chain(stream::pending());
        drive(&mut c, &mut s, events, stops, Some(files), start()).await
    })
    .unwrap();
    // The read came back as an action, which quit; only the first frame was
    // drawn: the unknown key and the quiet file change show nothing new.
    assert_eq!(c.n, 100, "the spawned read came back as an action");
    assert_eq!(c.ended, vec![End::Quit]);
    assert_eq!(s.frames, 1);
}
