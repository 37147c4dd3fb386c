//! One group's notes file (`notes/<group>.json`, `bunkakai.notes/1`): the
//! notes, attendance, speaking turns, covered questions and the summary.
//!
//! Every part carries the timestamps that let two writers of the same file
//! merge without losing anything (see `merge`). Fields this program does not
//! know are kept in `extra` and written back unchanged.

use serde::{Deserialize, Serialize};

use super::Stamp;
use serde_json::{Map, Value};

/// The format tag kind of a notes file.
pub(crate) const NOTES_KIND: &str = "bunkakai.notes";
/// The newest notes format version this program reads and writes.
pub(crate) const NOTES_VERSION: u32 = 1;

/// The stamp for a change made at `at` to something last changed at
/// `prev`: `at`, or one millisecond after `prev` when the clock has not
/// moved on (two keys in one burst). A merge keeps the newer of two
/// versions, so the later change must never carry the same stamp.
pub(crate) fn after(prev: Option<Stamp>, at: Stamp) -> Stamp {
    match prev {
        Some(p) if p >= at => p + chrono::Duration::milliseconds(1),
        _ => at,
    }
}

/// One group's record of a sitting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupNotes {
    /// `"bunkakai.notes/1"`.
    pub(crate) format: String,
    /// The sitting's id.
    pub(crate) session: String,
    /// The group's id.
    pub(crate) group: String,
    /// Every note, deleted ones included (as tombstones).
    #[serde(default)]
    pub notes: Vec<Note>,
    /// Latest attendance mark of each member.
    #[serde(default)]
    pub(crate) attendance: Vec<Attendance>,
    /// The speaking order and each speaking turn.
    #[serde(default)]
    pub(crate) speaking: Speaking,
    /// Questions marked as covered.
    #[serde(default)]
    pub(crate) covered: Vec<Covered>,
    /// The group summary (まとめ) for the report-back round.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    /// The status given to each action item, latest per note.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) action_status: Vec<super::actions::ActionMark>,
    /// The flag the note-taker raised for the facilitator, or lowered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<GroupFlag>,
    /// Fields written by a newer bunkakai, kept as they were.
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

/// One note: what a speaker said, of which kind, on which question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    /// Unique across processes and machines.
    pub id: String,
    /// When it was first committed.
    pub created: Stamp,
    /// When it was last changed; the newest change wins a merge.
    pub updated: Stamp,
    /// The agenda block it was taken in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<String>,
    /// The theme it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme: Option<String>,
    /// The question (`q1`, `s2` …) it answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Who said it (a roster name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// What kind of note it is.
    pub kind: NoteKind,
    /// Who takes an action item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The note itself.
    pub text: String,
    /// A deleted note stays in the file as a tombstone so a merge cannot
    /// bring it back and an undo can.
    #[serde(default)]
    pub deleted: bool,
    /// When its content (text, speaker, kind, question, owner) was last
    /// changed after it was recorded; `None` while it is as first recorded.
    /// A delete and its undo change `updated`, not this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited: Option<Stamp>,
    /// Fields written by a newer bunkakai.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The kinds of notes a group takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// 課題: a problem the speaker faces.
    Issue,
    /// 工夫・事例: something that worked, a case.
    Practice,
    /// 意見: an opinion.
    Opinion,
    /// 要望: a request (to the secretariat, to others).
    Request,
    /// アクション: something someone will do; has an owner.
    Action,
    /// その他.
    Other,
}

impl NoteKind {
    /// All kinds, in the order they are offered.
    pub(crate) const ALL: [NoteKind; 6] = [
        NoteKind::Issue,
        NoteKind::Practice,
        NoteKind::Opinion,
        NoteKind::Request,
        NoteKind::Action,
        NoteKind::Other,
    ];

    /// The word used in files and on the command line.
    pub(crate) fn key(self) -> &'static str {
        match self {
            NoteKind::Issue => "issue",
            NoteKind::Practice => "practice",
            NoteKind::Opinion => "opinion",
            NoteKind::Request => "request",
            NoteKind::Action => "action",
            NoteKind::Other => "other",
        }
    }
}

/// Whether a member is here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// 出席
    Present,
    /// 欠席
    Absent,
    /// 遅刻
    Late,
}

/// The latest attendance mark of one member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Attendance {
    /// The member's roster name.
    pub(crate) member: String,
    /// Present, absent or late.
    pub(crate) status: Presence,
    /// When it was marked; the newest mark wins a merge.
    pub(crate) at: Stamp,
}

/// Speaking order and turns.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Speaking {
    /// The order members speak in (roster names).
    #[serde(default)]
    pub(crate) order: Vec<String>,
    /// When the order was last changed; the newest order wins a merge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) order_updated: Option<Stamp>,
    /// Every speaking turn; an open turn has no `end`.
    #[serde(default)]
    pub(crate) turns: Vec<Turn>,
}

