//! The facilitator's key layers, one stack per mode. The same layers
//! dispatch the keys, make the `?`/F1 help and the footer.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::i18n::Lang;
use crate::i18n::run::RunText as T;
use crate::i18n::run_live::LiveText as L;
use crate::tui::keys::{Key, Layer, bind, digits, dispatch};

use super::Mode;
use super::action::Command::{self, *};

const fn layer(
    ja: &'static str,
    en: &'static str,
    bindings: &'static [crate::tui::keys::Binding<Command>],
) -> Layer<Command> {
    Layer { ja, en, bindings }
}

/// The dashboard's clock: start, adjust, move between blocks and turns.
pub(crate) const CLOCK: Layer<Command> = layer(
    "時間",
    "Clock",
    &[
        bind(&[Key::Space], StartPause),
        bind(&[Key::Char('t')], NextTurn),
        bind(&[Key::Char('T')], PreviousTurn),
        bind(&[Key::Char('+'), Key::Char('=')], Extend1),
        bind(&[Key::Char('-')], Cut1),
        bind(&[Key::Char('>')], Extend5),
        bind(&[Key::Char('<')], Cut5),
        bind(&[Key::Char('n')], NextBlock),
        bind(&[Key::Char('b')], PreviousBlock),
        bind(&[Key::Char('R')], Restart),
        bind(&[Key::Char('z'), Key::Ctrl('z')], Undo),
    ],
);

/// The dashboard's groups and the selected group's card.
pub(crate) const GROUPS: Layer<Command> = layer(
    "グループ",
    "Groups",
    &[
        bind(&[Key::Char('j'), Key::Down, Key::Tab], NextGroup),
        bind(&[Key::Char('k'), Key::Up, Key::BackTab], PreviousGroup),
        bind(&[Key::PageDown, Key::Char('J')], ScrollDown),
        bind(&[Key::PageUp, Key::Char('K')], ScrollUp),
        bind(&[Key::Char('m')], MoveMember),
        bind(&[Key::Char('a')], AckFlag),
        bind(&[Key::Char('u')], ReloadNotes),
    ],
);

/// What the room and the breakout rooms see.
pub(crate) const ROOM: Layer<Command> = layer(
    "会場・資料",
    "Room and cards",
    &[
        digits(&[Key::Digits(1, 9)], |d| Broadcast(usize::from(d) - 1)),
        bind(&[Key::Char('r')], References),
        bind(&[Key::Char('w')], RoomMessage),
        bind(&[Key::Char('d')], ShowCard),
    ],
);

/// Help and leaving.
pub(crate) const GENERAL: Layer<Command> = layer(
    "その他",
    "General",
    &[
        bind(&[Key::Char('?'), Key::F(1)], Help),
        bind(&[Key::Char('q'), Key::Ctrl('c')], Quit),
    ],
);

/// The dashboard: the clock, the groups, the prompt card.
pub(crate) const DASHBOARD: &[&Layer<Command>] = &[&CLOCK, &ROOM, &GROUPS, &GENERAL];

/// The list of reference cards.
pub(crate) const REFERENCE_LIST: Layer<Command> = layer(
    "資料一覧",
    "Reference cards",
    &[
        bind(&[Key::Up, Key::Char('k')], Up),
        bind(&[Key::Down, Key::Char('j')], Down),
        bind(&[Key::Enter], Confirm),
        bind(&[Key::Esc, Key::Char('r'), Key::Char('q')], Close),
        bind(&[Key::Ctrl('c')], Quit),
    ],
);

/// One reference card, open.
pub(crate) const REFERENCE_CARD: Layer<Command> = layer(
    "資料",
    "Reference card",
    &[
        bind(&[Key::Up, Key::Char('k')], Up),
        bind(&[Key::Down, Key::Char('j')], Down),
        bind(&[Key::PageUp], ScrollUp),
        bind(&[Key::PageDown, Key::Space], ScrollDown),
        bind(&[Key::Char('g')], Top),
        bind(&[Key::Char('G')], Bottom),
        bind(&[Key::Char('/')], Search),
        bind(&[Key::Char('d')], ShowReference),
        bind(&[Key::Esc, Key::Char('q')], Close),
        bind(&[Key::Ctrl('c')], Quit),
    ],
);

