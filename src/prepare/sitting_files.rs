//! The sitting's files as the `roster` commands use them: session.json as
//! JSON to rewrite and its new groups checked, the registration read by
//! `roster import` (roster.json, optional), and session.json rewritten with
//! the previous plan kept as a backup — each step saying what it did or why
//! not, the same way in every command.

use std::io::Write;

use serde_json::Value;

use super::plan_file;
use super::registration::{ROSTER_FILE, Roster};
use crate::check::problem_lines;
use crate::i18n::Lang;
use crate::prepare::messages::PrepText;
use crate::store::{self, sessions::SessionPath};
use crate::tui::text::inert;

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

/// Refuses a new plan (`bytes`) whose groups `check` finds wrong: its
/// problems (text from the plan shown inert) and that nothing was written
/// are said on `err`, and the exit code (2) comes back.
pub(crate) fn check_new_groups(
    found: &SessionPath,
    bytes: &[u8],
    lang: Lang,
    err: &mut dyn Write,
) -> Result<(), u8> {
    let Err(check) = plan_file::check_groups(bytes, &found.default_id) else {
        return Ok(());
    };
    for line in problem_lines(&found.plan.display().to_string(), &check, lang) {
        let _ = writeln!(err, "{}", inert(&line));
    }
    let _ = writeln!(err, "{}", PrepText::NothingWritten.text(lang));
    Err(2)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn found() -> SessionPath {
        SessionPath {
            dir: "sessions/retro".into(),
            plan: "sessions/retro/session.json".into(),
            default_id: "retro".into(),
        }
    }

    const PLAN: &str = r#"{"format": "bunkakai.session/1", "title": "Team retro",
 "agenda": [{"id": "talk", "title": "Open discussion", "minutes": 30}], "groups": GROUPS}"#;

    #[test]
    fn new_groups_that_check_refuses_are_said_and_nothing_is_written() {
        let two_a = PLAN.replace("GROUPS", r#"[{"id": "A"}, {"id": "A"}]"#);
        let mut err = Vec::new();
        let refused = check_new_groups(&found(), two_a.as_bytes(), Lang::En, &mut err);
        let said = String::from_utf8(err).unwrap();
        assert_eq!(refused, Err(2), "{said}");
        assert!(said.contains("sessions/retro/session.json:2:"), "{said}");
        assert!(said.ends_with("nothing was written\n"), "{said}");

        let a_and_b = PLAN.replace("GROUPS", r#"[{"id": "A"}, {"id": "B"}]"#);
        let mut err = Vec::new();
        let kept = check_new_groups(&found(), a_and_b.as_bytes(), Lang::En, &mut err);
        assert_eq!((kept, err.len()), (Ok(()), 0));
    }

    #[test]
    fn the_problems_of_new_groups_are_said_inert() {
        let escaped = PLAN.replace("GROUPS", r#"[{"id": "A", "\u001b]0;X\u0007": 1}]"#);
        let mut err = Vec::new();
        let refused = check_new_groups(&found(), escaped.as_bytes(), Lang::En, &mut err);
        let said = String::from_utf8(err).unwrap();
        assert_eq!(refused, Err(2), "{said}");
        assert!(said.contains("(at groups[0].^[]0;X^G)"), "{said}");
        assert!(!said.contains(['\u{1b}', '\u{7}']), "{said:?}");
    }
}
