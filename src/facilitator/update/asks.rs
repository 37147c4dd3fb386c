//! Popups that ask something of the facilitator: confirming a restart,
//! typing the message to the room.

use crate::i18n::run_live::{self as words, LiveText as L};
use crate::model::Stamp;
use crate::timer;

use super::super::action::{Command, Effect};
use super::super::{Mode, State};
use super::{notice, undo};

/// `R` asked first: y/Enter restarts (the run set aside in the history).
pub(super) fn confirm_restart(state: &mut State, c: Command, now: Stamp, fx: &mut Vec<Effect>) {
    state.mode = Mode::Dashboard;
    match c {
        Command::Confirm => {
            let before = undo::Snapshot::of(&state.run, Command::Restart);
            if timer::restart(&state.plan, &mut state.run, now) {
                undo::remember(&mut state.undo, before);
                fx.push(Effect::Save(Box::new(state.run.clone())));
                notice(state, now, L::Restarted.text(state.lang).into(), false);
            }
        }
        Command::Quit => state.quit = true,
        _ => {}
    }
}

/// Typing the message to the room; Enter puts it on the display (an empty
/// one takes the one up down), Up brings back the one up to change it, Esc
/// leaves it as it was.
pub(super) fn room_message(
    state: &mut State,
    c: Command,
    mut typed: String,
    now: Stamp,
    fx: &mut Vec<Effect>,
) {
    let lang = state.lang;
    match c {
        Command::Type(ch) if !ch.is_control() && typed.chars().count() < 120 => typed.push(ch),
        Command::Erase => {
            typed.pop();
        }
        Command::Up if typed.is_empty() => {
            typed = state.run.room_message.clone().unwrap_or_default();
        }
        Command::Confirm => {
            state.mode = Mode::Dashboard;
            let text = typed.trim().to_string();
            let msg = if text.is_empty() {
                L::RoomMessageDown.text(lang).to_string()
            } else {
                words::room_message_up(&text, lang)
            };
            let new = (!text.is_empty()).then_some(text);
            if new != state.run.room_message {
                state.run.room_message = new;
                fx.push(Effect::Save(Box::new(state.run.clone())));
            }
            notice(state, now, msg, false);
            return;
        }
        Command::Close => {
            state.mode = Mode::Dashboard;
            return;
        }
        Command::Quit => {
            state.quit = true;
            return;
        }
        _ => {}
    }
    state.mode = Mode::RoomMessage { text: typed };
}
