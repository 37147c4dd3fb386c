//! Keys from the terminal: a thread blocked on the terminal's input hands
//! each read to a pure byte parser ([`parser`]) and sends the events it
//! makes to the event loop; window-size changes come from SIGWINCH.
//!
//! This replaces crossterm's own event reader, which takes `ESC [ 1 ; 2 R`
//! (Shift+F3 under tmux and xterm) for a cursor position report and drops
//! it, and turns `ESC O 2 R` into a typed `R`. The events are still
//! crossterm's, so the consoles' key tables do not change.

mod csi;
pub(crate) mod parser;
#[cfg(unix)]
mod reader;

use std::io;

use crossterm::event::Event;
use futures_util::Stream;

/// The terminal's events, read until the stream is dropped. Must be called
/// inside the tokio runtime.
#[cfg(unix)]
pub(crate) fn events() -> io::Result<impl Stream<Item = io::Result<Event>> + Unpin> {
    reader::Input::spawn()
}

/// The terminal's events (crossterm's reader where there is no Unix
/// terminal to read).
#[cfg(not(unix))]
pub(crate) fn events() -> io::Result<impl Stream<Item = io::Result<Event>> + Unpin> {
    Ok(crossterm::event::EventStream::new())
}
