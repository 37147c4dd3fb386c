//! `update`: what each action does to the console's state, and which
//! effects it asks for. Pure: time is the `now` passed in, and saving,
//! ringing and copying are returned as [`Effect`]s.

use chrono::Duration;

use crate::i18n::run::{self as text, RunText as T};
use crate::model::Stamp;
use crate::model::run::MemberMove;
use crate::timer;

use super::action::{Action, Command, Effect};
use super::view;
use super::{Mode, Notice, State};

/// How long a notice stays in the status line.
const NOTICE_SECS: i64 = 8;
/// How long the timer flashes after an alert.
const FLASH_SECS: i64 = 6;

/// Applies `action` at `now`; returns what the outside world must do.
pub fn update(state: &mut State, action: Action, now: Stamp) -> Vec<Effect> {
    let mut fx = Vec::new();
    match action {
        Action::Command(c) => command(state, c, now, &mut fx),
        Action::Tick => {}
        Action::Resize(w, h) => {
            state.size = (w, h);
            clamp_scrolls(state);
        }
        Action::FilesChanged(paths) => files_changed(state, &paths, &mut fx),
        Action::NotesLoaded(results) => {
            for (group, result) in results {
                match result {
                    Ok(d) => {
                        state.notes_errors.remove(&group);
                        state.digests.insert(group, d);
                    }
                    Err(e) => {
                        state.notes_errors.insert(group, e);
                    }
                }
            }
        }
        Action::Saved(result) => state.save_error = result.err(),
        Action::RunReloaded(Ok(run)) => {
            state.skew = crate::model::run::skew_ahead(run.saved, now);
            let before = fired(state);
            state.run = *run;
            if fired(state) > before {
                state.flash_until = Some(now + Duration::seconds(FLASH_SECS));
                fx.push(Effect::Bell);
            }
        }
        Action::RunReloaded(Err(e)) => notice(state, now, e, true),
    }
    if !state.read_only {
        ring_due_alert(state, now, &mut fx);
    }
    if state.notice.as_ref().is_some_and(|n| n.until <= now) {
        state.notice = None;
    }
    if state.flash_until.is_some_and(|t| t <= now) {
        state.flash_until = None;
    }
    fx
}

fn fired(state: &State) -> usize {
    state.run.current.as_ref().map_or(0, |c| c.alerts.len())
}

fn notice(state: &mut State, now: Stamp, text: String, alarm: bool) {
    state.notice = Some(Notice {
        text,
        until: now + Duration::seconds(NOTICE_SECS),
        alarm,
    });
}

/// True for the commands that change run.json.
fn changes_run(c: Command) -> bool {
    use Command::*;
    matches!(
        c,
        StartPause
            | Extend1
            | Extend5
            | Cut1
            | Cut5
            | NextBlock
            | PreviousBlock
            | Restart
            | NextTurn
            | PreviousTurn
            | MoveMember
            | ShowCard
            | AckFlag
    )
}

fn command(state: &mut State, c: Command, now: Stamp, fx: &mut Vec<Effect>) {
    if state.read_only && changes_run(c) {
        notice(state, now, T::ReadOnlyRefused.text(state.lang).into(), true);
        return;
    }
    match state.mode.clone() {
        Mode::Dashboard => dashboard(state, c, now, fx),
        Mode::Help | Mode::Broadcast(_) => popup(state, c),
        Mode::References { selected } => references(state, c, selected),
        Mode::Reference { index, scroll } => reference(state, c, index, scroll),
        Mode::Move { member, to } => move_member(state, c, now, member, to, fx),
    }
}

fn dashboard(state: &mut State, c: Command, now: Stamp, fx: &mut Vec<Effect>) {
    use Command::*;
    let lang = state.lang;
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
        PreviousBlock => timer::previous_block(&state.plan, &mut state.run),
        Restart => timer::restart(&mut state.run),
        NextTurn | PreviousTurn => {
            let done = timer::change_turn(&state.plan, &mut state.run, now, c == NextTurn);
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
            state.card_scroll = state.card_scroll.saturating_add(3);
            clamp_scrolls(state);
            false
        }
        ScrollUp => {
            state.card_scroll = state.card_scroll.saturating_sub(3);
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
            notice(state, now, T::NotesReloaded.text(lang).into(), false);
            false
        }
        Help => {
            state.mode = Mode::Help;
            false
        }
        Quit => {
            state.quit = true;
            false
        }
        Up | Down | Left | Right | Confirm | Close => false,
    };
    if changed {
        fx.push(Effect::Save(Box::new(state.run.clone())));
    }
}

