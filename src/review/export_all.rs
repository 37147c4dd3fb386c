//! `bunkakai export --all [--since D] [--until D] --format md|csv|xlsx`:
//! every sitting of the sessions folder (those days only), oldest first, in
//! one document with the sitting named on every row. Days are read and
//! refused exactly as `bunkakai search --since` reads them.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::archive::{Archive, Sitting};
use super::export::{self, ExportFormat, Part};
use super::export_cmd::write_out;
use super::search_cmd::{archive_with_sittings, parse_date};
use crate::i18n::Lang;
use crate::i18n::review::file_problem;

/// The days asked for, as typed.
#[derive(Debug, Clone, Default)]
pub struct Days {
    /// `--since`.
    pub since: Option<String>,
    /// `--until`.
    pub until: Option<String>,
}

/// The sittings of `archive` held on the days asked for, oldest first. A
/// sitting whose day is not known is kept only when no day is asked for.
pub(crate) fn chosen(
    archive: &Archive,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Vec<&Sitting> {
    let mut out: Vec<&Sitting> = archive
        .sittings
        .iter()
        .filter(|s| match s.date() {
            Some(d) => since.is_none_or(|x| d >= x) && until.is_none_or(|x| d <= x),
            None => since.is_none() && until.is_none(),
        })
        .collect();
    out.reverse();
    out
}

/// Exports every chosen sitting of `dir` into one document (a workbook
/// only to a file: refused before, by [`super::export_cmd::run`]).
pub(super) fn run(
    days: &Days,
    dir: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let day = |flag, d: &Option<String>| d.as_deref().map(|s| parse_date(flag, s)).transpose();
    let (since, until) = match (day("--since", &days.since), day("--until", &days.until)) {
        (Ok(s), Ok(u)) => (s, u),
        (Err(e), _) | (_, Err(e)) => {
            let _ = writeln!(err, "{}", e.text(lang));
            return 2;
        }
    };
    if let (Some(s), Some(u)) = (since, until)
        && s > u
    {
        let _ = writeln!(err, "{}", reversed(s, u, lang));
        return 2;
    }
    let Some(archive) = archive_with_sittings(dir, lang, err) else {
        return 2;
    };
    let sittings = chosen(&archive, since, until);
    if sittings.is_empty() {
        let _ = writeln!(err, "{}", none_on_those_days(lang));
        return 1;
    }
    for s in &sittings {
        for p in &s.problems {
            let _ = writeln!(err, "{}", file_problem(p, lang));
        }
    }
    let parts: Vec<Part> = sittings
        .iter()
        .map(|s| Part::in_archive(&archive, s))
        .collect();
    let bytes = match export::try_render_parts(&parts, format, lang) {
        Ok(bytes) => bytes,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return if format == ExportFormat::Json { 2 } else { 1 };
        }
    };
    let own: Vec<&Path> = sittings.iter().map(|s| s.dir.as_path()).collect();
    let complete = sittings.iter().all(|s| s.problems.is_empty());
    write_out(&bytes, output, &own, complete, lang, out, err)
}

fn reversed(since: NaiveDate, until: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Ja => {
            format!("--since {since} が --until {until} より後です。日付の順を確かめてください")
        }
        Lang::En => format!("--since {since} is after --until {until}; swap the two days"),
    }
}

fn none_on_those_days(lang: Lang) -> &'static str {
    lang.pick(
        "その期間の会はありません（--since / --until を確かめてください）",
        "no sitting on those days (check --since / --until)",
    )
}
