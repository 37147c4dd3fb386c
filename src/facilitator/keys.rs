//! The facilitator's key tables, one per mode. The same tables dispatch the
//! keys and make the `?` help.

use crossterm::event::{KeyCode, KeyEvent};

use crate::i18n::Lang;
use crate::i18n::run::RunText as T;
use crate::i18n::run_live::LiveText as L;
use crate::tui::keys::{Binding, Key, lookup};

use super::Mode;
use super::action::Command::{self, *};

const fn bind(keys: &'static [Key], command: Command) -> Binding<Command> {
    Binding { keys, command }
}

/// The dashboard: the clock, the groups, the prompt card.
pub const DASHBOARD: &[Binding<Command>] = &[
    bind(&[Key::Space], StartPause),
    bind(&[Key::Char('+'), Key::Char('=')], Extend1),
    bind(&[Key::Char('>')], Extend5),
    bind(&[Key::Char('-')], Cut1),
    bind(&[Key::Char('<')], Cut5),
    bind(&[Key::Char('n')], NextBlock),
    bind(&[Key::Char('b')], PreviousBlock),
    bind(&[Key::Char('R')], Restart),
    bind(&[Key::Char('z'), Key::Ctrl('z')], Undo),
    bind(&[Key::Char('t')], NextTurn),
    bind(&[Key::Char('T')], PreviousTurn),
    bind(&[Key::Char('j'), Key::Down, Key::Tab], NextGroup),
    bind(&[Key::Char('k'), Key::Up, Key::BackTab], PreviousGroup),
    bind(&[Key::PageDown, Key::Char('J')], ScrollDown),
    bind(&[Key::PageUp, Key::Char('K')], ScrollUp),
    bind(
        &[
            Key::Char('1'),
            Key::Char('2'),
            Key::Char('3'),
            Key::Char('4'),
            Key::Char('5'),
            Key::Char('6'),
            Key::Char('7'),
            Key::Char('8'),
            Key::Char('9'),
        ],
        Broadcast(0),
    ),
    bind(&[Key::Char('w')], RoomMessage),
    bind(&[Key::Char('m')], MoveMember),
    bind(&[Key::Char('r')], References),
    bind(&[Key::Char('d')], ShowCard),
    bind(&[Key::Char('a')], AckFlag),
    bind(&[Key::Char('u')], ReloadNotes),
    bind(&[Key::Char('?')], Help),
    bind(&[Key::Char('q'), Key::Ctrl('c')], Quit),
];

/// The list of reference cards.
pub const REFERENCE_LIST: &[Binding<Command>] = &[
    bind(&[Key::Up, Key::Char('k')], Up),
    bind(&[Key::Down, Key::Char('j')], Down),
    bind(&[Key::Enter], Confirm),
    bind(&[Key::Esc, Key::Char('r'), Key::Char('q')], Close),
    bind(&[Key::Ctrl('c')], Quit),
];

/// One reference card, open.
pub const REFERENCE_CARD: &[Binding<Command>] = &[
    bind(&[Key::Down, Key::Char('j')], Down),
    bind(&[Key::Up, Key::Char('k')], Up),
    bind(&[Key::PageDown, Key::Space], ScrollDown),
    bind(&[Key::PageUp], ScrollUp),
    bind(&[Key::Char('g')], Top),
    bind(&[Key::Char('G')], Bottom),
    bind(&[Key::Char('/')], Search),
    bind(&[Key::Char('d')], ShowReference),
    bind(&[Key::Esc, Key::Char('q')], Close),
    bind(&[Key::Ctrl('c')], Quit),
];

/// Asking before a restart.
pub const CONFIRM: &[Binding<Command>] = &[
    bind(&[Key::Char('y'), Key::Enter], Confirm),
    bind(&[Key::Char('n'), Key::Esc, Key::Char('q')], Close),
    bind(&[Key::Ctrl('c')], Quit),
];

/// The offer to reset a broken run.json: `R` takes it, `q` leaves.
pub const BROKEN_RUN: &[Binding<Command>] = &[
    bind(&[Key::Char('R')], Confirm),
    bind(&[Key::Char('q'), Key::Ctrl('c')], Quit),
];

/// Typing the message to the room: every other key types.
pub const MESSAGE: &[Binding<Command>] = &[
    bind(&[Key::Enter], Confirm),
    bind(&[Key::Esc], Close),
    bind(&[Key::Ctrl('c')], Quit),
];

/// Moving a member: pick the member, then the group.
pub const MOVE: &[Binding<Command>] = &[
    bind(&[Key::Up, Key::Char('k')], Up),
    bind(&[Key::Down, Key::Char('j')], Down),
    bind(&[Key::Left, Key::Char('h'), Key::BackTab], Left),
    bind(&[Key::Right, Key::Char('l'), Key::Tab], Right),
    bind(&[Key::Enter], Confirm),
    bind(&[Key::Esc, Key::Char('q')], Close),
    bind(&[Key::Ctrl('c')], Quit),
];

/// A popup that only shows something (help, broadcast): any of these closes it.
pub const POPUP: &[Binding<Command>] = &[
    bind(
        &[Key::Esc, Key::Enter, Key::Char('q'), Key::Char('?')],
        Close,
    ),
    bind(&[Key::Down, Key::Char('j'), Key::PageDown], Down),
    bind(&[Key::Up, Key::Char('k'), Key::PageUp], Up),
    bind(&[Key::Ctrl('c')], Quit),
];

