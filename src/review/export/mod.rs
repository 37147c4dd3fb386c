//! `bunkakai export`: one sitting as a Markdown report, a CSV sheet of its
//! notes, or one JSON document merging its files.

pub mod csv;
pub mod json;
pub mod md;

use crate::i18n::Lang;
use crate::model::notes::Note;
use crate::review::archive::Sitting;
use crate::review::files::FileProblem;
use crate::store::archive::SittingFiles;

/// The forms an export can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// A Markdown report to paste into a document.
    Md,
    /// One note per row, for Excel (UTF-8 with BOM, CRLF).
    Csv,
    /// The sitting's files merged into one JSON document.
    Json,
}

/// The export of a sitting in `format`, as bytes ready to write.
pub fn render(
    sitting: &Sitting,
    files: &SittingFiles,
    format: ExportFormat,
    lang: Lang,
) -> Vec<u8> {
    match format {
        ExportFormat::Md => md::report(sitting, lang).into_bytes(),
        ExportFormat::Csv => csv::sheet(sitting, lang),
        ExportFormat::Json => json::merged(sitting, files, lang).into_bytes(),
    }
}

/// A note's time of day in the sitting's time zone, `HH:MM`.
fn note_time(s: &Sitting, n: &Note) -> String {
    s.local(&n.created).format("%H:%M").to_string()
}

/// ◆ for a key question, ※ for a survey question.
fn question_mark(survey: bool) -> &'static str {
    if survey { "※" } else { "◆" }
}

/// The problem with its path made relative to the sitting's folder, so a
/// report does not depend on where the archive was read from.
fn relative(s: &Sitting, p: &FileProblem) -> FileProblem {
    let path = p.path.strip_prefix(&s.dir).unwrap_or(&p.path).to_path_buf();
    FileProblem {
        path,
        fault: p.fault.clone(),
    }
}
