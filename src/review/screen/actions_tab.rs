//! The actions tab: every action item of the archive (sitting, group,
//! owner, text, status), and setting its status from the screen. Setting a
//! status is an [`Effect::SetStatus`] carrying the same change a
//! note-taker makes to the previous sitting's items
//! ([`crate::previous_actions::StatusChange`]); the loop saves it into the
//! group's notes file through the same merge and answers with
//! [`Action::StatusSet`].

use super::keys::Command;
use super::state::{Effect, State, View};
use crate::model::actions::ActionState;
use crate::previous_actions::StatusChange;
use crate::review::actions::{ActionFilter, ActionItem, items};
use crate::review::screen::Loaded;
use crate::store::notes_file::notes_path;

/// The action items the tab lists: all of them, or the open ones only,
/// of owners whose name holds `owner` (all when it is empty).
pub fn listed<'a>(data: &'a Loaded, open_only: bool, owner: &str) -> Vec<ActionItem<'a>> {
    let filter = ActionFilter {
        open: open_only,
        owner: Some(owner.to_string()).filter(|o| !o.trim().is_empty()),
    };
    items(&data.archive, &filter)
}

/// The change that gives the selected item of the tab `status`, by the
/// reviewer ([`State::by`]); `None` when nothing is selected or it already
/// stands there.
pub(crate) fn change(state: &State, status: ActionState) -> Option<Effect> {
    let View::Actions {
        selected,
        open_only,
    } = *state.view()
    else {
        return None;
    };
    let data = state.data.as_ref()?;
    let list = listed(data, open_only, &state.owner.text);
    let item = list.get(selected)?;
    if item.state() == status {
        return None;
    }
    let session = item
        .sitting
        .groups
        .iter()
        .find(|g| g.id == item.group)
        .and_then(|g| g.notes.as_ref())
        .map_or_else(|| item.sitting.id.clone(), |n| n.session.clone());
    Some(Effect::SetStatus(StatusChange {
        file: notes_path(&item.sitting.dir, item.group),
        session,
        group: item.group.to_string(),
        note: item.note.id.clone(),
        status,
        by: state.by.clone(),
    }))
}

/// The tab's own keys: open it, list the open ones only, set a status.
pub(crate) fn command(state: &mut State, c: Command) -> Vec<Effect> {
    let status = match c {
        Command::Actions => {
            if !matches!(state.view(), View::Actions { .. }) {
                state.views.push(View::Actions {
                    selected: 0,
                    open_only: false,
                });
            }
            return Vec::new();
        }
        Command::OpenOnly => {
            if let Some(View::Actions {
                selected,
                open_only,
            }) = state.views.last_mut()
            {
                *open_only = !*open_only;
                *selected = 0;
            }
            return Vec::new();
        }
        Command::OwnerFilter => {
            if matches!(state.view(), View::Actions { .. }) {
                super::owner_filter::start(state);
            }
            return Vec::new();
        }
        Command::MarkOpen => ActionState::Open,
        Command::MarkDone => ActionState::Done,
        Command::MarkDropped => ActionState::Dropped,
        _ => return Vec::new(),
    };
    change(state, status).into_iter().collect()
}

/// Keeps the selection inside the list after it changed under it.
pub(crate) fn clamp(state: &mut State) {
    let Some(data) = &state.data else { return };
    let owner = &state.owner.text;
    if let Some(View::Actions {
        selected,
        open_only,
    }) = state.views.last_mut()
    {
        let len = listed(data, *open_only, owner).len();
        *selected = (*selected).min(len.saturating_sub(1));
    }
}
