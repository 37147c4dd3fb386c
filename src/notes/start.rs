//! Starting the note-taker's console from the command line: find the
//! sitting and the group, open the notes file and this console's draft,
//! restore the draft, and run the event loop.

use std::path::Path;
use std::process::ExitCode;

use chrono::Utc;

use super::State;
use super::console::{self, Files};
use crate::i18n::notes::{NotesText, no_draft_slot, no_group};
use crate::i18n::store::store_error;
use crate::i18n::{Lang, cli as msg};
use crate::model;
use crate::store::notes_file;
use crate::store::sessions;

/// Runs `bunkakai notes <session> --group G`.
pub fn notes_command(
    session: &str,
    group: &str,
    sessions_dir: &Path,
    lang: Lang,
    poll: Option<std::time::Duration>,
) -> ExitCode {
    let found = match sessions::locate(session, sessions_dir) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{}", msg::locate_error(&e, lang));
            return ExitCode::from(2);
        }
    };
    let bytes = match sessions::read_bytes(&found.plan) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}", msg::unreadable(&found.plan, &e, lang));
            return ExitCode::from(2);
        }
    };
    let check = model::read_plan(&bytes, &found.default_id);
    let Some(plan) = check.plan.clone() else {
        let file = found.plan.display().to_string();
        for line in crate::check::problem_lines(&file, &check, lang) {
            eprintln!("{line}");
        }
        return ExitCode::from(2);
    };
    // `--group b` finds group B when no other group differs only in case.
    let by_case = || {
        let mut same = plan
            .groups
            .iter()
            .filter(|g| g.id.eq_ignore_ascii_case(group));
        match (same.next(), same.next()) {
            (Some(g), None) => Some(g),
            _ => None,
        }
    };
    let Some(g) = plan.group(group).or_else(by_case).cloned() else {
        let ids: Vec<String> = plan.groups.iter().map(|g| g.id.clone()).collect();
        eprintln!("{}", no_group(group, &ids, lang));
        return ExitCode::from(2);
    };
    let notes = notes_file::notes_path(&found.dir, &g.id);
    let opened = notes_file::prepare_dir(&notes)
        .and_then(|()| notes_file::load(&notes, &plan.id, &g.id))
        .and_then(|doc| Ok((doc, notes_file::claim_draft(&notes)?)));
    let (doc, slot) = match opened {
        Ok((doc, Some(slot))) => (doc, slot),
        Ok((_, None)) => {
            eprintln!("{}", no_draft_slot(lang));
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("{}", store_error(&e, lang));
            return ExitCode::FAILURE;
        }
    };
    let draft = match notes_file::load_draft(&slot.path) {
        Ok(d) => d,
        Err(e) => {
            // A draft that cannot be read is left where it is for the user.
            eprintln!("{}", store_error(&e, lang));
            None
        }
    };
    let mut state = State::new(lang, &plan, &g, doc, id_prefix());
    if let Some(d) = draft.filter(|d| !d.is_empty()) {
        state.restore(&d);
        state.notice = Some(super::Notice {
            text: NotesText::DraftRestored.text(lang).to_string(),
            until: Utc::now() + chrono::Duration::seconds(5),
        });
    }
    let files = Files {
        dir: found.dir.clone(),
        notes,
        draft: slot.path.clone(),
    };
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let result = rt.block_on(console::run(state, files, poll));
    drop(slot);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// A prefix that makes this process's note ids unique among all consoles
/// on all machines: the start time in milliseconds, the process id and 32
/// random bits (from the standard library's per-process hash keys).
pub fn id_prefix() -> String {
    use std::hash::{BuildHasher, RandomState};
    let random = RandomState::new().hash_one(std::process::id()) as u32;
    format!(
        "{:x}-{:x}-{random:08x}",
        Utc::now().timestamp_millis(),
        std::process::id()
    )
}
