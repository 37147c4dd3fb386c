//! The owner filter of the actions tab: `w` starts typing a name (Japanese
//! through the IME as in the search box, pasting too), the list narrows to
//! the items whose owner holds it as you type (folded like search: ＫＰＩ ≡
//! kpi, ｶﾅ ≡ カナ), Enter keeps it, Esc clears it.

use crossterm::event::KeyEvent;

use super::state::{Action, Loaded, State, View};
use crate::i18n::Lang;
use crate::tui::text::width;

/// What was typed as the owner, and whether typing goes on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OwnerFilter {
    /// The owner's name, or part of it.
    pub text: String,
    /// Keys type into the filter.
    pub typing: bool,
}

/// True while keys type into the owner filter.
pub(crate) fn typing(state: &State) -> bool {
    state.owner.typing && matches!(state.view(), View::Actions { .. })
}

/// What a key does while typing: Enter keeps the filter, Esc clears it,
/// Ctrl+C quits, Backspace erases; other characters are text.
pub(crate) fn key(key: &KeyEvent) -> Option<Action> {
    super::typing_line::key(key, |keep| Action::OwnerDone { keep })
}

/// Starts typing the owner.
pub(crate) fn start(state: &mut State) {
    state.owner.typing = true;
}

/// Ends typing: the filter stays (`keep`) or is cleared.
pub(crate) fn done(state: &mut State, keep: bool) {
    state.owner.typing = false;
    if !keep {
        state.owner.text.clear();
    }
    reselect(state);
}

/// After the filter changed: the first item of the new list is selected.
pub(crate) fn reselect(state: &mut State) {
    if let Some(View::Actions { selected, .. }) = state.views.last_mut() {
        *selected = 0;
    }
}

/// The filter as the tab's title shows it (after the count), empty when
/// there is none and none is being typed.
pub(crate) fn title_part(state: &State, lang: Lang) -> String {
    let f = &state.owner;
    if !f.typing && f.text.is_empty() {
        return String::new();
    }
    let name = crate::tui::text::sanitize::inert(&f.text);
    if f.typing {
        let hint = lang.pick("Enter 決定 / Esc 解除", "Enter keeps / Esc clears");
        format!("  {}: {name}  ({hint})", lang.pick("担当", "owner"))
    } else {
        format!("  {}: {name}", lang.pick("担当", "owner"))
    }
}

/// Where the caret goes while typing (for the IME): after the name in the
/// title row.
pub(crate) fn cursor(state: &State, data: &Loaded) -> Option<(u16, u16)> {
    if !typing(state) {
        return None;
    }
    let View::Actions { open_only, .. } = *state.view() else {
        return None;
    };
    let (title, _) = super::view_actions::heading(state, data, open_only);
    let hint = lang_hint_width(state);
    let x = width(&title).saturating_sub(hint);
    Some((x.min(usize::from(state.size.0.saturating_sub(1))) as u16, 0))
}

/// Cells of the "(Enter … / Esc …)" hint after the name.
fn lang_hint_width(state: &State) -> usize {
    let lang = state.lang;
    width(lang.pick("Enter 決定 / Esc 解除", "Enter keeps / Esc clears")) + 4
}

/// The footer while typing.
pub(crate) fn footer(lang: Lang) -> Vec<crate::tui::keys::Hint> {
    use crate::tui::keys::Hint;
    vec![
        Hint::new("Enter", lang.pick("決定", "keep")),
        Hint::new("Esc", lang.pick("解除", "clear")),
        Hint::new("Ctrl+C", lang.pick("終了", "quit")),
    ]
}
