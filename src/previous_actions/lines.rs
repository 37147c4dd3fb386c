//! 「前回のアクション」 as lines of text, the same on the facilitator's card and
//! in the note-taker's list: status, owner and, once marked, by whom and
//! when; then what is to be done, wrapped under it.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use super::Carried;
use crate::i18n::Lang;
use crate::i18n::previous_actions::state_word;
use crate::model::actions::ActionState;
use crate::tui::text;

/// The colour of a status.
pub(crate) fn state_style(state: ActionState) -> Style {
    match state {
        ActionState::Open => Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        ActionState::Done => Style::new().fg(Color::Green),
        ActionState::Dropped => Style::new().fg(Color::DarkGray),
    }
}

/// The lines of one item at `width` cells.
pub(crate) fn item_lines(item: &Carried, lang: Lang, width: u16) -> Vec<Line<'static>> {
    let w = usize::from(width.max(8));
    let mut head = format!(
        "[{}] {}",
        state_word(item.state, lang),
        text::inert(&item.owner)
    );
    if item.state != ActionState::Open {
        let by = item.by.as_deref().map(text::inert).unwrap_or_default();
        let at = item
            .at
            .map(|a| a.format("%-m/%-d %H:%M").to_string())
            .unwrap_or_default();
        head = format!("{head}  {} {at}", by).trim_end().to_string();
    }
    let style = state_style(item.state);
    let mut out: Vec<Line<'static>> = text::wrap(&head, w, "  ")
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect();
    let body = match item.state {
        ActionState::Open => Style::new(),
        _ => Style::new().fg(Color::DarkGray),
    };
    for l in text::wrap(&format!("  {}", item.text), w, "  ") {
        out.push(Line::styled(l, body));
    }
    out
}
