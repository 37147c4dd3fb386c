//! What the facilitator sees of each group's notes file: how many notes,
//! who is marked present, whether the summary for the report-back is there.

use std::collections::BTreeSet;

use crate::model::Stamp;
use crate::model::notes::{FlagKind, GroupNotes, Presence};

/// A digest of one group's notes file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupDigest {
    /// Notes taken (deleted ones not counted).
    pub notes: usize,
    /// Members marked present or late.
    pub(crate) present: BTreeSet<String>,
    /// True once any attendance was marked.
    pub(crate) attendance_taken: bool,
    /// The summary for the report-back round, when written.
    pub(crate) summary: Option<String>,
    /// The flag the note-taker raised (help needed, ready to report) and
    /// when; `None` when no flag is up.
    pub(crate) flag: Option<(FlagKind, Stamp)>,
}

impl GroupDigest {
    /// The digest of a notes file.
    pub fn of(notes: &GroupNotes) -> GroupDigest {
        GroupDigest {
            notes: notes.live_notes().count(),
            present: notes
                .attendance
                .iter()
                .filter(|a| matches!(a.status, Presence::Present | Presence::Late))
                .map(|a| a.member.clone())
                .collect(),
            attendance_taken: !notes.attendance.is_empty(),
            summary: notes
                .summary
                .as_ref()
                .map(|s| s.text.trim().to_string())
                .filter(|s| !s.is_empty()),
            flag: notes
                .flag
                .as_ref()
                .and_then(|f| f.raised.map(|k| (k, f.at))),
        }
    }

    /// How many of `roster` are marked present; `None` before attendance.
    pub(crate) fn present_of<'a>(
        &self,
        roster: impl IntoIterator<Item = &'a str>,
    ) -> Option<usize> {
        self.attendance_taken.then(|| {
            roster
                .into_iter()
                .filter(|m| self.present.contains(*m))
                .count()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_counts_live_notes_and_present_members() {
        let text = r#"{"format":"bunkakai.notes/1","session":"s","group":"B",
          "notes":[
            {"id":"1","created":"2026-01-20T14:10:00+09:00","updated":"2026-01-20T14:10:00+09:00","kind":"issue","text":"a"},
            {"id":"2","created":"2026-01-20T14:11:00+09:00","updated":"2026-01-20T14:12:00+09:00","kind":"issue","text":"b","deleted":true}],
          "attendance":[
            {"member":"函館市","status":"present","at":"2026-01-20T14:05:00+09:00"},
            {"member":"新潟県","status":"late","at":"2026-01-20T14:05:00+09:00"},
            {"member":"浜松市","status":"absent","at":"2026-01-20T14:05:00+09:00"}],
          "summary":{"text":"  集客の工夫を共有  ","updated":"2026-01-20T14:48:00+09:00"}}"#;
        let notes: GroupNotes = serde_json::from_str(text).unwrap();
        let d = GroupDigest::of(&notes);
        assert_eq!(d.notes, 1);
        assert_eq!(d.summary.as_deref(), Some("集客の工夫を共有"));
        assert_eq!(
            d.present_of(["函館市", "新潟県", "浜松市", "焼津市"]),
            Some(2)
        );
        assert_eq!(GroupDigest::default().present_of(["函館市"]), None);
    }
}
