//! The review's `?`/F1 help: the keys of the view under it (made from the
//! same layers that dispatch them), and in the theme comparison how a
//! filter is written. Drawn by the help view every console shares; it
//! scrolls with the movement keys when the terminal is short, any other
//! key closes it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::keys::{self, Command};
use super::state::{State, View};
use crate::i18n::review::ReviewText as T;
use crate::tui::keys::{HelpPopup, Section, help_max_scroll, sections};

/// The help's sections for the view on screen.
pub(crate) fn help_sections(state: &State) -> Vec<Section> {
    let mut out = sections(keys::layers(state.view()), state.lang);
    if matches!(state.view(), View::Compare { .. }) {
        out.push(super::compare_filter_box::help(state.lang));
    }
    out
}

/// The furthest the help scrolls in the terminal: the view's own limit.
pub(crate) fn max_scroll(state: &State) -> usize {
    help_max_scroll(&help_sections(state), full(state))
}

fn full(state: &State) -> Rect {
    Rect::new(0, 0, state.size.0, state.size.1)
}

/// What a key does while the help is open: the movement keys scroll it,
/// any other closes it.
pub(crate) fn command(state: &mut State, c: Command) {
    let max = max_scroll(state);
    // A page is what the help shows less a line of context.
    let page = usize::from(state.size.1.saturating_sub(3)).max(1);
    state.help_scroll = match c {
        Command::Up => state.help_scroll.saturating_sub(1),
        Command::Down => (state.help_scroll + 1).min(max),
        Command::PageUp => state.help_scroll.saturating_sub(page),
        Command::PageDown => (state.help_scroll + page).min(max),
        _ => {
            state.help = false;
            0
        }
    };
}

/// Draws the help over `area`.
pub(crate) fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let lang = state.lang;
    let sections = help_sections(state);
    let scrolls = help_max_scroll(&sections, area) > 0;
    let hint = match scrolls {
        true => lang.pick("他のキーで閉じる", "other keys close"),
        false => lang.pick("どのキーでも閉じる", "any key closes"),
    };
    (&HelpPopup {
        title: T::Help.text(lang),
        sections: &sections,
        scroll: state.help_scroll,
        ascii: false,
        hint,
    })
        .render(area, buf);
}
