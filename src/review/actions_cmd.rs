//! `bunkakai actions`: every action item of the archive, one line each (or
//! one JSON object per line): sitting, group, status, owner and text, with
//! who set the status and when.

use std::io::Write;
use std::path::Path;

use serde_json::json;

use super::actions::{ActionFilter, ActionItem, items};
use super::archive::Archive;
use crate::i18n::Lang;
use crate::i18n::review::{action_state_label, file_problem};
use crate::tui::text::sanitize::inert;

/// Lists the action items of the sessions folder `dir` that pass `filter`;
/// returns the exit code: 0 when some were listed, 1 when none, 2 when the
/// folder holds no sitting.
pub fn run(
    filter: &ActionFilter,
    json: bool,
    dir: &Path,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let archive = Archive::load(dir);
    if archive.sittings.is_empty() {
        let _ = writeln!(err, "{}", crate::i18n::cli::no_sittings(dir, lang));
        return 2;
    }
    for (_, p) in archive.problems() {
        let _ = writeln!(err, "{}", file_problem(p, lang));
    }
    let found = items(&archive, filter);
    for item in &found {
        let text = if json {
            json_line(item).to_string()
        } else {
            line(item, lang)
        };
        if writeln!(out, "{text}").is_err() {
            break;
        }
    }
    if found.is_empty() {
        // Said on stderr: stdout stays empty for a pipe.
        let none = crate::i18n::cli_results::no_action(filter.open, lang);
        let _ = writeln!(err, "{none}");
        return 1;
    }
    0
}

/// One line: `date  sitting  group  status  owner  text  (by, when)`.
pub(crate) fn line(item: &ActionItem, lang: Lang) -> String {
    let s = item.sitting;
    let date = s.date().map(|d| d.to_string()).unwrap_or_default();
    let owner = inert(item.note.owner.as_deref().unwrap_or("—"));
    let mut out = format!(
        "{date}  {}  {}  [{}]  {owner}  {}",
        inert(&s.id),
        inert(item.group),
        action_state_label(item.state(), lang),
        inert(&item.note.text)
    );
    if let Some(m) = item.mark {
        let when = s.local(&m.at).format("%Y-%m-%d %H:%M");
        match &m.by {
            Some(by) => out.push_str(&format!("  ({} {when})", inert(by))),
            None => out.push_str(&format!("  ({when})")),
        }
    }
    out
}

/// One JSON object, for `actions --json`.
pub(crate) fn json_line(item: &ActionItem) -> serde_json::Value {
    let s = item.sitting;
    json!({
        "sitting": s.id,
        "date": s.date().map(|d| d.to_string()),
        "group": item.group,
        "id": item.note.id,
        "owner": item.note.owner,
        "speaker": item.note.speaker,
        "text": item.note.text,
        "status": item.state().key(),
        "status_by": item.mark.and_then(|m| m.by.as_deref()),
        "status_at": item.mark.map(|m| s.local(&m.at).to_rfc3339()),
        "file": s.dir.join("notes").join(format!("{}.json", item.group)),
    })
}
