//! `bunkakai roster import <session> FILE`: reads the registration sheet,
//! shows what was understood, lists every row it cannot use as
//! `FILE:SHEET:R12:C3: …` and writes nothing when there is one (unless
//! `--skip-bad`). Writes `roster.json`, and the plan's groups when the sheet
//! has a group column.

use crate::prepare::messages::PrepText;
use std::io::Write;
use std::path::PathBuf;

use serde_json::Value;

use super::columns::{Field, match_headers, parse_map};
use super::plan_file::{self, NewGroup};
use super::registration::{Import, ROSTER_FILE, header_index, read_rows, units};
use super::sitting_files;
use super::table::read_table;
use super::validation_summary;
use crate::i18n::Lang;
use crate::model::stage::{numbered_stage, same_stage};
use crate::prepare::messages as text;
use crate::store;
use crate::store::sessions::SessionPath;

/// The command line of `roster import` (its field docs are its `--help`).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ImportArgs {
    /// The sitting.
    pub session: String,
    /// The registration file.
    pub file: PathBuf,
    /// The sheet to read (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Which column holds what, e.g. --map 区分=stage --map C=email (fields: municipality, prefecture, stage, group, name, reading, affiliation, role, email).
    #[arg(long, value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,
    /// Show what was understood without writing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// Import the usable rows even when some rows cannot be used (they are listed).
    #[arg(long)]
    pub skip_bad: bool,
}

/// Runs `roster import` on the sitting `found`; returns the exit status.
pub fn run(
    args: &ImportArgs,
    found: &SessionPath,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let file_name = args.file.display().to_string();
    let mut map = Vec::new();
    for m in &args.map {
        match parse_map(m) {
            Ok(e) => map.push(e),
            Err(bad) => {
                let fields: Vec<&str> = Field::ALL.iter().map(|f| f.key()).collect();
                let _ = writeln!(
                    err,
                    "--map {m}: {} ({})",
                    PrepText::MapFormat.text(lang),
                    fields.join(", ")
                );
                let _ = bad;
                return 2;
            }
        }
    }
    let table = match read_table(&args.file, args.sheet.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(err, "{file_name}: {}", text::table_error(&e, lang));
            return 2;
        }
    };
    // A CSV file has no sheets: its places are FILE:R12:C3.
    let place = if table.encoding.is_some() {
        table.file.clone()
    } else {
        format!("{}:{}", table.file, table.sheet)
    };
    let Some(header) = header_index(&table) else {
        let _ = writeln!(err, "{place}: {}", PrepText::EmptySheet.text(lang));
        return 2;
    };
    let cols = match_headers(&table.rows[header], &map);
    let header_row = table.first_row + header;
    if !cols.unmatched.is_empty() {
        for c in &cols.unmatched {
            let _ = writeln!(
                err,
                "{place}:R{header_row}: --map {c}: {}",
                PrepText::NoSuchColumn.text(lang)
            );
        }
        return 2;
    }
    let import = read_rows(&table, header, &cols);

    // The preview: what was understood, before anything is written.
    let _ = writeln!(out, "{} {place}", PrepText::Reading.text(lang));
    if let Some(enc) = table.encoding {
        let _ = writeln!(
            out,
            "  {}: {}",
            PrepText::Encoding.text(lang),
            text::encoding(enc, lang)
        );
    }
    let _ = writeln!(out, "  {}: R{header_row}", PrepText::HeaderRow.text(lang));
    for (f, c) in &cols.found {
        let h = table.rows[header].get(*c).cloned().unwrap_or_default();
        let _ = writeln!(
            out,
            "  C{} 「{}」 → {}",
            c + table.first_col,
            h.trim(),
            text::field_name(*f, lang)
        );
    }
    for (c, h) in &cols.ignored {
        let _ = writeln!(
            out,
            "  C{} 「{h}」 → {}",
            c + table.first_col,
            PrepText::NotUsed.text(lang)
        );
    }
    // Free stage words the plan's themes use are known stages.
    let known = plan_file::load(&found.plan)
        .map(|v| theme_stages(&v))
        .unwrap_or_default();
    preview_rows(&import, &known, lang, out);

    let bad = !import.problems.is_empty();
    for p in &import.problems {
        let col = p.col.map(|c| format!(":C{c}")).unwrap_or_default();
        let _ = writeln!(
            err,
            "{place}:R{}{col}: {}",
            p.row,
            text::row_fault(&p.fault, lang)
        );
    }
    if import
        .problems
        .iter()
        .any(|p| p.fault == super::registration::RowFault::NoNameColumn)
    {
        return 2;
    }
    if bad && !args.skip_bad {
        let _ = writeln!(err, "{}", PrepText::BadRowsNothingWritten.text(lang));
        return 2;
    }
    if import.roster.entries.is_empty() || (bad && import.problems.iter().any(|p| p.col.is_none()))
    {
        let _ = writeln!(err, "{place}: {}", PrepText::NoUsableRows.text(lang));
        return 2;
    }
    if args.dry_run {
        let _ = writeln!(out, "{}", PrepText::DryRun.text(lang));
        return 0;
    }

    let plan_value = match sitting_files::plan_value(found, err) {
        Ok(v) => v,
        Err(code) => return code,
    };
    let groups = sheet_groups(&import, &plan_value);
    let new_plan = groups
        .as_ref()
        .map(|g| plan_file::to_bytes(&plan_file::with_groups(&plan_value, g)));
    if let Some(bytes) = &new_plan
        && let Err(code) = sitting_files::check_new_groups(found, bytes, lang, err)
    {
        return code;
    }
    let roster_path = found.dir.join(ROSTER_FILE);
    if let Err(e) = store::save_json(&roster_path, &import.roster) {
        let _ = writeln!(err, "{e}");
        return 1;
    }
    let _ = writeln!(
        out,
        "{} {}",
        PrepText::Written.text(lang),
        roster_path.display()
    );
    if let Some(bytes) = new_plan {
        let why = PrepText::GroupsFromSheet;
        if let Err(code) = sitting_files::write_plan(found, &bytes, why, lang, out, err) {
            return code;
        }
    } else {
        let _ = writeln!(out, "{}", PrepText::NoGroupColumn.text(lang));
    }
    validation_summary(&found.plan, &found.default_id, lang, out);
    0
}

