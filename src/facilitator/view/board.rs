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
    let mut widths = head.clone().map(|h| text::width(&h));
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(text::width(cell));
        }
    }
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
    for (i, r) in rows.iter().enumerate() {
        let y = inner.y + 1 + i as u16;
        if y >= inner.bottom() {
            break;
        }
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
    let title = format!(
        " {}{} {} ({}{}) ",
        T::GroupWord.text(lang),
        group,
        T::Roster.text(lang),
        members.len(),
        T::People.text(lang)
    );
    let block = panel(title, s.ascii);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let digest = s.digests.get(group);
    let notes = digest.map(|d| d.attendance_taken).unwrap_or(false);
    let cells: Vec<(String, Style)> = members
        .iter()
        .map(|m| {
            let mut name = m.name.clone();
            if s.run.moved_in(&s.plan, group, &m.name) {
                name.push_str(T::MovedIn.text(lang));
            }
            let here = digest.is_some_and(|d| d.present.contains(&m.name));
            let style = match (notes, here) {
                (false, _) => Style::new(),
                (true, true) => Style::new().fg(Color::Green),
                (true, false) => Style::new().fg(Color::DarkGray),
            };
            (name, style)
        })
        .collect();
    // Names in as many columns as fit, filled down first.
    let cell_w = cells.iter().map(|(n, _)| text::width(n)).max().unwrap_or(1) + 2;
    let cols = (inner.width as usize / cell_w).max(1);
    let rows = inner.height as usize;
    let per_col = cells.len().div_ceil(cols).max(rows.min(cells.len()).max(1));
    for (i, (name, style)) in cells.iter().enumerate() {
        let (col, r) = (i / per_col, i % per_col);
        if r >= rows || col >= cols {
            continue;
        }
        let x = inner.x + 1 + (col * cell_w) as u16;
        put(
            buf,
            x,
            inner.y + r as u16,
            name,
            (cell_w - 1) as u16,
            *style,
        );
    }
}
