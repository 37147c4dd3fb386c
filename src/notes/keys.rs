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

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Mode;
use crate::i18n::notes::CommandText;

/// What the note-taker asks for with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
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

/// A key or a family of keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// One key with exactly these modifiers (Shift ignored for characters).
    Is(KeyCode, KeyModifiers),
    /// Alt plus any digit 0–9.
    AltDigit,
}

/// One row of a key table: the key, how help writes it, what it does.
pub type Binding = (Key, &'static str, Command);

const NONE: KeyModifiers = KeyModifiers::NONE;
const ALT: KeyModifiers = KeyModifiers::ALT;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

const fn k(code: KeyCode, m: KeyModifiers) -> Key {
    Key::Is(code, m)
}

/// Keys that work in every mode except pickers and help.
const GLOBAL: &[Binding] = &[
    (k(KeyCode::F(1), NONE), "F1", Command::Help),
    (k(KeyCode::Char('c'), CTRL), "Ctrl+C", Command::Quit),
    (k(KeyCode::Char('q'), CTRL), "Ctrl+Q", Command::Quit),
    (k(KeyCode::Char('l'), CTRL), "Ctrl+L", Command::Redraw),
    (k(KeyCode::F(2), NONE), "F2", Command::PickSpeaker),
    (Key::AltDigit, "Alt+1-9", Command::SpeakerNo(0)),
    (k(KeyCode::F(3), NONE), "F3", Command::NextKind),
    (k(KeyCode::Char('k'), ALT), "Alt+K", Command::NextKind),
    (k(KeyCode::F(3), SHIFT), "Shift+F3", Command::PrevKind),
    // Shift+F3 reaches the program as a cursor report in some terminals
    // (tmux sends CSI 1;2R), so the way back also has a letter key.
    (k(KeyCode::Char('K'), ALT), "Alt+Shift+K", Command::PrevKind),
    (k(KeyCode::F(4), NONE), "F4", Command::NextQuestion),
    (k(KeyCode::Char('q'), ALT), "Alt+Q", Command::NextQuestion),
    (k(KeyCode::F(4), SHIFT), "Shift+F4", Command::PrevQuestion),
    (
        k(KeyCode::Char('Q'), ALT),
        "Alt+Shift+Q",
        Command::PrevQuestion,
    ),
    (k(KeyCode::F(5), NONE), "F5", Command::ToggleCovered),
    (k(KeyCode::F(6), NONE), "F6", Command::NextSpeaker),
    (k(KeyCode::Char('n'), ALT), "Alt+N", Command::NextSpeaker),
    (k(KeyCode::F(7), NONE), "F7", Command::StopSpeaker),
    (k(KeyCode::F(8), NONE), "F8", Command::PickOwner),
    (k(KeyCode::Char('o'), ALT), "Alt+O", Command::PickOwner),
    (k(KeyCode::F(9), NONE), "F9", Command::Summary),
    (k(KeyCode::F(10), NONE), "F10", Command::Flag),
    (k(KeyCode::Char('h'), ALT), "Alt+H", Command::Flag),
    (k(KeyCode::Char('m'), ALT), "Alt+M", Command::Summary),
    (k(KeyCode::PageUp, NONE), "PgUp", Command::PageUp),
    (k(KeyCode::PageDown, NONE), "PgDn", Command::PageDown),
    (k(KeyCode::Tab, NONE), "Tab", Command::NextPane),
    (
        k(KeyCode::Char('p'), ALT),
        "Alt+P",
        Command::PreviousActions,
    ),
];

/// The note editor and the summary editor (other keys edit the text:
/// Emacs-style Ctrl+A/E/F/B/N/P/K/W/Y, Ctrl+U undo, Ctrl+R redo).
const WRITE: &[Binding] = &[
    (k(KeyCode::Enter, NONE), "Enter", Command::Commit),
    (k(KeyCode::Enter, ALT), "Alt+Enter", Command::Newline),
    (k(KeyCode::Char('j'), CTRL), "Ctrl+J", Command::Newline),
    (k(KeyCode::Esc, NONE), "Esc", Command::Back),
];

/// The roster pane.
const ROSTER: &[Binding] = &[
    (k(KeyCode::Up, NONE), "Up", Command::Up),
    (k(KeyCode::Down, NONE), "Down", Command::Down),
    (k(KeyCode::Char(' '), NONE), "Space", Command::Attendance),
    (k(KeyCode::Up, ALT), "Alt+Up", Command::MoveUp),
    (k(KeyCode::Char('['), NONE), "[", Command::MoveUp),
    (k(KeyCode::Down, ALT), "Alt+Down", Command::MoveDown),
    (k(KeyCode::Char(']'), NONE), "]", Command::MoveDown),
    (k(KeyCode::Enter, NONE), "Enter", Command::Speak),
    (k(KeyCode::Char('n'), NONE), "n", Command::NextSpeaker),
    (k(KeyCode::Char('x'), NONE), "x", Command::StopSpeaker),
    (k(KeyCode::Char('?'), NONE), "?", Command::Help),
    (k(KeyCode::Esc, NONE), "Esc", Command::Back),
];

/// The prompt card pane.
const CARD: &[Binding] = &[
    (k(KeyCode::Up, NONE), "Up", Command::Up),
    (k(KeyCode::Down, NONE), "Down", Command::Down),
    (k(KeyCode::Enter, NONE), "Enter", Command::SetQuestion),
    (k(KeyCode::Char('c'), NONE), "c", Command::ToggleCovered),
    (k(KeyCode::Char('?'), NONE), "?", Command::Help),
    (k(KeyCode::Esc, NONE), "Esc", Command::Back),
];

/// The notes list pane.
const LIST: &[Binding] = &[
    (k(KeyCode::Up, NONE), "Up", Command::Up),
    (k(KeyCode::Down, NONE), "Down", Command::Down),
    (k(KeyCode::Enter, NONE), "Enter", Command::Edit),
    (k(KeyCode::Char('e'), NONE), "e", Command::Edit),
    (k(KeyCode::Delete, NONE), "Del", Command::Delete),
    (k(KeyCode::Char('u'), NONE), "u", Command::Undelete),
    (k(KeyCode::Char('?'), NONE), "?", Command::Help),
    (k(KeyCode::Esc, NONE), "Esc", Command::Back),
];

/// 「前回のアクション」, open over the screen.
const PREVIOUS: &[Binding] = &[
    (k(KeyCode::Up, NONE), "Up", Command::Up),
    (k(KeyCode::Down, NONE), "Down", Command::Down),
    (k(KeyCode::Char('d'), NONE), "d", Command::MarkDone),
    (k(KeyCode::Char('x'), NONE), "x", Command::MarkDropped),
    (k(KeyCode::Char('o'), NONE), "o", Command::MarkOpen),
    (k(KeyCode::Char('u'), NONE), "u", Command::UndoMark),
    (k(KeyCode::Char('?'), NONE), "?", Command::Help),
    (k(KeyCode::Esc, NONE), "Esc", Command::Back),
];

/// The tables that apply in `mode`, most specific first.
pub fn tables(mode: Mode) -> &'static [&'static [Binding]] {
    match mode {
        Mode::Write | Mode::Summary => &[WRITE, GLOBAL],
        Mode::Roster => &[ROSTER, GLOBAL],
        Mode::Card => &[CARD, GLOBAL],
        Mode::List => &[LIST, GLOBAL],
        Mode::Previous => &[PREVIOUS, GLOBAL],
        Mode::Picker | Mode::Help => &[],
    }
}

