//! `update`: what each action does to the console's state, and which
//! effects it asks for. Pure: time is the `now` passed in, and saving,
//! ringing and copying are returned as [`Effect`]s.

use chrono::Duration;

use crate::i18n::run::{self as text, RunText as T};
use crate::i18n::run_live::{self as words, LiveText as L};
use crate::model::Stamp;
use crate::timer;

use super::action::{Action, Command, Effect};
use super::view;
use super::{Mode, Notice, State};

/// How long a notice stays in the status line.
const NOTICE_SECS: i64 = 8;

/// Applies `action` at `now`; returns what the outside world must do.
pub fn update(state: &mut State, action: Action, now: Stamp) -> Vec<Effect> {
    let mut fx = Vec::new();
    let block_before = state.run.current_index(&state.plan);
    let notice_before = state.notice.clone();
    match action {
        Action::Command(c) => command(state, c, now, &mut fx),
        Action::Tick => {}
        Action::Resize(w, h) => {
            state.size = (w, h);
            clamp_scrolls(state);
        }
        Action::FilesChanged(paths) => files_changed(state, &paths, &mut fx),
        Action::PreviousLoaded(found) => state.previous = found.map(|p| *p),
        Action::NotesLoaded(results) => {
            for (group, result) in results {
                match result {
                    Ok(d) => {
                        state.notes_errors.remove(&group);
                        let old = state.digests.insert(group.clone(), d);
                        signals::flag_raised(state, &group, old.as_ref(), now, &mut fx);
                    }
                    Err(e) => {
                        state.notes_errors.insert(group, e);
                    }
                }
            }
        }
        Action::Saved(result) => state.save_error = result.err(),
        Action::RunReloaded(r) if matches!(state.mode, Mode::BrokenRun { .. }) => {
            broken::reloaded(state, r, now)
        }
        Action::RunReloaded(Ok(run)) => {
            state.skew = crate::model::run::skew_ahead(run.saved, now);
            let before = fired(state);
            state.run = *run;
            if fired(state) > before {
                state.flash_until = Some(now + Duration::seconds(signals::FLASH_SECS));
                fx.push(Effect::Bell);
            }
        }
        Action::RunReloaded(Err(e)) => notice(state, now, e, true),
    }
    // Nothing rings (and so nothing is saved) while a broken run.json is
    // offered for reset.
    if !state.read_only && !matches!(state.mode, Mode::BrokenRun { .. }) {
        signals::ring_due(state, now, &mut fx);
    }
    signals::segment_change(state, now, &fx);
    // A refusal (「報告の時間ではありません」) was about the block it was
    // said in: it goes when the block changes, unless this action said it.
    if state.run.current_index(&state.plan) != block_before
        && state.notice.as_ref().is_some_and(|n| n.alarm)
        && state.notice == notice_before
    {
        state.notice = None;
    }
    if state.notice.as_ref().is_some_and(|n| n.until <= now) {
        state.notice = None;
    }
    if state.flash_until.is_some_and(|t| t <= now) {
        state.flash_until = None;
    }
    fx
}

/// Alerts given so far in the block on the clock, its turns' included: a
/// console following another one rings when the count grows.
fn fired(state: &State) -> usize {
    state.run.current.as_ref().map_or(0, |c| {
        c.alerts.len() + c.turns.iter().map(|t| t.alerts.len()).sum::<usize>()
    })
}

fn notice(state: &mut State, now: Stamp, text: String, alarm: bool) {
    state.notice = Some(Notice {
        text,
        until: now + Duration::seconds(NOTICE_SECS),
        alarm,
    });
}

fn command(state: &mut State, c: Command, now: Stamp, fx: &mut Vec<Effect>) {
    if state.read_only && c.changes_run() {
        notice(state, now, T::ReadOnlyRefused.text(state.lang).into(), true);
        return;
    }
    match state.mode.clone() {
        Mode::Dashboard => dashboard(state, c, now, fx),
        Mode::Help | Mode::Broadcast(_) => popup(state, c),
        Mode::ConfirmRestart => confirm_restart(state, c, now, fx),
        Mode::BrokenRun { .. } => broken::offer(state, c, now, fx),
        Mode::RoomMessage { text } => room_message(state, c, text, now, fx),
        Mode::References { selected } => references(state, c, selected),
        Mode::Reference { index, scroll } => reference(state, c, index, scroll, now, fx),
        Mode::SearchReference {
            index,
            scroll,
            query,
        } => search_reference(state, c, index, scroll, query, now),
        Mode::Move { member, to } => move_member(state, c, now, member, to, fx),
    }
}

