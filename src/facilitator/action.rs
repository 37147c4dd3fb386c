//! What can happen to the facilitator console (`Action`), what the
//! facilitator asks for with a key (`Command`), and what the console asks
//! the outside world to do (`Effect`).

use std::path::PathBuf;

use crate::model::run::RunState;

use super::groups::GroupDigest;

/// What the facilitator asks for with one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Start the waiting block, pause the running one, or resume it.
    StartPause,
    /// Give the block one more minute.
    Extend1,
    /// Give the block five more minutes.
    Extend5,
    /// Take one minute off the block.
    Cut1,
    /// Take five minutes off the block.
    Cut5,
    /// Finish this block and go to the next one.
    NextBlock,
    /// Go back to the previous block.
    PreviousBlock,
    /// Put the block back to waiting, as if never started (asks first).
    Restart,
    /// Take back the last change to the clock (start, pause, extend, cut,
    /// next, back, restart, turn), as if the key had never been pressed.
    Undo,
    /// Type a short message shown large to the room on the shared display,
    /// or take the one up down.
    RoomMessage,
    /// Put the open reference card on the shared display, or take it down.
    ShowReference,
    /// In an open card: find text in it.
    Search,
    /// In an open card: back to its first line.
    Top,
    /// In an open card: to its last line.
    Bottom,
    /// In a text field: this character typed.
    Type(char),
    /// In a text field: the character before the cursor erased.
    Erase,
    /// In a report-back round: the next group's turn.
    NextTurn,
    /// In a report-back round: back to the previous group's turn.
    PreviousTurn,
    /// Select the next group in the table.
    NextGroup,
    /// Select the previous group in the table.
    PreviousGroup,
    /// Scroll the prompt card (or the open reference card) down.
    ScrollDown,
    /// Scroll the prompt card (or the open reference card) up.
    ScrollUp,
    /// Copy broadcast message n (from 0) for the breakout rooms.
    Broadcast(usize),
    /// Open the list of reference cards.
    References,
    /// Start moving a member of the selected group to another group.
    MoveMember,
    /// Put the selected group's prompt card on the shared display, or take
    /// it down when it is already there.
    ShowCard,
    /// Acknowledge the flag the selected group's note-taker raised.
    AckFlag,
    /// Read every group's notes file again now.
    ReloadNotes,
    /// Show the keys.
    Help,
    /// Leave the console (the clock goes on in run.json).
    Quit,
    /// In a popup: the item above.
    Up,
    /// In a popup: the item below.
    Down,
    /// In the move popup: the previous destination group.
    Left,
    /// In the move popup: the next destination group.
    Right,
    /// In a popup: open or confirm the selected item.
    Confirm,
    /// Close the popup (or go back one level).
    Close,
}

impl Command {
    /// True for the commands that change the clock, which `z` can take back.
    pub(crate) fn changes_clock(self) -> bool {
        use Command::*;
        matches!(
            self,
            StartPause
                | Extend1
                | Extend5
                | Cut1
                | Cut5
                | NextBlock
                | PreviousBlock
                | NextTurn
                | PreviousTurn
        )
    }

    /// True for the commands that change run.json: those that change the
    /// clock, and the others it keeps.
    pub(crate) fn changes_run(self) -> bool {
        use Command::*;
        self.changes_clock()
            || matches!(
                self,
                Restart | Undo | RoomMessage | ShowReference | MoveMember | ShowCard | AckFlag
            )
    }
}

/// Everything the console reacts to.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The facilitator pressed a key that means this.
    Command(Command),
    /// The displayed second (or minute) turned over.
    Tick,
    /// The terminal is now this many cells wide and high.
    Resize(u16, u16),
    /// Files of the sitting changed on disk (notes, or run.json when
    /// following another console).
    FilesChanged(Vec<PathBuf>),
    /// Groups' notes files were read: each group's digest, or why not.
    NotesLoaded(Vec<(String, Result<GroupDigest, String>)>),
    /// run.json was written (or could not be).
    Saved(Result<(), String>),
    /// run.json was read again (a read-only console following another one,
    /// or a broken file the facilitator may have repaired by hand).
    RunReloaded(Result<Box<RunState>, String>),
    /// The previous sitting was looked for and read (`None`: there is
    /// none), for 「前回のアクション」 on the card.
    PreviousLoaded(Option<Box<crate::previous_actions::Previous>>),
}

/// What the console asks the outside world to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write run.json with this state (atomically, through the store).
    Save(Box<RunState>),
    /// Keep the broken run.json aside as `run.json.damaged`, then save this
    /// state (the broken block reset) over it.
    ResetBrokenRun(Box<RunState>),
    /// Ring the terminal bell.
    Bell,
    /// A desktop notice (OSC 9 and OSC 777) with this title and text.
    Notify {
        /// Who speaks: the sitting's title.
        title: String,
        /// What happened, e.g. "残り5分".
        body: String,
    },
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Read these groups' notes files (all groups when empty).
    LoadNotes(Vec<String>),
    /// Read run.json again (read-only console, or a broken file changed).
    ReloadRun,
    /// Find and read the previous sitting; answer with
    /// [`Action::PreviousLoaded`].
    LoadPrevious,
}
