//! The notes list: newest at the bottom, each with its time, speaker, kind
//! and question, wrapped by display width; notes not yet on disk are marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::roster::border;
use crate::i18n::notes::{NotesText, kind_label};
use crate::model::notes::{Note, NoteKind};
use crate::notes::{Mode, State, card};
use crate::tui::{text, widgets::panel};

/// The colour of a kind's tag.
fn kind_color(kind: NoteKind) -> Color {
    match kind {
        NoteKind::Issue => Color::Red,
        NoteKind::Practice => Color::Green,
        NoteKind::Opinion => Color::Blue,
        NoteKind::Request => Color::Magenta,
        NoteKind::Action => Color::Yellow,
        NoteKind::Other => Color::Gray,
    }
}

/// The lines of one note at width `w`: a head line, then the text.
fn note_lines(state: &State, note: &Note, w: usize) -> Vec<(String, Style)> {
    let lang = state.lang;
    let time = note.created.with_timezone(&state.tz).format("%H:%M");
    let speaker = note.speaker.as_deref().map(text::inert).unwrap_or_default();
    let question = match (&note.theme, &note.question) {
        (Some(t), Some(q)) => format!(" {}", card::tag(&state.themes, t, q)),
        _ => String::new(),
    };
    let owner = match (&note.owner, note.kind) {
        (Some(o), NoteKind::Action) => {
            format!(" {}:{}", NotesText::Owner.text(lang), text::inert(o))
        }
        _ => String::new(),
    };
    let pending = if state.saving.is_pending(&note.id) {
        format!(" ({})", NotesText::Saving.text(lang))
    } else {
        String::new()
    };
    let edited = if let Some(at) = note.edited.filter(|_| !note.deleted) {
        let at = at.with_timezone(&state.tz).format("%H:%M");
        format!(" ({} {at})", NotesText::Edited.text(lang))
    } else {
        String::new()
    };
    // The owner right after the kind, so that a narrow list never cuts it.
    let head = format!(
        "{time} {speaker} [{}]{owner}{question}{pending}{edited}",
        kind_label(note.kind, lang)
    );
    let head_style = Style::new()
        .fg(kind_color(note.kind))
        .add_modifier(Modifier::BOLD);
    let mut out = vec![(text::truncate(&head, w), head_style)];
    for line in text::wrap(&note.text, w.saturating_sub(2), "") {
        out.push((format!("  {line}"), Style::new()));
    }
    out
}

/// Draws the notes list. Only the notes that reach the visible rows are
/// laid out, walking up from the newest: a keystroke costs the same with
/// a hundred thousand notes as with ten.
pub(crate) fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let lang = state.lang;
    let focused = state.mode == Mode::List;
    let count = state.live_count;
    let title = format!(" {} ({count}) ", NotesText::Notes.text(lang));
    let block = panel(title, false).border_style(border(focused));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = usize::from(inner.width);
    let h = usize::from(inner.height);
    if count == 0 {
        let hint = text::truncate(NotesText::NoNotes.text(lang), w);
        buf.set_string(inner.x, inner.y, hint, Style::new().fg(Color::DarkGray));
        return;
    }
    // Rows are counted from the bottom: the list is bottom-anchored,
    // scrolled up by `list_scroll` rows, and while the list has the
    // keyboard, far enough to show the selected note.
    let selected = focused.then(|| count - 1 - state.list_sel.min(count - 1));
    let want = state.list_scroll.saturating_add(h);
    let mut rows: Vec<(String, Style)> = Vec::new();
    let mut sel = None;
    let mut all = true;
    let newest_first = state.doc.notes.iter().rev().filter(|n| !n.deleted);
    for (k, note) in newest_first.enumerate() {
        if rows.len() >= want && selected.is_none_or(|s| k > s) {
            all = false;
            break;
        }
        let mut nl = note_lines(state, note, w);
        if selected == Some(k) {
            for l in &mut nl {
                l.1 = l.1.add_modifier(Modifier::REVERSED);
            }
            sel = Some((rows.len(), rows.len() + nl.len()));
        }
        rows.extend(nl.into_iter().rev());
    }
    let mut below = state.list_scroll;
    if all {
        below = below.min(rows.len().saturating_sub(h));
    }
    if let Some((end, start)) = sel {
        if start > h + below {
            below = start - h;
        } else if end < below {
            below = end;
        }
    }
    let shown: Vec<&(String, Style)> = rows.iter().skip(below).take(h).collect();
    for (i, (line, style)) in shown.into_iter().rev().enumerate() {
        buf.set_stringn(inner.x, inner.y + i as u16, line, w, *style);
    }
}
