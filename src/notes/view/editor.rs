//! The editor pane (the note, or the summary), the status line (save state,
//! errors, notices) and the key hints.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::roster::border;
use crate::i18n::notes::{CommandText, NotesText, command_hint, kind_label, save_error};
use crate::model::notes::NoteKind;
use crate::notes::{Mode, State, card, keys};
use crate::tui::keys::{self as key_table, Hint, footer_hints};
use crate::tui::{text, widgets::panel};

/// The text area inside the editor pane's border.
pub(crate) fn inner(area: Rect) -> Rect {
    panel("", false).inner(area)
}

/// The editor pane's title: what the note is attached to.
fn title(state: &State) -> String {
    let lang = state.lang;
    if state.mode == Mode::Summary {
        return format!(" {} ", NotesText::Summary.text(lang));
    }
    let e = &state.editor;
    let unset = NotesText::Unset.text(lang);
    let what = if e.editing.is_some() {
        NotesText::Editing.text(lang)
    } else {
        NotesText::Editor.text(lang)
    };
    let speaker = e.speaker.as_deref().map_or(unset.to_string(), text::inert);
    let question = e
        .question
        .as_ref()
        .map_or(unset.to_string(), |(t, q)| card::tag(&state.themes, t, q));
    // An action's owner comes right after the kind: a narrow title cuts
    // the question, never who takes the action.
    let owner = if e.kind == NoteKind::Action {
        let owner = e.owner.as_deref().map_or(unset.to_string(), text::inert);
        format!(" {}:{owner}", NotesText::Owner.text(lang))
    } else {
        String::new()
    };
    format!(
        " {what} | {}:{speaker} {}:{}{owner} {}:{question} ",
        NotesText::Speaker.text(lang),
        NotesText::Kind.text(lang),
        kind_label(e.kind, lang),
        NotesText::Question.text(lang),
    )
}

/// Draws the editor pane with the note or the summary.
pub(crate) fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let lang = state.lang;
    let focused = matches!(state.mode, Mode::Write | Mode::Summary);
    let title = text::truncate(&title(state), usize::from(area.width.saturating_sub(2)));
    let block = panel(Line::from(title), false).border_style(border(focused));
    let inside = block.inner(area);
    block.render(area, buf);
    let (ta, placeholder) = if state.mode == Mode::Summary {
        (&state.summary, NotesText::SummaryPlaceholder)
    } else {
        (&state.editor.area, NotesText::Placeholder)
    };
    if ta.is_empty() {
        let hint = text::truncate(placeholder.text(lang), usize::from(inside.width));
        buf.set_string(inside.x, inside.y, hint, Style::new().fg(Color::DarkGray));
    } else {
        super::editor_text::render(ta, inside, buf);
    }
}

/// A warning that stays until its cause is gone (a save error, a clock
/// skew, a file that cannot be read), with its colours; these are shown
/// whole, wrapped over up to [`STATUS_MAX_ROWS`] rows.
fn warning(state: &State) -> Option<(String, Style)> {
    let lang = state.lang;
    if let Some(e) = &state.saving.error {
        let style = Style::new()
            .fg(Color::White)
            .bg(Color::Red)
            .add_modifier(Modifier::BOLD);
        Some((save_error(e, lang), style))
    } else if let Some(e) = &state.draft_error {
        Some((e.clone(), Style::new().fg(Color::White).bg(Color::Red)))
    } else if let Some(secs) = state.skew {
        let style = Style::new().fg(Color::Black).bg(Color::Yellow);
        Some((crate::i18n::display::clock_skew(secs, lang), style))
    } else {
        let w = state.file_warnings.values().next()?;
        Some((w.clone(), Style::new().fg(Color::Black).bg(Color::Yellow)))
    }
}

/// The most rows the status line grows to for a long warning.
pub(crate) const STATUS_MAX_ROWS: usize = 3;

/// The status line's text wrapped at `width` cells (kinsoku applied), at
/// most [`STATUS_MAX_ROWS`] rows, the last one cut when it does not fit.
fn status_rows(line: &str, width: usize) -> Vec<String> {
    let mut rows = text::wrap(line, width, "");
    if rows.len() > STATUS_MAX_ROWS {
        let rest = rows[STATUS_MAX_ROWS - 1..].concat();
        rows.truncate(STATUS_MAX_ROWS - 1);
        rows.push(text::truncate(&rest, width));
    }
    rows
}

/// Rows the status line needs at `width` cells: a warning, or else a
/// notice (an ended turn names who, when and why), is shown whole.
pub(crate) fn status_height(state: &State, width: u16) -> u16 {
    let line = warning(state)
        .map(|(line, _)| line)
        .or_else(|| state.notice.as_ref().map(|n| n.text.clone()));
    line.map_or(1, |line| {
        status_rows(&line, usize::from(width)).len() as u16
    })
}

/// Draws the status line: a save error (until a save succeeds), else a
/// clock-skew or unreadable-file warning (each wrapped whole), else a
/// notice, else whether everything is on disk.
pub(crate) fn render_status(state: &State, now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
    let lang = state.lang;
    let w = usize::from(area.width);
    if let Some((line, style)) = warning(state) {
        let rows = status_rows(&line, w);
        for (i, row) in rows.iter().take(usize::from(area.height)).enumerate() {
            let y = area.y + i as u16;
            buf.set_string(area.x, y, text::fit(row, w), style);
        }
        return;
    }
    let (line, style) = if let Some(n) = state.notice.as_ref().filter(|n| n.until > now) {
        let style = Style::new().fg(Color::Yellow);
        let rows = status_rows(&n.text, w);
        for (i, row) in rows.iter().take(usize::from(area.height)).enumerate() {
            buf.set_string(area.x, area.y + i as u16, text::fit(row, w), style);
        }
        return;
    } else if state.saving.dirty() {
        (
            NotesText::Saving.text(lang).to_string(),
            Style::new().fg(Color::Yellow),
        )
    } else {
        let n = state.live_count;
        (
            format!("{} ({n})", NotesText::Saved.text(lang)),
            Style::new().fg(Color::Green),
        )
    };
    buf.set_string(area.x, area.y, text::fit(&line, w), style);
}

/// Draws the key hints.
pub(crate) fn render_footer(state: &State, area: Rect, buf: &mut Buffer) {
    let pane = if state.mode == Mode::Help {
        state.back_to
    } else {
        state.mode
    };
    let lang = state.lang;
    let editing = matches!(pane, Mode::Write | Mode::Summary);
    let word = |c| command_hint(c, lang).unwrap_or_default();
    let (back, help) = (word(CommandText::Back), word(CommandText::Help));
    let (tail, hints): (Vec<Hint>, Vec<Hint>) = footer_hints(keys::layers(pane), lang)
        .into_iter()
        // In the editors Esc drops an edit; the footer keeps to what moves on.
        .filter(|h| !(editing && h.what == back))
        .partition(|h| h.what == help);
    let mut hints = hints;
    if !editing {
        hints.push(Hint::new("", NotesText::TypingGoesToEditor.text(lang)));
    }
    key_table::render_footer(&hints, &tail, area, buf);
}
