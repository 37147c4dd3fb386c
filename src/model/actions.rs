//! Following up action items (notes of kind アクション): the status each one
//! was given after the sitting — open, done or dropped, by whom and when —
//! kept in the group's notes file beside the note (`action_status`).
//!
//! A status is its own record, not a change to the note, so that setting it
//! never races with an edit of the note's text; two consoles that set the
//! status of the same action merge by note id, the latest change winning.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::Stamp;
use super::notes::{GroupNotes, Note, NoteKind};

/// Where an action item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActionState {
    /// 未完了: still to be done (every action starts here).
    Open,
    /// 完了: done.
    Done,
    /// 取りやめ: dropped, will not be done.
    Dropped,
}

impl ActionState {
    /// The word used in files and on the command line.
    pub(crate) fn key(self) -> &'static str {
        match self {
            ActionState::Open => "open",
            ActionState::Done => "done",
            ActionState::Dropped => "dropped",
        }
    }
}

/// The status last given to one action item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionMark {
    /// The id of the action's note.
    pub(crate) note: String,
    /// Where it stands.
    pub(crate) status: ActionState,
    /// Who set it (a name, free text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// When it was set; the latest wins a merge.
    pub(crate) at: Stamp,
    /// Fields written by a newer bunkakai.
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

/// One mark per note, the latest; ties are broken on the state so that
/// both consoles pick the same winner.
pub(crate) fn merge_marks(a: &[ActionMark], b: &[ActionMark]) -> Vec<ActionMark> {
    let mut out: Vec<ActionMark> = Vec::new();
    for m in a.iter().chain(b) {
        match out.iter_mut().find(|o| o.note == m.note) {
            Some(o) if (m.at, m.status, &m.by) > (o.at, o.status, &o.by) => *o = m.clone(),
            Some(_) => {}
            None => out.push(m.clone()),
        }
    }
    out
}

impl GroupNotes {
    /// The status of the action note `id`: its latest mark, else open.
    pub fn action_state(&self, id: &str) -> ActionState {
        self.action_mark(id).map_or(ActionState::Open, |m| m.status)
    }

    /// The latest mark of the action note `id`, if it was ever given one.
    pub fn action_mark(&self, id: &str) -> Option<&ActionMark> {
        self.action_status.iter().find(|m| m.note == id)
    }

    /// The live action items of the group, in the order they were taken.
    pub(crate) fn actions(&self) -> impl Iterator<Item = &Note> {
        self.live_notes().filter(|n| n.kind == NoteKind::Action)
    }

    /// Gives the action note `id` a status (a change like any other: the
    /// file is then saved through the merge).
    pub(crate) fn set_action_state(
        &mut self,
        id: &str,
        status: ActionState,
        by: Option<&str>,
        at: Stamp,
    ) {
        let mark = ActionMark {
            note: id.to_string(),
            status,
            by: by.map(str::to_string),
            at,
            extra: Map::new(),
        };
        self.action_status = merge_marks(&self.action_status, &[mark]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::notes_merge::merged;

    fn at(min: u32) -> Stamp {
        format!("2026-02-17T15:{min:02}:00+09:00").parse().unwrap()
    }

    fn file(marks: &[(&str, ActionState, u32)]) -> GroupNotes {
        let mut g = GroupNotes::new("s", "A");
        for (id, s, m) in marks {
            g.set_action_state(id, *s, Some("事務局"), at(*m));
        }
        g
    }

    #[test]
    fn the_latest_status_of_each_action_wins_and_both_sides_are_kept() {
        use ActionState::*;
        let a = file(&[("n1", Done, 10), ("n2", Open, 5)]);
        let b = file(&[("n1", Dropped, 8), ("n2", Done, 6), ("n3", Dropped, 1)]);
        for m in [merged(&a, &b), merged(&b, &a)] {
            assert_eq!(m.action_state("n1"), Done, "later change wins");
            assert_eq!(m.action_state("n2"), Done);
            assert_eq!(m.action_state("n3"), Dropped, "only one side had it");
            assert_eq!(m.action_state("n4"), Open, "never marked");
            assert_eq!(m.action_status.len(), 3);
        }
        // Same instant on both consoles: both pick the same winner.
        let x = file(&[("n1", Done, 10)]);
        let y = file(&[("n1", Dropped, 10)]);
        assert_eq!(merged(&x, &y).action_status, merged(&y, &x).action_status);
        // Merging is idempotent.
        let m = merged(&a, &b);
        assert_eq!(merged(&m, &m).action_status, m.action_status);
    }

    #[test]
    fn marks_round_trip_with_unknown_fields_and_old_files_read() {
        let text = r#"{"format":"bunkakai.notes/1","session":"s","group":"A",
            "action_status":[{"note":"n1","status":"done","by":"佐野市","at":"2026-02-17T15:00:00+09:00","why":"x"}]}"#;
        let g: GroupNotes = serde_json::from_str(text).unwrap();
        assert_eq!(g.action_state("n1"), ActionState::Done);
        let back = serde_json::to_value(&g).unwrap();
        assert_eq!(back["action_status"][0]["why"], "x");
        let old: GroupNotes =
            serde_json::from_str(r#"{"format":"bunkakai.notes/1","session":"s","group":"A"}"#)
                .unwrap();
        assert!(old.action_status.is_empty());
        assert!(
            serde_json::to_value(&old)
                .unwrap()
                .get("action_status")
                .is_none()
        );
    }
}
