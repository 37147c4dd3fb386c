//! The group list sent to participants before the sitting (班分け表): each
//! group with its stage, themes, municipalities and attendees, as Markdown,
//! CSV (UTF-8 with BOM, for Excel), an Excel workbook, or the CSV Zoom takes
//! to pre-assign breakout rooms.

use super::columns::fold;
use super::registration::{Roster, units};
use crate::i18n::Lang;
use crate::model::Plan;
use crate::prepare::messages::{self as text, PrepText};

/// The kinds of group list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    /// A Markdown document, one table per group.
    Md,
    /// One municipality per row, UTF-8 with BOM and CRLF (opens in Excel).
    Csv,
    /// An Excel workbook (needs -o).
    Xlsx,
    /// Zoom's breakout-room pre-assignment CSV (room, e-mail).
    Zoom,
}

/// One municipality's line of the list.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    /// Group id.
    pub(crate) group: String,
    /// Group label (stage).
    pub(crate) label: String,
    /// The group's themes, 「1 庁内の体制構築…」.
    pub(crate) themes: String,
    /// The municipality.
    pub(crate) member: String,
    /// Its prefecture.
    pub(crate) prefecture: String,
    /// Attendees, 「山田太郎（主査）、…」.
    pub(crate) attendees: String,
    /// E-mail addresses of the attendees (for Zoom).
    pub(crate) emails: Vec<String>,
}

/// The lines of the list: the plan's groups in order, attendees from the
/// registrations when there are some (matched by name after NFKC).
pub(crate) fn lines(plan: &Plan, roster: Option<&Roster>) -> Vec<Line> {
    let units = roster.map(units).unwrap_or_default();
    let mut out = Vec::new();
    for g in &plan.groups {
        let themes: Vec<String> = g
            .themes
            .iter()
            .map(|id| match plan.theme(id) {
                Some(t) => format!("{} {}", t.id, t.title),
                None => id.clone(),
            })
            .collect();
        for m in &g.members {
            let unit = units.iter().find(|u| fold(u.name) == fold(&m.name));
            let attendees: Vec<String> = match unit {
                Some(u) => u
                    .entries
                    .iter()
                    .filter_map(|e| {
                        let name = e.name.as_deref()?;
                        Some(match &e.role {
                            Some(r) => format!("{name}（{r}）"),
                            None => name.to_string(),
                        })
                    })
                    .collect(),
                None => vec![],
            };
            let mut emails: Vec<String> = unit
                .map(|u| u.entries.iter().filter_map(|e| e.email.clone()).collect())
                .unwrap_or_default();
            if emails.is_empty() {
                emails.extend(m.email.clone());
            }
            out.push(Line {
                group: g.id.clone(),
                label: g.label.clone().unwrap_or_default(),
                themes: themes.join(" / "),
                member: m.name.clone(),
                prefecture: m
                    .prefecture
                    .clone()
                    .or_else(|| unit.and_then(|u| u.prefecture().map(str::to_string)))
                    .unwrap_or_default(),
                attendees: attendees.join("、"),
                emails,
            });
        }
    }
    out
}

/// Column headings, in the display language.
pub(crate) fn headings(lang: Lang) -> [&'static str; 6] {
    text::list_headings(lang)
}

fn cells(l: &Line) -> [&str; 6] {
    [
        &l.group,
        &l.label,
        &l.themes,
        &l.member,
        &l.prefecture,
        &l.attendees,
    ]
}

