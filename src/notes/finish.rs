//! The console's last saves, whatever ends it (Ctrl+C/Ctrl+Q, SIGTERM,
//! SIGINT, a hang-up): the notes not yet in the file, then the draft; when
//! either cannot be written, a rescue copy in the state folder (see
//! [`crate::store::rescue`]). The [`ExitReport`] says what happened, for the
//! terminal once it is restored and for the exit status.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Utc};

use super::State;
use super::run::Files;
use crate::i18n::Lang;
use crate::i18n::store::store_error;
use crate::model::notes_change::change_of;
use crate::store::{notes_file, rescue};
use crate::tui::text;

/// What the console's last saves achieved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExitReport {
    /// Why the notes could not be saved in the group's file, if they could not.
    pub(crate) notes_error: Option<String>,
    /// Notes that were not in the group's file when the console ended.
    pub(crate) pending: usize,
    /// Why the draft could not be written, if it could not (and held text).
    pub(crate) draft_error: Option<String>,
    /// Where the rescue copy went, or why it could not be written.
    pub(crate) rescue: Option<Result<PathBuf, String>>,
    /// The unsaved texts, printed when not even a rescue copy could be written.
    pub(crate) texts: Vec<String>,
}

impl ExitReport {
    /// True when everything is where it belongs (the notes file and draft).
    pub fn clean(&self) -> bool {
        self.notes_error.is_none() && self.draft_error.is_none()
    }

    /// The process's exit status: failure when anything is not where it belongs.
    pub fn code(&self) -> ExitCode {
        if self.clean() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }

    /// What the terminal is told after the console ends with work not saved
    /// where it belongs.
    pub(crate) fn lines(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(e) = &self.notes_error {
            out.push(match lang {
                Lang::Ja => format!(
                    "メモ{}件をグループのファイルに保存できませんでした: {e}",
                    self.pending
                ),
                Lang::En => format!(
                    "{} notes could not be saved in the group's file: {e}",
                    self.pending
                ),
            });
        }
        if let Some(e) = &self.draft_error {
            out.push(match lang {
                Lang::Ja => format!("下書きを保存できませんでした: {e}"),
                Lang::En => format!("the draft could not be saved: {e}"),
            });
        }
        match &self.rescue {
            Some(Ok(path)) => out.push(match lang {
                Lang::Ja => format!(
                    "退避コピー: {}\n次に bunkakai notes でこのグループを開くと取り込めます。",
                    path.display()
                ),
                Lang::En => format!(
                    "rescue copy: {}\nbunkakai notes offers it back the next time this group is opened.",
                    path.display()
                ),
            }),
            Some(Err(e)) => {
                out.push(match lang {
                    Lang::Ja => format!("退避コピーも書けませんでした: {e}\n保存できなかった内容:"),
                    Lang::En => format!("the rescue copy could not be written either: {e}\nwhat was not saved:"),
                });
                out.extend(self.texts.iter().map(|t| format!("  {t}")));
            }
            None => {}
        }
        out
    }

    /// Tells the user, on the restored terminal, what was not saved and
    /// where it is. Writing errors are ignored (the terminal may be gone).
    pub fn print(&self, lang: Lang) {
        let mut err = std::io::stderr().lock();
        for line in self.lines(lang) {
            let _ = writeln!(err, "{line}");
        }
    }
}

/// Saves what is not yet on disk as `state` ends at `now`: the notes file
/// (merged under the lock), the draft, and when either fails a rescue copy
/// in [`rescue::rescue_dir`].
pub(crate) fn finish(state: &State, files: &Files, now: DateTime<Utc>) -> ExitReport {
    finish_in(state, files, now, &rescue::rescue_dir())
}

/// [`finish`] with the rescue folder given.
pub fn finish_in(
    state: &State,
    files: &Files,
    now: DateTime<Utc>,
    rescue_dir: &std::path::Path,
) -> ExitReport {
    let lang = state.lang;
    let mut report = ExitReport::default();
    // What is not on disk goes to the journal like every save (one line,
    // however many notes the group has): quitting never waits seconds.
    let pending = state.saving.dirty().then(|| {
        let ids: Vec<&str> = state.saving.notes.keys().map(String::as_str).collect();
        change_of(&state.doc, &ids, state.saving.other.is_some())
    });
    if let Some(change) = pending
        && let Err(e) = notes_file::append(&files.notes, &change)
    {
        tracing::error!(error = %e, "notes not saved on exit");
        report.notes_error = Some(store_error(&e, lang));
        report.pending = state.saving.notes.len();
    } else if let Err(e) = notes_file::fold_on_quit(&files.notes, &state.plan.id, &state.group.id) {
        // Everything is in the journal already: only the fold is left.
        tracing::warn!(error = %e, "cannot fold the journal into the notes file");
    }
    let draft = state.draft(now);
    if let Err(e) = notes_file::save_draft(&files.draft, &draft) {
        tracing::error!(error = %e, "draft not saved on exit");
        if !draft.is_empty() {
            report.draft_error = Some(store_error(&e, lang));
        }
    }
    if report.clean() {
        return report;
    }
    let mut copy = state.rescue(now);
    copy.notes_file = files.notes.display().to_string();
    if report.draft_error.is_none() {
        copy.draft = None;
    }
    if report.notes_error.is_none() {
        copy.pending.clear();
    }
    // The copy written on request earlier is replaced, so only one is offered back.
    let written = match &state.rescued_to {
        Some(path) => rescue::write_at(path, &copy).map(|()| path.clone()),
        None => rescue::write(rescue_dir, &copy),
    };
    report.rescue = Some(match written {
        Ok(path) => {
            tracing::warn!(path = %path.display(), "unsaved work written to a rescue copy");
            Ok(path)
        }
        Err(e) => {
            tracing::error!(error = %e, "rescue copy not written");
            report.texts = copy
                .pending_texts()
                .iter()
                .map(|t| text::inert(t))
                .collect();
            if let Some(d) = &copy.draft {
                report.texts.push(text::inert(&d.note.text));
                report.texts.extend(d.summary.as_deref().map(text::inert));
            }
            report.texts.retain(|t| !t.trim().is_empty());
            Err(store_error(&e, lang))
        }
    });
    report
}