/// Asking before a restart.
pub(crate) const CONFIRM: Layer<Command> = layer(
    "確認",
    "Confirm",
    &[
        bind(&[Key::Char('y'), Key::Enter], Confirm),
        bind(&[Key::Char('n'), Key::Esc, Key::Char('q')], Close),
        bind(&[Key::Ctrl('c')], Quit),
    ],
);

/// The offer to reset a broken run.json: `R` takes it, `q` leaves.
pub(crate) const BROKEN_RUN: Layer<Command> = layer(
    "run.json の問題",
    "Broken run.json",
    &[
        bind(&[Key::Char('R')], Confirm),
        bind(&[Key::Char('q'), Key::Ctrl('c')], Quit),
    ],
);

/// Typing the message to the room (or a search): every other key types.
pub(crate) const MESSAGE: Layer<Command> = layer(
    "入力",
    "Typing",
    &[
        bind(&[Key::Enter], Confirm),
        bind(&[Key::Up], Up),
        bind(&[Key::Esc], Close),
        bind(&[Key::Ctrl('c')], Quit),
    ],
);

/// Moving a member: pick the member, then the group.
pub(crate) const MOVE: Layer<Command> = layer(
    "メンバー移動",
    "Moving a member",
    &[
        bind(&[Key::Up, Key::Char('k')], Up),
        bind(&[Key::Down, Key::Char('j')], Down),
        bind(&[Key::Left, Key::Char('h'), Key::BackTab], Left),
        bind(&[Key::Right, Key::Char('l'), Key::Tab], Right),
        bind(&[Key::Enter], Confirm),
        bind(&[Key::Esc, Key::Char('q')], Close),
        bind(&[Key::Ctrl('c')], Quit),
    ],
);

/// A popup that only shows something (help, broadcast): any of these closes it.
pub(crate) const POPUP: Layer<Command> = layer(
    "表示中",
    "Popup",
    &[
        bind(
            &[
                Key::Esc,
                Key::Enter,
                Key::Char('q'),
                Key::Char('?'),
                Key::F(1),
            ],
            Close,
        ),
        bind(&[Key::Down, Key::Char('j'), Key::PageDown], Down),
        bind(&[Key::Up, Key::Char('k'), Key::PageUp], Up),
        bind(&[Key::Ctrl('c')], Quit),
    ],
);

/// The key layers of a mode.
pub(crate) fn layers(mode: &Mode) -> &'static [&'static Layer<Command>] {
    match mode {
        Mode::Dashboard => DASHBOARD,
        Mode::References { .. } => &[&REFERENCE_LIST],
        Mode::Reference { .. } => &[&REFERENCE_CARD],
        Mode::Move { .. } => &[&MOVE],
        Mode::Help | Mode::Broadcast(_) => &[&POPUP],
        Mode::ConfirmRestart => &[&CONFIRM],
        Mode::BrokenRun { .. } => &[&BROKEN_RUN],
        Mode::RoomMessage { .. } | Mode::SearchReference { .. } => &[&MESSAGE],
    }
}

/// The first key of `c` on the dashboard, as the help names it.
pub(crate) fn key_label(c: Command) -> String {
    DASHBOARD
        .iter()
        .flat_map(|l| l.bindings)
        .find(|b| b.sample() == c)
        .map(|b| b.keys[0].label())
        .unwrap_or_default()
}

/// The command a key gives in `mode`; in a text field other keys type.
pub(crate) fn command(mode: &Mode, ev: &KeyEvent) -> Option<Command> {
    if let Some(c) = dispatch(layers(mode), ev) {
        return Some(c);
    }
    if !matches!(
        mode,
        Mode::RoomMessage { .. } | Mode::SearchReference { .. }
    ) || ev.kind == KeyEventKind::Release
    {
        return None;
    }
    let plain = !ev
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match ev.code {
        KeyCode::Backspace => Some(Erase),
        KeyCode::Char(c) if plain => Some(Type(c)),
        _ => None,
    }
}

