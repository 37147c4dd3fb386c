//! The help popup over the dashboard: every key of the dashboard under its
//! section, made from the same layers that dispatch the keys; one column
//! that wraps, and scrolls when the terminal is short.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::facilitator::{State, keys};
use crate::i18n::run::RunText as T;
use crate::tui::keys::{HelpPopup, Key, Section, help_max_scroll, sections_with};

use super::FacilitatorView;

/// The help's sections, the message keys as many as the plan has
/// messages (`1-3`, like the footer).
pub(super) fn help_sections(state: &State) -> Vec<Section> {
    let messages = state.broadcasts().len().min(9) as u8;
    sections_with(keys::DASHBOARD, state.lang, |k| match k {
        Key::Digits(lo, hi) => (lo <= messages).then(|| Key::Digits(lo, hi.min(messages))),
        k => Some(k),
    })
}

/// The furthest the help scrolls in `area`.
pub(super) fn max_scroll(state: &State, area: Rect) -> u16 {
    help_max_scroll(&help_sections(state), area) as u16
}

pub(super) fn help(v: &FacilitatorView, area: Rect, buf: &mut Buffer) {
    let lang = v.state.lang;
    // The clock stays in sight while the help is open.
    let title = match super::asks::time_badge(v) {
        Some(b) => format!("{} ─{b}", T::HelpTitle.text(lang)),
        None => T::HelpTitle.text(lang).to_string(),
    };
    let sections = help_sections(v.state);
    let popup = HelpPopup {
        title: &title,
        sections: &sections,
        scroll: usize::from(v.state.help_scroll),
        hint: &keys::popup_hint(&v.state.mode, lang),
        ascii: v.state.ascii,
    };
    (&popup).render(area, buf);
}
