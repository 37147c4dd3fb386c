//! Entering and leaving the terminal: raw mode, the alternate screen and
//! bracketed paste on the way in; all of it undone on the way out, when the
//! screen is dropped, when the program panics, and on SIGTERM, SIGINT,
//! SIGQUIT and SIGHUP (a hang-up signal does not mean the terminal is gone:
//! `kill -HUP` or a closing multiplexer leave it there, and restoring a
//! terminal that is really gone only fails quietly). Once input ends or a
//! frame cannot be written, the terminal is gone and nothing more is
//! written to it.

use std::io::{self, Write};
use std::sync::Once;

use crossterm::{cursor, event, execute, terminal};
use ratatui::Terminal;

use super::backend::ThinBackend;

/// Where frames are written: standard output, buffered so that one frame
/// is one write (standard output's own line buffering would split a frame
/// at each line break).
#[cfg(unix)]
pub(crate) type Out = io::BufWriter<std::fs::File>;
/// Where frames are written.
#[cfg(not(unix))]
pub(crate) type Out = io::BufWriter<io::Stdout>;

#[cfg(unix)]
fn frame_output() -> io::Result<Out> {
    use std::os::fd::AsFd;
    let fd = io::stdout().as_fd().try_clone_to_owned()?;
    Ok(io::BufWriter::with_capacity(
        16 * 1024,
        std::fs::File::from(fd),
    ))
}

#[cfg(not(unix))]
fn frame_output() -> io::Result<Out> {
    Ok(io::BufWriter::with_capacity(16 * 1024, io::stdout()))
}

/// The terminal while a screen owns it; restored when dropped.
pub(crate) struct Screen {
    /// The ratatui terminal to draw on.
    pub(crate) terminal: Terminal<ThinBackend<Out>>,
    dead: bool,
}

impl Screen {
    /// Takes over the terminal. The panic hook that restores it is installed
    /// once per process, before raw mode is switched on.
    pub(crate) fn enter() -> io::Result<Screen> {
        install_panic_hook();
        terminal::enable_raw_mode()?;
        let mut out = io::stdout();
        let entered = execute!(
            out,
            terminal::EnterAlternateScreen,
            event::EnableBracketedPaste,
            cursor::Hide
        );
        if let Err(e) = entered {
            restore();
            return Err(e);
        }
        // Cleared once, so the backend knows every cell it has not drawn
        // is blank (and can write a few again rather than step over them).
        let terminal = match frame_output()
            .and_then(|o| Terminal::new(ThinBackend::new(o)))
            .and_then(|mut t| t.clear().map(|()| t))
        {
            Ok(t) => t,
            Err(e) => {
                restore();
                return Err(e);
            }
        };
        Ok(Screen {
            terminal,
            dead: false,
        })
    }

    /// Writes bytes that are not cells (the bell, OSC 52 clipboard and OSC 9
    /// notices) straight to the terminal, between two frames.
    pub(crate) fn write_raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.dead {
            return Ok(());
        }
        let out = self.terminal.backend_mut();
        out.write_all(bytes)?;
        out.flush()
    }

    /// Says the terminal is gone: nothing is drawn or restored any more.
    pub(crate) fn hung_up(&mut self) {
        self.dead = true;
    }

    /// True after [`Screen::hung_up`].
    pub(crate) fn is_dead(&self) -> bool {
        self.dead
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        if !self.dead {
            restore();
        }
    }
}

/// Gives the terminal back as it was: cooked mode, main screen, cursor shown.
/// Errors are ignored: this runs on the way out, often after a failure.
pub(crate) fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        crossterm::style::SetAttribute(crossterm::style::Attribute::Reset),
        event::DisableBracketedPaste,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // Restore first so the panic message lands on the normal screen.
            restore();
            previous(info);
        }));
    });
}

/// Why the program was asked to stop from outside. Every stop leaves
/// cleanly: the final saves run and the terminal is restored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// SIGHUP: the ssh connection or the terminal window may be closing.
    HangUp,
    /// SIGTERM, SIGINT or SIGQUIT.
    Terminate,
}

/// The stop signals, to be awaited in the event loop.
pub(crate) struct Signals {
    #[cfg(unix)]
    hup: tokio::signal::unix::Signal,
    #[cfg(unix)]
    term: tokio::signal::unix::Signal,
    #[cfg(unix)]
    int: tokio::signal::unix::Signal,
    #[cfg(unix)]
    quit: tokio::signal::unix::Signal,
}

impl Signals {
    /// Starts listening. Must be called inside the tokio runtime.
    pub(crate) fn new() -> io::Result<Signals> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Signals {
                hup: signal(SignalKind::hangup())?,
                term: signal(SignalKind::terminate())?,
                int: signal(SignalKind::interrupt())?,
                quit: signal(SignalKind::quit())?,
            })
        }
        #[cfg(not(unix))]
        Ok(Signals {})
    }

    /// Waits for the next stop signal.
    pub(crate) async fn recv(&mut self) -> Stop {
        #[cfg(unix)]
        {
            tokio::select! {
                _ = self.hup.recv() => Stop::HangUp,
                _ = self.term.recv() => Stop::Terminate,
                _ = self.int.recv() => Stop::Terminate,
                _ = self.quit.recv() => Stop::Terminate,
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
            Stop::Terminate
        }
    }
}
