//! The sitting's files as the `roster` commands use them: session.json as
//! JSON to rewrite, the registration read by `roster import` (roster.json,
//! optional), and session.json rewritten with the previous plan kept as a
//! backup — each step saying what it did or why not, the same way in every
//! command.

use std::io::Write;

use serde_json::Value;

use super::plan_file;
use super::registration::{ROSTER_FILE, Roster};
use crate::i18n::Lang;
use crate::prepare::messages::PrepText;
use crate::store::{self, sessions::SessionPath};

/// The sitting's session.json as JSON, to be rewritten by a command. A file
/// that cannot be read is said on `err`, and the exit code (2) comes back.
pub(crate) fn plan_value(found: &SessionPath, err: &mut dyn Write) -> Result<Value, u8> {
    plan_file::load(&found.plan).map_err(|e| {
        let _ = writeln!(err, "{}: {e}", found.plan.display());
        2
    })
}

/// The sitting's roster.json, when `roster import` wrote one. A file that
/// cannot be read is said on `err`, and the exit code (2) comes back.
pub(crate) fn load_roster(found: &SessionPath, err: &mut dyn Write) -> Result<Option<Roster>, u8> {
    let path = found.dir.join(ROSTER_FILE);
    if !path.exists() {
        return Ok(None);
    }
    store::load_json(&path, "bunkakai.roster", 1)
        .map(Some)
        .map_err(|e| {
            let _ = writeln!(err, "{e}");
            2
        })
}

/// Writes the new plan over session.json, keeping the previous one as a
/// backup, and says so on `out` with `why` (what the groups came from);
/// a failed write is said on `err`, and the exit code (1) comes back.
pub(crate) fn write_plan(
    found: &SessionPath,
    bytes: &[u8],
    why: PrepText,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), u8> {
    if let Err(e) = plan_file::write_with_backup(&found.plan, bytes) {
        let _ = writeln!(err, "{e}");
        return Err(1);
    }
    let _ = writeln!(
        out,
        "{} {} ({} {})",
        PrepText::Written.text(lang),
        found.plan.display(),
        why.text(lang),
        plan_file::backup_path(&found.plan).display()
    );
    Ok(())
}
