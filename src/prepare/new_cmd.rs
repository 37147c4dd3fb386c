//! `bunkakai new <id> [--from <past>]`: a new sitting's folder with its plan,
//! copied from a past sitting or started from the format's example. Never
//! overwrites a sitting that exists.

use crate::prepare::messages::PrepText;
use std::io::Write;
use std::path::Path;

use chrono::{NaiveDate, NaiveTime};

use super::new_sitting::{NewOptions, from_past};
use super::{plan_file, sitting_files, starter, validation_summary};
use crate::check::sitting;
use crate::i18n::Lang;
use crate::model::ids::check_id;
use crate::prepare::messages as text;
use crate::store::{self, sessions};

/// The command line of `bunkakai new` (its field docs are its `--help`).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct NewArgs {
    /// The new sitting's id (its folder name), e.g. jichitai-10.
    pub id: String,
    /// The past sitting to copy: agenda, themes, references and broadcasts.
    #[arg(long, value_name = "SESSION")]
    pub from: Option<String>,
    /// The title (default: the past title with 第N回 moved on by one).
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// The day of the sitting (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The start time (HH:MM).
    #[arg(long, value_name = "HH:MM")]
    pub start: Option<String>,
    /// Keep the past sitting's groups and rosters.
    #[arg(long)]
    pub keep_groups: bool,
}

/// Runs `bunkakai new`; returns the exit status.
pub fn run(
    args: &NewArgs,
    sessions_dir: &Path,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    if let Err(e) = check_id(&args.id) {
        let kind = crate::model::ProblemKind::BadId(e);
        let _ = writeln!(
            err,
            "{}: {}",
            args.id,
            crate::i18n::problem_text(&kind, lang)
        );
        return 2;
    }
    let date = match args
        .date
        .as_deref()
        .map(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d"))
    {
        Some(Err(_)) => {
            let kind = crate::model::ProblemKind::BadDate(args.date.clone().unwrap_or_default());
            let _ = writeln!(err, "--date: {}", crate::i18n::problem_text(&kind, lang));
            return 2;
        }
        Some(Ok(d)) => Some(d),
        None => None,
    };
    let start = match args
        .start
        .as_deref()
        .map(|s| NaiveTime::parse_from_str(s.trim(), "%H:%M"))
    {
        Some(Err(_)) => {
            let kind = crate::model::ProblemKind::BadTime(args.start.clone().unwrap_or_default());
            let _ = writeln!(err, "--start: {}", crate::i18n::problem_text(&kind, lang));
            return 2;
        }
        Some(Ok(s)) => Some(s),
        None => None,
    };
    let target = sessions_dir.join(&args.id);
    if target.exists() {
        let _ = writeln!(err, "{}: {}", target.display(), PrepText::Exists.text(lang));
        return 2;
    }
    let (plan, notes) = match &args.from {
        Some(from) => {
            let found = match sitting::find(from, sessions_dir, lang, err) {
                Ok(found) => found,
                Err(code) => return code,
            };
            let past = match sitting::usable_plan(&found, lang, err) {
                Ok(plan) => plan,
                Err(code) => return code,
            };
            let value = match sitting_files::plan_value(&found, err) {
                Ok(v) => v,
                Err(code) => return code,
            };
            let opts = NewOptions {
                title: args.title.clone(),
                date,
                start,
                keep_groups: args.keep_groups,
            };
            let (plan, changes) = from_past(&value, &past.id, &opts);
            let notes: Vec<String> = changes.iter().map(|c| text::change(c, lang)).collect();
            (plan, notes)
        }
        None => {
            let date = date.map(|d| d.to_string());
            let start = start.map(|s| s.format("%H:%M").to_string());
            let plan = starter::starter(args.title.as_deref(), date.as_deref(), start.as_deref());
            let note = PrepText::StarterWritten.text(lang).to_string();
            (plan, vec![note])
        }
    };
    let plan_path = target.join(sessions::PLAN_FILE);
    let written = std::fs::create_dir_all(sessions_dir)
        .and_then(|()| std::fs::create_dir(&target))
        .map_err(|e| e.to_string())
        .and_then(|()| {
            store::replace(&plan_path, &plan_file::to_bytes(&plan)).map_err(|e| e.to_string())
        });
    if let Err(e) = written {
        let _ = writeln!(err, "{}: {e}", plan_path.display());
        return 1;
    }
    let _ = writeln!(
        out,
        "{} {}",
        PrepText::NewWritten.text(lang),
        plan_path.display()
    );
    for n in notes {
        let _ = writeln!(out, "  · {n}");
    }
    validation_summary(&plan_path, &args.id, lang, out);
    0
}
