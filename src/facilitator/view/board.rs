//! The groups at a glance (id, stage, themes, members, present, notes,
//! summary, the flag its note-taker raised) and the selected group's roster.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use crate::i18n::run::{self as text_ja_en, RunText as T};
use crate::tui::text;
use crate::tui::widgets::panel;

use super::FacilitatorView;
use super::clock::put;

/// One row of the groups table, as text.
fn row(v: &FacilitatorView, i: usize) -> [String; 6] {
    let s = v.state;
    let g = &s.plan.groups[i];
    let roster = s.run.roster(&s.plan, &g.id);
    let digest = s.digests.get(&g.id);
    let present = digest
        .and_then(|d| d.present_of(roster.iter().map(|m| m.name.as_str())))
        .map_or("-".to_string(), |n| format!("{n}/{}", roster.len()));
    let notes = if s.notes_errors.contains_key(&g.id) {
        "!".to_string()
    } else {
        digest.map_or("0".to_string(), |d| d.notes.to_string())
    };
    let summary = match digest.and_then(|d| d.summary.as_ref()) {
        Some(_) => T::Yes.text(s.lang).to_string(),
        None => "-".to_string(),
    };
    let id = match &g.label {
        Some(l) => format!("{} {l}", g.id),
        None => g.id.clone(),
    };
    [
        id,
        g.themes.join(","),
        roster.len().to_string(),
        present,
        notes,
        summary,
    ]
}

pub(super) fn groups(v: &FacilitatorView, area: Rect, buf: &mut Buffer) {
    let s = v.state;
    let lang = s.lang;
    let block = panel(format!(" {} ", T::Groups.text(lang)), s.ascii);
    let inner = block.inner(area);
    block.render(area, buf);
    // Flags not yet acknowledged, with their age, on the top border.
    let flags = unacknowledged_flags(v);
    if !flags.is_empty() && area.width > 14 {
        let x = area.x + 2 + text::width(T::Groups.text(lang)) as u16 + 3;
        let style = Style::new()
            .fg(Color::Black)
            .bg(Color::LightRed)
            .add_modifier(Modifier::BOLD);
        put(
            buf,
            x,
            area.y,
            &format!(" {flags} "),
            area.right().saturating_sub(x + 1),
            style,
        );
    }
    if inner.height == 0 {
        return;
    }
    let head = [
        T::ColGroup,
        T::ColThemes,
        T::ColMembers,
        T::ColPresent,
        T::ColNotes,
        T::ColSummary,
    ]
    .map(|t| t.text(lang).to_string());
    let rows: Vec<[String; 6]> = (0..s.plan.groups.len()).map(|i| row(v, i)).collect();
    let widths = column_widths(&head, &rows, inner.width as usize);
    let reporting = v.clock.turn.as_ref().map(|t| t.group);
    let draw = |buf: &mut Buffer, y: u16, cells: &[String; 6], style: Style, mark: &str| {
        let mut line = String::from(mark);
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            if i > 0 {
                line.push(' ');
            }
            line.push_str(&text::fit(cell, w));
        }
        let line = text::fit(&line, inner.width as usize);
        buf.set_string(inner.x, y, line, style);
    };
    let dim = Style::new().fg(Color::DarkGray);
    draw(buf, inner.y, &head, dim, "  ");
    // The rows follow the selection: it is always on screen.
    let visible = inner.height.saturating_sub(1) as usize;
    let first = (s.selected + 1).saturating_sub(visible.max(1));
    if rows.len() > visible && visible > 0 {
        let last = (first + visible).min(rows.len());
        let mark = format!(" {}-{}/{} ", first + 1, last, rows.len());
        let x = area.right().saturating_sub(text::width(&mark) as u16 + 1);
        buf.set_string(x, area.y, &mark, dim);
    }
    for (i, r) in rows.iter().enumerate().skip(first).take(visible) {
        let y = inner.y + 1 + (i - first) as u16;
        let selected = i == s.selected;
        let mut style = Style::new();
        if selected {
            style = style.add_modifier(Modifier::REVERSED);
        }
        let id = s.plan.groups[i].id.as_str();
        let flagged = s
            .digests
            .get(id)
            .and_then(|d| d.flag)
            .is_some_and(|(_, at)| !s.run.acknowledged(id, at));
        if flagged {
            style = style.fg(Color::LightRed).add_modifier(Modifier::BOLD);
        }
        if reporting == Some(id) {
            style = style.fg(Color::Yellow).add_modifier(Modifier::BOLD);
        }
        draw(buf, y, r, style, if selected { "> " } else { "  " });
    }
}

/// Each column's width: as wide as its widest cell, the group and themes
/// columns giving way first so that the last columns (notes, summary) are
/// never cut off, and the header cut to its column like the rows.
fn column_widths(head: &[String; 6], rows: &[[String; 6]], width: usize) -> [usize; 6] {
    let mut widths = [0; 6];
    for r in rows.iter().chain(std::iter::once(head)) {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(text::width(cell));
        }
    }
    // Two cells for the mark, one between columns.
    let room = width.saturating_sub(2 + 5);
    for _ in 0..200 {
        if widths.iter().sum::<usize>() <= room {
            break;
        }
        let i = if widths[1] >= widths[0] { 1 } else { 0 };
        if widths[i] <= 3 {
            // Then the short columns, down to two cells each.
            match widths.iter().rposition(|&w| w > 2) {
                Some(j) => widths[j] -= 1,
                None => break,
            }
        } else {
            widths[i] -= 1;
        }
    }
    widths
}

