//! The Excel workbook of a sitting: the notes (filters, frozen header), a
//! sheet per theme comparing the groups (summaries on top, questions down,
//! groups across), the action items, the attendance and the timing. Every
//! text cell is written as a string, so nothing a note-taker typed can run
//! as a formula; a Japanese font and column widths make it readable as
//! opened.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::{note_time, question_mark};
use crate::i18n::Lang;
use crate::i18n::review::{ReviewText as T, action_state_label, kind_label, presence_label};
use crate::model::actions::ActionState;
use crate::model::notes::Note;
use crate::review::archive::Sitting;
use crate::review::report::{GroupReport, group_report};
use crate::review::timing;
use crate::tui::text::sanitize::strip_escapes;

/// The font the workbook is set in: present on Windows and macOS with
/// Office, and with Japanese glyphs.
pub const FONT: &str = "Yu Gothic";

/// The widest a column is made, in character cells.
const MAX_WIDTH: usize = 60;

/// The longest text Excel keeps in one cell.
const MAX_CELL: usize = 32_767;

/// The workbook of `sitting`, as the bytes of an .xlsx file.
pub fn workbook(s: &Sitting, lang: Lang) -> Result<Vec<u8>, String> {
    build(s, lang).map_err(|e| e.to_string())
}

fn build(s: &Sitting, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let groups: Vec<GroupReport> = s
        .groups
        .iter()
        .map(|g| group_report(s, &g.id, lang))
        .collect();
    notes_sheet(book.add_worksheet(), s, &groups, lang)?;
    let mut used: Vec<String> = [T::Notes, T::Actions, T::Attendance, T::Timing]
        .iter()
        .map(|t| sheet_name(t.text(lang)))
        .collect();
    if let Some(plan) = &s.plan {
        for (i, theme) in plan.themes.iter().enumerate() {
            let title = format!(
                "{}{} {}",
                lang.pick("テーマ", "Theme "),
                theme.id,
                theme.title
            );
            let mut name = sheet_name(&title);
            if used.iter().any(|u| u.to_lowercase() == name.to_lowercase()) {
                name = sheet_name(&format!("{} {title}", i + 1));
            }
            used.push(name.clone());
            let sheet = book.add_worksheet();
            sheet.set_name(name)?;
            theme_sheet(sheet, &groups, &theme.id, lang)?;
        }
    }
    actions_sheet(book.add_worksheet(), s, &groups, lang)?;
    attendance_sheet(book.add_worksheet(), &groups, lang)?;
    timing_sheet(book.add_worksheet(), s, lang)?;
    book.save_to_buffer()
}

/// A sheet being filled: its cell formats and the widest text per column.
struct Grid<'a> {
    sheet: &'a mut Worksheet,
    plain: Format,
    head: Format,
    wrap: Format,
    widths: Vec<usize>,
}

impl<'a> Grid<'a> {
    fn new(sheet: &'a mut Worksheet, headers: &[&str]) -> Result<Grid<'a>, XlsxError> {
        let plain = Format::new()
            .set_font_name(FONT)
            .set_align(FormatAlign::Top);
        let mut g = Grid {
            sheet,
            head: plain.clone().set_bold(),
            wrap: plain.clone().set_text_wrap(),
            plain,
            widths: Vec::new(),
        };
        for (c, h) in headers.iter().enumerate() {
            g.head(0, c, h)?;
        }
        Ok(g)
    }

    fn note_width(&mut self, col: usize, text: &str) {
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0);
        }
        let w = text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
        self.widths[col] = self.widths[col].max(w);
    }

    fn head(&mut self, row: u32, col: usize, text: &str) -> Result<(), XlsxError> {
        let text = cell(text);
        self.note_width(col, &text);
        self.sheet
            .write_string_with_format(row, col as u16, &text, &self.head)?;
        Ok(())
    }

    fn text(&mut self, row: u32, col: usize, text: &str) -> Result<(), XlsxError> {
        let text = cell(text);
        self.note_width(col, &text);
        let format = if text.contains('\n') || text.width() > MAX_WIDTH {
            &self.wrap
        } else {
            &self.plain
        };
        self.sheet
            .write_string_with_format(row, col as u16, &text, format)?;
        Ok(())
    }

    fn number(&mut self, row: u32, col: usize, value: f64) -> Result<(), XlsxError> {
        self.note_width(col, &value.to_string());
        self.sheet
            .write_number_with_format(row, col as u16, value, &self.plain)?;
        Ok(())
    }

    /// Sizes the columns to their text and freezes the header row.
    fn finish(self) -> Result<(), XlsxError> {
        for (c, w) in self.widths.iter().enumerate() {
            let w = (*w).clamp(4, MAX_WIDTH) as f64 + 2.0;
            self.sheet.set_column_width(c as u16, w)?;
        }
        self.sheet.set_freeze_panes(1, 0)?;
        Ok(())
    }
}

