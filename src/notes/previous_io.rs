//! The reads and saves of 「前回のアクション」, run on the blocking pool: each
//! answers with the action that carries its result back to `update`.

use std::path::Path;

use super::Action;
use crate::i18n::Lang;
use crate::model::{Plan, Stamp};
use crate::previous_actions::{self, StatusChange};
use crate::store::previous_sitting;

/// Finds and reads the sitting before the one in `dir`.
pub(super) fn load(dir: &Path, plan: &Plan) -> Action {
    let found = previous_sitting::load(dir, plan);
    if let Some(p) = &found {
        for problem in &p.problems {
            tracing::warn!(%problem, "a notes file of the previous sitting cannot be read");
        }
    }
    Action::PreviousLoaded(found.map(|p| Box::new(p.into())))
}

/// The previous sitting's folder, followed like the console's own: a mark
/// another console (a co-note-taker, the review) gives shows here at once.
pub(super) fn folder(dir: &Path, plan: &Plan) -> Vec<std::path::PathBuf> {
    previous_sitting::find(dir, plan)
        .map(|(d, _)| d)
        .into_iter()
        .collect()
}

/// Saves a status given in the meeting.
pub(super) fn save(change: &StatusChange, at: Stamp, lang: Lang) -> Action {
    let result = previous_actions::save(change, at)
        .map(Box::new)
        .map_err(|e| crate::i18n::store::store_error_short(&e, lang));
    Action::MarkSaved(result)
}