fn preview_rows(import: &Import, known: &[String], lang: Lang, out: &mut dyn Write) {
    let roster = &import.roster;
    let us = units(roster);
    let _ = writeln!(
        out,
        "  {}",
        text::rows_read(roster.entries.len(), us.len(), import.blank_rows, lang)
    );
    for e in roster.entries.iter().take(5) {
        let parts: Vec<&str> = [
            Some(e.municipality.as_str()),
            e.prefecture.as_deref(),
            e.stage.as_deref(),
            e.group.as_deref(),
            e.name.as_deref(),
            e.email.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect();
        let _ = writeln!(out, "    R{}: {}", e.row, parts.join(" / "));
    }
    if roster.entries.len() > 5 {
        let _ = writeln!(out, "    …");
    }
    let mut stages: Vec<(String, usize)> = Vec::new();
    for u in &us {
        let s = u.stage().unwrap_or("-").to_string();
        match stages
            .iter_mut()
            .find(|(k, _)| same_stage(k, &s) || *k == s)
        {
            Some((_, n)) => *n += 1,
            None => stages.push((s, 1)),
        }
    }
    let list: Vec<String> = stages.iter().map(|(s, n)| format!("{s} {n}")).collect();
    let _ = writeln!(
        out,
        "  {}: {}",
        PrepText::ByStage.text(lang),
        list.join(", ")
    );
    // A mark that is no number and no theme's stage is likely a typo.
    for (s, _) in &stages {
        if stage_is_unknown(s, known) {
            let _ = writeln!(out, "  {}", text::unknown_stage(s, lang));
        }
    }
}

fn stage_is_unknown(stage: &str, known: &[String]) -> bool {
    stage != "-" && !numbered_stage(stage) && !known.iter().any(|k| same_stage(k, stage))
}

/// Every stage label the plan's themes list.
fn theme_stages(plan: &Value) -> Vec<String> {
    plan.get("themes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|t| t.get("stages")?.as_array())
        .flatten()
        .filter_map(|s| s.as_str().map(str::to_string))
        .collect()
}

/// The groups the sheet itself gives, in order of first appearance, when it
/// has a group column; each labelled with its members' stage when they share
/// one and given the themes of that stage (or the themes the plan already
/// had for a group of that id).
fn sheet_groups(import: &Import, plan: &Value) -> Option<Vec<NewGroup>> {
    let us = units(&import.roster);
    if us.iter().all(|u| u.group().is_none()) {
        return None;
    }
    let mut groups: Vec<NewGroup> = Vec::new();
    for u in &us {
        let Some(id) = u.group() else { continue };
        match groups.iter_mut().find(|g| g.id == id) {
            Some(g) => g.members.push(u.member()),
            None => groups.push(NewGroup {
                id: id.to_string(),
                label: None,
                themes: vec![],
                members: vec![u.member()],
            }),
        }
    }
    for g in &mut groups {
        let stages: Vec<&str> = us
            .iter()
            .filter(|u| u.group() == Some(g.id.as_str()))
            .filter_map(|u| u.stage())
            .collect();
        let shared = stages
            .first()
            .filter(|s| stages.iter().all(|t| same_stage(s, t)));
        g.label = shared.map(|s| s.to_string());
        g.themes = theme_ids_for(plan, shared.copied());
        if g.themes.is_empty() {
            g.themes = old_group_themes(plan, &g.id);
        }
    }
    Some(groups)
}

/// Theme ids whose `stages` include `stage`, read from the plan document.
pub(crate) fn theme_ids_for(plan: &Value, stage: Option<&str>) -> Vec<String> {
    let Some(stage) = stage else { return vec![] };
    plan.get("themes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|t| {
            t.get("stages")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .any(|s| same_stage(s, stage))
        })
        .filter_map(|t| t.get("id")?.as_str().map(str::to_string))
        .collect()
}

fn old_group_themes(plan: &Value, id: &str) -> Vec<String> {
    plan.get("groups")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .find(|g| g.get("id").and_then(Value::as_str) == Some(id))
        .and_then(|g| g.get("themes")?.as_array().cloned())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|t| t.as_str().map(str::to_string))
        .collect()
}