fn matches(key: Key, ev: &KeyEvent) -> Option<Option<u8>> {
    let mods = ev.modifiers;
    match key {
        Key::AltDigit => match ev.code {
            KeyCode::Char(c @ '0'..='9') if mods == ALT => Some(Some(c as u8 - b'0')),
            _ => None,
        },
        Key::Is(code, want) => {
            // Terminals report Shift with shifted characters ('?', '[')
            // inconsistently, so it is ignored for characters.
            let got = if matches!(code, KeyCode::Char(_)) {
                mods - SHIFT
            } else {
                mods
            };
            (code == ev.code && got == want).then_some(None)
        }
    }
}

/// The command bound to `ev` in `mode`, if any.
pub fn command(mode: Mode, ev: &KeyEvent) -> Option<Command> {
    for table in tables(mode) {
        for &(key, _, cmd) in table.iter() {
            match matches(key, ev) {
                Some(Some(n)) => return Some(Command::SpeakerNo(n)),
                Some(None) => return Some(cmd),
                None => {}
            }
        }
    }
    None
}

/// The help of `mode`: each command once, with every key bound to it.
pub fn help(mode: Mode) -> Vec<(String, CommandText)> {
    help_of(tables(mode))
}

/// The help of some key tables: each command once, with all its keys.
pub fn help_of(tables: &[&[Binding]]) -> Vec<(String, CommandText)> {
    let mut rows: Vec<(String, CommandText)> = Vec::new();
    for table in tables {
        for &(_, label, cmd) in table.iter() {
            let text = CommandText::of(cmd);
            match rows.iter_mut().find(|(_, t)| *t == text) {
                Some((keys, _)) if !keys.split(" / ").any(|k| k == label) => {
                    keys.push_str(" / ");
                    keys.push_str(label);
                }
                Some(_) => {}
                None => rows.push((label.to_string(), text)),
            }
        }
    }
    rows
}

