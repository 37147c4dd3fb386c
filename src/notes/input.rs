//! What typing does: keys go to a question that is open, a picker, a
//! command of the focused pane, else they are text for the editor
//! (whatever pane has the keyboard); pastes are text too.

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::commands::command;
use super::keys::{self, Command};
use super::picking::picker_key;
use super::{Effect, Mode, State};

/// Keys closer together than this after a typed character come from one
/// read of the terminal (a paste), not from fingers.
const PASTE_BURST_MS: i64 = 15;

pub(super) fn paste(state: &mut State, text: &str, now: DateTime<Utc>) {
    let text = super::editor::clean_input(text);
    // A paste is text: whatever pane has the keyboard, it goes to the editor.
    if matches!(
        state.mode,
        Mode::Roster | Mode::Card | Mode::List | Mode::Previous
    ) {
        state.mode = Mode::Write;
    }
    match state.mode {
        Mode::Write => {
            state.editor.area.insert_str(&text);
        }
        Mode::Summary => {
            state.summary.insert_str(&text);
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

pub(super) fn key(state: &mut State, ev: KeyEvent, now: DateTime<Utc>, fx: &mut Vec<Effect>) {
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
    let mark = match ev.code {
        KeyCode::Char(c) if is_text(&ev) => Some(c),
        _ => None,
    };
    let typed = match state.mode {
        Mode::Write => match mark {
            Some(c) if super::editor::type_sound_mark(&mut state.editor.area, c) => true,
            _ => state.editor.area.input(ev),
        },
        Mode::Summary => {
            let changed = match mark {
                Some(c) if super::editor::type_sound_mark(&mut state.summary, c) => true,
                _ => state.summary.input(ev),
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
