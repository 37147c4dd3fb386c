//! The one event loop every console runs on: a single-threaded tokio
//! runtime, the terminal guard, the stop signals, the folder watch, the
//! results of effects, and a sleep until the console's next wake-up, all in
//! one `tokio::select!`. Each action goes through the console's `update`;
//! the effects it returns are carried out; the screen is redrawn only when
//! something changed. A frame that cannot be written means the terminal is
//! gone: the console's `finish` (its final saves) runs however the loop ends.

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use crossterm::event::Event;
use futures_util::{Stream, StreamExt};
use ratatui::Frame;
use tokio::sync::mpsc::{self, UnboundedReceiver};

use super::console::{Console, End, Flow, Outside, RawOut, Start};
use super::input;
use super::screen::{Screen, Signals, Stop};
use super::tick;
use crate::store::watch::{self, WatchMode};

/// What the runtime watches for a console.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    /// The sitting's folder to watch for other consoles' changes.
    pub(crate) watch: Option<PathBuf>,
    /// More sitting folders followed the same way (the facilitator's
    /// previous sitting, where note-takers mark its action items).
    pub(crate) also_watch: Vec<PathBuf>,
    /// Scan the folder at this interval instead of relying on change events.
    pub(crate) poll: Option<Duration>,
}

/// Where frames go: the real terminal, or a test's.
pub(crate) trait Surface: RawOut {
    /// Draws one frame.
    fn draw(&mut self, view: &mut dyn FnMut(&mut Frame)) -> io::Result<()>;
    /// The size in cells (columns, rows).
    fn size(&self) -> io::Result<(u16, u16)>;
    /// True once the terminal is gone.
    fn is_dead(&self) -> bool;
    /// Hears the terminal's new size from a resize event (the real terminal
    /// then stops asking for it at every frame).
    fn resized(&mut self, _width: u16, _height: u16) {}
}

impl RawOut for Screen {
    fn write_raw(&mut self, bytes: &[u8]) {
        if let Err(e) = Screen::write_raw(self, bytes) {
            tracing::warn!(error = %e, "cannot write to the terminal");
        }
    }

    fn hung_up(&mut self) {
        Screen::hung_up(self);
    }

    fn clear(&mut self) {
        if !Screen::is_dead(self)
            && let Err(e) = self.terminal.clear()
        {
            tracing::warn!(error = %e, "cannot clear the terminal");
        }
    }
}

impl Surface for Screen {
    fn draw(&mut self, view: &mut dyn FnMut(&mut Frame)) -> io::Result<()> {
        self.terminal.draw(|f| view(f)).map(|_| ())
    }

    fn size(&self) -> io::Result<(u16, u16)> {
        let s = self.terminal.size()?;
        Ok((s.width, s.height))
    }

    fn is_dead(&self) -> bool {
        Screen::is_dead(self)
    }

    fn resized(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().resized(width, height);
    }
}

/// Runs `console` in the terminal until it quits, a signal stops it or the
/// terminal goes away. Returns the error that ended it, if a frame could not
/// be written (after the console's `finish` ran).
pub(crate) fn run<C: Console>(console: &mut C, opts: Options) -> io::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let mut signals = Signals::new()?;
        let (stop_tx, stops) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            loop {
                let stop = signals.recv().await;
                if stop_tx.send(stop).is_err() {
                    break;
                }
            }
        });
        let (files_tx, files) = mpsc::unbounded_channel();
        let mut polling = None;
        let mode = opts.poll.map_or(WatchMode::Events, WatchMode::Poll);
        let _also: Vec<_> = (opts.also_watch.into_iter())
            .map(|dir| watch::spawn(dir, mode, files_tx.clone()))
            .collect();
        let _watch = opts.watch.map(|dir| {
            let w = watch::spawn(dir, mode, files_tx);
            if w.polling {
                polling = Some(opts.poll.map_or(1, |d| d.as_secs().max(1)));
            }
            w
        });
        let mut screen = Screen::enter()?;
        let start = Start {
            size: screen_size(&screen)?,
            polling,
        };
        drive(
            console,
            &mut screen,
            input::events()?,
            stops,
            Some(files),
            start,
        )
        .await
    })
}

fn screen_size(screen: &Screen) -> io::Result<(u16, u16)> {
    Surface::size(screen)
}

/// The loop itself, over any surface, event stream and stop channel (tests
/// drive it with a test terminal and scripted events).
pub(crate) async fn drive<C, S, E>(
    console: &mut C,
    surface: &mut S,
    mut events: E,
    mut stops: UnboundedReceiver<Stop>,
    mut files: Option<UnboundedReceiver<Vec<PathBuf>>>,
    start: Start,
) -> io::Result<()>
where
    C: Console,
    S: Surface,
    E: Stream<Item = io::Result<Event>> + Unpin,
{
    let (tx, mut results) = mpsc::unbounded_channel::<C::Action>();
    let mut pending = {
        let mut out = Outside {
            raw: &mut *surface,
            tx: &tx,
        };
        console.start(start, &mut out)
    };
    let mut dirty = true;
    let mut failed = None;
    let end = loop {
        let mut quit = false;
        for effect in pending.drain(..) {
            let mut out = Outside {
                raw: &mut *surface,
                tx: &tx,
            };
            quit |= console.perform(effect, &mut out) == Flow::Quit;
        }
        if quit || console.quitting() {
            break End::Quit;
        }
        let t = console.now();
        if dirty && !surface.is_dead() {
            if let Err(e) = surface.draw(&mut |f| console.view(f, t)) {
                tracing::warn!(error = %e, "cannot draw: the terminal is gone");
                surface.hung_up();
                failed = Some(e);
                break End::Gone;
            }
            dirty = false;
        }
        let wake = console.next_wake(t);
        let sleep = async {
            match wake {
                Some(w) => tokio::time::sleep(tick::delay_until(&w, &t)).await,
                None => std::future::pending().await,
            }
        };
        let files_next = async {
            match files.as_mut() {
                Some(rx) => rx.recv().await,
                None => std::future::pending().await,
            }
        };
        let action = tokio::select! {
            ev = events.next() => match ev {
                Some(Ok(ev)) => {
                    if let Event::Resize(w, h) = ev {
                        surface.resized(w, h);
                        dirty = true;
                    }
                    console.to_action(ev)
                }
                // No more input: the terminal is gone.
                Some(Err(_)) | None => {
                    surface.hung_up();
                    break End::Gone;
                }
            },
            _ = sleep => {
                dirty = true;
                console.tick()
            }
            Some(paths) = files_next => console.files_changed(paths),
            Some(a) = results.recv() => Some(a),
            Some(_stop) = stops.recv() => break End::Stopped,
        };
        if let Some(action) = action {
            let quiet = console.quiet(&action);
            let t = console.now();
            pending = console.update(action, t);
            dirty |= !quiet;
        }
    };
    let mut out = Outside {
        raw: &mut *surface,
        tx: &tx,
    };
    console.finish(end, &mut out);
    match failed {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

#[cfg(test)]
#[path = "runtime_tests.rs"]
mod tests;
