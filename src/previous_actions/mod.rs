//! 「前回のアクション」: the action items of the previous sitting whose owner is
//! one of a group's members, as the facilitator's card and the note-taker's
//! console show them at the next sitting, and the status change a
//! note-taker makes in the meeting (saved into the previous sitting's notes
//! file through the same merge as every note, so that nothing another
//! console wrote meanwhile is lost).
//!
//! Which sitting is "the previous one" and reading it is the store's
//! business ([`crate::store::previous_sitting`]); matching owners to members
//! is [`owners`].

pub(crate) mod lines;
pub(crate) mod owners;

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::model::actions::ActionState;
use crate::model::notes::GroupNotes;
use crate::model::{Member, Stamp};
use crate::store::previous_sitting::PreviousSitting;
use crate::store::{StoreError, notes_file};

/// The previous sitting as the consoles keep it.
#[derive(Debug, Clone, PartialEq)]
pub struct Previous {
    /// Its id.
    pub(crate) id: String,
    /// Its title.
    pub(crate) title: String,
    /// Its day.
    pub(crate) date: Option<NaiveDate>,
    /// Its folder.
    pub(crate) dir: PathBuf,
    /// Its groups' notes files.
    pub(crate) notes: Vec<GroupNotes>,
}

impl From<PreviousSitting> for Previous {
    fn from(p: PreviousSitting) -> Previous {
        Previous {
            id: p.plan.id,
            title: p.plan.title,
            date: p.plan.date,
            dir: p.dir,
            notes: p.notes,
        }
    }
}

/// One action item carried into this sitting.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Carried {
    /// The group it was taken in (at the previous sitting).
    pub(crate) group: String,
    /// The id of its note.
    pub(crate) note: String,
    /// Its owner, as written.
    pub(crate) owner: String,
    /// What is to be done.
    pub(crate) text: String,
    /// Where it stands.
    pub(crate) state: ActionState,
    /// Who last gave it a status, when one was given.
    pub(crate) by: Option<String>,
    /// When it was last given a status.
    pub(crate) at: Option<Stamp>,
}

impl Previous {
    /// The action items whose owner names one of `members`: the open ones
    /// first, then those done or dropped since (so that the group hears
    /// what was achieved), each in the order they were taken.
    pub(crate) fn carried<'a>(
        &self,
        members: impl IntoIterator<Item = &'a Member> + Clone,
    ) -> Vec<Carried> {
        self.items(|owner| members.clone().into_iter().any(|m| owners::names(owner, m)))
    }

    /// The action items whose owner names none of `members` (everyone on
    /// today's rosters): 「事務局」 alone, or a municipality not here today.
    /// No group's list shows them, so the facilitator's card does; open
    /// ones first, like [`Previous::carried`].
    pub(crate) fn unclaimed<'a>(
        &self,
        members: impl IntoIterator<Item = &'a Member> + Clone,
    ) -> Vec<Carried> {
        self.items(|owner| !members.clone().into_iter().any(|m| owners::names(owner, m)))
    }

    /// Every action item with an owner that `keep` accepts, open ones first.
    fn items(&self, keep: impl Fn(&str) -> bool) -> Vec<Carried> {
        let mut out: Vec<Carried> = self
            .notes
            .iter()
            .flat_map(|file| {
                file.actions().filter_map(move |n| {
                    let owner = n.owner.as_deref().filter(|o| !o.trim().is_empty())?;
                    let mark = file.action_mark(&n.id);
                    Some(Carried {
                        group: file.group.clone(),
                        note: n.id.clone(),
                        owner: owner.to_string(),
                        text: n.text.clone(),
                        state: mark.map_or(ActionState::Open, |m| m.status),
                        by: mark.and_then(|m| m.by.clone()),
                        at: mark.map(|m| m.at),
                    })
                })
            })
            .filter(|c| keep(&c.owner))
            .collect();
        out.sort_by_key(|c| c.state != ActionState::Open);
        out
    }

    /// The change that gives `item` the status `status`, by `by`.
    pub(crate) fn change(
        &self,
        item: &Carried,
        status: ActionState,
        by: Option<&str>,
    ) -> StatusChange {
        StatusChange {
            file: notes_file::notes_path(&self.dir, &item.group),
            session: self.id.clone(),
            group: item.group.clone(),
            note: item.note.clone(),
            status,
            by: by.map(str::to_string),
        }
    }

    /// Takes in the group's notes file as just written.
    pub(crate) fn replace(&mut self, file: GroupNotes) {
        match self.notes.iter_mut().find(|n| n.group == file.group) {
            Some(n) => *n = file,
            None => self.notes.push(file),
        }
    }
}

/// A status given to one action item, to be saved: by a note-taker to an
/// item of the previous sitting, or by the reviewer from the review's
/// actions tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusChange {
    /// The group's notes file (in the sitting's folder).
    pub file: PathBuf,
    /// The sitting's id, as its notes files name it.
    pub session: String,
    /// The group's id.
    pub group: String,
    /// The action note's id.
    pub note: String,
    /// Its new status.
    pub status: ActionState,
    /// Who gave it.
    pub by: Option<String>,
}

/// Saves a status into its group's notes file: only the mark is written,
/// merged under the writer lock with what is on disk, so notes and marks
/// other consoles save at the same time are kept. Returns the file as
/// written.
pub(crate) fn save(change: &StatusChange, at: Stamp) -> Result<GroupNotes, StoreError> {
    let mut mark = GroupNotes::new(&change.session, &change.group);
    mark.set_action_state(&change.note, change.status, change.by.as_deref(), at);
    notes_file::commit(&change.file, &mark)
}

/// The name a console records as "by whom": `--name` when given, else the
/// login name of the operating-system user, else none.
pub fn user_name(given: Option<&str>) -> Option<String> {
    let os = || {
        ["USER", "USERNAME", "LOGNAME"]
            .iter()
            .find_map(|v| std::env::var(v).ok())
    };
    given
        .map(str::to_string)
        .or_else(os)
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
}

#[cfg(test)]
mod tests;
