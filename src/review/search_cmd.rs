//! `bunkakai search`: every note of every sitting that matches, one line per
//! hit (or one JSON object per line), with grep's exit codes: 0 hits, 1 none,
//! 2 bad input.

use crate::review::export::json::inert_json;
use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::archive::Archive;
use super::hit;
use super::search::{Filters, NoteIndex, Query, parse_kind};
use crate::i18n::Lang;
use crate::i18n::review::file_problem;

/// What `bunkakai search` was asked, as typed (its field docs are its
/// `--help`).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct SearchArgs {
    /// Words to look for; a note matches when it holds every one.
    pub query: String,
    /// Only this group (its id, e.g. A).
    #[arg(long, value_name = "G")]
    pub group: Option<String>,
    /// Only this theme (its id, or part of its title).
    #[arg(long, value_name = "T")]
    pub theme: Option<String>,
    /// Only this kind: issue, practice, opinion, request, action, other (or 課題, 工夫, 意見, 要望, アクション, その他).
    #[arg(long, value_name = "K")]
    pub kind: Option<String>,
    /// Only notes of this speaker (part of the name).
    #[arg(long, value_name = "S")]
    pub speaker: Option<String>,
    /// Only sittings on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only sittings on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// One JSON object per line, for scripts.
    #[arg(long)]
    pub json: bool,
    /// Highlight matches with reverse video (decided from `--color`).
    #[arg(skip)]
    pub color: bool,
}

/// Why a search could not be run: bad input, exit 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SearchError {
    /// `--kind` names no kind.
    BadKind(String),
    /// A date (`--since`/`--until`, as typed) is not `YYYY-MM-DD`, or is
    /// not on the calendar.
    BadDate(&'static str, String),
    /// `--group` names a group no sitting has; the groups there are.
    UnknownGroup(String, Vec<String>),
    /// Neither words nor a filter.
    EmptyQuery,
    /// The sessions folder holds no sitting.
    NoSittings(std::path::PathBuf),
}

impl SearchError {
    /// The message, in `lang`.
    pub(crate) fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (SearchError::BadKind(k), Lang::Ja) => format!(
                "--kind {k}: そのような種類はありません（issue/課題, practice/工夫, opinion/意見, request/要望, action/アクション, other/その他）"
            ),
            (SearchError::BadKind(k), Lang::En) => format!(
                "--kind {k}: no such kind (issue, practice, opinion, request, action, other)"
            ),
            (SearchError::BadDate(flag, d), _) if crate::i18n::date_shaped(d) => {
                crate::i18n::cli_results::no_such_date(flag, d, lang)
            }
            (SearchError::BadDate(flag, d), Lang::Ja) => {
                format!("{flag} {d}: 日付は YYYY-MM-DD の形で書いてください（例: 2026-01-20）")
            }
            (SearchError::BadDate(flag, d), Lang::En) => {
                format!("{flag} {d}: write dates as YYYY-MM-DD, e.g. 2026-01-20")
            }
            (SearchError::UnknownGroup(g, known), _) => {
                crate::i18n::cli_results::unknown_group(g, known, lang)
            }
            (SearchError::EmptyQuery, _) => lang
                .pick(
                    "探す語か絞り込み（--group, --theme, --kind, --speaker）を指定してください",
                    "give words to look for, or a filter (--group, --theme, --kind, --speaker)",
                )
                .to_string(),
            (SearchError::NoSittings(dir), _) => crate::i18n::cli::no_sittings(dir, lang),
        }
    }
}

/// A `--since`/`--until` day, read the way every command reads it.
pub(crate) fn parse_date(flag: &'static str, s: &str) -> Result<NaiveDate, SearchError> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| SearchError::BadDate(flag, s.trim().to_string()))
}

/// Refuses a `--group` that no sitting has (any case, as the search
/// matches), naming the groups there are.
fn check_group<'a>(q: &Query, groups: impl Iterator<Item = &'a str>) -> Result<(), SearchError> {
    let Some(g) = q.filters.group.as_deref() else {
        return Ok(());
    };
    let mut known: Vec<String> = groups.map(str::to_string).collect();
    if known.iter().any(|id| id.eq_ignore_ascii_case(g.trim())) {
        return Ok(());
    }
    known.sort();
    known.dedup();
    let shown = crate::tui::text::sanitize::inert(g.trim());
    Err(SearchError::UnknownGroup(shown, known))
}