fn dashboard(state: &mut State, c: Command, now: Stamp, fx: &mut Vec<Effect>) {
    use Command::*;
    let lang = state.lang;
    let before = undo::Snapshot::of(&state.run, c);
    let changed = match c {
        StartPause => {
            let run = &mut state.run;
            let running = run
                .current
                .as_ref()
                .is_some_and(|b| b.started.is_some() && !b.is_paused());
            if running {
                timer::pause(run, now)
            } else {
                timer::start(run, now)
            }
        }
        Extend1 | Extend5 | Cut1 | Cut5 if state.run.current.is_none() => {
            notice(state, now, L::AllDone.text(lang).into(), true);
            false
        }
        Extend1 | Extend5 | Cut1 | Cut5 => {
            let asked = match c {
                Extend1 => 60,
                Extend5 => 300,
                Cut1 => -60,
                _ => -300,
            };
            let done = timer::adjust(&state.plan, &mut state.run, now, asked);
            notice(state, now, text::adjusted(done, lang), done == 0);
            done != 0
        }
        NextBlock => timer::next_block(&state.plan, &mut state.run, now),
        PreviousBlock => timer::previous_block(&state.plan, &mut state.run, now),
        Restart => {
            let touched = state
                .run
                .current
                .as_ref()
                .is_some_and(|b| b.started.is_some() || !b.adjustments.is_empty());
            if touched {
                state.mode = Mode::ConfirmRestart;
            } else {
                notice(state, now, L::NothingToRestart.text(lang).into(), true);
            }
            false
        }
        Undo => {
            match undo::undo(&state.plan, &mut state.run, &mut state.undo, now) {
                Some(done) => {
                    let what = super::keys::key_label(done);
                    notice(state, now, words::undone(&what, lang), false);
                    fx.push(Effect::Save(Box::new(state.run.clone())));
                }
                None => notice(state, now, L::NothingToUndo.text(lang).into(), true),
            }
            return;
        }
        RoomMessage => {
            // Opens empty: Enter then takes a message that is up down, Up
            // brings its text back to change it, typing replaces it.
            state.mode = Mode::RoomMessage {
                text: String::new(),
            };
            false
        }
        NextTurn | PreviousTurn => {
            let done = timer::change_turn(&state.plan, &mut state.run, now, c == NextTurn);
            if !done {
                turn_refused(state, c == NextTurn, now);
            }
            let clock = timer::Clock::at(&state.plan, &state.run, now);
            if let Some(turn) = clock.turn
                && let Some(i) = state.plan.groups.iter().position(|g| g.id == turn.group)
            {
                state.selected = i;
                state.card_scroll = 0;
            }
            done
        }
        NextGroup | PreviousGroup => {
            let n = state.plan.groups.len().max(1);
            state.selected = match c {
                NextGroup => (state.selected + 1) % n,
                _ => (state.selected + n - 1) % n,
            };
            state.card_scroll = 0;
            false
        }
        ScrollDown => {
            let page = view::card_page(state);
            state.card_scroll = state.card_scroll.saturating_add(page);
            clamp_scrolls(state);
            false
        }
        ScrollUp => {
            clamp_scrolls(state);
            let page = view::card_page(state);
            state.card_scroll = state.card_scroll.saturating_sub(page);
            false
        }
        Broadcast(n) => {
            match state.broadcasts().get(n) {
                Some(msg) => {
                    fx.push(Effect::Copy(msg.clone()));
                    state.mode = Mode::Broadcast(n);
                }
                None => notice(state, now, text::no_broadcast(n + 1, lang), true),
            }
            false
        }
        References => {
            if state.plan.references.is_empty() {
                notice(state, now, T::NoReferences.text(lang).into(), true);
            } else {
                state.mode = Mode::References { selected: 0 };
            }
            false
        }
        MoveMember => {
            let to = (state.selected + 1) % state.plan.groups.len().max(1);
            if state.selected_roster().is_empty() || to == state.selected {
                notice(state, now, T::NobodyToMove.text(lang).into(), true);
            } else {
                state.mode = Mode::Move { member: 0, to };
            }
            false
        }
        ShowCard => show_card(state, now),
        AckFlag => ack_flag(state, now),
        ReloadNotes => {
            fx.push(Effect::LoadNotes(Vec::new()));
            fx.push(Effect::LoadPrevious);
            notice(state, now, T::NotesReloaded.text(lang).into(), false);
            false
        }
        Help => {
            state.help_scroll = 0;
            state.mode = Mode::Help;
            false
        }
        Quit => {
            state.quit = true;
            false
        }
        Up | Down | Left | Right | Confirm | Close | ShowReference | Search | Top | Bottom
        | Type(_) | Erase => false,
    };
    if changed {
        if c.changes_clock() {
            undo::remember(&mut state.undo, before);
        }
        fx.push(Effect::Save(Box::new(state.run.clone())));
    }
}

/// Says why `t`/`T` did nothing.
fn turn_refused(state: &mut State, forward: bool, now: Stamp) {
    let clock = timer::Clock::at(&state.plan, &state.run, now);
    let report = clock.block.is_some_and(|b| b.report.is_some());
    let why = match (report, clock.turn, forward) {
        (false, _, _) => L::NoReportRound,
        (true, None, _) => L::ReportNotStarted,
        (true, Some(_), true) => L::LastTurn,
        (true, Some(_), false) => L::FirstTurn,
    };
    notice(state, now, why.text(state.lang).into(), true);
}

mod asks;
mod broken;
mod live;
mod popups;
mod signals;
mod undo;

use asks::{confirm_restart, room_message};
use live::{ack_flag, files_changed, show_card};
use popups::{clamp_scrolls, move_member, popup, reference, references, search_reference};
pub(crate) use undo::Snapshot;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_live;
#[cfg(test)]
mod tests_rehearsal;
#[cfg(test)]
mod tests_trust;