/// One member's time at the microphone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Turn {
    /// Who spoke.
    pub(crate) member: String,
    /// When they started.
    pub(crate) start: Stamp,
    /// When they stopped; `None` while speaking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) end: Option<Stamp>,
    /// Taken back by the note-taker (a speaker started by mistake): kept as
    /// a tombstone so that a merge cannot bring it back, and an undo can.
    /// A removed turn does not count.
    #[serde(default, skip_serializing_if = "is_false")]
    pub(crate) removed: bool,
    /// When it was removed or brought back; the newest wins a merge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) removed_at: Option<Stamp>,
    /// Fields written by a newer bunkakai.
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

impl Turn {
    /// A turn of `member` from `start` (open when `end` is `None`).
    pub(crate) fn new(member: &str, start: Stamp, end: Option<Stamp>) -> Turn {
        Turn {
            member: member.to_string(),
            start,
            end,
            removed: false,
            removed_at: None,
            extra: Map::new(),
        }
    }
}

impl Speaking {
    /// The turns that count (not removed), in the order they began.
    pub(crate) fn live_turns(&self) -> impl Iterator<Item = &Turn> {
        self.turns.iter().filter(|t| !t.removed)
    }
}

/// A question the group has covered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Covered {
    /// The theme's id.
    pub(crate) theme: String,
    /// The question's id.
    pub(crate) question: String,
    /// When it was marked (or cleared); the newest mark of a question wins a merge.
    pub(crate) at: Stamp,
    /// True when the mark was taken back: kept as a tombstone so that a merge
    /// with an older file cannot bring the mark back.
    #[serde(default, skip_serializing_if = "is_false")]
    pub(crate) cleared: bool,
    /// Fields written by a newer bunkakai.
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The group's summary (まとめ) for the report-back round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// The summary text.
    pub text: String,
    /// When it was last changed.
    pub updated: Stamp,
    /// Not in the file: the file's summary this console's text was edited
    /// from, while its change is not yet saved. With it, a merge keeps the
    /// lines both consoles added (see `notes_merge`).
    #[serde(skip)]
    pub(crate) base: Option<String>,
    /// Not in the file: the last merge found both consoles changing the
    /// same lines differently and kept both versions.
    #[serde(skip)]
    pub(crate) conflict: bool,
}

/// What a note-taker signals to the facilitator with one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FlagKind {
    /// 助けが必要: the group needs the facilitator.
    Help,
    /// 報告準備OK: the group is ready to report back.
    Ready,
}

/// The group's flag as last set; the newest setting wins a merge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupFlag {
    /// The flag up, or `None` once lowered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raised: Option<FlagKind>,
    /// When it was raised or lowered.
    pub(crate) at: Stamp,
}

impl Note {
    /// A note as first recorded at `at`: in no block, theme or question yet,
    /// with no speaker or owner, never edited, not deleted.
    pub fn new(id: impl Into<String>, at: Stamp, kind: NoteKind, text: impl Into<String>) -> Note {
        Note {
            id: id.into(),
            created: at,
            updated: at,
            block: None,
            theme: None,
            question: None,
            speaker: None,
            kind,
            owner: None,
            text: text.into(),
            deleted: false,
            edited: None,
            extra: Map::new(),
        }
    }
}

impl GroupNotes {
    /// An empty notes file for a group.
    pub fn new(session: &str, group: &str) -> GroupNotes {
        GroupNotes {
            format: format!("{NOTES_KIND}/{NOTES_VERSION}"),
            session: session.to_string(),
            group: group.to_string(),
            notes: Vec::new(),
            attendance: Vec::new(),
            speaking: Speaking::default(),
            covered: Vec::new(),
            summary: None,
            action_status: Vec::new(),
            flag: None,
            extra: Map::new(),
        }
    }

    /// The notes that are not deleted, in commit order.
    pub fn live_notes(&self) -> impl Iterator<Item = &Note> {
        self.notes.iter().filter(|n| !n.deleted)
    }

    /// True when the question is marked covered (and the mark not cleared).
    pub(crate) fn is_covered(&self, theme: &str, question: &str) -> bool {
        self.covered
            .iter()
            .any(|c| c.theme == theme && c.question == question && !c.cleared)
    }

    /// The latest attendance status of a member, if marked.
    pub(crate) fn presence(&self, member: &str) -> Option<Presence> {
        self.attendance
            .iter()
            .find(|a| a.member == member)
            .map(|a| a.status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_round_trip_and_kinds_use_file_words() {
        let text = r#"{"format":"bunkakai.notes/1","session":"s","group":"A","future":{"x":1},
            "notes":[{"id":"n1","created":"2026-01-20T14:10:00+09:00","updated":"2026-01-20T14:10:00+09:00",
            "kind":"practice","text":"気仙沼市の課題","speaker":"気仙沼市","mood":"good"}]}"#;
        let notes: GroupNotes = serde_json::from_str(text).unwrap();
        assert_eq!(notes.notes[0].kind, NoteKind::Practice);
        let back = serde_json::to_value(&notes).unwrap();
        assert_eq!(back["future"]["x"], 1);
        assert_eq!(back["notes"][0]["mood"], "good");
        assert_eq!(back["notes"][0]["kind"], "practice");
    }
}
