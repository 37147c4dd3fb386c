//! What a console gives the runtime: its pure core (`update`, `view`,
//! `next_wake`), where keys become actions (`to_action`, one place), how its
//! effects are carried out (`perform`), and what it does on the way out
//! (`finish`). The runtime ([`super::runtime`]) owns everything else: the
//! tokio runtime, the terminal, signals, the folder watch, the wake-up, the
//! redraw policy.

use std::path::PathBuf;

use crossterm::event::Event;
use ratatui::Frame;
use tokio::sync::mpsc::UnboundedSender;

use crate::model::Stamp;

/// What the runtime knows once the terminal is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Start {
    /// The terminal's size (columns, rows).
    pub(crate) size: (u16, u16),
    /// The folder watch fell back to (or was asked for) scanning, every this
    /// many seconds; `None` when change events arrive or nothing is watched.
    pub(crate) polling: Option<u64>,
}

/// Whether the console goes on after an effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flow {
    /// Keep running.
    Continue,
    /// The console is done (its final saves, if any, are made).
    Quit,
}

/// How the console ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum End {
    /// The user quit (an effect returned [`Flow::Quit`]).
    Quit,
    /// A signal asked it to stop (SIGTERM, SIGINT, SIGQUIT, SIGHUP). The
    /// terminal, if it still exists, is restored.
    Stopped,
    /// The terminal is gone: input ended or a frame could not be written.
    /// Nothing more is written to it.
    Gone,
}

/// A console the runtime can run.
pub(crate) trait Console {
    /// Something that happened to the console.
    type Action: Send + 'static;
    /// Something the console asks the outside world to do.
    type Effect;

    /// The current instant (the plan's clock, read only here).
    fn now(&self) -> Stamp;
    /// The terminal is entered: the effects to start with.
    fn start(&mut self, start: Start, out: &mut Outside<'_, Self::Action>) -> Vec<Self::Effect>;
    /// What a terminal event (key, paste, resize) means here; the one place
    /// keys become actions.
    fn to_action(&self, ev: Event) -> Option<Self::Action>;
    /// The wake-up asked for by [`Console::next_wake`] arrived.
    fn tick(&self) -> Option<Self::Action>;
    /// Files of the watched folder changed.
    fn files_changed(&self, _paths: Vec<PathBuf>) -> Option<Self::Action> {
        None
    }
    /// The pure core: decides, returns effects.
    fn update(&mut self, action: Self::Action, now: Stamp) -> Vec<Self::Effect>;
    /// True when `action` shows nothing until its result comes back (no
    /// redraw needed).
    fn quiet(&self, _action: &Self::Action) -> bool {
        false
    }
    /// Draws the state.
    fn view(&self, frame: &mut Frame, now: Stamp);
    /// True once the state says the user quit (checked after the effects
    /// of each action are carried out).
    fn quitting(&self) -> bool {
        false
    }
    /// Carries out one effect.
    fn perform(&mut self, effect: Self::Effect, out: &mut Outside<'_, Self::Action>) -> Flow;
    /// When the screen (or a due save) next changes by itself; `None` when
    /// only input changes it.
    fn next_wake(&self, now: Stamp) -> Option<Stamp>;
    /// The console ends, however it ends: the place for the final saves.
    /// Runs exactly once, after the last effect.
    fn finish(&mut self, _end: End, _out: &mut Outside<'_, Self::Action>) {}
}

/// Writes that are not cells (bell, clipboard, notices), and the terminal's
/// hang-up.
pub(crate) trait RawOut {
    /// Writes bytes straight to the terminal between two frames.
    fn write_raw(&mut self, bytes: &[u8]);
    /// The terminal is gone: nothing is drawn or restored any more.
    fn hung_up(&mut self);
    /// The next frame repaints every cell (Ctrl+L: another program wrote
    /// over the screen).
    fn clear(&mut self) {}
}

/// What an effect may use: the terminal for raw bytes, and a way to send
/// results back as actions.
pub(crate) struct Outside<'a, A> {
    pub(crate) raw: &'a mut dyn RawOut,
    pub(crate) tx: &'a UnboundedSender<A>,
}

impl<A: Send + 'static> Outside<'_, A> {
    /// Writes bytes that are not cells straight to the terminal.
    pub(crate) fn write_raw(&mut self, bytes: &[u8]) {
        self.raw.write_raw(bytes);
    }

    /// Says the terminal is gone.
    pub(crate) fn hung_up(&mut self) {
        self.raw.hung_up();
    }

    /// Repaints every cell with the next frame.
    pub(crate) fn redraw_all(&mut self) {
        self.raw.clear();
    }

    /// Sends an action back into the loop.
    pub(crate) fn send(&self, action: A) {
        let _ = self.tx.send(action);
    }

    /// A sender for threads of the console's own (the run.json saver).
    pub(crate) fn sender(&self) -> UnboundedSender<A> {
        self.tx.clone()
    }

    /// Runs `job` on the blocking pool (disk reads and writes) and sends
    /// its action back.
    pub(crate) fn spawn(&self, job: impl FnOnce() -> A + Send + 'static) {
        let tx = self.tx.clone();
        tokio::task::spawn_blocking(move || {
            let _ = tx.send(job());
        });
    }
}