fn popup(state: &mut State, c: Command) {
    match c {
        Command::Close => state.mode = Mode::Dashboard,
        Command::Quit => state.quit = true,
        _ => {}
    }
}

fn references(state: &mut State, c: Command, selected: usize) {
    let n = state.plan.references.len();
    state.mode = match c {
        Command::Up => Mode::References {
            selected: selected.saturating_sub(1),
        },
        Command::Down => Mode::References {
            selected: (selected + 1).min(n.saturating_sub(1)),
        },
        Command::Confirm => Mode::Reference {
            index: selected,
            scroll: 0,
        },
        Command::Close => Mode::Dashboard,
        Command::Quit => {
            state.quit = true;
            return;
        }
        _ => return,
    };
}

fn reference(state: &mut State, c: Command, index: usize, scroll: u16) {
    let step = match c {
        Command::Down => 1,
        Command::Up => -1,
        Command::ScrollDown => i32::from(view::popup_page(state.size)),
        Command::ScrollUp => -i32::from(view::popup_page(state.size)),
        Command::Close => {
            state.mode = Mode::References { selected: index };
            return;
        }
        Command::Quit => {
            state.quit = true;
            return;
        }
        _ => return,
    };
    let max = view::reference_max_scroll(state, index);
    let scroll = (i32::from(scroll) + step).clamp(0, i32::from(max)) as u16;
    state.mode = Mode::Reference { index, scroll };
}

fn move_member(
    state: &mut State,
    c: Command,
    now: Stamp,
    member: usize,
    to: usize,
    fx: &mut Vec<Effect>,
) {
    let roster_len = state.selected_roster().len();
    let groups = state.plan.groups.len();
    let step_group = |to: usize, forward: bool| {
        let mut t = to;
        loop {
            t = if forward {
                (t + 1) % groups
            } else {
                (t + groups - 1) % groups
            };
            if t != state.selected || t == to {
                return t;
            }
        }
    };
    state.mode = match c {
        Command::Up => Mode::Move {
            member: member.saturating_sub(1),
            to,
        },
        Command::Down => Mode::Move {
            member: (member + 1).min(roster_len.saturating_sub(1)),
            to,
        },
        Command::Left | Command::Right => Mode::Move {
            member,
            to: step_group(to, c == Command::Right),
        },
        Command::Confirm => {
            let roster = state.selected_roster();
            let (Some(m), Some(from), Some(dest)) = (
                roster.get(member).map(|m| m.name.clone()),
                state.selected_group().map(str::to_string),
                state.plan.groups.get(to).map(|g| g.id.clone()),
            ) else {
                state.mode = Mode::Dashboard;
                return;
            };
            let msg = text::moved(&m, &from, &dest, state.lang);
            state.run.moves.push(MemberMove {
                member: m,
                from,
                to: dest,
                at: timer::whole_second(now),
                extra: Default::default(),
            });
            fx.push(Effect::Save(Box::new(state.run.clone())));
            notice(state, now, msg, false);
            Mode::Dashboard
        }
        Command::Close => Mode::Dashboard,
        Command::Quit => {
            state.quit = true;
            return;
        }
        _ => return,
    };
}

fn ring_due_alert(state: &mut State, now: Stamp, fx: &mut Vec<Effect>) {
    let Some(minutes) = timer::take_due_alert(&state.plan, &mut state.run, now) else {
        return;
    };
    let block = state
        .run
        .current_index(&state.plan)
        .map(|i| state.plan.agenda[i].title.clone())
        .unwrap_or_default();
    let body = text::alert(minutes, &block, state.lang);
    fx.push(Effect::Save(Box::new(state.run.clone())));
    fx.push(Effect::Bell);
    fx.push(Effect::Notify {
        title: state.plan.title.clone(),
        body: body.clone(),
    });
    state.flash_until = Some(timer::whole_second(now) + Duration::seconds(FLASH_SECS));
    notice(state, now, body, true);
}

fn clamp_scrolls(state: &mut State) {
    state.card_scroll = state.card_scroll.min(view::card_max_scroll(state));
    if let Mode::Reference { index, scroll } = state.mode {
        let max = view::reference_max_scroll(state, index);
        state.mode = Mode::Reference {
            index,
            scroll: scroll.min(max),
        };
    }
}

mod live;

use live::{ack_flag, files_changed, show_card};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_live;
