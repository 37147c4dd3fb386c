//! The record sheets of the workbook: timing per block with clock times,
//! extensions, pauses, each group's report turn and a total row per
//! sitting; speaking time per member and group (never-spoke marked); and
//! the roster moves. All from [`crate::review::record`].

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::grid::{Grid, sheet_name};
use super::{Read, sitting_cell};
use crate::i18n::Lang;
use crate::i18n::record::RecordText as R;
use crate::i18n::review::ReviewText as T;
use crate::review::export::md_record::{hm, remarks};
use crate::review::record::record;

/// The names of the fixed sheets, so that a theme's sheet never takes one.
pub(super) fn sheet_names(lang: Lang) -> [&'static str; 6] {
    [
        T::Notes.text(lang),
        T::Actions.text(lang),
        T::Attendance.text(lang),
        T::Timing.text(lang),
        R::Speaking.text(lang),
        R::Moves.text(lang),
    ]
}

/// Seconds as minutes to one decimal, a number Excel can sum.
fn minutes(sec: i64) -> f64 {
    (sec as f64 / 6.0).round() / 10.0
}

fn with_min(label: &str, lang: Lang) -> String {
    format!("{label}（{}）", lang.pick("分", "min"))
}

/// Per sitting: a row per block, its report turns under it, then a total.
pub(super) fn timing_sheet(
    sheet: &mut Worksheet,
    read: &[Read],
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name(T::Timing.text(lang)))?;
    let headers = [
        R::Sitting.text(lang).to_string(),
        T::Block.text(lang).to_string(),
        with_min(T::Planned.text(lang), lang),
        with_min(T::Actual.text(lang), lang),
        with_min(T::Diff.text(lang), lang),
        R::Start.text(lang).to_string(),
        R::End.text(lang).to_string(),
        with_min(R::Adjusted.text(lang), lang),
        with_min(R::Paused.text(lang), lang),
        T::Status.text(lang).to_string(),
    ];
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut g = Grid::new(sheet, &headers)?;
    let mut row = 0u32;
    for r in read {
        let s = r.s();
        let rec = record(s);
        let here = sitting_cell(s);
        if !rec.ran {
            row += 1;
            g.text(row, 0, &here)?;
            g.text(row, 9, s.no_run_text().text(lang))?;
            continue;
        }
        for b in &rec.blocks {
            row += 1;
            g.text(row, 0, &here)?;
            g.text(row, 1, &b.title)?;
            g.number(row, 2, f64::from(b.planned_minutes))?;
            if let Some(a) = b.actual_seconds.filter(|_| !b.skipped) {
                g.number(row, 3, minutes(a))?;
            }
            if let Some(o) = b.over_seconds() {
                g.number(row, 4, minutes(o))?;
            }
            g.text(row, 5, &hm(b.started))?;
            g.text(row, 6, &hm(b.ended))?;
            if !b.adjustments.is_empty() {
                g.number(row, 7, minutes(b.adjusted_seconds()))?;
            }
            if !b.pauses.is_empty() {
                g.number(row, 8, minutes(b.paused_seconds()))?;
            }
            let status = if b.skipped {
                T::Skipped.text(lang)
            } else if b.running {
                R::Running.text(lang)
            } else if b.restarted {
                R::Restarted.text(lang)
            } else {
                ""
            };
            g.text(row, 9, status)?;
            for t in &b.turns {
                row += 1;
                let label = format!("{}: {}", b.title, s.group_label(&t.group, lang));
                g.text(row, 0, &here)?;
                g.text(row, 1, &label)?;
                g.number(row, 2, minutes(t.planned_seconds))?;
                if let Some(a) = t.actual_seconds {
                    g.number(row, 3, minutes(a))?;
                }
                if let Some(o) = t.over_seconds() {
                    g.number(row, 4, minutes(o))?;
                }
                g.text(row, 5, &hm(Some(t.at)))?;
                if t.adjusted_seconds != 0 {
                    g.number(row, 7, minutes(t.adjusted_seconds))?;
                }
                g.text(row, 9, R::Turns.text(lang))?;
            }
        }
        // The total: planned over every block, actual over those that ran.
        row += 1;
        let t = &rec.totals;
        g.text(row, 0, &here)?;
        g.head(row, 1, R::Total.text(lang))?;
        g.number(row, 2, f64::from(t.planned_minutes))?;
        g.number(row, 3, minutes(t.actual_seconds))?;
        g.number(row, 4, minutes(t.over_seconds()))?;
        g.text(row, 5, &hm(t.started))?;
        g.text(row, 6, &hm(t.ended))?;
        g.number(row, 7, minutes(t.adjusted_seconds))?;
        g.number(row, 8, minutes(t.paused_seconds))?;
    }
    g.finish()
}

/// Per group: a row per member, then the group's total.
pub(super) fn speaking_sheet(
    sheet: &mut Worksheet,
    read: &[Read],
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name(R::Speaking.text(lang)))?;
    let spoken = with_min(R::Speaking.text(lang), lang);
    let headers = [
        R::Sitting.text(lang),
        T::Group.text(lang),
        R::Name.text(lang),
        &spoken,
        R::TurnCount.text(lang),
        R::Remarks.text(lang),
    ];
    let mut g = Grid::new(sheet, &headers)?;
    let mut row = 0u32;
    for r in read {
        let s = r.s();
        let here = sitting_cell(s);
        for group in record(s).speaking {
            let label = s.group_label(&group.group, lang);
            if !group.recorded {
                row += 1;
                g.text(row, 0, &here)?;
                g.text(row, 1, &label)?;
                let why = group.why_none(lang);
                g.text(row, 5, why)?;
                continue;
            }
            for m in &group.members {
                row += 1;
                g.text(row, 0, &here)?;
                g.text(row, 1, &label)?;
                g.text(row, 2, &m.name)?;
                g.number(row, 3, minutes(m.seconds))?;
                g.number(row, 4, m.turns as f64)?;
                g.text(row, 5, &remarks(s, m, lang).join(lang.pick("、", "; ")))?;
            }
            row += 1;
            g.text(row, 0, &here)?;
            g.text(row, 1, &label)?;
            g.head(row, 2, R::Total.text(lang))?;
            g.number(row, 3, minutes(group.total_seconds()))?;
            g.number(row, 4, group.turns() as f64)?;
        }
    }
    g.sheet.autofilter(0, 0, row, headers.len() as u16 - 1)?;
    g.finish()
}

/// Every roster move with its time.
pub(super) fn moves_sheet(
    sheet: &mut Worksheet,
    read: &[Read],
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name(R::Moves.text(lang)))?;
    let headers = [
        R::Sitting.text(lang),
        T::At.text(lang),
        R::Name.text(lang),
        R::From.text(lang),
        R::To.text(lang),
    ];
    let mut g = Grid::new(sheet, &headers)?;
    let mut row = 0u32;
    for r in read {
        let s = r.s();
        for m in record(s).moves {
            row += 1;
            g.text(row, 0, &sitting_cell(s))?;
            g.text(row, 1, &hm(Some(m.at)))?;
            g.text(row, 2, &m.member)?;
            g.text(row, 3, &s.group_label(&m.from, lang))?;
            g.text(row, 4, &s.group_label(&m.to, lang))?;
        }
    }
    g.finish()
}