/// "B 助け 3分  C 報告OK 1分": each flag up and not yet acknowledged.
fn unacknowledged_flags(v: &FacilitatorView) -> String {
    let s = v.state;
    let mut out = Vec::new();
    for g in &s.plan.groups {
        if let Some((kind, at)) = s.digests.get(&g.id).and_then(|d| d.flag)
            && !s.run.acknowledged(&g.id, at)
        {
            let cell = text_ja_en::flag_cell(
                kind == crate::model::notes::FlagKind::Ready,
                (v.now - at).num_minutes().max(0),
                false,
                s.lang,
            );
            out.push(format!("{} {cell}", g.id));
        }
    }
    out.join("  ")
}

pub(super) fn roster(v: &FacilitatorView, area: Rect, buf: &mut Buffer) {
    let s = v.state;
    let lang = s.lang;
    let Some(group) = s.selected_group() else {
        panel("", s.ascii).render(area, buf);
        return;
    };
    let members = s.selected_roster();
    let digest = s.digests.get(group);
    let taken = digest.is_some_and(|d| d.attendance_taken);
    let present = members
        .iter()
        .filter(|m| digest.is_some_and(|d| d.present.contains(&m.name)))
        .count();
    let mut title = format!(
        " {}{} {} ({}{}",
        T::GroupWord.text(lang),
        group,
        T::Roster.text(lang),
        members.len(),
        T::People.text(lang)
    );
    if taken {
        title.push_str(&format!(" {} {present}", T::ColPresent.text(lang)));
    }
    title.push_str(") ");
    let block = panel(title, s.ascii);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width < 3 {
        return;
    }
    let mut y = inner.y;
    let name = s.plan.group(group).and_then(|g| g.name.as_deref());
    if let Some(n) = name.filter(|_| inner.height > 2) {
        let dim = Style::new().fg(Color::DarkGray);
        put(buf, inner.x + 1, y, n, inner.width - 2, dim);
        y += 1;
    }
    let cells: Vec<(String, Style)> = members
        .iter()
        .map(|m| {
            let mut name = m.name.clone();
            if s.run.moved_in(&s.plan, group, &m.name) {
                name.push_str(T::MovedIn.text(lang));
            }
            let here = digest.is_some_and(|d| d.present.contains(&m.name));
            let style = match (taken, here) {
                (false, _) => Style::new(),
                (true, true) => Style::new().fg(Color::Green),
                (true, false) => Style::new().fg(Color::DarkGray),
            };
            let more: Vec<&str> = [m.role.as_deref(), m.affiliation.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            if !more.is_empty() {
                name = format!("{name}  {}", more.join(lang.pick("・", ", ")));
            }
            (name, style)
        })
        .collect();
    let rect = Rect {
        y,
        height: inner.bottom() - y,
        ..inner
    };
    names(&cells, rect, lang, buf);
}

/// Names in as many columns as fit, filled down first, each cut to its
/// column (never over the border); when they do not all fit, the last
/// place says how many more there are (「+3 名」).
fn names(cells: &[(String, Style)], inner: Rect, lang: crate::i18n::Lang, buf: &mut Buffer) {
    if inner.height == 0 {
        return;
    }
    let usable = inner.width.saturating_sub(1) as usize;
    let widest = cells.iter().map(|(n, _)| text::width(n)).max().unwrap_or(1);
    let cell_w = (widest + 2).min(usable.max(1));
    let cols = (usable / cell_w).max(1);
    let rows = inner.height as usize;
    let room = rows * cols;
    let shown = if cells.len() > room {
        room.saturating_sub(1)
    } else {
        cells.len()
    };
    let per_col = if shown < cells.len() {
        rows
    } else {
        shown.div_ceil(cols).max(rows.min(shown).max(1))
    };
    let place = |i: usize| {
        let (col, r) = (i / per_col, i % per_col);
        let x = inner.x + 1 + (col * cell_w) as u16;
        let max = (cell_w as u16 - 1).min(inner.right().saturating_sub(x));
        (x, inner.y + r as u16, max, r < rows && col < cols)
    };
    for (i, (name, style)) in cells.iter().take(shown).enumerate() {
        let (x, y, max, fits) = place(i);
        if fits {
            put(buf, x, y, name, max, *style);
        }
    }
    if shown < cells.len() {
        let (x, y, max, _) = place(shown);
        let more = match lang {
            crate::i18n::Lang::Ja => format!("+{} 名", cells.len() - shown),
            crate::i18n::Lang::En => format!("+{} more", cells.len() - shown),
        };
        let max = max.max(inner.right().saturating_sub(x));
        put(buf, x, y, &more, max, Style::new().fg(Color::Yellow));
    }
}