/// The keys of the pane `mode` itself, without those that work everywhere.
pub fn pane_help(mode: Mode) -> Vec<(String, CommandText)> {
    help_of(&tables(mode)[..tables(mode).len().saturating_sub(1)])
}

/// The keys that work in every pane.
pub fn global_help() -> Vec<(String, CommandText)> {
    help_of(&[GLOBAL])
}

/// Where each command's help text comes from (here, so that the label
/// table does not depend on the console).
impl CommandText {
    /// The help text of a command.
    pub fn of(cmd: Command) -> CommandText {
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
mod tests {
    use super::*;

    fn ev(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn enter_commits_and_both_newline_keys_work_in_the_editor() {
        let w = Mode::Write;
        assert_eq!(command(w, &ev(KeyCode::Enter, NONE)), Some(Command::Commit));
        assert_eq!(command(w, &ev(KeyCode::Enter, ALT)), Some(Command::Newline));
        let ctrl_j = ev(KeyCode::Char('j'), CTRL);
        assert_eq!(command(w, &ctrl_j), Some(Command::Newline));
        // Plain characters (Japanese included) are text, not commands.
        assert_eq!(command(w, &ev(KeyCode::Char('気'), NONE)), None);
        assert_eq!(command(w, &ev(KeyCode::Char('a'), NONE)), None);
        assert_eq!(command(w, &ev(KeyCode::Char('?'), SHIFT)), None);
    }

    #[test]
    fn kinds_and_questions_go_back_with_alt_shift_letters() {
        let back = ev(KeyCode::Char('K'), ALT | SHIFT);
        assert_eq!(command(Mode::Write, &back), Some(Command::PrevKind));
        let fwd = ev(KeyCode::Char('k'), ALT);
        assert_eq!(command(Mode::Write, &fwd), Some(Command::NextKind));
        let q = ev(KeyCode::Char('Q'), ALT | SHIFT);
        assert_eq!(command(Mode::Write, &q), Some(Command::PrevQuestion));
    }

    #[test]
    fn alt_digits_pick_speakers_and_panes_have_their_own_keys() {
        let alt3 = ev(KeyCode::Char('3'), ALT);
        assert_eq!(command(Mode::Write, &alt3), Some(Command::SpeakerNo(3)));
        let space = ev(KeyCode::Char(' '), NONE);
        assert_eq!(command(Mode::Roster, &space), Some(Command::Attendance));
        let del = ev(KeyCode::Delete, NONE);
        assert_eq!(command(Mode::List, &del), Some(Command::Delete));
        // Plain letters typed as text never change attendance or delete.
        for c in ['a', 'd', 'o'] {
            let typed = ev(KeyCode::Char(c), NONE);
            assert_eq!(command(Mode::Roster, &typed), None);
            assert_eq!(command(Mode::List, &typed), None);
        }
        let q = ev(KeyCode::Char('?'), SHIFT);
        assert_eq!(command(Mode::Card, &q), Some(Command::Help));
    }

    #[test]
    fn help_lists_every_bound_command_once_with_all_its_keys() {
        let rows = help(Mode::Write);
        let newline = rows
            .iter()
            .find(|(_, t)| *t == CommandText::of(Command::Newline))
            .unwrap();
        assert_eq!(newline.0, "Alt+Enter / Ctrl+J");
        let texts: Vec<_> = rows.iter().map(|(_, t)| t).collect();
        let unique: std::collections::HashSet<_> = texts
            .iter()
            .map(|t| t.text(crate::i18n::Lang::En))
            .collect();
        assert_eq!(
            texts.len(),
            unique.len(),
            "a command listed twice: {texts:?}"
        );
        for table in tables(Mode::Write) {
            for (_, _, cmd) in table.iter() {
                assert!(texts.contains(&&CommandText::of(*cmd)), "{cmd:?}");
            }
        }
    }
}
