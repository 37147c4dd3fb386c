//! Pointing a problem found in a data file (run.json, a notes file) back
//! into the file: its field path and its line and column, the way plan
//! problems are reported. The typed reading is serde's; the positions come
//! from the position-keeping reader in [`super::json_tree`], which is only
//! run when there is something to report, so reading a big file stays cheap.

use super::json_tree::{self, Node, Pos, Value};

/// A problem in a data file: the field path (`current.adjustments[0].seconds`)
/// and what is wrong, in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field path; empty for the whole file.
    pub(crate) path: String,
    /// What is wrong there, in English (logs, `Display`).
    pub(crate) message: String,
    /// The rule broken, when it is one of the data files' rules: the user's
    /// language is chosen from it when the message is shown.
    pub(crate) rule: Option<FieldRule>,
}

/// A rule of run.json or a notes file that a value breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FieldRule {
    /// A number outside what the clock can take.
    OutOfRange {
        /// Lowest allowed.
        min: i64,
        /// Highest allowed.
        max: i64,
    },
    /// A block's extensions and cuts add up to more than this many days.
    ExtensionsTooLong {
        /// The most days a block may be extended by.
        days: i64,
    },
    /// A date before 1970 or after 2200.
    StampYears,
    /// run.json names another sitting.
    OtherSitting {
        /// The sitting the file names.
        found: String,
        /// The sitting being run.
        sitting: String,
    },
    /// run.json's block on the clock is not in the plan.
    UnknownBlock(String),
    /// A notes file says it is another group than its file name.
    OtherGroup {
        /// The group the file says.
        found: String,
        /// The group its file name says.
        group: String,
    },
    /// One note does not fit the format (serde's words, made plain); the
    /// note is left out by readers that only show notes.
    NoteDoesNotFit(String),
    /// A line of a notes file's journal cannot be used; it is left out.
    JournalLine(JournalFault),
}

/// Why a line of a notes file's journal is left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum JournalFault {
    /// The last line has no newline: a console was stopped writing it.
    CutShort,
    /// Its checksum does not match its change.
    Damaged,
    /// It does not have the shape of a journal line.
    NotALine,
    /// Its change says another format (English words of the format check).
    OtherFormat(String),
}

impl FieldRule {
    /// What the rule says, in English.
    pub(crate) fn english(&self) -> String {
        match self {
            FieldRule::OutOfRange { min, max } => {
                format!("out of range: must be from {min} to {max}")
            }
            FieldRule::ExtensionsTooLong { days } => {
                format!("the block's extensions add up to more than {days} days")
            }
            FieldRule::StampYears => "a date outside the years 1970 to 2200".into(),
            FieldRule::OtherSitting { found, sitting } => format!(
                "this run.json belongs to the sitting \"{}\", not \"{sitting}\"",
                found.escape_debug()
            ),
            FieldRule::UnknownBlock(b) => format!(
                "the plan has no block \"{}\"; the facilitator can reset it",
                b.escape_debug()
            ),
            FieldRule::OtherGroup { found, group } => format!(
                "the file says it is group \"{}\" but is named {group}.json; correct one of them",
                found.escape_debug()
            ),
            FieldRule::NoteDoesNotFit(why) => {
                format!("this note does not fit the format ({why}); it is left out")
            }
            FieldRule::JournalLine(JournalFault::CutShort) => {
                "a change cut short (the console was stopped while writing it); it is left out"
                    .into()
            }
            FieldRule::JournalLine(JournalFault::Damaged) => {
                "the change was damaged (its checksum does not match); it is left out".into()
            }
            FieldRule::JournalLine(JournalFault::NotALine) => {
                "not a line of a journal; it is left out".into()
            }
            FieldRule::JournalLine(JournalFault::OtherFormat(why)) => {
                format!("{why}; this change is left out")
            }
        }
    }
}

impl FieldProblem {
    /// `rule` broken at `path`.
    pub(crate) fn rule(path: impl Into<String>, rule: FieldRule) -> FieldProblem {
        FieldProblem {
            path: path.into(),
            message: rule.english(),
            rule: Some(rule),
        }
    }

