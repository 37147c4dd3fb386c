//! What keys do while something is on top of the dashboard: the help and
//! broadcast popups, the reference cards, moving a member, confirming a
//! restart and typing a message to the room.

use crate::i18n::run as text;
use crate::model::Stamp;
use crate::model::run::MemberMove;
use crate::timer;

use super::super::action::{Command, Effect};
use super::super::view;
use super::super::{Mode, State};
use super::notice;

pub(super) fn popup(state: &mut State, c: Command) {
    match c {
        Command::Close => state.mode = Mode::Dashboard,
        Command::Quit => state.quit = true,
        Command::Down if state.mode == Mode::Help => {
            let max = view::help_max_scroll(state);
            state.help_scroll = (state.help_scroll + 1).min(max);
        }
        Command::Up if state.mode == Mode::Help => {
            state.help_scroll = state.help_scroll.saturating_sub(1);
        }
        _ => {}
    }
}

pub(super) fn references(state: &mut State, c: Command, selected: usize) {
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

pub(super) fn reference(
    state: &mut State,
    c: Command,
    index: usize,
    scroll: u16,
    now: Stamp,
    fx: &mut Vec<Effect>,
) {
    let step = match c {
        Command::ShowReference => {
            show_reference(state, index, now);
            fx.push(Effect::Save(Box::new(state.run.clone())));
            return;
        }
        Command::Down => 1,
        Command::Up => -1,
        Command::ScrollDown => i32::from(view::popup_page(state.size)),
        Command::ScrollUp => -i32::from(view::popup_page(state.size)),
        Command::Search => {
            state.mode = Mode::SearchReference {
                index,
                scroll,
                query: String::new(),
            };
            return;
        }
        Command::Top => i32::MIN / 2,
        Command::Bottom => i32::MAX / 2,
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

pub(super) fn move_member(
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

/// Puts reference card `index` on the shared display, or takes it down
/// when it is the one up.
fn show_reference(state: &mut State, index: usize, now: Stamp) {
    let Some(r) = state.plan.references.get(index) else {
        return;
    };
    let key = r.id.clone().unwrap_or_else(|| r.title.clone());
    let lang = state.lang;
    if state.run.shown_reference.as_deref() == Some(key.as_str()) {
        state.run.shown_reference = None;
        let msg = crate::i18n::run_live::LiveText::ReferenceDown.text(lang);
        notice(state, now, msg.into(), false);
    } else {
        let msg = match state.run.room_message.take() {
            Some(_) => crate::i18n::run_live::card_replaced_message(&r.title, lang),
            None => text::card_shown(&r.title, lang),
        };
        state.run.shown_reference = Some(key);
        notice(state, now, msg, false);
    }
}

/// Typing what to find in the open reference card; Enter scrolls to the
/// next line holding it (from the top again after the last), Esc goes back
/// to reading.
pub(super) fn search_reference(
    state: &mut State,
    c: Command,
    index: usize,
    scroll: u16,
    mut query: String,
    now: Stamp,
) {
    let mut scroll = scroll;
    match c {
        Command::Type(ch) if !ch.is_control() && query.chars().count() < 40 => query.push(ch),
        Command::Erase => {
            query.pop();
        }
        Command::Confirm if !query.is_empty() => {
            let lines = view::reference_text_lines(state, index);
            let want = query.to_lowercase();
            let n = lines.len();
            let from = usize::from(scroll) + 1;
            let hit = (0..n)
                .map(|i| (from + i) % n.max(1))
                .find(|&i| lines[i].to_lowercase().contains(&want));
            match hit {
                // A line on the last page shows that page.
                Some(i) => scroll = (i as u16).min(view::reference_max_scroll(state, index)),
                None => {
                    let msg = crate::i18n::run_live::LiveText::NotFound.text(state.lang);
                    notice(state, now, msg.into(), true);
                }
            }
        }
        Command::Close => {
            state.mode = Mode::Reference { index, scroll };
            return;
        }
        Command::Quit => {
            state.quit = true;
            return;
        }
        _ => {}
    }
    state.mode = Mode::SearchReference {
        index,
        scroll,
        query,
    };
}

/// Keeps every scroll within what the view can show at the state's size,
/// by the same pure limits the view draws with (after a resize, new notes
/// or a change of group, a stale scroll would make Up do nothing).
pub(super) fn clamp_scrolls(state: &mut State) {
    state.card_scroll = state.card_scroll.min(view::card_max_scroll(state));
    state.help_scroll = state.help_scroll.min(view::help_max_scroll(state));
    if let Mode::Reference { index, scroll } = state.mode {
        let max = view::reference_max_scroll(state, index);
        state.mode = Mode::Reference {
            index,
            scroll: scroll.min(max),
        };
    }
}
