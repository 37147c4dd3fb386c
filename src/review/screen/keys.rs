//! The review screen's keys: one table per view, used both to dispatch a
//! key and to write the `?` help, so the help never lies.

use super::state::View;
use crate::i18n::Lang;
use crate::tui::keys::{Binding, Key, Layer, bind};

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
    /// Type filters for the theme comparison (dates, stage, kind).
    CompareFilter,
    /// Clear the theme comparison's filters.
    ClearFilter,
}

impl Command {
    /// What the command does, for the help.
    pub(crate) fn text(self, lang: Lang) -> &'static str {
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
            Command::CompareFilter => lang.pick(
                "絞り込み（会の番号・日付・段階・種類）",
                "filter (sitting numbers, dates, stage, kind)",
            ),
            Command::ClearFilter => lang.pick("絞り込み解除", "clear the filter"),
        }
    }
}

impl Command {
    /// The footer's shorter word, taken when the footer is narrow: the
    /// same as [`crate::tui::keys::Command::hint`] unless one is shorter.
    /// Commands with the same short word share one hint (`d/x/o 状態`).
    pub(crate) fn short_hint(self, lang: Lang) -> Option<&'static str> {
        use crate::tui::keys::Command as _;
        Some(match self {
            Command::NextTab => lang.pick("班", "groups"),
            Command::Themes => lang.pick("比較", "compare"),
            Command::CompareFilter => lang.pick("絞込", "filter"),
            Command::OpenOnly => lang.pick("未完のみ", "open only"),
            Command::MarkDone | Command::MarkDropped | Command::MarkOpen => {
                lang.pick("状態", "status")
            }
            // The help's own title is 「キー操作」.
            Command::Help => lang.pick("操作", "help"),
            _ => return self.hint(lang),
        })
    }
}

impl crate::tui::keys::Command for Command {
    fn what(self, lang: Lang) -> &'static str {
        self.text(lang)
    }
    /// The footer's word (`None`: not in the footer). What the footer
    /// keeps at each width is [`super::footer`]'s business.
    fn hint(self, lang: Lang) -> Option<&'static str> {
        Some(match self {
            Command::Up | Command::Down | Command::PageUp | Command::PageDown => return None,
            Command::PrevTab | Command::Timing | Command::Reload | Command::Clear => return None,
            Command::NextTab => lang.pick("次の班", "next group"),
            Command::Themes => lang.pick("テーマ比較", "compare"),
            Command::Search => lang.pick("検索", "search"),
            Command::Actions => lang.pick("アクション", "actions"),
            Command::Help => lang.pick("ヘルプ", "help"),
            Command::MarkDone => lang.pick("完了", "done"),
            Command::MarkDropped => lang.pick("取りやめ", "dropped"),
            Command::MarkOpen => lang.pick("未完了", "open"),
            Command::OpenOnly => lang.pick("未完了のみ", "open only"),
            Command::OwnerFilter => lang.pick("担当", "owner"),
            Command::CompareFilter => lang.pick("絞り込み", "filter"),
            Command::ClearFilter => lang.pick("解除", "unfilter"),
            Command::Open | Command::Back | Command::Quit => self.text(lang),
        })
    }
}

const fn layer(
    ja: &'static str,
    en: &'static str,
    bindings: &'static [Binding<Command>],
) -> Layer<Command> {
    Layer { ja, en, bindings }
}

/// Moving in a list or a text: every view but the search box.
pub(crate) const MOVE: Layer<Command> = layer(
    "移動",
    "Moving",
    &[
        bind(&[Key::Up, Key::Char('k')], Command::Up),
        bind(&[Key::Down, Key::Char('j')], Command::Down),
        bind(&[Key::PageUp], Command::PageUp),
        bind(&[Key::PageDown, Key::Space], Command::PageDown),
    ],
);

/// What works in every view but the search box.
pub(crate) const COMMON: Layer<Command> = layer(
    "どこでも",
    "Everywhere",
    &[
        bind(&[Key::Char('/')], Command::Search),
        bind(&[Key::Char('a')], Command::Actions),
        bind(&[Key::Char('?'), Key::F(1)], Command::Help),
        bind(&[Key::Char('q'), Key::Ctrl('c')], Command::Quit),
        bind(&[Key::Char('u')], Command::Reload),
    ],
);

/// The list of sittings, and the list of themes.
pub(crate) const LIST: Layer<Command> = layer(
    "一覧",
    "List",
    &[
        bind(&[Key::Enter, Key::Right, Key::Char('l')], Command::Open),
        bind(&[Key::Esc, Key::Left, Key::Char('h')], Command::Back),
        bind(&[Key::Char('t')], Command::Themes),
    ],
);