/// Text as a cell holds it: escape sequences and control characters (but
/// line breaks and tabs) dropped, cut to what Excel keeps.
fn cell(text: &str) -> String {
    let text = strip_escapes(text)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    match text.char_indices().nth(MAX_CELL) {
        Some((at, _)) => text[..at].to_string(),
        None => text,
    }
}

/// A sheet name Excel accepts: none of `[]:*?/\`, at most 31 characters.
fn sheet_name(name: &str) -> String {
    let name: String = name
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
            c if c.is_control() => ' ',
            c => c,
        })
        .take(31)
        .collect();
    let name = name.trim().trim_matches('\'').to_string();
    if name.is_empty() { "-".into() } else { name }
}

fn notes_sheet(
    sheet: &mut Worksheet,
    s: &Sitting,
    groups: &[GroupReport],
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(T::Notes.text(lang))?;
    let headers = [
        T::Title,
        T::Group,
        T::Theme,
        T::Question,
        T::Kind,
        T::Speaker,
        T::Text,
        T::At,
    ]
    .map(|h| h.text(lang));
    let mut g = Grid::new(sheet, &headers)?;
    let mut row = 0u32;
    for report in groups {
        let mut notes: Vec<_> = report
            .themes
            .iter()
            .flat_map(|t| {
                t.questions
                    .iter()
                    .flat_map(move |q| q.notes.iter().map(move |n| (t, q, *n)))
            })
            .collect();
        notes.sort_by_key(|(_, _, n)| n.created);
        for (t, q, n) in notes {
            row += 1;
            let theme = t.theme.map(|t| format!("{} {}", t.id, t.title));
            let question = q
                .question
                .map(|x| format!("{} {}", question_mark(q.survey), x.text));
            g.text(row, 0, s.title())?;
            g.text(row, 1, &report.label)?;
            g.text(row, 2, theme.as_deref().unwrap_or(""))?;
            g.text(row, 3, question.as_deref().unwrap_or(""))?;
            g.text(row, 4, kind_label(n.kind, lang))?;
            g.text(row, 5, n.speaker.as_deref().unwrap_or(""))?;
            g.text(row, 6, &n.text)?;
            g.text(row, 7, &note_time(s, n))?;
        }
    }
    g.sheet.autofilter(0, 0, row, headers.len() as u16 - 1)?;
    g.finish()
}

/// One theme: a column per group that has it, its summary on top, then a
/// row per question (key, then survey, then notes naming no question) with
/// the group's notes on it, one per line.
fn theme_sheet(
    sheet: &mut Worksheet,
    groups: &[GroupReport],
    theme: &str,
    lang: Lang,
) -> Result<(), XlsxError> {
    let with: Vec<(&GroupReport, &crate::review::report::ThemeNotes)> = groups
        .iter()
        .filter_map(|g| {
            let t = g
                .themes
                .iter()
                .find(|t| t.theme.is_some_and(|t| t.id == theme))?;
            Some((g, t))
        })
        .collect();
    let mut g = Grid::new(sheet, &[T::Question.text(lang)])?;
    for (c, (report, _)) in with.iter().enumerate() {
        g.head(0, c + 1, &report.label)?;
    }
    g.head(1, 0, T::Summary.text(lang))?;
    for (c, (report, _)) in with.iter().enumerate() {
        let summary = report.summary.unwrap_or(T::NoSummary.text(lang));
        g.text(1, c + 1, summary)?;
    }
    let Some(card) = with.first().and_then(|(_, t)| t.theme) else {
        return g.finish();
    };
    let questions = card.questions.iter().map(|q| (Some(q), false));
    let questions = questions.chain(card.survey.iter().map(|q| (Some(q), true)));
    let mut row = 1u32;
    for (question, survey) in questions.chain(std::iter::once((None, false))) {
        let cells: Vec<String> = with
            .iter()
            .map(|(_, t)| {
                let notes = t
                    .questions
                    .iter()
                    .find(|q| q.question.map(|x| &x.id) == question.map(|x| &x.id));
                notes
                    .map(|q| q.notes.iter().map(|n| line(n, lang)).collect::<Vec<_>>())
                    .unwrap_or_default()
                    .join("\n")
            })
            .collect();
        if question.is_none() && cells.iter().all(String::is_empty) {
            continue;
        }
        row += 1;
        let label = match question {
            Some(q) => format!("{} {}", question_mark(survey), q.text),
            None => T::NoQuestion.text(lang).to_string(),
        };
        g.head(row, 0, &label)?;
        for (c, text) in cells.iter().enumerate() {
            g.text(row, c + 1, text)?;
        }
    }
    g.finish()
}

