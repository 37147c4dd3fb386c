//! The review screen's keys: one table per view, used both to dispatch a
//! key and to write the `?` help, so the help never lies.

use crate::i18n::Lang;
use crate::tui::keys::{Binding, Key};

/// What a key asks the review screen to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Move the selection (or the text) up a line.
    Up,
    /// Move the selection (or the text) down a line.
    Down,
    /// Up a page.
    PageUp,
    /// Down a page.
    PageDown,
    /// Open what is selected.
    Open,
    /// Go back to the previous view.
    Back,
    /// The next group (or the timing table) of a sitting.
    NextTab,
    /// The previous group (or the timing table) of a sitting.
    PrevTab,
    /// Jump to the timing table of a sitting.
    Timing,
    /// Open the list of themes to compare.
    Themes,
    /// Open the search box.
    Search,
    /// Show or hide the help.
    Help,
    /// Leave the review.
    Quit,
    /// Clear the search box.
    Clear,
    /// Read the archive again (it is also read again when files change).
    Reload,
    /// Open the list of every action item.
    Actions,
    /// List only the open action items, or all of them again.
    OpenOnly,
    /// Mark the selected action item open again.
    MarkOpen,
    /// Mark the selected action item done.
    MarkDone,
    /// Mark the selected action item dropped.
    MarkDropped,
    /// Type (part of) an owner's name to list only their action items.
    OwnerFilter,
}

impl Command {
    /// What the command does, for the help.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Command::Up => lang.pick("上へ", "up"),
            Command::Down => lang.pick("下へ", "down"),
            Command::PageUp => lang.pick("前のページ", "page up"),
            Command::PageDown => lang.pick("次のページ", "page down"),
            Command::Open => lang.pick("開く", "open"),
            Command::Back => lang.pick("戻る", "back"),
            Command::NextTab => lang.pick("次のグループ", "next group"),
            Command::PrevTab => lang.pick("前のグループ", "previous group"),
            Command::Timing => lang.pick("時間（予定と実績）", "timing (planned vs actual)"),
            Command::Themes => lang.pick("テーマ比較", "compare a theme"),
            Command::Search => lang.pick("全会を検索", "search every sitting"),
            Command::Help => lang.pick("このヘルプ", "this help"),
            Command::Quit => lang.pick("終了", "quit"),
            Command::Clear => lang.pick("検索語を消す", "clear the search"),
            Command::Reload => lang.pick("読み直す", "reload"),
            Command::Actions => lang.pick("アクション一覧", "action items"),
            Command::OpenOnly => lang.pick("未完了のみ切替", "open only / all"),
            Command::MarkOpen => lang.pick("未完了に戻す", "mark open"),
            Command::MarkDone => lang.pick("完了にする", "mark done"),
            Command::MarkDropped => lang.pick("取りやめ", "mark dropped"),
            Command::OwnerFilter => lang.pick("担当で絞り込む", "filter by owner"),
        }
    }
}

const fn bind(keys: &'static [Key], command: Command) -> Binding<Command> {
    Binding { keys, command }
}

const MOVE: [Binding<Command>; 4] = [
    bind(&[Key::Up, Key::Char('k')], Command::Up),
    bind(&[Key::Down, Key::Char('j')], Command::Down),
    bind(&[Key::PageUp], Command::PageUp),
    bind(&[Key::PageDown, Key::Space], Command::PageDown),
];

const RELOAD: Binding<Command> = bind(&[Key::Char('u')], Command::Reload);

const ACTIONS: Binding<Command> = bind(&[Key::Char('a')], Command::Actions);

const COMMON: [Binding<Command>; 4] = [
    bind(&[Key::Char('/')], Command::Search),
    bind(&[Key::Char('t')], Command::Themes),
    bind(&[Key::Char('?')], Command::Help),
    bind(&[Key::Char('q'), Key::Ctrl('c')], Command::Quit),
];

/// The list of sittings, and the list of themes.
pub const LIST: &[Binding<Command>] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    bind(&[Key::Enter, Key::Right, Key::Char('l')], Command::Open),
    bind(&[Key::Esc, Key::Left, Key::Char('h')], Command::Back),
    COMMON[0],
    COMMON[1],
    COMMON[2],
    COMMON[3],
    ACTIONS,
    RELOAD,
];

/// A sitting: groups as tabs, the timing table as the last tab.
pub const SITTING: &[Binding<Command>] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    bind(&[Key::Tab, Key::Right, Key::Char('l')], Command::NextTab),
    bind(&[Key::BackTab, Key::Left, Key::Char('h')], Command::PrevTab),
    bind(&[Key::Char('T')], Command::Timing),
    bind(&[Key::Esc], Command::Back),
    COMMON[0],
    COMMON[1],
    COMMON[2],
    COMMON[3],
    ACTIONS,
    RELOAD,
];

/// The theme comparison: questions on the left, answers on the right.
pub const THEME: &[Binding<Command>] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    bind(&[Key::Esc, Key::Left, Key::Char('h')], Command::Back),
    COMMON[0],
    COMMON[2],
    COMMON[3],
    ACTIONS,
    RELOAD,
];

/// Every action item: its status is set with o / d / x.
pub const ACTION_LIST: &[Binding<Command>] = &[
    MOVE[0],
    MOVE[1],
    MOVE[2],
    MOVE[3],
    bind(&[Key::Char('d')], Command::MarkDone),
    bind(&[Key::Char('x')], Command::MarkDropped),
    bind(&[Key::Char('o')], Command::MarkOpen),
    bind(&[Key::Char('f')], Command::OpenOnly),
    bind(&[Key::Char('w')], Command::OwnerFilter),
    bind(&[Key::Esc, Key::Left, Key::Char('h')], Command::Back),
    COMMON[0],
    COMMON[1],
    COMMON[2],
    COMMON[3],
    RELOAD,
];

/// The search box: printable keys type into it.
pub const SEARCH: &[Binding<Command>] = &[
    bind(&[Key::Up], Command::Up),
    bind(&[Key::Down], Command::Down),
    bind(&[Key::PageUp], Command::PageUp),
    bind(&[Key::PageDown], Command::PageDown),
    bind(&[Key::Enter], Command::Open),
    bind(&[Key::Esc], Command::Back),
    bind(&[Key::Ctrl('u')], Command::Clear),
    bind(&[Key::Ctrl('c')], Command::Quit),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn no_key_is_bound_twice_in_a_table() {
        for table in [LIST, SITTING, THEME, ACTION_LIST, SEARCH] {
            let keys: Vec<_> = table.iter().flat_map(|b| b.keys.iter()).collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{k:?} twice");
            }
        }
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(
            crate::tui::keys::lookup(SEARCH, &q),
            None,
            "q types in the search box"
        );
        assert_eq!(crate::tui::keys::lookup(LIST, &q), Some(Command::Quit));
    }
}
