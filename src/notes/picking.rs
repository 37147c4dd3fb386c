//! Keys while the speaker/owner picker is open: type-ahead, digits, arrows.

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::picker::{PickFor, Picker};
use super::{Mode, State};

/// Handles a key in the picker.
pub(super) fn picker_key(state: &mut State, ev: KeyEvent, now: DateTime<Utc>) {
    let candidates = state.candidates();
    let Some(p) = &mut state.picker else {
        state.mode = state.back_to;
        return;
    };
    let plain = !ev
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    let matches: Vec<String> = p
        .matches(&candidates)
        .into_iter()
        .map(|(_, m)| m.to_string())
        .collect();
    let mut chosen = None;
    match ev.code {
        KeyCode::Esc => {}
        KeyCode::Enter => chosen = matches.get(p.sel).cloned().or_else(|| p.typed_name()),
        KeyCode::Up => {
            p.sel = p.sel.saturating_sub(1);
            return;
        }
        KeyCode::Down => {
            p.sel = (p.sel + 1).min(matches.len().saturating_sub(1));
            return;
        }
        KeyCode::Backspace => {
            p.filter.pop();
            p.sel = 0;
            return;
        }
        KeyCode::Char(c) if plain => {
            p.filter.push(c);
            p.sel = 0;
            // With fewer than ten members one digit is a whole answer.
            let now_matches = p.matches(&candidates);
            let single_digit = c.is_ascii_digit() && state.members.len() < 10;
            match now_matches.as_slice() {
                [(_, m)] if single_digit => chosen = Some(m.to_string()),
                _ => return,
            }
        }
        _ => return,
    }
    let target = p.target;
    state.picker = None;
    state.mode = state.back_to;
    if let Some(m) = chosen {
        match target {
            PickFor::Speaker => state.editor.speaker = Some(m),
            PickFor::Owner => {
                // Picking an owner makes the note an action, and says who.
                state.editor.kind = crate::model::notes::NoteKind::Action;
                let said = crate::i18n::notes::owner_set(&crate::tui::text::inert(&m), state.lang);
                state.editor.owner = Some(m);
                state.notice(said, now);
            }
        }
        state.touch_draft(now);
    }
}

/// Opens the picker for `target` over the editor the note-taker is in.
pub(super) fn open_picker(state: &mut State, target: PickFor) {
    state.back_to = match state.mode {
        Mode::Summary => Mode::Summary,
        _ => Mode::Write,
    };
    state.picker = Some(Picker::new(target));
    state.mode = Mode::Picker;
}
