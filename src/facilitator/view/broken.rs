//! The offer shown when the console opened on a run.json that breaks a
//! rule: what is wrong (file:line:col, field path), the state the reset
//! leaves (the plan's block waiting, the finished blocks kept), and its key.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use crate::facilitator::keys;
use crate::i18n::store as words;
use crate::tui::text;

use super::FacilitatorView;
use super::asks::ask;

pub(super) fn offer(v: &FacilitatorView, problem: &str, area: Rect, buf: &mut Buffer) {
    let lang = v.state.lang;
    let block = v.clock.block.map(|b| b.title.clone()).unwrap_or_default();
    let finished = v.state.run.history.len();
    let alarm = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
    ask(
        v,
        words::broken_run_title(lang),
        &[
            (text::inert(problem), alarm),
            (String::new(), Style::new()),
            (
                words::broken_run_offer(&text::inert(&block), finished, lang),
                Style::new(),
            ),
            (words::broken_run_wait(lang).to_string(), Style::new()),
        ],
        &keys::popup_hint(&v.state.mode, lang),
        area,
        buf,
    );
}
