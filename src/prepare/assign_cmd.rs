//! `bunkakai roster assign <session>`: forms the groups from the imported
//! registrations (or the plan's own members), prints why each group is what
//! it is, and writes them to the plan, keeping the previous plan as
//! `session.json.bak`.

use crate::prepare::messages::PrepText;
use std::io::Write;
use std::path::Path;

use serde_json::Value;

use super::grouping::{Candidate, Options, PastPairs, assign, default_seed, group_letter};
use super::import_cmd::theme_ids_for;
use super::plan_file::{self, NewGroup};
use super::registration::{Roster, units};
use super::sitting_files;
use super::{ThisSitting, recent_sittings, validation_summary};
use crate::i18n::Lang;
use crate::store::sessions::SessionPath;

/// How to pool the municipalities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum By {
    /// One pool per stage of the 取組サイクル.
    #[default]
    Stage,
    /// Everyone in one pool.
    None,
}

/// The command line of `roster assign` (its field docs are its `--help`).
#[derive(Debug, Clone, clap::Args)]
pub struct AssignArgs {
    /// The sitting.
    pub session: String,
    /// stage: groups per stage of the 取組サイクル; none: one pool.
    #[arg(long, value_enum, default_value = "stage")]
    pub by: By,
    /// Group size, MIN-MAX.
    #[arg(long, default_value = "5-7", value_name = "MIN-MAX")]
    pub size: String,
    /// Split up municipalities who sat together in the recent sittings of the sessions folder.
    #[arg(long)]
    pub avoid_repeat: bool,
    /// How many recent sittings --avoid-repeat looks at.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub recent: usize,
    /// Another draw of the same registrations.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Print the groups without writing them.
    #[arg(long)]
    pub dry_run: bool,
}

/// Reads `5-7`, `5～7` or `6` into `(min, max)`.
pub(crate) fn parse_size(s: &str) -> Option<(usize, usize)> {
    let s: String = unicode_normalization::UnicodeNormalization::nfkc(s.trim()).collect();
    let (a, b) = s
        .split_once(['-', '~', '〜', '～'])
        .map_or((s.as_str(), s.as_str()), |(a, b)| (a, b));
    let (min, max) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    (1 <= min && min <= max && max <= 100).then_some((min, max))
}

/// Runs `roster assign` on the sitting `found` (`sessions_dir` holds the
/// sittings before it); returns the exit status.
pub fn run(
    args: &AssignArgs,
    found: &SessionPath,
    sessions_dir: &Path,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let Some((min, max)) = parse_size(&args.size) else {
        let _ = writeln!(
            err,
            "--size {}: {}",
            args.size,
            PrepText::SizeFormat.text(lang)
        );
        return 2;
    };
    let plan = match sitting_files::plan_value(found, err) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let roster = match sitting_files::load_roster(found, err) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let (candidates, members) = match &roster {
        Some(r) => from_roster(r),
        None => from_plan(&plan),
    };
    if candidates.is_empty() {
        let _ = writeln!(
            err,
            "{}: {}",
            found.dir.display(),
            PrepText::NoOneToAssign.text(lang)
        );
        return 2;
    }
    let mut past = PastPairs::default();
    let mut used = Vec::new();
    if args.avoid_repeat {
        let this = ThisSitting {
            id: plan
                .get("id")
                .and_then(Value::as_str)
                .unwrap_or(&found.default_id)
                .to_string(),
            date: plan
                .get("date")
                .and_then(Value::as_str)
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            follows: plan
                .get("follows")
                .and_then(Value::as_str)
                .map(str::to_string),
        };
        for (id, p) in recent_sittings(sessions_dir, &this, args.recent) {
            for g in &p.groups {
                past.add_group(g.members.iter().map(|m| m.name.as_str()));
            }
            used.push(id);
        }
    }
    let opts = Options {
        by_stage: args.by == By::Stage,
        min,
        max,
        seed: args.seed.unwrap_or_else(|| default_seed(&candidates)),
    };
    let result = assign(&candidates, &past, opts);
    let groups: Vec<NewGroup> = result
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| NewGroup {
            id: group_letter(i),
            label: g.stage.clone(),
            themes: theme_ids_for(&plan, g.stage.as_deref()),
            members: g.members.iter().map(|&m| members[m].clone()).collect(),
        })
        .collect();
    super::assign_table::explain(
        &result,
        &groups,
        &candidates,
        (min, max),
        &used,
        args,
        lang,
        out,
    );
    let bytes = plan_file::to_bytes(&plan_file::with_groups(&plan, &groups));
    if let Err(code) = sitting_files::check_new_groups(found, &bytes, lang, err) {
        return code;
    }
    if args.dry_run {
        let _ = writeln!(out, "{}", PrepText::DryRun.text(lang));
        return 0;
    }
    if let Err(code) = sitting_files::write_plan(found, &bytes, PrepText::ToUndo, lang, out, err) {
        return code;
    }
    validation_summary(&found.plan, &found.default_id, lang, out);
    0
}

fn from_roster(r: &Roster) -> (Vec<Candidate>, Vec<Value>) {
    units(r)
        .iter()
        .map(|u| {
            let c = Candidate {
                name: u.name.to_string(),
                stage: u.stage().map(str::to_string),
                prefecture: u.prefecture().map(str::to_string),
            };
            (c, u.member())
        })
        .unzip()
}

/// The plan's own members, each with its stage (its group's label when the
/// member object gives none), kept as written.
fn from_plan(plan: &Value) -> (Vec<Candidate>, Vec<Value>) {
    let mut out = (vec![], vec![]);
    for g in plan
        .get("groups")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let label = g.get("label").and_then(Value::as_str);
        for m in g
            .get("members")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let field = |k: &str| m.get(k).and_then(Value::as_str).map(str::to_string);
            let name = m.as_str().map(str::to_string).or_else(|| field("name"));
            let Some(name) = name else { continue };
            out.0.push(Candidate {
                name,
                stage: field("stage").or_else(|| label.map(str::to_string)),
                prefecture: field("prefecture"),
            });
            out.1.push(m.clone());
        }
    }
    out
}
