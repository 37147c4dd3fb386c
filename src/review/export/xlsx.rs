//! The Excel workbook of a sitting: the notes (filters, frozen header), a
//! sheet per theme comparing the groups (summaries on top, questions down,
//! groups across), the action items, the attendance and the timing. Every
//! text cell is written as a string, so nothing a note-taker typed can run
//! as a formula; a Japanese font and column widths make it readable as
//! opened.

mod grid;
mod record;

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use grid::{Grid, sheet_name};

use super::{note_time, question_mark};
use crate::i18n::Lang;
use crate::i18n::record::RecordText as R;
use crate::i18n::review::{ReviewText as T, action_state_label, kind_label, presence_label};
use crate::model::actions::ActionState;
use crate::model::notes::Note;
use crate::model::{Question, Theme};
use crate::review::archive::Sitting;
use crate::review::report::{GroupReport, ThemeNotes, group_report};

use super::Part;

/// The workbook of one or more sittings (oldest first), as the bytes of an
/// .xlsx file. Every sheet starts with the sitting's column.
pub(crate) fn workbook(parts: &[Part], lang: Lang) -> Result<Vec<u8>, String> {
    build(parts, lang).map_err(|e| e.to_string())
}

/// A sitting with its groups arranged for reading.
pub(super) struct Read<'a> {
    pub(super) part: &'a Part<'a>,
    pub(super) groups: Vec<GroupReport<'a>>,
}

impl Read<'_> {
    fn s(&self) -> &Sitting {
        self.part.sitting
    }
}

fn build(parts: &[Part], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let read: Vec<Read> = parts
        .iter()
        .map(|part| Read {
            part,
            groups: part
                .sitting
                .groups
                .iter()
                .map(|g| group_report(part.sitting, &g.id, lang))
                .collect(),
        })
        .collect();
    notes_sheet(book.add_worksheet(), &read, lang)?;
    let mut used: Vec<String> = record::sheet_names(lang)
        .iter()
        .map(|t| sheet_name(t))
        .collect();
    // Themes are matched by id across sittings; the newest title names
    // the sheet, and every title it had is listed on it.
    let mut themes: Vec<(&str, Vec<&Theme>)> = Vec::new();
    for r in &read {
        for theme in r.s().plan.iter().flat_map(|p| p.themes.iter()) {
            match themes.iter_mut().find(|(id, _)| *id == theme.id) {
                Some((_, cards)) => cards.push(theme),
                None => themes.push((&theme.id, vec![theme])),
            }
        }
    }
    for (i, (id, cards)) in themes.iter().enumerate() {
        let newest = cards.last().map_or("", |c| c.title.as_str());
        let title = format!("{}{id} {newest}", lang.pick("テーマ", "Theme "));
        let mut name = sheet_name(&title);
        if used.iter().any(|u| u.to_lowercase() == name.to_lowercase()) {
            name = sheet_name(&format!("{} {title}", i + 1));
        }
        used.push(name.clone());
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        theme_sheet(sheet, &read, id, cards, lang)?;
    }
    actions_sheet(book.add_worksheet(), &read, lang)?;
    attendance_sheet(book.add_worksheet(), &read, lang)?;
    record::timing_sheet(book.add_worksheet(), &read, lang)?;
    record::speaking_sheet(book.add_worksheet(), &read, lang)?;
    record::moves_sheet(book.add_worksheet(), &read, lang)?;
    book.save_to_buffer()
}

/// The sitting as a cell: `2026-01-20 第9回…`.
pub(super) fn sitting_cell(s: &Sitting) -> String {
    match s.date() {
        Some(d) => format!("{d} {}", s.title()),
        None => s.title().to_string(),
    }
}

fn notes_sheet(sheet: &mut Worksheet, read: &[Read], lang: Lang) -> Result<(), XlsxError> {
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
    for r in read {
        let s = r.s();
        for report in &r.groups {
            for (t, q, n) in report.notes_by_time() {
                row += 1;
                let theme = t.theme.map(|t| format!("{} {}", t.id, t.title));
                let question = q
                    .question
                    .map(|x| format!("{} {}", question_mark(q.survey), x.text));
                g.text(row, 0, &sitting_cell(s))?;
                g.text(row, 1, &report.label)?;
                g.text(row, 2, theme.as_deref().unwrap_or(""))?;
                g.text(row, 3, question.as_deref().unwrap_or(""))?;
                g.text(row, 4, kind_label(n.kind, lang))?;
                g.text(row, 5, n.speaker.as_deref().unwrap_or(""))?;
                g.text(row, 6, &n.text)?;
                g.text(row, 7, &note_time(s, n))?;
            }
        }
    }
    g.sheet.autofilter(0, 0, row, headers.len() as u16 - 1)?;
    g.finish()
}

