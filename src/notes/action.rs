//! What can happen to the note-taker's console ([`Action`]) and what it asks
//! the outside world to do ([`Effect`]).

use std::path::PathBuf;

use crossterm::event::KeyEvent;

use crate::model::notes::GroupNotes;
use crate::model::notes_draft::Draft;
use crate::model::run::RunState;

/// Something that happened: a key, a paste, time passing, a save finishing,
/// another console's change, the end of the session.
#[derive(Debug, Clone)]
pub enum Action {
    /// The note-taker pressed a key.
    Key(KeyEvent),
    /// The note-taker pasted text (bracketed paste).
    Paste(String),
    /// The terminal was resized to (columns, rows).
    Resize(u16, u16),
    /// Time passed: a second on the stopwatch, a draft or a retry falls due.
    Tick,
    /// The save of the notes file up to `generation` ended: the file as
    /// written (this console's work merged with everybody else's), or why not.
    Saved {
        /// The generation the save was started at.
        generation: u64,
        /// The file as written, or the error in the user's language.
        result: Result<GroupNotes, String>,
    },
    /// The draft save ended (the error in the user's language).
    DraftSaved(Result<(), String>),
    /// The rescue copy asked for was written there (or why not).
    RescueWritten(Result<std::path::PathBuf, String>),
    /// Another console (a co-note-taker, the facilitator) saved the group's
    /// file: what it holds that this console was not given yet (the whole
    /// file, or the notes of the journal's new lines with the file's marks).
    FileChanged(GroupNotes),
    /// A file another console wrote could not be used; the warning to show
    /// (in the user's language) until it is read again.
    FileUnreadable {
        /// The file's name (`run.json`, `B.json`).
        file: String,
        /// The warning.
        warning: String,
    },
    /// The facilitator's run file changed (timer, roster moves); `None`
    /// when there is none.
    RunChanged(Option<Box<RunState>>),
    /// Files of the sitting's folder changed (another console saved).
    FilesChanged(Vec<PathBuf>),
    /// The previous sitting was looked for and read (`None`: there is none).
    PreviousLoaded(Option<Box<crate::previous_actions::Previous>>),
    /// A status given to a previous action was saved: its group's file as
    /// written, or why not (in the user's language).
    MarkSaved(Result<Box<GroupNotes>, String>),
    /// Whether another console of the group still runs (asked while a turn
    /// it opened is open).
    PartnerChecked(bool),
    /// The console started: what it found on disk (its draft, other
    /// consoles' leftover drafts, rescue copies, whether it runs alone).
    Opened(Box<super::opening::Opening>),
    /// The process was told to end (a signal) or its terminal went away
    /// (`hangup`: input ended or a frame could not be written).
    Terminate {
        /// True when the terminal is gone and must not be drawn to.
        hangup: bool,
    },
}

/// Something the event loop must do for the console.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Add this console's change to the group's notes (to the journal
    /// beside the file, under the writer lock, flushed to disk); answer with
    /// [`Action::Saved`] holding the change as written.
    SaveNotes {
        /// What this console changed: the notes not yet on disk and, when
        /// they changed, the marks, turns, summary and flag.
        doc: Box<GroupNotes>,
        /// The generation it holds.
        generation: u64,
    },
    /// Write the draft file; answer with [`Action::DraftSaved`].
    SaveDraft(Box<Draft>),
    /// Fold the journal into the group's notes file (the console is idle
    /// and has added many changes); the file's change comes back as a
    /// [`Action::FilesChanged`] like any other.
    FoldJournal,
    /// Read the group's notes file again; answer with [`Action::FileChanged`]
    /// or [`Action::FileUnreadable`].
    LoadNotes,
    /// Read run.json again; answer with [`Action::RunChanged`] or
    /// [`Action::FileUnreadable`].
    LoadRun,
    /// Write a rescue copy of the unsaved work outside the sitting folder;
    /// answer with [`Action::RescueWritten`].
    WriteRescue(Box<crate::model::notes_rescue::Rescue>),
    /// Find and read the previous sitting; answer with [`Action::PreviousLoaded`].
    LoadPrevious,
    /// Save a status given to a previous action into that sitting's notes
    /// file through the merge; answer with [`Action::MarkSaved`].
    SaveMark {
        /// What to save.
        change: Box<crate::previous_actions::StatusChange>,
        /// When it was given.
        at: crate::model::Stamp,
    },
    /// Look whether another console of the group still runs; answer with
    /// [`Action::PartnerChecked`].
    CheckPartner,
    /// Clear the terminal and draw every cell again.
    Redraw,
    /// Remove a rescue copy whose work is now in the notes file.
    RemoveRescue(std::path::PathBuf),
    /// End the console: [`super::finish::finish`] saves what is not yet on
    /// disk (the notes, the draft, else a rescue copy); then leave.
    Exit {
        /// False when the terminal is gone (nothing may be written to it).
        restore_terminal: bool,
    },
}