/// Says on stderr that nothing was found (stdout stays empty for a pipe);
/// the exit code 1.
fn none_found(err: &mut dyn Write, lang: Lang) -> u8 {
    let _ = writeln!(err, "{}", crate::i18n::cli_results::no_hit(lang));
    1
}

/// Builds the query from the arguments.
pub(crate) fn query(args: &SearchArgs) -> Result<Query, SearchError> {
    let date = |flag: &'static str, d: &Option<String>| {
        d.as_deref().map(|s| parse_date(flag, s)).transpose()
    };
    let kind = args
        .kind
        .as_deref()
        .map(|k| parse_kind(k).ok_or_else(|| SearchError::BadKind(k.to_string())))
        .transpose()?;
    let blank = |s: &Option<String>| s.clone().filter(|s| !s.trim().is_empty());
    let filters = Filters {
        group: blank(&args.group),
        theme: blank(&args.theme),
        kind,
        speaker: blank(&args.speaker),
        since: date("--since", &args.since)?,
        until: date("--until", &args.until)?,
    };
    let q = Query::new(&args.query, filters);
    if q.is_empty() {
        return Err(SearchError::EmptyQuery);
    }
    Ok(q)
}

/// Runs a search over the sessions folder `dir`, printing hits to `out` and
/// problems to `err`; returns the exit code.
pub fn run(
    args: &SearchArgs,
    dir: &Path,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let q = match query(args) {
        Ok(q) => q,
        Err(e) => {
            let _ = writeln!(err, "{}", e.text(lang));
            return 2;
        }
    };
    if !args.json {
        let cached = super::cache::with_cache(dir, |sittings| {
            if sittings.is_empty() {
                return None;
            }
            for p in sittings.iter().flat_map(|s| &s.problems) {
                let _ = writeln!(err, "{}", file_problem(p, lang));
            }
            let groups = sittings.iter().flat_map(|s| s.block.groups.iter().copied());
            if let Err(e) = check_group(&q, groups) {
                let _ = writeln!(err, "{}", e.text(lang));
                return Some(2);
            }
            let printed = super::cache::print_hits(sittings, &q, lang, args.color, out);
            // A closed pipe (`| head`) ends the search quietly; a full disk is said.
            match printed.and_then(|n| out.flush().map(|()| n)) {
                Err(e) => Some(write_failed(&e, err, lang)),
                Ok(0) => Some(none_found(err, lang)),
                Ok(_) => Some(0),
            }
        });
        if let Some(Some(code)) = cached {
            return code;
        }
    }
    let Some(archive) = archive_with_sittings(dir, lang, err) else {
        return 2;
    };
    for (_, p) in archive.problems() {
        let _ = writeln!(err, "{}", file_problem(p, lang));
    }
    let groups = archive
        .sittings
        .iter()
        .flat_map(|s| s.groups.iter().map(|g| g.id.as_str()));
    if let Err(e) = check_group(&q, groups) {
        let _ = writeln!(err, "{}", e.text(lang));
        return 2;
    }
    let index = NoteIndex::build(&archive);
    let hits = index.search(&archive, &q);
    for at in &hits {
        let written = if args.json {
            writeln!(
                out,
                "{}",
                inert_json(&hit::json(&archive, *at, &q.words).to_string())
            )
        } else {
            writeln!(
                out,
                "{}",
                hit::line(&archive, *at, &q.words, lang, args.color)
            )
        };
        if let Err(e) = written {
            return write_failed(&e, err, lang);
        }
    }
    if let Err(e) = out.flush() {
        return write_failed(&e, err, lang);
    }
    // Files that could not be searched are named on stderr above; the exit
    // code keeps saying whether something was found.
    if hits.is_empty() {
        none_found(err, lang)
    } else {
        0
    }
}

/// A closed pipe (`| head`) ends the search quietly; any other write error
/// (a full disk) is said, with exit code 1.
fn write_failed(e: &std::io::Error, err: &mut dyn Write, lang: Lang) -> u8 {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return 0;
    }
    let _ = writeln!(
        err,
        "{}{e}",
        lang.pick("書き出せません: ", "cannot write: ")
    );
    1
}

/// The archive of `dir`, or `None` after saying there is no sitting in it.
pub(crate) fn archive_with_sittings(
    dir: &Path,
    lang: Lang,
    err: &mut dyn Write,
) -> Option<Archive> {
    let archive = Archive::load(dir);
    if archive.sittings.is_empty() {
        let _ = writeln!(
            err,
            "{}",
            SearchError::NoSittings(dir.to_path_buf()).text(lang)
        );
        return None;
    }
    Some(archive)
}