/// One theme: a column per group (per sitting) that has it, its summary on
/// top, then a row per question (key, then survey, then notes naming no
/// question) with the group's notes on it, one per line. A theme renamed
/// between sittings lists every title it had in its corner cell.
fn theme_sheet(
    sheet: &mut Worksheet,
    read: &[Read],
    theme: &str,
    cards: &[&Theme],
    lang: Lang,
) -> Result<(), XlsxError> {
    let many = read.len() > 1;
    let with: Vec<(&Sitting, &GroupReport, &ThemeNotes)> = read
        .iter()
        .flat_map(|r| r.groups.iter().map(move |g| (r.s(), g)))
        .filter_map(|(s, g)| {
            let t = g
                .themes
                .iter()
                .find(|t| t.theme.is_some_and(|t| t.id == theme))?;
            Some((s, g, t))
        })
        .collect();
    let mut titles: Vec<&str> = Vec::new();
    for c in cards {
        if !titles.contains(&c.title.as_str()) {
            titles.push(&c.title);
        }
    }
    let corner = if titles.len() > 1 {
        format!("{}\n{}", T::Question.text(lang), titles.join(" ／ "))
    } else {
        T::Question.text(lang).to_string()
    };
    let mut g = Grid::new(sheet, &[corner.as_str()])?;
    for (c, (s, report, _)) in with.iter().enumerate() {
        let head = match many {
            true => format!("{}\n{}", sitting_cell(s), report.label),
            false => report.label.clone(),
        };
        g.head(0, c + 1, &head)?;
    }
    g.head(1, 0, T::Summary.text(lang))?;
    for (c, (_, report, _)) in with.iter().enumerate() {
        let summary = report.summary.unwrap_or(T::NoSummary.text(lang));
        g.text(1, c + 1, summary)?;
    }
    // Questions by id, newest card's wording first, then those only older
    // cards had.
    let mut questions: Vec<(&Question, bool)> = Vec::new();
    for card in cards.iter().rev() {
        let card_q = card.questions.iter().map(|q| (q, false));
        for (q, survey) in card_q.chain(card.survey.iter().map(|q| (q, true))) {
            if !questions.iter().any(|(x, _)| x.id == q.id) {
                questions.push((q, survey));
            }
        }
    }
    let rows = questions.iter().map(|(q, s)| (Some(*q), *s));
    let mut row = 1u32;
    for (question, survey) in rows.chain(std::iter::once((None, false))) {
        let cells: Vec<String> = with
            .iter()
            .map(|(_, _, t)| {
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

fn actions_sheet(sheet: &mut Worksheet, read: &[Read], lang: Lang) -> Result<(), XlsxError> {
    sheet.set_name(T::Actions.text(lang))?;
    let headers = [
        R::Sitting.text(lang),
        T::Group.text(lang),
        T::Owner.text(lang),
        T::Text.text(lang),
        T::Status.text(lang),
        T::Speaker.text(lang),
        T::At.text(lang),
        R::Remarks.text(lang),
    ];
    let mut g = Grid::new(sheet, &headers)?;
    let mut row = 0u32;
    for r in read {
        let s = r.s();
        // Those carried in from the previous sitting come first, as the
        // meeting took them up.
        let carried = r.part.carried.iter().map(|i| {
            let label = i.sitting.group_label(i.group, lang);
            let remark = format!("{}: {}", R::Carried.text(lang), sitting_cell(i.sitting));
            (i.sitting, label, i.note, i.state(), remark)
        });
        let own = r.groups.iter().flat_map(|report| {
            let file = s.notes_of(report.group);
            report
                .themes
                .iter()
                .flat_map(|t| t.actions.iter())
                .map(move |n| {
                    let state = file.map_or(ActionState::Open, |f| f.action_state(&n.id));
                    (s, report.label.clone(), *n, state, String::new())
                })
        });
        for (from, label, n, state, remark) in carried.chain(own) {
            row += 1;
            g.text(row, 0, &sitting_cell(s))?;
            g.text(row, 1, &label)?;
            g.text(row, 2, n.owner.as_deref().unwrap_or(""))?;
            g.text(row, 3, &n.text)?;
            g.text(row, 4, action_state_label(state, lang))?;
            g.text(row, 5, n.speaker.as_deref().unwrap_or(""))?;
            g.text(row, 6, &note_time(from, n))?;
            g.text(row, 7, &remark)?;
        }
    }
    g.sheet.autofilter(0, 0, row, headers.len() as u16 - 1)?;
    g.finish()
}

fn attendance_sheet(sheet: &mut Worksheet, read: &[Read], lang: Lang) -> Result<(), XlsxError> {
    sheet.set_name(T::Attendance.text(lang))?;
    let headers = [
        R::Sitting.text(lang),
        T::Group.text(lang),
        R::Name.text(lang),
        T::Attendance.text(lang),
    ];
    let mut g = Grid::new(sheet, &headers)?;
    let mut row = 0u32;
    for r in read {
        for report in &r.groups {
            for (who, mark) in &report.attendance {
                row += 1;
                let mark = mark.map_or(T::Unmarked.text(lang), |p| presence_label(p, lang));
                g.text(row, 0, &sitting_cell(r.s()))?;
                g.text(row, 1, &report.label)?;
                g.text(row, 2, who)?;
                g.text(row, 3, mark)?;
            }
        }
    }
    g.finish()
}