/// The Markdown list: a heading and a table per group.
pub(crate) fn markdown(plan: &Plan, lines: &[Line], lang: Lang) -> String {
    let h = headings(lang);
    let date = plan.date.map(|d| format!("（{d}）")).unwrap_or_default();
    let mut out = format!(
        "# {} — {}{}\n",
        PrepText::GroupList.text(lang),
        md(&plan.title),
        date
    );
    let mut current: Option<&str> = None;
    for l in lines {
        if current != Some(l.group.as_str()) {
            current = Some(&l.group);
            let label = if l.label.is_empty() {
                String::new()
            } else {
                format!("（{}）", md(&l.label))
            };
            let count = lines.iter().filter(|x| x.group == l.group).count();
            out += &format!(
                "\n## {} {}{label} — {}\n\n",
                h[0],
                md(&l.group),
                text::member_count(count, lang)
            );
            if !l.themes.is_empty() {
                out += &format!("{}: {}\n\n", h[2], md(&l.themes));
            }
            out += &format!("| {} | {} | {} |\n|---|---|---|\n", h[3], h[4], h[5]);
        }
        out += &format!(
            "| {} | {} | {} |\n",
            md(&l.member),
            md(&l.prefecture),
            md(&l.attendees)
        );
    }
    out
}

/// Markdown-escapes a cell and drops control characters.
fn md(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().filter(|c| !c.is_control()) {
        if "\\`*_[]<>|#~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A CSV cell: control characters dropped, and a leading `=`, `+`, `-`, `@`
/// (or their full-width forms) prefixed with `'` so a spreadsheet shows it
/// as text instead of running it as a formula.
pub(crate) fn csv_cell(s: &str) -> String {
    let s: String = s.chars().filter(|c| !c.is_control()).collect();
    if s.starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠']) {
        format!("'{s}")
    } else {
        s
    }
}

fn csv_bytes(rows: impl IntoIterator<Item = Vec<String>>) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        for row in rows {
            let _ = w.write_record(row.iter().map(|c| csv_cell(c)));
        }
        let _ = w.flush();
    }
    out
}

/// The CSV list: one municipality per row.
pub(crate) fn csv(lines: &[Line], lang: Lang) -> Vec<u8> {
    let head = headings(lang).map(str::to_string).to_vec();
    csv_bytes(
        std::iter::once(head).chain(lines.iter().map(|l| cells(l).map(str::to_string).to_vec())),
    )
}

/// Zoom's pre-assignment CSV (its own English headings, no BOM: Zoom's
/// template has none) and the municipalities that had no e-mail.
pub(crate) fn zoom(lines: &[Line]) -> (Vec<u8>, Vec<String>) {
    let mut rows = vec!["Pre-assign Room Name,Email Address".to_string()];
    let mut missing = Vec::new();
    for l in lines {
        if l.emails.is_empty() {
            missing.push(format!("{} ({})", l.member, l.group));
        }
        let room = if l.label.is_empty() {
            l.group.clone()
        } else {
            format!("{} {}", l.group, l.label)
        };
        for e in &l.emails {
            rows.push(format!("{},{}", quote(&room), quote(e)));
        }
    }
    let mut text = rows.join("\r\n");
    text += "\r\n";
    (text.into_bytes(), missing)
}

fn quote(s: &str) -> String {
    let s = csv_cell(s);
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The Excel workbook: one sheet, headings in bold, columns sized to fit.
pub(crate) fn xlsx(lines: &[Line], lang: Lang) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let _ = sheet.set_name(PrepText::GroupList.text(lang));
    let bold = Format::new().set_bold();
    let mut widths = [0usize; 6];
    let rows = std::iter::once(headings(lang)).chain(lines.iter().map(cells));
    for (r, row) in rows.enumerate() {
        for (c, text) in row.iter().enumerate() {
            let text: String = text.chars().filter(|ch| !ch.is_control()).collect();
            widths[c] = widths[c].max(unicode_width::UnicodeWidthStr::width(text.as_str()));
            let res = if r == 0 {
                sheet.write_string_with_format(r as u32, c as u16, &text, &bold)
            } else {
                sheet.write_string(r as u32, c as u16, &text)
            };
            res.map_err(|e| e.to_string())?;
        }
    }
    for (c, w) in widths.iter().enumerate() {
        let _ = sheet.set_column_width(c as u16, (*w as f64 + 2.0).min(80.0));
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}