/// A sitting: groups as tabs, the timing table as the last tab.
pub(crate) const SITTING: Layer<Command> = layer(
    "会の記録",
    "Sitting",
    &[
        bind(&[Key::Tab, Key::Right, Key::Char('l')], Command::NextTab),
        bind(&[Key::BackTab, Key::Left, Key::Char('h')], Command::PrevTab),
        bind(&[Key::Char('T')], Command::Timing),
        bind(&[Key::Esc], Command::Back),
        bind(&[Key::Char('t')], Command::Themes),
    ],
);

/// The theme comparison: questions on the left, answers on the right.
pub(crate) const THEME: Layer<Command> = layer(
    "テーマ比較",
    "Theme",
    &[
        bind(&[Key::Esc, Key::Left, Key::Char('h')], Command::Back),
        bind(&[Key::Char('f')], Command::CompareFilter),
        bind(&[Key::Char('c')], Command::ClearFilter),
    ],
);

/// Every action item: its status is set with d / x / o. The order is the
/// footer's priority: the status keys and the way back before the filters.
pub(crate) const ACTION_LIST: Layer<Command> = layer(
    "アクション",
    "Action items",
    &[
        bind(&[Key::Char('d')], Command::MarkDone),
        bind(&[Key::Char('x')], Command::MarkDropped),
        bind(&[Key::Char('o')], Command::MarkOpen),
        bind(&[Key::Esc, Key::Left, Key::Char('h')], Command::Back),
        bind(&[Key::Char('f')], Command::OpenOnly),
        bind(&[Key::Char('w')], Command::OwnerFilter),
        bind(&[Key::Char('t')], Command::Themes),
    ],
);

/// The search box: printable keys type into it.
pub(crate) const SEARCH: Layer<Command> = layer(
    "検索",
    "Search",
    &[
        bind(&[Key::Up], Command::Up),
        bind(&[Key::Down], Command::Down),
        bind(&[Key::PageUp], Command::PageUp),
        bind(&[Key::PageDown], Command::PageDown),
        bind(&[Key::Enter], Command::Open),
        bind(&[Key::Esc], Command::Back),
        bind(&[Key::Ctrl('u')], Command::Clear),
        bind(&[Key::F(1)], Command::Help),
        bind(&[Key::Ctrl('c')], Command::Quit),
    ],
);

/// The help while it is open: the movement keys scroll it, any other key
/// closes it.
pub(crate) const HELP: Layer<Command> = layer(
    "ヘルプ",
    "Help",
    &[
        bind(&[Key::Up, Key::Char('k')], Command::Up),
        bind(&[Key::Down, Key::Char('j')], Command::Down),
        bind(&[Key::PageUp], Command::PageUp),
        bind(&[Key::PageDown, Key::Space], Command::PageDown),
    ],
);

/// The layers of a view, most specific first.
pub(crate) fn layers(view: &View) -> &'static [&'static Layer<Command>] {
    match view {
        View::List { .. } | View::Themes { .. } => &[&LIST, &MOVE, &COMMON],
        View::Sitting { .. } => &[&SITTING, &MOVE, &COMMON],
        View::Compare { .. } => &[&THEME, &MOVE, &COMMON],
        View::Search => &[&SEARCH],
        View::Actions { .. } => &[&ACTION_LIST, &MOVE, &COMMON],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keys::{Command as _, dispatch, sections};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn every_binding_is_reachable_and_in_the_help() {
        for layers in [
            &[&LIST, &MOVE, &COMMON][..],
            &[&SITTING, &MOVE, &COMMON],
            &[&THEME, &MOVE, &COMMON],
            &[&ACTION_LIST, &MOVE, &COMMON],
            &[&SEARCH],
        ] {
            let help = sections(layers, Lang::En);
            for (i, l) in layers.iter().enumerate() {
                for b in l.bindings {
                    for k in b.keys {
                        let hidden = layers[..i].iter().any(|a| {
                            a.bindings
                                .iter()
                                .any(|x| x.keys.iter().any(|y| y.covers(*k)))
                        });
                        if hidden {
                            continue;
                        }
                        assert_eq!(dispatch(layers, &k.example()), Some(b.sample()), "{k:?}");
                        let what = b.sample().what(Lang::En);
                        let listed = help
                            .iter()
                            .flat_map(|s| &s.rows)
                            .any(|r| r.what == what && r.keys.contains(&k.label()));
                        assert!(listed, "{k:?} not in the help");
                    }
                }
            }
        }
    }

    #[test]
    fn q_types_in_the_search_box_and_quits_elsewhere() {
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(dispatch(layers(&View::Search), &q), None, "q types");
        let list = View::List { selected: 0 };
        assert_eq!(dispatch(layers(&list), &q), Some(Command::Quit));
    }
}
