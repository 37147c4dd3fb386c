//! The note-taker's unsent work (`notes/<group>.json.draft`,
//! `bunkakai.notes-draft/1`): the editor's text with its speaker, kind and
//! question, and the summary being written. Saved within a second of the
//! last keystroke and read back when the console starts again, so text that
//! was typed but not yet committed survives a crash or a dropped connection.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::Stamp;
use super::notes::NoteKind;

/// The format tag kind of a draft file.
pub(crate) const DRAFT_KIND: &str = "bunkakai.notes-draft";
/// The newest draft format version this program reads and writes.
pub(crate) const DRAFT_VERSION: u32 = 1;

/// One console's unsent text for one group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// `"bunkakai.notes-draft/1"`.
    pub(crate) format: String,
    /// The sitting's id.
    pub(crate) session: String,
    /// The group's id.
    pub(crate) group: String,
    /// When the draft was taken.
    pub(crate) saved: Stamp,
    /// The note being written.
    pub(crate) note: DraftNote,
    /// The summary being written, when it differs from the saved one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) summary: Option<String>,
    /// The file's summary that the summary being written started from, so
    /// that recording it after a restart still merges with another
    /// console's change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) summary_base: Option<String>,
    /// Fields written by a newer bunkakai.
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

/// The note in the editor, not yet committed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct DraftNote {
    /// The text typed so far (lines joined with `\n`).
    #[serde(default)]
    pub(crate) text: String,
    /// The speaker picked for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) speaker: Option<String>,
    /// The kind picked for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) kind: Option<NoteKind>,
    /// The theme of the question under discussion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) theme: Option<String>,
    /// The question under discussion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) question: Option<String>,
    /// The owner of an action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) owner: Option<String>,
    /// The id of the committed note being edited, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) editing: Option<String>,
    /// While a committed note is edited: the unsent note set aside, with its
    /// speaker, kind and question, to come back when the edit ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) parked: Option<Box<DraftNote>>,
}

impl Draft {
    /// A draft of `note` (and `summary`) taken at `saved`.
    pub(crate) fn new(
        session: &str,
        group: &str,
        saved: Stamp,
        note: DraftNote,
        summary: Option<String>,
    ) -> Draft {
        Draft {
            format: format!("{DRAFT_KIND}/{DRAFT_VERSION}"),
            session: session.to_string(),
            group: group.to_string(),
            saved,
            note,
            summary,
            summary_base: None,
            extra: Map::new(),
        }
    }

    /// True when there is nothing worth restoring.
    pub(crate) fn is_empty(&self) -> bool {
        self.note.text.trim().is_empty() && self.summary.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_round_trips_with_japanese_text() {
        let at: Stamp = "2026-01-20T14:20:00+09:00".parse().unwrap();
        let note = DraftNote {
            text: "気仙沼市の課題\n二行目".into(),
            speaker: Some("気仙沼市".into()),
            kind: Some(NoteKind::Issue),
            ..DraftNote::default()
        };
        let d = Draft::new("jichitai-09", "B", at, note, Some("まとめ".into()));
        let text = serde_json::to_string(&d).unwrap();
        assert!(text.contains("\"format\":\"bunkakai.notes-draft/1\""));
        let back: Draft = serde_json::from_str(&text).unwrap();
        assert_eq!(back, d);
        assert!(!back.is_empty());
    }
}
