//! The note-taker's screen: header (sitting, group, themes, the
//! facilitator's timer), roster with attendance and speaking time, the
//! prompt card, the notes list, the editor, a status line and key hints.
//!
//! [`draw`] renders the state into a frame and puts the terminal's real
//! cursor at the caret, so that a Japanese IME composes where the text goes.

mod card;
mod editor;
mod editor_text;
mod header;
mod list;
mod popup;
mod previous_actions;
mod roster;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_edited;
#[cfg(test)]
mod tests_help;
#[cfg(test)]
mod tests_keys;
#[cfg(test)]
mod tests_previous;
#[cfg(test)]
mod tests_selection;
#[cfg(test)]
mod tests_status;
#[cfg(test)]
mod tests_updown;
#[cfg(test)]
mod tests_wrap;

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::widgets::Widget;

use crate::notes::{Mode, State};
use crate::tui::widgets::{TooSmall, too_small};

/// Where each part of the screen goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Areas {
    /// Sitting, group, timer; themes.
    pub(crate) header: Rect,
    /// Members, attendance, speaking time.
    pub(crate) roster: Rect,
    /// The prompt card.
    pub(crate) card: Rect,
    /// The notes so far.
    pub(crate) list: Rect,
    /// The note (or summary) editor.
    pub(crate) editor: Rect,
    /// Save state, errors and notices.
    pub(crate) status: Rect,
    /// Key hints.
    pub(crate) footer: Rect,
}

/// Lays the screen out in `area` (at least 60×16).
pub(crate) fn layout(area: Rect, state: &State) -> Areas {
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(editor::status_height(state, area.width)),
        Constraint::Length(1),
    ])
    .areas(area);
    let left_w = (area.width * 34 / 100).clamp(24, 36);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_w), Constraint::Fill(1)]).areas(body);
    let roster_h = (state.members.len() as u16 + 3).min(left.height / 2 + 1);
    let [roster, card] =
        Layout::vertical([Constraint::Length(roster_h), Constraint::Fill(1)]).areas(left);
    // The note editor grows with its wrapped text (up to half the column),
    // so a note can be proofread whole before Enter.
    let editor_h = match state.mode {
        Mode::Summary => (right.height / 2).max(5),
        _ => (wrapped_rows(&state.editor.area, right.width.saturating_sub(2)) + 2)
            .clamp(5, (right.height / 2).max(5))
            .min(right.height / 2),
    };
    let [list, editor] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(editor_h)]).areas(right);
    Areas {
        header,
        roster,
        card,
        list,
        editor,
        status,
        footer,
    }
}

/// The width of the editors' text at the state's terminal size.
pub(crate) fn editor_width(state: &State) -> u16 {
    let (w, h) = state.size;
    editor::inner(layout(Rect::new(0, 0, w, h), state).editor).width
}

/// Rows `area`'s text takes wrapped at `width` cells, the caret's included.
fn wrapped_rows(area: &ratatui_textarea::TextArea<'_>, width: u16) -> u16 {
    u16::try_from(editor_text::rows_needed(area, width)).unwrap_or(u16::MAX)
}

/// Draws the whole screen at `now` and places the cursor.
pub fn draw(frame: &mut Frame, state: &State, now: DateTime<Utc>) {
    let area = frame.area();
    if too_small(area) {
        let msg = TooSmall { lang: state.lang };
        (&msg).render(area, frame.buffer_mut());
        return;
    }
    let a = layout(area, state);
    let buf = frame.buffer_mut();
    header::render(state, now, a.header, buf);
    roster::render(state, now, a.roster, buf);
    card::render(state, a.card, buf);
    list::render(state, a.list, buf);
    previous_actions::render_badge(state, a.list, buf);
    editor::render(state, a.editor, buf);
    editor::render_status(state, now, a.status, buf);
    editor::render_footer(state, a.footer, buf);
    let mut cursor = caret(state, &a);
    match state.mode {
        Mode::Picker => cursor = popup::render_picker(state, area, frame.buffer_mut()),
        Mode::Help => popup::render_help(state, area, frame.buffer_mut()),
        Mode::Previous => previous_actions::render(state, area, frame.buffer_mut()),
        _ => {}
    }
    if let Some(ask) = state.ask {
        popup::render_ask(state, ask, area, frame.buffer_mut());
        cursor = None;
    }
    if let Some(pos) = cursor {
        frame.set_cursor_position(pos);
    }
}

/// The terminal cell of the editor's caret (display widths count: a
/// full-width character is two cells; rows wrap as drawn). `None` when no
/// editor has the keyboard.
pub(crate) fn caret(state: &State, a: &Areas) -> Option<Position> {
    let area = match state.mode {
        Mode::Write => &state.editor.area,
        Mode::Summary => &state.summary,
        _ => return None,
    };
    editor_text::caret(area, editor::inner(a.editor))
}
