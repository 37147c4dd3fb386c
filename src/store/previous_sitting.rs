//! Finding and reading the sitting before this one, for 「前回のアクション」:
//! the one the plan names (`follows`, a sitting id or folder name in the
//! same sessions folder), else the latest sitting of that folder dated
//! before this one. Only plans and the groups' notes files are read.

use std::path::{Path, PathBuf};

use super::notes_file;
use super::sessions::{self, PLAN_FILE};
use crate::model::notes::GroupNotes;
use crate::model::{Plan, read_plan};

/// The previous sitting as read from disk.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PreviousSitting {
    /// Its folder.
    pub(crate) dir: PathBuf,
    /// Its plan.
    pub(crate) plan: Plan,
    /// The notes file of each of its groups that has one, in plan order.
    pub(crate) notes: Vec<GroupNotes>,
    /// Notes files that could not be read, with why (in English, for the log).
    pub(crate) problems: Vec<String>,
}

/// A usable plan in `dir` (a sitting folder), if there is one.
fn plan_in(dir: &Path) -> Option<Plan> {
    let bytes = sessions::read_bytes(&dir.join(PLAN_FILE)).ok()?;
    let folder = dir.file_name()?.to_string_lossy().into_owned();
    read_plan(&bytes, &folder).plan
}

/// The folder of the sitting that the sitting in `dir` (with plan `plan`)
/// follows, among the sittings beside it.
pub(crate) fn find(dir: &Path, plan: &Plan) -> Option<(PathBuf, Plan)> {
    let sessions = dir.parent()?;
    let this = dir.file_name()?.to_string_lossy().into_owned();
    let others: Vec<String> = sessions::list(sessions)
        .into_iter()
        .filter(|f| *f != this)
        .collect();
    if let Some(named) = plan.follows.as_deref() {
        // By folder name first (no plan to parse), then by the plan's id.
        if others.iter().any(|f| f == named)
            && let Some(p) = plan_in(&sessions.join(named))
        {
            return Some((sessions.join(named), p));
        }
        let by_id = others
            .iter()
            .map(|f| sessions.join(f))
            .find_map(|d| plan_in(&d).filter(|p| p.id == named).map(|p| (d, p)));
        if by_id.is_some() {
            return by_id;
        }
    }
    let day = plan.date?;
    others
        .iter()
        .map(|f| sessions.join(f))
        .filter_map(|d| plan_in(&d).map(|p| (d, p)))
        .filter(|(_, p)| p.date.is_some_and(|d| d < day) && p.id != plan.id)
        .max_by(|(_, a), (_, b)| (a.date, a.start, &a.id).cmp(&(b.date, b.start, &b.id)))
}

/// Reads the groups' notes files of the sitting in `dir`.
pub(crate) fn read(dir: PathBuf, plan: Plan) -> PreviousSitting {
    let mut notes = Vec::new();
    let mut problems = Vec::new();
    for g in &plan.groups {
        let path = notes_file::notes_path(&dir, &g.id);
        if !path.exists() {
            continue;
        }
        match notes_file::load(&path, &plan.id, &g.id) {
            Ok(doc) => notes.push(doc),
            Err(e) => problems.push(e.to_string()),
        }
    }
    PreviousSitting {
        dir,
        plan,
        notes,
        problems,
    }
}

/// Finds and reads the sitting before the one in `dir`; `None` when there
/// is none.
pub(crate) fn load(dir: &Path, plan: &Plan) -> Option<PreviousSitting> {
    let (dir, plan) = find(dir, plan)?;
    Some(read(dir, plan))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn archive() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive");
        for s in ["jichitai-09", "jichitai-10"] {
            std::fs::create_dir_all(tmp.path().join(s).join("notes")).unwrap();
            for f in ["session.json", "notes/A.json", "notes/B.json"] {
                std::fs::copy(src.join(s).join(f), tmp.path().join(s).join(f)).unwrap();
            }
        }
        let root = tmp.path().to_path_buf();
        (tmp, root)
    }

    fn plan(dir: &Path) -> Plan {
        plan_in(dir).unwrap()
    }

    #[test]
    fn follows_names_the_previous_sitting_else_the_latest_earlier_date() {
        let (_tmp, root) = archive();
        let ten = root.join("jichitai-10");
        let found = load(&ten, &plan(&ten)).unwrap();
        assert_eq!(found.plan.id, "jichitai-09");
        assert_eq!(found.notes.len(), 2, "A and B have files, C has none");
        assert!(found.problems.is_empty());
        // Without `follows`, the date decides.
        let mut undated = plan(&ten);
        undated.follows = None;
        assert_eq!(find(&ten, &undated).unwrap().1.id, "jichitai-09");
        // Nothing before the first sitting.
        let nine = root.join("jichitai-09");
        assert!(find(&nine, &plan(&nine)).is_none());
        // `follows` naming a sitting that is not there: the date decides.
        let mut missing = plan(&ten);
        missing.follows = Some("jichitai-01".into());
        assert_eq!(find(&ten, &missing).unwrap().1.id, "jichitai-09");
        // Without a date and without `follows`, no previous sitting.
        undated.date = None;
        assert!(find(&ten, &undated).is_none());
    }

    #[test]
    fn a_broken_notes_file_is_a_problem_not_a_failure() {
        let (_tmp, root) = archive();
        std::fs::write(root.join("jichitai-09/notes/B.json"), "{broken").unwrap();
        let ten = root.join("jichitai-10");
        let found = load(&ten, &plan(&ten)).unwrap();
        assert_eq!(found.notes.len(), 1);
        assert_eq!(found.problems.len(), 1);
    }
}