    /// `path: message`, or the message alone for the whole file.
    pub(crate) fn text(&self) -> String {
        if self.path.is_empty() {
            self.message.clone()
        } else {
            format!("{}: {}", self.path, self.message)
        }
    }
}

fn tree(bytes: &[u8]) -> Option<Node> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    json_tree::parse(std::str::from_utf8(body).ok()?).ok()
}

/// Line and column where the value at `path` starts in the file's bytes.
pub(crate) fn locate(bytes: &[u8], path: &str) -> Option<Pos> {
    tree(bytes)?.find(path).map(|n| n.pos)
}

/// The field path of the value serde was reading when it stopped at
/// `line:col` (the last value that starts at or before it).
pub(crate) fn path_at(bytes: &[u8], line: usize, col: usize) -> Option<String> {
    let root = tree(bytes)?;
    let mut best = None;
    walk(&root, String::new(), (line, col), &mut best);
    best.filter(|p: &String| !p.is_empty())
}

fn walk(node: &Node, path: String, at: (usize, usize), best: &mut Option<String>) {
    // Only a value that holds the place: a field missing from an object is
    // reported at the object's `}`, past its last member, and belongs to the
    // object, not to that member.
    if (node.pos.line, node.pos.col) > at || (node.end.line, node.end.col) <= at {
        return;
    }
    match &node.value {
        Value::Object(members) => {
            *best = Some(path.clone());
            for m in members {
                let child = if path.is_empty() {
                    m.key.clone()
                } else {
                    format!("{path}.{}", m.key)
                };
                walk(&m.node, child, at, best);
            }
        }
        Value::Array(items) => {
            *best = Some(path.clone());
            for (i, item) in items.iter().enumerate() {
                walk(item, format!("{path}[{i}]"), at, best);
            }
        }
        _ => *best = Some(path),
    }
}

/// serde's description of a shape error in plain words: no Rust type names.
pub(crate) fn plain_serde_message(message: &str) -> String {
    let mut out = message.to_string();
    for (from, to) in [
        ("expected u32", "expected a whole number from 0"),
        ("expected u64", "expected a whole number from 0"),
        ("expected usize", "expected a whole number from 0"),
        ("expected i64", "expected a whole number"),
        ("expected i32", "expected a whole number"),
        ("expected a sequence", "expected a list"),
        ("expected a borrowed string", "expected a string"),
        ("expected a boolean", "expected true or false"),
        ("invalid type: ", ""),
        ("invalid value: ", ""),
        ("unknown variant", "unknown value"),
    ] {
        out = out.replace(from, to);
    }
    while let Some(i) = out.find("expected struct ") {
        let rest = &out[i + "expected struct ".len()..];
        let end = rest
            .find(|c: char| !c.is_alphanumeric() && c != '_')
            .unwrap_or(rest.len());
        out = format!("{}expected an object{}", &out[..i], &rest[end..]);
    }
    out
}

/// A stamp's year is within what every clock computation can take.
pub(crate) fn stamp_in_range(stamp: &super::Stamp) -> bool {
    use chrono::Datelike;
    (1970..=2200).contains(&stamp.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_place_and_path_of_a_value() {
        let text = b"{\"a\": 1,\n \"b\": [true, {\"c\": \"x\"}]}";
        assert_eq!(locate(text, "b[1].c"), Some(Pos { line: 2, col: 20 }));
        // serde reports a value's last character: the closing quote of "x".
        assert_eq!(path_at(text, 2, 22).as_deref(), Some("b[1].c"));
        assert_eq!(path_at(text, 1, 7).as_deref(), Some("a"));
        // A field missing from an object is reported at the object's `}`:
        // the object's, not its last member's.
        assert_eq!(path_at(text, 2, 23).as_deref(), Some("b[1]"));
        assert_eq!(path_at(text, 2, 24).as_deref(), Some("b"));
    }

    #[test]
    fn serde_words_lose_their_rust_types() {
        assert_eq!(
            plain_serde_message("invalid type: integer `1`, expected struct Attendance"),
            "integer `1`, expected an object"
        );
        assert_eq!(
            plain_serde_message("invalid value: integer `-1`, expected u32"),
            "integer `-1`, expected a whole number from 0"
        );
    }
}
