//! `bunkakai export`: one sitting as a Markdown report, a CSV sheet of its
//! notes, one JSON document merging its files, or an Excel workbook.

pub(crate) mod csv;
pub(crate) mod json;
pub(crate) mod md;
pub(crate) mod md_record;
pub(crate) mod md_table;
pub(crate) mod xlsx;

use crate::i18n::Lang;
use crate::model::notes::Note;
use crate::review::actions::ActionItem;
use crate::review::archive::{Archive, Sitting};
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
    pub(crate) fn is_binary(self) -> bool {
        self == ExportFormat::Xlsx
    }
}

/// One sitting to export, with the open actions of the sitting it follows.
#[derive(Debug, Clone)]
pub struct Part<'a> {
    /// The sitting.
    pub(crate) sitting: &'a Sitting,
    /// Actions carried in from the previous sitting (「前回のアクション」).
    pub(crate) carried: Vec<ActionItem<'a>>,
}

impl<'a> Part<'a> {
    /// A sitting exported on its own, without the archive around it.
    pub(crate) fn alone(sitting: &'a Sitting) -> Part<'a> {
        Part {
            sitting,
            carried: Vec::new(),
        }
    }

    /// A sitting of `archive`, with the actions carried into it.
    pub fn in_archive(archive: &'a Archive, sitting: &'a Sitting) -> Part<'a> {
        Part {
            sitting,
            carried: crate::review::actions::carried(archive, sitting),
        }
    }
}

/// The export of a sitting with what the archive carries into it, or why
/// the workbook could not be made.
pub(crate) fn try_render_part(
    part: &Part,
    files: &SittingFiles,
    format: ExportFormat,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    match format {
        ExportFormat::Xlsx => xlsx::workbook(std::slice::from_ref(part), lang),
        _ => Ok(render_part(part, files, format, lang)),
    }
}

/// The export of several sittings (oldest first) in one document: Markdown
/// reports one after another, one CSV sheet, or one workbook. JSON, which
/// merges one sitting's files, is not made for several.
pub(crate) fn try_render_parts(
    parts: &[Part],
    format: ExportFormat,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    match format {
        ExportFormat::Xlsx => xlsx::workbook(parts, lang),
        ExportFormat::Md => {
            let all: Vec<String> = parts.iter().map(|p| md::report_of(p, lang)).collect();
            Ok(all.join("\n---\n\n").into_bytes())
        }
        ExportFormat::Csv => {
            let mut out: Vec<u8> = Vec::new();
            for (i, p) in parts.iter().enumerate() {
                let sheet = csv::sheet(p.sitting, lang);
                if i == 0 {
                    out.extend_from_slice(&sheet);
                } else {
                    // The BOM and header row come once.
                    let body = sheet
                        .windows(2)
                        .position(|w| w == b"\r\n")
                        .map_or(&sheet[..0], |at| &sheet[at + 2..]);
                    out.extend_from_slice(body);
                }
            }
            Ok(out)
        }
        ExportFormat::Json => Err(lang
            .pick(
                "--all は md・csv・xlsx で書き出せます（json は1回ずつ）",
                "--all exports md, csv or xlsx (json is one sitting at a time)",
            )
            .to_string()),
    }
}

/// The export of a sitting in `format`, as bytes ready to write (empty for
/// a workbook that could not be made: [`try_render_part`] says why).
pub fn render(
    sitting: &Sitting,
    files: &SittingFiles,
    format: ExportFormat,
    lang: Lang,
) -> Vec<u8> {
    render_part(&Part::alone(sitting), files, format, lang)
}

/// The export of a sitting with what the archive carries into it.
pub fn render_part(part: &Part, files: &SittingFiles, format: ExportFormat, lang: Lang) -> Vec<u8> {
    match format {
        ExportFormat::Md => md::report_of(part, lang).into_bytes(),
        ExportFormat::Csv => csv::sheet(part.sitting, lang),
        ExportFormat::Json => json::merged(part.sitting, files, lang).into_bytes(),
        ExportFormat::Xlsx => xlsx::workbook(std::slice::from_ref(part), lang).unwrap_or_default(),
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