impl crate::tui::keys::Command for Command {
    fn what(self, lang: Lang) -> &'static str {
        help_text(self, lang)
    }

    fn hint(self, lang: Lang) -> Option<&'static str> {
        let t = match self {
            StartPause => T::HintStart,
            Extend1 | Cut1 => T::HintAdjust,
            NextBlock => T::HintNext,
            Broadcast(_) => T::HintBroadcast,
            References => T::HintReferences,
            MoveMember => T::HintMove,
            Help => T::HintHelp,
            Quit => T::HintQuit,
            NextTurn | PreviousTurn => return Some(L::HintTurn.text(lang)),
            Undo => return Some(L::HintUndo.text(lang)),
            _ => return None,
        };
        Some(t.text(lang))
    }
}

/// The words of a popup's key line: the keys of its layer that matter
/// there, written from the same layer that dispatches them. A question
/// names two keys of each answer (`y/Enter`).
pub(crate) fn popup_hint(mode: &Mode, lang: Lang) -> String {
    let word = |c: Command| -> Option<&'static str> {
        let (ja, en) = match (mode, c) {
            (Mode::References { .. }, Confirm) => ("開く", "open"),
            (Mode::References { .. }, Close) => ("閉じる", "close"),
            (Mode::Reference { .. }, Up | Down | ScrollDown | ScrollUp) => ("移動", "scroll"),
            (Mode::Reference { .. }, Top) => ("先頭", "top"),
            (Mode::Reference { .. }, Bottom) => ("末尾", "end"),
            (Mode::Reference { .. }, Search) => ("検索", "find"),
            (Mode::Reference { .. }, ShowReference) => ("表示", "display"),
            (Mode::Reference { .. }, Close) => ("一覧へ", "back"),
            (Mode::SearchReference { .. }, Confirm) => ("次を探す", "find next"),
            (Mode::SearchReference { .. }, Close) => ("終わる", "done"),
            (Mode::Move { .. }, Up | Down) => ("選ぶ", "pick"),
            (Mode::Move { .. }, Left | Right) => ("移動先", "group"),
            (Mode::Move { .. }, Confirm) => ("決定", "move"),
            (Mode::Move { .. }, Close) => ("取消", "cancel"),
            (Mode::Help | Mode::Broadcast(_), Close) => ("閉じる", "close"),
            (Mode::ConfirmRestart, Confirm) => ("やり直す", "restart"),
            (Mode::ConfirmRestart, Close) => ("やめる", "cancel"),
            (Mode::RoomMessage { .. }, Confirm) => ("表示", "show"),
            (Mode::RoomMessage { .. }, Close) => ("やめる", "cancel"),
            (Mode::BrokenRun { .. }, Confirm) => ("未開始に戻す", "reset the block"),
            (Mode::BrokenRun { .. }, Quit) => (
                "終了（ファイルはそのまま）",
                "quit (the file stays as it is)",
            ),
            _ => return None,
        };
        Some(lang.pick(ja, en))
    };
    let keys = if *mode == Mode::ConfirmRestart { 2 } else { 1 };
    let hints = crate::tui::keys::hints_naming(layers(mode), keys, word);
    crate::tui::keys::footer_text(&hints, &[], usize::MAX)
}

/// The room message popup's keys while a message is up and nothing is
/// typed yet: Enter takes it down, Up brings it back to change it.
pub(crate) fn room_message_up_hint(lang: Lang) -> String {
    let word = |c: Command| -> Option<&'static str> {
        let (ja, en) = match c {
            Confirm => ("取り下げ", "take it down"),
            Up => ("直す", "edit it"),
            Close => ("やめる", "cancel"),
            _ => return None,
        };
        Some(lang.pick(ja, en))
    };
    let hints = crate::tui::keys::hints_with(&[&MESSAGE], word);
    let keys = crate::tui::keys::footer_text(&hints, &[], usize::MAX);
    format!(
        "{keys}{}",
        lang.pick("（打てば差し替え）", " (or type a new one)")
    )
}

/// What a command does, for the help.
pub(crate) fn help_text(c: Command, lang: Lang) -> &'static str {
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
mod tests;
