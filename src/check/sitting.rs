//! The sitting a command names on its command line: found in the sessions
//! folder and its plan read, or why not said on the error stream the way
//! `check` says it, with the exit code (2, bad input) for the caller to
//! return. Every command that takes a `<session>` goes through here, so
//! they all refuse a missing sitting or a broken plan in the same words.

use std::io::Write;
use std::path::Path;

use super::problem_lines;
use crate::i18n::{Lang, cli as msg};
use crate::model::{self, Plan};
use crate::store::sessions::{self, SessionPath};
use crate::tui::text::inert;

/// The sitting `session` names (a folder, a `session.json`, or an id in
/// `dir`), or the reason there is none said on `err` and the exit code.
pub fn find(session: &str, dir: &Path, lang: Lang, err: &mut dyn Write) -> Result<SessionPath, u8> {
    sessions::locate(session, dir).map_err(|e| {
        let _ = writeln!(err, "{}", msg::locate_error(&e, lang));
        2
    })
}

/// The sitting's plan when it can be used, or every problem `check` would
/// list said on `err` (text from the plan shown inert) and the exit code.
pub fn usable_plan(found: &SessionPath, lang: Lang, err: &mut dyn Write) -> Result<Plan, u8> {
    let bytes = sessions::read_bytes(&found.plan).map_err(|e| {
        let _ = writeln!(err, "{}", msg::unreadable(&found.plan, &e, lang));
        2
    })?;
    let result = model::read_plan(&bytes, &found.default_id);
    match result.plan {
        Some(plan) => Ok(plan),
        None => {
            let file = found.plan.display().to_string();
            for line in problem_lines(&file, &result, lang) {
                let _ = writeln!(err, "{}", inert(&line));
            }
            Err(2)
        }
    }
}
