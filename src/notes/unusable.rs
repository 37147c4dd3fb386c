//! What the note-taker makes of the sitting's files it reads while it runs:
//! run.json read into an action, and a file it cannot use turned into the
//! warning its status line shows.

use std::path::Path;

use super::Action;
use crate::store;

/// The warning for a file that cannot be used: newer, or broken/mid-sync.
pub(super) fn unreadable(path: &Path, e: &store::StoreError, lang: crate::i18n::Lang) -> Action {
    use crate::i18n::display as words;
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let newer = matches!(
        e,
        store::StoreError::Format {
            error: store::FormatError::Newer { .. },
            ..
        }
    );
    let warning = if newer {
        words::newer(&file, lang)
    } else {
        let why = crate::i18n::store::problem_short(e, lang);
        format!("{why} — {}", words::unreadable(&file, lang))
    };
    Action::FileUnreadable { file, warning }
}

/// Reads run.json: the facilitator's run, its absence, or why it cannot be used.
pub(super) fn load_run(path: &Path, plan: &crate::model::Plan, lang: crate::i18n::Lang) -> Action {
    match store::run_file::load(path, Some(plan)) {
        Ok(run) => Action::RunChanged(Some(Box::new(run))),
        Err(e) if e.is_not_found() => Action::RunChanged(None),
        Err(e) => {
            tracing::warn!(error = %e, "cannot read run.json");
            unreadable(path, &e, lang)
        }
    }
}
