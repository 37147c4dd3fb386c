//! The thread that reads the terminal. It sleeps in `poll(2)` on the
//! terminal and on a wake-up pipe: no polling loop, no cost while nobody
//! types. It wakes early only while an ESC or a paste is pending (to decide
//! them, see [`Parser::wait`]). Dropping the [`Input`] wakes it through the
//! pipe and joins it, so a console that ends leaves no reader behind to
//! steal the next one's keys, and a blocked read never holds up the exit.

use std::fs::File;
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::thread::JoinHandle;

use crossterm::event::Event;
use futures_util::Stream;
use tokio::sync::mpsc::{self, UnboundedReceiver, UnboundedSender};

use super::parser::Parser;

type Tx = UnboundedSender<io::Result<Event>>;

/// The running reader and the window-size watch.
pub(crate) struct Input {
    rx: UnboundedReceiver<io::Result<Event>>,
    wake: File,
    thread: Option<JoinHandle<()>>,
    winch: tokio::task::JoinHandle<()>,
}

impl Input {
    /// Starts reading standard input (or `/dev/tty` when standard input is
    /// not the terminal, as crossterm does).
    pub(crate) fn spawn() -> io::Result<Input> {
        Input::on(Tty::open()?)
    }

    fn on(tty: Tty) -> io::Result<Input> {
        let (wake_rx, wake) = pipe()?;
        let (tx, rx) = mpsc::unbounded_channel();
        let winch = spawn_winch(tx.clone())?;
        let thread = std::thread::Builder::new()
            .name("terminal input".into())
            .spawn(move || read_loop(&tty, wake_rx, &tx))?;
        Ok(Input {
            rx,
            wake,
            thread: Some(thread),
            winch,
        })
    }
}

impl Stream for Input {
    type Item = io::Result<Event>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.rx.poll_recv(cx)
    }
}

impl Drop for Input {
    fn drop(&mut self) {
        self.winch.abort();
        use std::io::Write;
        let _ = self.wake.write_all(b"x");
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The terminal's input: standard input, or `/dev/tty` kept open.
struct Tty {
    fd: RawFd,
    _owned: Option<File>,
}

impl Tty {
    fn open() -> io::Result<Tty> {
        let stdin = io::stdin().as_raw_fd();
        // SAFETY: isatty only inspects the descriptor.
        if unsafe { libc::isatty(stdin) } == 1 {
            return Ok(Tty {
                fd: stdin,
                _owned: None,
            });
        }
        let f = File::open("/dev/tty")?;
        Ok(Tty {
            fd: f.as_raw_fd(),
            _owned: Some(f),
        })
    }
}

fn pipe() -> io::Result<(OwnedFd, File)> {
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors pipe() writes.
    if unsafe { libc::pipe(fds.as_mut_ptr()) } != 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: both descriptors were just created and are owned only here.
    let (r, w) = unsafe { (OwnedFd::from_raw_fd(fds[0]), File::from_raw_fd(fds[1])) };
    Ok((r, w))
}

/// Window-size changes as resize events, as crossterm sends them.
fn spawn_winch(tx: Tx) -> io::Result<tokio::task::JoinHandle<()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut winch = signal(SignalKind::window_change())?;
    Ok(tokio::spawn(async move {
        while winch.recv().await.is_some() {
            if let Ok((w, h)) = crossterm::terminal::size()
                && tx.send(Ok(Event::Resize(w, h))).is_err()
            {
                break;
            }
        }
    }))
}

fn read_loop(tty: &Tty, wake: OwnedFd, tx: &Tx) {
    let mut parser = Parser::new();
    let mut buf = [0u8; 8192];
    loop {
        let timeout = parser
            .wait()
            .map_or(-1, |d| i32::try_from(d.as_millis()).unwrap_or(i32::MAX));
        let mut fds = [
            libc::pollfd {
                fd: tty.fd,
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                fd: wake.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
        ];
        // SAFETY: `fds` is a valid array of two pollfd.
        let r = unsafe { libc::poll(fds.as_mut_ptr(), 2, timeout) };
        if r < 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::Interrupted {
                continue;
            }
            let _ = tx.send(Err(e));
            return;
        }
        if fds[1].revents != 0 {
            return;
        }
        if r == 0 {
            if !send(tx, parser.expire()) {
                return;
            }
            continue;
        }
        // SAFETY: `buf` is valid for `buf.len()` bytes.
        let n = unsafe { libc::read(tty.fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n < 0 {
            let e = io::Error::last_os_error();
            if matches!(
                e.kind(),
                io::ErrorKind::Interrupted | io::ErrorKind::WouldBlock
            ) {
                continue;
            }
            let _ = tx.send(Err(e));
            return;
        }
        if n == 0 {
            let gone = io::Error::new(io::ErrorKind::UnexpectedEof, "the terminal is gone");
            let _ = tx.send(Err(gone));
            return;
        }
        let n = usize::try_from(n).unwrap_or(0);
        if !send(tx, parser.feed(&buf[..n])) {
            return;
        }
    }
}

fn send(tx: &Tx, events: Vec<Event>) -> bool {
    events.into_iter().all(|ev| tx.send(Ok(ev)).is_ok())
}

#[cfg(test)]
#[path = "reader_tests.rs"]
mod tests;
