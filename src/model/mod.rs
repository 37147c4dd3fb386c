//! The workshop's data as it is kept in files, and the rules each file must
//! follow; nothing here touches the disk (that is `store`).
//!
//! - The plan (`session.json`): its types (`plan`), read from bytes with
//!   every value's position (`json_tree`, `fields`, `plan_read`), the rules
//!   tying its parts together (`plan_rules`), what can be wrong and where
//!   (`problem`), ids fit to be file names (`ids`) and stages as people
//!   write them (`stage`).
//! - Each group's notes (`notes/G.json`): the types (`notes`), the rules
//!   beyond the JSON shape (`notes_read`), merging two versions
//!   (`notes_merge`) and applying one change (`notes_change`), the
//!   note-taker's draft (`notes_draft`), the rescue copy written when
//!   neither can be saved (`notes_rescue`), and the status of action items
//!   followed up at the next sitting (`actions`).
//! - The facilitator's run (`run.json`): the live state (`run`), its rules
//!   (`run_read`) and the members moved between groups (`run_moves`).
//! - Pointing a data file's problem back to its line, column and field
//!   path (`file_check`), and a past sitting's file that review could not
//!   use (`file_problem`).
//!
//! [`Stamp`] is the one time type they all share.

pub mod actions;
pub(crate) mod fields;
pub(crate) mod file_check;
pub(crate) mod file_problem;
pub(crate) mod ids;
pub(crate) mod json_tree;
pub mod notes;
pub(crate) mod notes_change;
pub(crate) mod notes_draft;
pub(crate) mod notes_merge;
pub(crate) mod notes_read;
pub(crate) mod notes_rescue;
pub(crate) mod notes_tally;
pub(crate) mod plan;
pub(crate) mod plan_read;
pub(crate) mod plan_rules;
pub(crate) mod problem;
pub mod run;
pub(crate) mod run_moves;
pub(crate) mod run_read;
pub mod stage;
#[cfg(test)]
pub(crate) mod test_notes;
#[cfg(test)]
#[path = "../../tests/common/rng.rs"]
pub(crate) mod test_rng;
#[cfg(test)]
pub(crate) mod test_sitting;

pub use plan::Plan;
pub(crate) use plan::{AgendaBlock, Group, Member, Question, ReportRound, Theme};
pub(crate) use problem::{Problem, ProblemKind};

use json_tree::{Pos, Value};

/// A moment with its UTC offset, as written in files (RFC 3339): the one time
/// type of run.json, notes, the timer and every screen.
pub type Stamp = chrono::DateTime<chrono::FixedOffset>;
use plan::{SESSION_KIND, SESSION_VERSION};

/// The outcome of reading a plan: the plan when it is usable, and every
/// problem and warning found on the way.
#[derive(Debug, Clone)]
pub struct PlanCheck {
    /// The plan, present only when there are no errors (warnings allowed).
    pub plan: Option<Plan>,
    /// Errors and warnings, in the order they were found.
    pub problems: Vec<Problem>,
}

impl PlanCheck {
    /// The problems that make the plan unusable.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| !p.kind.is_warning())
    }

    /// The problems that are only warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.kind.is_warning())
    }

    /// True when the plan's only errors are that it has no groups yet: a
    /// sitting being prepared (`new --from`, before `roster assign`), which
    /// `check` would accept once its groups are made.
    pub fn only_groups_missing(&self) -> bool {
        let mut errors = self.errors().peekable();
        errors.peek().is_some() && errors.all(|p| matches!(p.kind, ProblemKind::NoGroups))
    }

    fn failed(pos: Option<Pos>, path: &str, kind: ProblemKind) -> PlanCheck {
        PlanCheck {
            plan: None,
            problems: vec![Problem {
                pos,
                path: path.to_string(),
                kind,
            }],
        }
    }
}

/// Reads a plan from the bytes of a `session.json`. `default_id` is the
/// session id to use when the file does not name one (its folder's name).
pub fn read_plan(bytes: &[u8], default_id: &str) -> PlanCheck {
    let mut check = read_plan_as_written(bytes, default_id);
    if check.errors().next().is_some() {
        check.plan = None;
    }
    check
}

/// The plan of a sitting being prepared: one whose only errors are that
/// it has no groups yet ([`PlanCheck::only_groups_missing`]), as written;
/// `None` for any other plan, valid or broken.
pub fn read_plan_awaiting_groups(bytes: &[u8], default_id: &str) -> Option<Plan> {
    let check = read_plan_as_written(bytes, default_id);
    if check.only_groups_missing() {
        check.plan
    } else {
        None
    }
}

/// Reads a plan, keeping what could be read of it even with errors.
fn read_plan_as_written(bytes: &[u8], default_id: &str) -> PlanCheck {
    let text = match decode(bytes) {
        Ok(text) => text,
        Err((pos, kind)) => return PlanCheck::failed(Some(pos), "", kind),
    };
    let root = match json_tree::parse(text) {
        Ok(root) => root,
        Err(e) => return PlanCheck::failed(Some(e.pos), "", ProblemKind::Syntax(e.kind)),
    };
    // The format decides how to read everything else: a newer file may use
    // fields this program does not know, so nothing more is said about it.
    let Value::Object(_) = &root.value else {
        return PlanCheck::failed(
            Some(root.pos),
            "",
            ProblemKind::WrongType(problem::Expected::Object),
        );
    };
    match root.find("format") {
        None => return PlanCheck::failed(Some(root.pos), "format", ProblemKind::FormatMissing),
        Some(node) => match &node.value {
            Value::String(tag) => {
                if let Err(kind) = check_format(tag) {
                    return PlanCheck::failed(Some(node.pos), "format", kind);
                }
            }
            _ => {
                let kind = ProblemKind::WrongType(problem::Expected::String);
                return PlanCheck::failed(Some(node.pos), "format", kind);
            }
        },
    }
    let mut reader = fields::Reader::default();
    let plan = plan_read::read_plan(&mut reader, &root, default_id);
    PlanCheck {
        plan,
        problems: reader.problems,
    }
}

fn check_format(tag: &str) -> Result<(), ProblemKind> {
    let malformed = || ProblemKind::FormatMalformed(tag.to_string());
    let (kind, version) = tag.rsplit_once('/').ok_or_else(malformed)?;
    let version: u32 = version.parse().map_err(|_| malformed())?;
    if !kind.starts_with("bunkakai.") {
        return Err(malformed());
    }
    if kind != SESSION_KIND {
        return Err(ProblemKind::FormatOtherKind(tag.to_string()));
    }
    if version > SESSION_VERSION {
        return Err(ProblemKind::FormatNewer {
            found: version,
            known: SESSION_VERSION,
        });
    }
    if version == 0 {
        return Err(malformed());
    }
    Ok(())
}

/// Decodes UTF-8 (a BOM is skipped). Anything else is refused with the
/// place of the first bad byte, noting when the file reads as Shift_JIS.
pub(crate) fn decode(bytes: &[u8]) -> Result<&str, (Pos, ProblemKind)> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(body).map_err(|e| {
        let good = std::str::from_utf8(&body[..e.valid_up_to()]).unwrap_or_default();
        let line = good.matches('\n').count() + 1;
        let col = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let (_, _, had_errors) = encoding_rs::SHIFT_JIS.decode(body);
        (
            Pos { line, col },
            ProblemKind::NotUtf8 {
                shift_jis: !had_errors,
            },
        )
    })
}
