//! The list views of the review: the sittings (with the files that could
//! not be read) and the themes to compare.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::state::{Loaded, State};
use crate::i18n::review::{ReviewText as T, file_problem, problems_heading};
use crate::review::files::FileProblem;
use crate::tui::text::sanitize::inert;
use crate::tui::text::styled::rfit;
use crate::tui::text::{fit, truncate, width, wrap};

pub(super) fn list_title_width(state: &State) -> usize {
    usize::from(state.size.0).saturating_sub(40).max(10)
}

pub(super) fn list(state: &State, data: &Loaded, selected: usize, body: Rect, buf: &mut Buffer) {
    let lang = state.lang;
    // Files not read at all, apart from lines left out of files read.
    let files = data
        .archive
        .problems()
        .filter(|(_, p)| p.fault.whole_file())
        .count();
    let problems: Vec<String> = data
        .archive
        .problems()
        .map(|(_, p)| {
            let path = p.path.strip_prefix(&data.archive.dir).unwrap_or(&p.path);
            let p = FileProblem {
                path: path.to_path_buf(),
                fault: p.fault.clone(),
            };
            file_problem(&p, lang)
        })
        .collect();
    // Each problem whole, wrapped (M9), within a third of the screen.
    let width_cells = usize::from(body.width);
    let problem_lines: Vec<String> = problems
        .iter()
        .flat_map(|p| wrap(&format!(" ! {p}"), width_cells, "   "))
        .take(usize::from(body.height) / 3)
        .collect();
    let shown_problems = problem_lines.len();
    // One line says what the markers mean.
    let legend = usize::from(!data.archive.sittings.is_empty());
    let rows = usize::from(body.height).saturating_sub(
        legend
            + if shown_problems > 0 {
                shown_problems + 1
            } else {
                0
            },
    );
    // A sitting whose plan gives no day takes the day of its first note,
    // so until the notes are read the numbers may still change: not shown.
    let numbered = !data.is_outline() || data.archive.sittings.iter().all(|s| s.dated_by_plan());
    let first = selected.saturating_sub(rows.saturating_sub(1));
    for (i, s) in data
        .archive
        .sittings
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
    {
        let y = body.y + (i - first) as u16;
        let date = s
            .date()
            .map(|d| d.to_string())
            .unwrap_or_else(|| "-".into());
        let planned = s.planned_minutes();
        let actual = s.actual_seconds();
        let time = match (actual, planned) {
            (Some(a), Some(p)) => format!("{}/{}{}", (a + 30) / 60, p, T::Min.text(lang)),
            (None, Some(p)) => format!("-/{}{}", p, T::Min.text(lang)),
            (Some(a), None) => format!("{}/-", (a + 30) / 60),
            (None, None) => "-".into(),
        };
        let problems = data.has_problems(i);
        let warn = match problems {
            Some(false) => "  ",
            Some(true) => " !",
            None => " ?",
        };
        let count = data
            .note_count(i)
            .map_or_else(|| "…".to_string(), |n| n.to_string());
        // The number the comparison's filter takes (`2-5`): 1 the oldest.
        let number = match numbered {
            true => crate::review::compare_filter::sitting_number(&data.archive, i).to_string(),
            false => "…".to_string(),
        };
        // A sitting being prepared says so before its title.
        let title = match s.awaiting_groups {
            true => format!("{}{}", T::Preparing.text(lang), inert(s.title())),
            false => inert(s.title()),
        };
        let line = format!(
            " {} {} {} {} {} {}{warn}",
            rfit(&number, 3),
            fit(&date, 10),
            fit(&title, list_title_width(state)),
            rfit(&s.groups.len().to_string(), 3),
            rfit(&count, 5),
            time
        );
        let mut style = Style::new();
        if actual
            .zip(planned)
            .is_some_and(|(a, p)| a > i64::from(p) * 60)
        {
            style = style.fg(Color::Red);
        }
        if problems != Some(false) {
            style = style.add_modifier(Modifier::ITALIC);
        }
        if i == selected {
            style = style.add_modifier(Modifier::REVERSED);
        }
        buf.set_string(body.x, y, truncate(&line, body.width.into()), style);
    }
    if data.archive.sittings.is_empty() {
        buf.set_string(body.x + 1, body.y, T::Empty.text(lang), Style::new());
    }
    let bottom = body.y + body.height;
    if legend > 0 && bottom > body.y {
        buf.set_string(
            body.x,
            bottom - 1 - shown_problems as u16 - u16::from(shown_problems > 0),
            truncate(
                if data.is_outline() {
                    T::ListLegendLoading.text(lang)
                } else {
                    T::ListLegend.text(lang)
                },
                width_cells,
            ),
            Style::new().add_modifier(Modifier::DIM),
        );
    }
    if shown_problems > 0 {
        let top = bottom - shown_problems as u16 - 1;
        let head = format!(" {}", problems_heading(files, problems.len() - files, lang));
        buf.set_string(
            body.x,
            top,
            truncate(&head, width_cells),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        );
        for (i, line) in problem_lines.iter().enumerate() {
            buf.set_string(
                body.x,
                top + 1 + i as u16,
                truncate(line, width_cells),
                Style::new().fg(Color::Red),
            );
        }
    }
}

pub(super) fn themes(state: &State, data: &Loaded, selected: usize, body: Rect, buf: &mut Buffer) {
    let lang = state.lang;
    let rows = usize::from(body.height);
    let first = selected.saturating_sub(rows.saturating_sub(1));
    for (i, t) in data.themes.iter().enumerate().skip(first).take(rows) {
        let y = body.y + (i - first) as u16;
        let info = format!(
            " {}{} / {} {}",
            t.uses.len(),
            T::UsedIn.text(lang),
            T::Notes.text(lang),
            t.notes
        );
        let title_w = usize::from(body.width).saturating_sub(width(&info) + 2);
        let line = format!(" {}{info}", fit(&inert(&t.titles.join(" ／ ")), title_w));
        let style = if i == selected {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        buf.set_string(body.x, y, truncate(&line, body.width.into()), style);
    }
}
