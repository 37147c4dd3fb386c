//! 「前回のアクション」 in the note-taker's console: the previous sitting's
//! action items that the group's members own (read when the console starts
//! and each time the list is opened), and marking one done, dropped or open
//! again during the meeting, with undo. A status is shown at once and saved
//! into the previous sitting's notes file through the merge, stamped with
//! the note-taker's name (`--name`, else the login name).

use chrono::{DateTime, Utc};

use super::keys::Command;
use super::{Effect, Mode, State};
use crate::i18n::previous_actions::{self as words, PrevText};
use crate::model::Member;
use crate::model::actions::{ActionState, merge_marks};
use crate::model::notes::GroupNotes;
use crate::previous_actions::{Carried, Previous, StatusChange};
use crate::tui::text;

/// What the console knows of the previous sitting's actions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PreviousPanel {
    /// The previous sitting, once read (`None` before, or when there is none).
    pub(crate) sitting: Option<Previous>,
    /// True once the previous sitting was looked for.
    pub(crate) looked: bool,
    /// The selected item of the list.
    pub(crate) sel: usize,
    /// Who gives a status (the note-taker's name).
    pub by: Option<String>,
    /// The changes that take back those made here, newest last.
    pub(crate) undo: Vec<StatusChange>,
}

impl State {
    /// The members on the roster now, with what the plan says of them
    /// (their affiliation also names them).
    fn roster_members(&self) -> Vec<Member> {
        self.members
            .iter()
            .map(|name| {
                self.plan
                    .groups
                    .iter()
                    .flat_map(|g| &g.members)
                    .find(|m| &m.name == name)
                    .cloned()
                    .unwrap_or_else(|| Member::named(name.clone()))
            })
            .collect()
    }

    /// The previous sitting's actions owned by the group's members now.
    pub(crate) fn carried(&self) -> Vec<Carried> {
        match &self.previous.sitting {
            Some(p) => p.carried(&self.roster_members()),
            None => Vec::new(),
        }
    }
}

/// Handles the list's commands; false when `cmd` is not one of them.
pub(super) fn command(
    state: &mut State,
    cmd: Command,
    now: DateTime<Utc>,
    fx: &mut Vec<Effect>,
) -> bool {
    let open = state.mode == Mode::Previous;
    let status = match cmd {
        Command::PreviousActions if open => {
            state.mode = Mode::Write;
            return true;
        }
        Command::PreviousActions => {
            state.mode = Mode::Previous;
            state.previous.sel = 0;
            // Read again: another console (or the review) may have marked one.
            fx.push(Effect::LoadPrevious);
            return true;
        }
        Command::Back if open => {
            state.mode = Mode::Write;
            return true;
        }
        Command::Up | Command::Down if open => {
            let len = state.carried().len();
            let sel = &mut state.previous.sel;
            *sel = if cmd == Command::Down {
                (*sel + 1).min(len.saturating_sub(1))
            } else {
                sel.saturating_sub(1)
            };
            return true;
        }
        Command::MarkDone => ActionState::Done,
        Command::MarkDropped => ActionState::Dropped,
        Command::MarkOpen => ActionState::Open,
        Command::UndoMark => {
            if let Some(back) = state.previous.undo.pop() {
                apply(state, back, now, fx);
                state.notice(PrevText::Undone.text(state.lang), now);
            }
            return true;
        }
        _ => return false,
    };
    let Some(item) = state.carried().get(state.previous.sel).cloned() else {
        return true;
    };
    if item.state == status {
        return true;
    }
    let Some(prev) = &state.previous.sitting else {
        return true;
    };
    let by = state.previous.by.as_deref();
    let change = prev.change(&item, status, by);
    let back = prev.change(&item, item.state, by);
    state.previous.undo.push(back);
    apply(state, change, now, fx);
    let (owner, said) = (text::inert(&item.owner), text::inert(&item.text));
    let text = words::marked(status, &owner, &said, state.lang);
    state.notice(text, now);
    // The item keeps its place under the selection even if the list reorders.
    if let Some(i) = state.carried().iter().position(|c| c.note == item.note) {
        state.previous.sel = i;
    }
    true
}

/// Shows `change` at once and asks for it to be saved.
fn apply(state: &mut State, change: StatusChange, now: DateTime<Utc>, fx: &mut Vec<Effect>) {
    let mut at = state.stamp(now);
    if let Some(prev) = &mut state.previous.sitting {
        // Later than the mark it replaces, even within one millisecond
        // (an undo pressed at once must win the merge).
        let before = prev
            .notes
            .iter()
            .find(|n| n.group == change.group)
            .and_then(|n| n.action_mark(&change.note))
            .map(|m| m.at);
        at = crate::model::notes::after(before, at);
        let mut mark = GroupNotes::new(&change.session, &change.group);
        mark.set_action_state(&change.note, change.status, change.by.as_deref(), at);
        match prev.notes.iter_mut().find(|n| n.group == change.group) {
            Some(file) => {
                file.action_status = merge_marks(&file.action_status, &mark.action_status);
            }
            None => prev.notes.push(mark),
        }
    }
    fx.push(Effect::SaveMark {
        change: Box::new(change),
        at,
    });
}

/// The previous sitting was read: it replaces what was shown, keeping the
/// marks given here that the read may not hold yet (a save under way).
pub(super) fn loaded(state: &mut State, found: Option<Box<Previous>>) {
    state.previous.looked = true;
    let mut found = found.map(|b| *b);
    if let (Some(new), Some(old)) = (&mut found, &state.previous.sitting)
        && new.dir == old.dir
    {
        for file in &mut new.notes {
            if let Some(o) = old.notes.iter().find(|o| o.group == file.group) {
                file.action_status = merge_marks(&o.action_status, &file.action_status);
            }
        }
    }
    state.previous.sitting = found;
    let len = state.carried().len();
    state.previous.sel = state.previous.sel.min(len.saturating_sub(1));
}

/// A status was saved (the group's file as written) or could not be.
pub(super) fn saved(
    state: &mut State,
    result: Result<Box<GroupNotes>, String>,
    now: DateTime<Utc>,
    fx: &mut Vec<Effect>,
) {
    match result {
        Ok(file) => {
            if let Some(prev) = &mut state.previous.sitting {
                let mut file = *file;
                if let Some(o) = prev.notes.iter().find(|o| o.group == file.group) {
                    file.action_status = merge_marks(&o.action_status, &file.action_status);
                }
                prev.replace(file);
            }
        }
        Err(e) => {
            let text = words::not_saved(&e, state.lang);
            state.notice(text, now);
            // Show what is on disk, not the mark that did not land.
            state.previous.sitting = None;
            fx.push(Effect::LoadPrevious);
        }
    }
}
