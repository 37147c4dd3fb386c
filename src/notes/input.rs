//! What typing does: keys go to a question that is open, a picker, a
//! command of the focused pane, else they are text for the editor
//! (whatever pane has the keyboard); pastes are text too.

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

use super::commands::command;
use super::keys::{self, Command};
use super::picking::picker_key;
use super::undo::EditKind;
use super::{Effect, Mode, State};

/// Keys closer together than this after a typed character come from one
/// read of the terminal (a paste), not from fingers.
const PASTE_BURST_MS: i64 = 15;

pub(super) fn paste(state: &mut State, text: &str, now: DateTime<Utc>) {
    let text = super::editor::clean_input(text);
    state.goal_x = None;
    // A paste is text: whatever pane has the keyboard, it goes to the editor.
    if matches!(
        state.mode,
        Mode::Roster | Mode::Card | Mode::List | Mode::Previous
    ) {
        state.mode = Mode::Write;
    }
    let insert = |a: &mut ratatui_textarea::TextArea<'static>| a.insert_str(&text);
    match state.mode {
        Mode::Write => {
            let e = &mut state.editor;
            e.undo.edit(&mut e.area, EditKind::Whole, now, insert);
        }
        Mode::Summary => {
            state
                .summary_undo
                .edit(&mut state.summary, EditKind::Whole, now, insert);
            state.summary_dirty = true;
        }
        Mode::Picker => {
            if let Some(p) = &mut state.picker {
                p.filter.push_str(text.lines().next().unwrap_or(""));
            }
            return;
        }
        _ => return,
    }
    state.typed_at = Some(now);
    state.touch_draft(now);
}

/// A plain character (not a command key): text to type.
fn is_text(ev: &KeyEvent) -> bool {
    matches!(ev.code, KeyCode::Char(c) if !c.is_control())
        && !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// Undo (`Some(true)`: Ctrl+U as in the text area's Emacs keys, and
/// Ctrl+Z as everywhere else) or redo (`Some(false)`: Ctrl+R).
fn undo_key(ev: &KeyEvent) -> Option<bool> {
    if ev.modifiers - KeyModifiers::SHIFT != KeyModifiers::CONTROL {
        return None;
    }
    match ev.code {
        KeyCode::Char('u' | 'z') => Some(true),
        KeyCode::Char('r') => Some(false),
        _ => None,
    }
}

/// How an editing key groups into undo steps.
fn edit_kind(ev: &KeyEvent) -> EditKind {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    match ev.code {
        _ if is_text(ev) => EditKind::Typing,
        KeyCode::Backspace | KeyCode::Delete if !ev.modifiers.contains(KeyModifiers::ALT) => {
            EditKind::Erasing
        }
        KeyCode::Char('h' | 'd') if ctrl => EditKind::Erasing,
        _ => EditKind::Whole,
    }
}

pub(super) fn key(state: &mut State, ev: KeyEvent, now: DateTime<Utc>, fx: &mut Vec<Effect>) {
    // Any other key moves the caret or the text: Up/Down start afresh.
    if vertical_key(&ev).is_none() {
        state.goal_x = None;
    }
    match state.mode {
        Mode::Help => {
            // Arrows and pages scroll the key list; any other key closes it.
            match ev.code {
                KeyCode::Down => state.help_scroll += 1,
                KeyCode::Up => state.help_scroll = state.help_scroll.saturating_sub(1),
                KeyCode::PageDown | KeyCode::Char(' ') => state.help_scroll += 10,
                KeyCode::PageUp => state.help_scroll = state.help_scroll.saturating_sub(10),
                _ => state.mode = state.back_to,
            }
            return;
        }
        Mode::Picker => return picker_key(state, ev, now),
        _ => {}
    }
    let editing = matches!(state.mode, Mode::Write | Mode::Summary);
    if let Some(cmd) = keys::command(state.mode, &ev) {
        // A Tab in the middle of a burst of typed characters is part of an
        // unbracketed paste: it becomes a space, the focus stays.
        let in_burst = state
            .typed_at
            .is_some_and(|t| now - t < Duration::milliseconds(PASTE_BURST_MS));
        if cmd == Command::NextPane && editing && in_burst {
            return paste(state, " ", now);
        }
        state.typed_at = None;
        return command(state, cmd, now, fx);
    }
    // Text typed while another pane has the keyboard (the next thing people
    // do after starting a speaker) goes to the note editor, never lost.
    if !editing && is_text(&ev) {
        state.mode = Mode::Write;
    }
    // Up/Down over the rows as drawn (kinsoku included), at the same column.
    if let Some(down) = vertical_key(&ev)
        && let Some(width) = editor_width(state)
    {
        let select = ev.modifiers.contains(KeyModifiers::SHIFT);
        let goal = state.goal_x;
        let area = match state.mode {
            Mode::Summary => &mut state.summary,
            _ => &mut state.editor.area,
        };
        state.goal_x = super::editor_move::vertical(area, width, down, select, goal).or(goal);
        return;
    }
    let mark = match ev.code {
        KeyCode::Char(c) if is_text(&ev) => Some(c),
        _ => None,
    };
    let kind = edit_kind(&ev);
    let edit = |area: &mut TextArea<'static>| match mark {
        Some(c) if super::editor::type_sound_mark(area, c) => true,
        _ => area.input(ev),
    };
    let typed = match state.mode {
        Mode::Write => {
            let e = &mut state.editor;
            match undo_key(&ev) {
                Some(true) => e.undo.undo(&mut e.area),
                Some(false) => e.undo.redo(&mut e.area),
                None => e.undo.edit(&mut e.area, kind, now, edit),
            }
        }
        Mode::Summary => {
            let (steps, area) = (&mut state.summary_undo, &mut state.summary);
            let changed = match undo_key(&ev) {
                Some(true) => steps.undo(area),
                Some(false) => steps.redo(area),
                None => steps.edit(area, kind, now, edit),
            };
            state.summary_dirty |= changed;
            changed
        }
        _ => false,
    };
    if typed {
        if is_text(&ev) {
            state.typed_at = Some(now);
        }
        state.touch_draft(now);
    }
}

/// Up/Down (`Some(true)` for down) as the editors take them: the arrows,
/// with Shift to select, and Ctrl+P/Ctrl+N.
fn vertical_key(ev: &KeyEvent) -> Option<bool> {
    let m = ev.modifiers - KeyModifiers::SHIFT;
    match ev.code {
        KeyCode::Up if m.is_empty() => Some(false),
        KeyCode::Down if m.is_empty() => Some(true),
        KeyCode::Char('p') if m == KeyModifiers::CONTROL => Some(false),
        KeyCode::Char('n') if m == KeyModifiers::CONTROL => Some(true),
        _ => None,
    }
}

/// The text width of the editor with the keyboard, as the view lays it out.
fn editor_width(state: &State) -> Option<u16> {
    if !matches!(state.mode, Mode::Write | Mode::Summary) {
        return None;
    }
    Some(super::view::editor_width(state))
}