/// The key table of a mode.
pub fn table(mode: &Mode) -> &'static [Binding<Command>] {
    match mode {
        Mode::Dashboard => DASHBOARD,
        Mode::References { .. } => REFERENCE_LIST,
        Mode::Reference { .. } => REFERENCE_CARD,
        Mode::Move { .. } => MOVE,
        Mode::Help | Mode::Broadcast(_) => POPUP,
        Mode::ConfirmRestart => CONFIRM,
        Mode::BrokenRun { .. } => BROKEN_RUN,
        Mode::RoomMessage { .. } | Mode::SearchReference { .. } => MESSAGE,
    }
}

/// The first key of `c` on the dashboard, as the help names it.
pub fn key_label(c: Command, lang: Lang) -> String {
    DASHBOARD
        .iter()
        .find(|b| b.command == c)
        .map(|b| b.keys[0].label(lang))
        .unwrap_or_default()
}

/// The command a key gives in `mode`. The broadcast keys say which message.
pub fn command(mode: &Mode, ev: &KeyEvent) -> Option<Command> {
    if matches!(
        mode,
        Mode::RoomMessage { .. } | Mode::SearchReference { .. }
    ) && lookup(MESSAGE, ev).is_none()
    {
        use crossterm::event::{KeyEventKind, KeyModifiers};
        let plain = !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        return match ev.code {
            _ if ev.kind == KeyEventKind::Release => None,
            KeyCode::Backspace => Some(Erase),
            KeyCode::Char(c) if plain => Some(Type(c)),
            _ => None,
        };
    }
    match lookup(table(mode), ev)? {
        Broadcast(_) => match ev.code {
            KeyCode::Char(c) => c.to_digit(10).map(|d| Broadcast(d as usize - 1)),
            _ => None,
        },
        c => Some(c),
    }
}

/// What a command does, for the help.
pub fn help_text(c: Command, lang: Lang) -> &'static str {
    let t = match c {
        StartPause => T::KeyStartPause,
        Extend1 => T::KeyExtend1,
        Extend5 => T::KeyExtend5,
        Cut1 => T::KeyCut1,
        Cut5 => T::KeyCut5,
        NextBlock => T::KeyNextBlock,
        PreviousBlock => T::KeyPreviousBlock,
        Restart => T::KeyRestart,
        Undo => return L::KeyUndo.text(lang),
        RoomMessage => return L::KeyRoomMessage.text(lang),
        ShowReference => return L::KeyShowReference.text(lang),
        Search => return L::KeySearch.text(lang),
        Top => return L::KeyTop.text(lang),
        Bottom => return L::KeyBottom.text(lang),
        Type(_) | Erase => return "",
        NextTurn => T::KeyNextTurn,
        PreviousTurn => T::KeyPreviousTurn,
        NextGroup => T::KeyNextGroup,
        PreviousGroup => T::KeyPreviousGroup,
        ScrollDown => T::KeyScrollDown,
        ScrollUp => T::KeyScrollUp,
        Broadcast(_) => T::KeyBroadcast,
        References => T::KeyReferences,
        MoveMember => T::KeyMove,
        ShowCard => T::KeyShowCard,
        AckFlag => T::KeyAckFlag,
        ReloadNotes => T::KeyReload,
        Help => T::KeyHelp,
        Quit => T::KeyQuit,
        Up => T::KeyUp,
        Down => T::KeyDown,
        Left => T::KeyLeft,
        Right => T::KeyRight,
        Confirm => T::KeyConfirm,
        Close => T::KeyClose,
    };
    t.text(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyModifiers;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn digits_pick_the_broadcast_message() {
        assert_eq!(command(&Mode::Dashboard, &key('1')), Some(Broadcast(0)));
        assert_eq!(command(&Mode::Dashboard, &key('2')), Some(Broadcast(1)));
        // Every message the plan may define has a key; `update` says when
        // there is no such message.
        assert_eq!(command(&Mode::Dashboard, &key('9')), Some(Broadcast(8)));
        assert_eq!(command(&Mode::Dashboard, &key('0')), None);
    }

    #[test]
    fn each_mode_has_its_own_keys() {
        assert_eq!(command(&Mode::Dashboard, &key(' ')), Some(StartPause));
        assert_eq!(command(&Mode::Dashboard, &key('q')), Some(Quit));
        assert_eq!(command(&Mode::Help, &key('q')), Some(Close));
        let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
        let refs = Mode::References { selected: 0 };
        assert_eq!(command(&refs, &enter), Some(Confirm));
        assert_eq!(command(&Mode::Dashboard, &enter), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_a_table() {
        for table in [
            DASHBOARD,
            REFERENCE_LIST,
            REFERENCE_CARD,
            MOVE,
            POPUP,
            CONFIRM,
            BROKEN_RUN,
            MESSAGE,
        ] {
            let keys: Vec<Key> = table.iter().flat_map(|b| b.keys.iter().copied()).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{k:?} bound twice");
            }
        }
    }

    #[test]
    fn every_command_has_help_in_both_languages() {
        for table in [
            DASHBOARD,
            REFERENCE_LIST,
            REFERENCE_CARD,
            MOVE,
            POPUP,
            CONFIRM,
            BROKEN_RUN,
            MESSAGE,
        ] {
            for b in table {
                assert!(!help_text(b.command, Lang::Ja).is_empty());
                assert!(help_text(b.command, Lang::En).is_ascii());
            }
        }
    }
}
