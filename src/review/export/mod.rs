//! `bunkakai export`: one sitting as a Markdown report, a CSV sheet of its
//! notes, one JSON document merging its files, or an Excel workbook.

pub mod csv;
pub mod json;
pub mod md;
pub mod xlsx;

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
    /// An Excel workbook: notes, a comparison sheet per theme, action
    /// items, attendance and timing. Written to a file only (`-o`).
    Xlsx,
}

impl ExportFormat {
    /// True for a format whose bytes are not text and must not go to a
    /// terminal.
    pub fn is_binary(self) -> bool {
        self == ExportFormat::Xlsx
    }
}

/// The export of a sitting in `format`, as bytes ready to write, or why
/// the workbook could not be made.
pub fn try_render(
    sitting: &Sitting,
    files: &SittingFiles,
    format: ExportFormat,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    match format {
        ExportFormat::Xlsx => xlsx::workbook(sitting, lang),
        _ => Ok(render(sitting, files, format, lang)),
    }
}

/// The export of a sitting in `format`, as bytes ready to write (empty for
/// a workbook that could not be made: [`try_render`] says why).
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
        ExportFormat::Xlsx => xlsx::workbook(sitting, lang).unwrap_or_default(),
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
