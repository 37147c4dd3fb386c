//! Preparing the next sitting without writing JSON: `bunkakai new` (from a
//! past sitting, or a starter plan), `roster import` (the registration sheet),
//! `roster assign` (groups by stage), `roster show` (the group list to send
//! out). Each command ends with the same validation as `check`.
//!
//! The pure parts (reading a sheet's rows, matching headers, forming groups,
//! the next plan, the group list) are apart from the commands that read and
//! write files, which go through the store.

pub mod assign_cmd;
pub(crate) mod assign_table;
pub(crate) mod columns;
pub mod group_list;
pub mod grouping;
pub mod import_cmd;
pub(crate) mod messages;
pub mod new_cmd;
pub(crate) mod new_sitting;
pub(crate) mod plan_file;
pub(crate) mod registration;
pub mod show_cmd;
pub(crate) mod sitting_files;
pub(crate) mod starter;
pub(crate) mod table;

use crate::prepare::messages::PrepText;
use std::io::Write;
use std::path::Path;

use crate::check;
use crate::i18n::{CheckText, Lang};
use crate::model::{self, Plan};
use crate::prepare::messages as text;
use crate::store::sessions;
use crate::tui::text::inert;

/// Prints what `check` prints for the plan at `path` (to `out`); true when
/// the plan is usable.
pub(crate) fn validation_summary(
    path: &Path,
    default_id: &str,
    lang: Lang,
    out: &mut dyn Write,
) -> bool {
    let file = path.display().to_string();
    let Ok(bytes) = sessions::read_bytes(path) else {
        return false;
    };
    let result = model::read_plan(&bytes, default_id);
    // Text from the plan is shown inert, as `check` shows it.
    let lines: Vec<String> = check::problem_lines(&file, &result, lang)
        .iter()
        .map(|l| inert(l))
        .collect();
    let _ = writeln!(out, "\n── {} ──", PrepText::Check.text(lang));
    match &result.plan {
        Some(plan) => {
            check::write_valid(plan, &lines, lang, out);
            true
        }
        None => {
            // Before `roster assign` the only errors are the missing groups:
            // expected at this step, and said so before they are listed.
            let count = result.errors().count();
            let only_groups = result.only_groups_missing();
            if only_groups {
                let _ = writeln!(out, "{}", PrepText::GroupsLater.text(lang));
            }
            for line in &lines {
                let _ = writeln!(out, "{line}");
            }
            if only_groups {
                let _ = writeln!(out, "{}", text::groups_later_count(count, lang));
            } else {
                let _ = writeln!(out, "{count} {}", CheckText::Errors.text(lang));
            }
            false
        }
    }
}

/// The sitting being prepared, as far as choosing its predecessors goes.
#[derive(Debug, Clone, Default)]
pub(crate) struct ThisSitting {
    /// Its id.
    pub(crate) id: String,
    /// Its day, when set.
    pub(crate) date: Option<chrono::NaiveDate>,
    /// The sitting it follows, when set.
    pub(crate) follows: Option<String>,
}

/// The plans of the sittings before this one in the sessions folder, newest
/// first: the one it `follows` first, then the others dated on or before it.
/// Returns at most `n`, each with its id.
pub(crate) fn recent_sittings(
    sessions_dir: &Path,
    plan: &ThisSitting,
    n: usize,
) -> Vec<(String, Plan)> {
    let mut found: Vec<(String, Plan)> = sessions::list(sessions_dir)
        .into_iter()
        .filter(|id| *id != plan.id)
        .filter_map(|id| {
            let bytes =
                sessions::read_bytes(&sessions_dir.join(&id).join(sessions::PLAN_FILE)).ok()?;
            let p = model::read_plan(&bytes, &id).plan?;
            Some((id, p))
        })
        .filter(|(_, p)| match (p.date, plan.date) {
            (Some(a), Some(b)) => a <= b,
            _ => true,
        })
        .collect();
    found.sort_by(|a, b| {
        let followed = |x: &(String, Plan)| Some(&x.0) == plan.follows.as_ref();
        followed(b)
            .cmp(&followed(a))
            .then(b.1.date.cmp(&a.1.date))
            .then(a.0.cmp(&b.0))
    });
    found.truncate(n);
    found
}
