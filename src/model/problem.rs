//! What can be wrong with a plan file, and where.

use super::ids::IdError;
use super::json_tree::{Pos, SyntaxErrorKind};

/// One thing wrong (or worth a warning) in a plan file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Line and column, when the reader knows them.
    pub(crate) pos: Option<Pos>,
    /// The field path, e.g. `agenda[1].minutes`; empty for the whole file.
    pub(crate) path: String,
    /// What is wrong.
    pub(crate) kind: ProblemKind,
}

/// The JSON shape a field should have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A string.
    String,
    /// A whole number.
    WholeNumber,
    /// `true` or `false`.
    Bool,
    /// A list.
    Array,
    /// An object.
    Object,
    /// A name string or an object with `name`.
    MemberEntry,
    /// A string or an object with `text`.
    QuestionEntry,
}

/// Everything a plan file can get wrong. Warnings are kinds too; see
/// [`ProblemKind::is_warning`].
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The bytes are not UTF-8; `shift_jis` when they read as Shift_JIS.
    NotUtf8 {
        /// The bytes decode cleanly as Shift_JIS (CP932).
        shift_jis: bool,
    },
    /// The text is not JSON.
    Syntax(SyntaxErrorKind),
    /// There is no `format` field.
    FormatMissing,
    /// `format` is not of the form `bunkakai.session/N`.
    FormatMalformed(String),
    /// `format` names another kind of bunkakai file.
    FormatOtherKind(String),
    /// A newer bunkakai wrote this file.
    FormatNewer {
        /// The version in the file.
        found: u32,
        /// The newest version this program reads.
        known: u32,
    },
    /// A field has the wrong JSON type.
    WrongType(Expected),
    /// A required field is missing.
    Missing,
    /// A field this format does not define.
    Unknown {
        /// The nearest defined field, when one is close.
        suggestion: Option<&'static str>,
        /// The fields this object takes.
        known: &'static [&'static str],
    },
    /// A text that must say something is empty.
    Blank,
    /// A list that must have entries is empty.
    EmptyList,
    /// Minutes outside the allowed range.
    MinutesRange {
        /// Lowest allowed.
        min: u32,
        /// Highest allowed.
        max: u32,
    },
    /// An id that cannot be used as a file name.
    BadId(IdError),
    /// An id used twice in the same list.
    DuplicateId {
        /// The id.
        id: String,
        /// Where it was first used.
        first: Option<Pos>,
    },
    /// A group names a theme the plan does not have.
    UnknownTheme(String),
    /// A report round names a group the plan does not have.
    UnknownGroup(String),
    /// A block's segments add up to more than the block.
    SegmentsTooLong {
        /// Sum of the segments' minutes.
        sum: u32,
        /// The block's minutes.
        block: u32,
    },
    /// A breakout block but no groups to break out into.
    NoGroups,
    /// A date that is not `YYYY-MM-DD`.
    BadDate(String),
    /// A time that is not `HH:MM`.
    BadTime(String),
    /// A time zone name that is not in the IANA database.
    BadTimezone(String),
    /// The same alert minute twice.
    DuplicateAlert(u32),
    /// `follows` names the sitting itself.
    FollowsItself,
    /// A theme lists the same stage twice (「①」 and 「1」 are one stage).
    DuplicateStage(String),
    /// A member's `email` is not an e-mail address.
    BadEmail(String),
    /// Warning: a member's stage is not among any theme's `stages`.
    UnknownStage(String),
    /// Warning: a member listed in two groups.
    MemberInTwoGroups {
        /// The member's name.
        name: String,
        /// The group that listed them first.
        first_group: String,
    },
    /// Warning: a report round longer than its block.
    ReportLongerThanBlock {
        /// Minutes the round needs.
        needed: u32,
        /// The block's minutes.
        block: u32,
    },
    /// More broadcast messages than the console has keys (1-9): the
    /// tenth and later cannot be sent. Holds how many there are.
    BroadcastWithoutKey(usize),
}

impl ProblemKind {
    /// Warnings are reported but do not make the plan invalid.
    pub(crate) fn is_warning(&self) -> bool {
        matches!(
            self,
            ProblemKind::MemberInTwoGroups { .. }
                | ProblemKind::BroadcastWithoutKey(_)
                | ProblemKind::ReportLongerThanBlock { .. }
                | ProblemKind::UnknownStage(_)
        )
    }
}

/// The defined field name nearest to a typo, if it is close enough to be a
/// likely slip (edit distance ≤ 2, or ≤ a third of the word).
pub(crate) fn nearest_field(typo: &str, known: &[&'static str]) -> Option<&'static str> {
    let limit = (typo.chars().count() / 3).max(2);
    known
        .iter()
        .map(|k| (edit_distance(&typo.to_lowercase(), k), *k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_field_names() {
        // The fields of an agenda block, as the plan reader knows them.
        let known = crate::model::plan_read::BLOCK;
        assert_eq!(nearest_field("minuts", known), Some("minutes"));
        assert_eq!(nearest_field("Title", known), Some("title"));
        assert_eq!(nearest_field("segment", known), Some("segments"));
        assert_eq!(nearest_field("colour", known), None);
    }
}