/// A note in a comparison cell: `speaker〔kind〕text`.
fn line(n: &Note, lang: Lang) -> String {
    format!(
        "{}〔{}〕{}",
        n.speaker.as_deref().unwrap_or("—"),
        kind_label(n.kind, lang),
        n.text
    )
}

fn actions_sheet(
    sheet: &mut Worksheet,
    s: &Sitting,
    groups: &[GroupReport],
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(T::Actions.text(lang))?;
    let headers = [T::Group, T::Owner, T::Text, T::Status, T::Speaker, T::At].map(|h| h.text(lang));
    let mut g = Grid::new(sheet, &headers)?;
    let mut row = 0u32;
    for report in groups {
        let file = s.notes_of(report.group);
        for n in report.themes.iter().flat_map(|t| t.actions.iter()) {
            row += 1;
            let state = file.map_or(ActionState::Open, |f| f.action_state(&n.id));
            g.text(row, 0, &report.label)?;
            g.text(row, 1, n.owner.as_deref().unwrap_or(""))?;
            g.text(row, 2, &n.text)?;
            g.text(row, 3, action_state_label(state, lang))?;
            g.text(row, 4, n.speaker.as_deref().unwrap_or(""))?;
            g.text(row, 5, &note_time(s, n))?;
        }
    }
    g.sheet.autofilter(0, 0, row, headers.len() as u16 - 1)?;
    g.finish()
}

fn attendance_sheet(
    sheet: &mut Worksheet,
    groups: &[GroupReport],
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(T::Attendance.text(lang))?;
    let name = lang.pick("氏名・団体", "Name");
    let headers = [T::Group.text(lang), name, T::Attendance.text(lang)];
    let mut g = Grid::new(sheet, &headers)?;
    let mut row = 0u32;
    for report in groups {
        for (who, mark) in &report.attendance {
            row += 1;
            let mark = mark.map_or(T::Unmarked.text(lang), |p| presence_label(p, lang));
            g.text(row, 0, &report.label)?;
            g.text(row, 1, who)?;
            g.text(row, 2, mark)?;
        }
    }
    g.finish()
}

/// Planned and actual minutes per block, as numbers Excel can sum.
fn timing_sheet(sheet: &mut Worksheet, s: &Sitting, lang: Lang) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name(T::Timing.text(lang)))?;
    let planned = format!("{}（{}）", T::Planned.text(lang), lang.pick("分", "min"));
    let actual = format!("{}（{}）", T::Actual.text(lang), lang.pick("分", "min"));
    let diff = format!("{}（{}）", T::Diff.text(lang), lang.pick("分", "min"));
    let headers = [
        T::Block.text(lang),
        &planned,
        &actual,
        &diff,
        T::Status.text(lang),
    ];
    let mut g = Grid::new(sheet, &headers)?;
    let Some(rows) = timing::rows(s) else {
        g.text(1, 0, T::NoRun.text(lang))?;
        return g.finish();
    };
    let minutes = |sec: i64| (sec as f64 / 6.0).round() / 10.0;
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        g.text(row, 0, &r.title)?;
        g.number(row, 1, f64::from(r.planned_minutes))?;
        if let Some(a) = r.actual_seconds.filter(|_| !r.skipped) {
            g.number(row, 2, minutes(a))?;
        }
        if let Some(o) = r.over_seconds() {
            g.number(row, 3, minutes(o))?;
        }
        if r.skipped {
            g.text(row, 4, T::Skipped.text(lang))?;
        }
    }
    // Totals: planned over every block, actual over the blocks that ran.
    let total = rows.len() as u32 + 1;
    g.head(total, 0, lang.pick("合計", "Total"))?;
    let planned: u32 = rows.iter().map(|r| r.planned_minutes).sum();
    g.number(total, 1, f64::from(planned))?;
    let ran = rows.iter().filter(|r| !r.skipped);
    let actual: i64 = ran.filter_map(|r| r.actual_seconds).sum();
    g.number(total, 2, minutes(actual))?;
    g.finish()
}
