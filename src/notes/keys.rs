//! Which key does what on the note-taker's screen: one table per mode, and
//! the `?`/F1 help generated from the same tables, so help never lies.
//!
//! The editor has the keyboard most of the time (notes are typed at speaking
//! speed), so everything it needs while typing is on keys that never type a
//! character: Enter, function keys, Alt- and a few Ctrl- combinations. Enter
//! commits (a Japanese IME consumes the Enter that confirms a conversion, so
//! the terminal only sees the second one); Alt+Enter and Ctrl+J both insert
//! a line break, because Shift+Enter is indistinguishable from Enter in most
//! terminals and over ssh, Alt+Enter is swallowed by some (Windows Terminal
//! full screen), and Ctrl+J is a plain byte (LF) that every terminal sends.

use crossterm::event::KeyEvent;

use super::Mode;
use crate::i18n::Lang;
use crate::i18n::notes::CommandText;
use crate::tui::keys::{Binding, Key, Layer, bind, digits, dispatch};

/// What the note-taker asks for with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Command {
    /// Save the note in the editor (or the summary) to the file.
    Commit,
    /// Start a new line in the editor.
    Newline,
    /// Open the speaker list to pick who is speaking.
    PickSpeaker,
    /// Set the speaker to the n-th member of the roster (1-based; 0 clears).
    SpeakerNo(u8),
    /// Next note kind.
    NextKind,
    /// Previous note kind.
    PrevKind,
    /// Attach new notes to the next question on the card.
    NextQuestion,
    /// Attach new notes to the previous question on the card.
    PrevQuestion,
    /// Mark or unmark the question under discussion as covered.
    ToggleCovered,
    /// Start the stopwatch of the next speaker in the speaking order.
    NextSpeaker,
    /// Stop the speaking stopwatch.
    StopSpeaker,
    /// Open the roster to pick the owner of an action.
    PickOwner,
    /// Open or close the summary (まとめ) editor.
    Summary,
    /// Move the keyboard to the next pane.
    NextPane,
    /// Back to the note editor; in the editor, drop the edit of a saved note.
    Back,
    /// Show the keys.
    Help,
    /// Save everything and leave.
    Quit,
    /// Move the selection up.
    Up,
    /// Move the selection down.
    Down,
    /// Scroll the notes list up a page.
    PageUp,
    /// Scroll the notes list down a page.
    PageDown,
    /// Cycle the selected member's attendance (出席 → 遅刻 → 欠席).
    Attendance,
    /// Move the selected member earlier in the speaking order.
    MoveUp,
    /// Move the selected member later in the speaking order.
    MoveDown,
    /// Start the selected member's stopwatch.
    Speak,
    /// Make the selected question the one under discussion.
    SetQuestion,
    /// Load the selected note into the editor to change it.
    Edit,
    /// Delete the selected note (undoable).
    Delete,
    /// Bring back the note deleted last.
    Undelete,
    /// Take back the selected member's latest speaking turn (started by
    /// mistake), undoable.
    RemoveTurn,
    /// Bring back the turn taken back last.
    RestoreTurn,
    /// Draw the whole screen again (after another program wrote over it).
    Redraw,
    /// Raise the flag for the facilitator: help needed, then ready to
    /// report, then lowered.
    Flag,
    /// Open (or close) 「前回のアクション」: the previous sitting's actions
    /// the group's members own.
    PreviousActions,
    /// Mark the selected previous action done.
    MarkDone,
    /// Mark the selected previous action dropped.
    MarkDropped,
    /// Mark the selected previous action open again.
    MarkOpen,
    /// Take back the last status given to a previous action.
    UndoMark,
}

impl crate::tui::keys::Command for Command {
    fn what(self, lang: Lang) -> &'static str {
        CommandText::of(self).text(lang)
    }
    fn hint(self, lang: Lang) -> Option<&'static str> {
        crate::i18n::notes::command_hint(CommandText::of(self), lang)
    }
}

const fn layer(
    ja: &'static str,
    en: &'static str,
    bindings: &'static [Binding<Command>],
) -> Layer<Command> {
    Layer { ja, en, bindings }
}

/// Keys that work in every pane (not in pickers and help).
pub(crate) const GLOBAL: Layer<Command> = layer(
    "どの欄でも",
    "Everywhere",
    &[
        // In the order the footer offers them while typing.
        bind(&[Key::F(1)], Command::Help),
        bind(&[Key::F(2)], Command::PickSpeaker),
        digits(&[Key::AltDigits(0, 9)], Command::SpeakerNo),
        // Shift+F3 reaches the program as a cursor report in some terminals
        // (tmux sends CSI 1;2R), so the way back also has a letter key.
        bind(&[Key::F(3), Key::Alt('k')], Command::NextKind),
        bind(&[Key::ShiftF(3), Key::Alt('K')], Command::PrevKind),
        bind(&[Key::F(4), Key::Alt('q')], Command::NextQuestion),
        bind(&[Key::ShiftF(4), Key::Alt('Q')], Command::PrevQuestion),
        bind(&[Key::F(6), Key::Alt('n')], Command::NextSpeaker),
        bind(&[Key::F(10), Key::Alt('h')], Command::Flag),
        bind(&[Key::F(9), Key::Alt('m')], Command::Summary),
        bind(&[Key::Tab], Command::NextPane),
        bind(&[Key::F(5)], Command::ToggleCovered),
        bind(&[Key::F(7)], Command::StopSpeaker),
        bind(&[Key::F(8), Key::Alt('o')], Command::PickOwner),
        bind(&[Key::PageUp], Command::PageUp),
        bind(&[Key::PageDown], Command::PageDown),
        bind(&[Key::Alt('p')], Command::PreviousActions),
        bind(&[Key::Ctrl('l')], Command::Redraw),
        bind(&[Key::Ctrl('c'), Key::Ctrl('q')], Command::Quit),
    ],
);

/// The note editor and the summary editor (other keys edit the text:
/// Emacs-style Ctrl+A/E/F/B/N/P/K/W/Y, Ctrl+U undo, Ctrl+R redo).
pub(crate) const WRITE: Layer<Command> = layer(
    "入力",
    "Note",
    &[
        bind(&[Key::Enter], Command::Commit),
        bind(&[Key::AltEnter, Key::Ctrl('j')], Command::Newline),
        bind(&[Key::Esc], Command::Back),
    ],
);

/// The roster pane.
pub(crate) const ROSTER: Layer<Command> = layer(
    "名簿",
    "Roster",
    &[
        // In the order the footer offers them.
        bind(&[Key::Enter], Command::Speak),
        bind(&[Key::Space], Command::Attendance),
        bind(&[Key::Char('['), Key::AltUp], Command::MoveUp),
        bind(&[Key::Char(']'), Key::AltDown], Command::MoveDown),
        bind(&[Key::Char('n')], Command::NextSpeaker),
        bind(&[Key::Char('x')], Command::StopSpeaker),
        bind(&[Key::Delete], Command::RemoveTurn),
        bind(&[Key::Char('u')], Command::RestoreTurn),
        bind(&[Key::Esc], Command::Back),
        bind(&[Key::Up], Command::Up),
        bind(&[Key::Down], Command::Down),
        bind(&[Key::Char('?')], Command::Help),
    ],
);

/// The prompt card pane.
pub(crate) const CARD: Layer<Command> = layer(
    "問い",
    "Questions",
    &[
        bind(&[Key::Enter], Command::SetQuestion),
        bind(&[Key::Char('c')], Command::ToggleCovered),
        bind(&[Key::Up], Command::Up),
        bind(&[Key::Down], Command::Down),
        bind(&[Key::Esc], Command::Back),
        bind(&[Key::Char('?')], Command::Help),
    ],
);

/// The notes list pane.
pub(crate) const LIST: Layer<Command> = layer(
    "メモ",
    "Notes",
    &[
        bind(&[Key::Enter, Key::Char('e')], Command::Edit),
        bind(&[Key::Delete], Command::Delete),
        bind(&[Key::Char('u')], Command::Undelete),
        bind(&[Key::Esc], Command::Back),
        bind(&[Key::Up], Command::Up),
        bind(&[Key::Down], Command::Down),
        bind(&[Key::Char('?')], Command::Help),
    ],
);

/// 「前回のアクション」, open over the screen.
pub(crate) const PREVIOUS: Layer<Command> = layer(
    "前回のアクション",
    "Previous actions",
    &[
        bind(&[Key::Char('d')], Command::MarkDone),
        bind(&[Key::Char('x')], Command::MarkDropped),
        bind(&[Key::Char('o')], Command::MarkOpen),
        bind(&[Key::Char('u')], Command::UndoMark),
        bind(&[Key::Esc], Command::Back),
        bind(&[Key::Up], Command::Up),
        bind(&[Key::Down], Command::Down),
        bind(&[Key::Char('?')], Command::Help),
    ],
);

/// The layers that apply in `mode`, most specific first.
pub(crate) fn layers(mode: Mode) -> &'static [&'static Layer<Command>] {
    match mode {
        Mode::Write | Mode::Summary => &[&WRITE, &GLOBAL],
        Mode::Roster => &[&ROSTER, &GLOBAL],
        Mode::Card => &[&CARD, &GLOBAL],
        Mode::List => &[&LIST, &GLOBAL],
        Mode::Previous => &[&PREVIOUS, &GLOBAL],
        Mode::Picker | Mode::Help => &[],
    }
}

/// The command bound to `ev` in `mode`, if any.
pub(crate) fn command(mode: Mode, ev: &KeyEvent) -> Option<Command> {
    dispatch(layers(mode), ev)
}

/// Where each command's help text comes from (here, so that the label
/// table does not depend on the console).
impl CommandText {
    /// The help text of a command.
    pub(crate) fn of(cmd: Command) -> CommandText {
        match cmd {
            Command::Commit => CommandText::Commit,
            Command::Newline => CommandText::Newline,
            Command::PickSpeaker => CommandText::PickSpeaker,
            Command::SpeakerNo(_) => CommandText::SpeakerNo,
            Command::NextKind => CommandText::NextKind,
            Command::PrevKind => CommandText::PrevKind,
            Command::NextQuestion => CommandText::NextQuestion,
            Command::PrevQuestion => CommandText::PrevQuestion,
            Command::ToggleCovered => CommandText::ToggleCovered,
            Command::NextSpeaker => CommandText::NextSpeaker,
            Command::StopSpeaker => CommandText::StopSpeaker,
            Command::PickOwner => CommandText::PickOwner,
            Command::Summary => CommandText::Summary,
            Command::NextPane => CommandText::NextPane,
            Command::Back => CommandText::Back,
            Command::Help => CommandText::Help,
            Command::Quit => CommandText::Quit,
            Command::Up => CommandText::Up,
            Command::Down => CommandText::Down,
            Command::PageUp => CommandText::PageUp,
            Command::PageDown => CommandText::PageDown,
            Command::Attendance => CommandText::Attendance,
            Command::MoveUp => CommandText::MoveUp,
            Command::MoveDown => CommandText::MoveDown,
            Command::Speak => CommandText::Speak,
            Command::SetQuestion => CommandText::SetQuestion,
            Command::Edit => CommandText::Edit,
            Command::Delete => CommandText::Delete,
            Command::Undelete => CommandText::Undelete,
            Command::RemoveTurn => CommandText::RemoveTurn,
            Command::RestoreTurn => CommandText::RestoreTurn,
            Command::Flag => CommandText::Flag,
            Command::Redraw => CommandText::Redraw,
            Command::PreviousActions => CommandText::PreviousActions,
            Command::MarkDone => CommandText::MarkDone,
            Command::MarkDropped => CommandText::MarkDropped,
            Command::MarkOpen => CommandText::MarkOpen,
            Command::UndoMark => CommandText::UndoMark,
        }
    }
}

#[cfg(test)]
mod tests;
