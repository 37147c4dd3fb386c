//! What lies on top of the dashboard — reference cards, the move popup,
//! the broadcast message — and the status line at the bottom. The help is
//! in `help`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::facilitator::action::Command;
use crate::facilitator::{State, keys};
use crate::i18n::run::RunText as T;
use crate::i18n::run_live::LiveText as L;
use crate::tui::keys::{self as keys_table, Hint, Key, footer_hints, hints_with, render_footer};
use crate::tui::text;
use crate::tui::widgets::{centered, clear_popup, panel};

use super::FacilitatorView;
use super::clock::put;

/// The status line: a save error, else a notice, else a notes file that
/// cannot be read, else the main keys.
pub(super) fn status_line(v: &FacilitatorView, area: Rect, buf: &mut Buffer) {
    let s = v.state;
    let lang = s.lang;
    if let Some(err) = &s.save_error {
        let msg = format!("{}: {err}", T::SaveFailed.text(lang));
        let style = Style::new().fg(Color::White).bg(Color::Red);
        buf.set_style(area, style);
        put(buf, area.x + 1, area.y, &msg, area.width - 2, style);
        return;
    }
    if let Some(n) = s.notice.as_ref().filter(|n| n.until > v.now) {
        let style = if n.alarm {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().fg(Color::Black).bg(Color::Cyan)
        };
        put(
            buf,
            area.x + 1,
            area.y,
            &format!(" {} ", n.text),
            area.width - 2,
            style,
        );
        return;
    }
    if let Some(secs) = s.skew {
        let style = Style::new().fg(Color::Black).bg(Color::Yellow);
        let warning = crate::i18n::display::clock_skew(secs, lang);
        put(buf, area.x + 1, area.y, &warning, area.width - 2, style);
        return;
    }
    if let Some(warning) = s.notes_errors.values().next() {
        let style = Style::new().fg(Color::Black).bg(Color::Yellow);
        put(buf, area.x + 1, area.y, warning, area.width - 2, style);
        return;
    }
    if let super::Mode::BrokenRun { .. } = s.mode {
        // Only the offer's keys work until it is taken.
        let keys = keys::popup_hint(&s.mode, lang);
        put(buf, area.x + 1, area.y, &keys, area.width - 2, Style::new());
        return;
    }
    footer(v, area, buf);
}

/// The key hints: what matters now first (t/T in a report round), `?` and
/// `q` always last and never cut; a read-only console lists only what works.
fn footer(v: &FacilitatorView, area: Rect, buf: &mut Buffer) {
    let s = v.state;
    let lang = s.lang;
    let mut row = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(2),
        ..area
    };
    // Read-only: only the keys that change nothing, the group keys first.
    let read_only = |c: Command| match c {
        _ if c.changes_run() => None,
        Command::NextGroup | Command::PreviousGroup => Some(L::HintGroup.text(lang)),
        _ => keys_table::Command::hint(c, lang),
    };
    let all = match s.read_only {
        true => {
            let label = L::ReadOnly.text(lang);
            let dim = Style::new().fg(Color::DarkGray);
            buf.set_string(row.x, row.y, label, dim);
            let used = text::width(label) as u16 + 2;
            row.x += used;
            row.width = row.width.saturating_sub(used);
            let stack = [&keys::GROUPS, &keys::ROOM, &keys::GENERAL];
            hints_with(&stack, read_only)
        }
        false => footer_hints(keys::DASHBOARD, lang),
    };
    let in_turn = v.clock.turn.is_some();
    let broadcasts = s.broadcasts().len().min(9) as u8;
    let turn = L::HintTurn.text(lang);
    let broadcast = T::HintBroadcast.text(lang);
    let (tail, hints): (Vec<Hint>, Vec<Hint>) = all
        .into_iter()
        // t/T only in a report round, and only the keys that have a message.
        .filter(|h| (in_turn || h.what != turn) && (broadcasts > 0 || h.what != broadcast))
        .map(|h| match h.what == broadcast {
            true => Hint::new(Key::Digits(1, broadcasts).label(), h.what),
            false => h,
        })
        .partition(|h| h.what == T::HintHelp.text(lang) || h.what == T::HintQuit.text(lang));
    render_footer(&hints, &tail, row, buf);
}

pub(super) fn references(v: &FacilitatorView, selected: usize, area: Rect, buf: &mut Buffer) {
    let s = v.state;
    let lang = s.lang;
    let refs = &s.plan.references;
    let hint = keys::popup_hint(&crate::facilitator::Mode::References { selected }, lang);
    let w = refs
        .iter()
        .map(|r| text::width(&r.title) as u16 + 6)
        .max()
        .unwrap_or(20)
        .max(text::width(&hint) as u16 + 4)
        .min(area.width.saturating_sub(4));
    let rect = centered(area, w, refs.len() as u16 + 2);
    clear_popup(rect, buf);
    let block = panel(format!(" {} ", T::References.text(lang)), s.ascii)
        .title_bottom(Line::from(format!(" {hint} ")).right_aligned());
    let inner = block.inner(rect);
    block.render(rect, buf);
    for (i, r) in refs.iter().enumerate() {
        let y = inner.y + i as u16;
        if y >= inner.bottom() {
            break;
        }
        let style = if i == selected {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        let line = text::fit(&format!(" {} {}", i + 1, r.title), inner.width as usize);
        buf.set_string(inner.x, y, line, style);
    }
    super::asks::badge_on(v, rect, buf);
}

/// Where an open reference card goes.
pub(super) fn reference_rect(area: Rect) -> Rect {
    let w = area.width.saturating_sub(6).min(110);
    let h = area.height.saturating_sub(4);
    centered(area, w, h)
}

/// The open reference card's lines at `width` cells.
pub(super) fn reference_lines(state: &State, index: usize, width: u16) -> Vec<String> {
    let Some(r) = state.plan.references.get(index) else {
        return Vec::new();
    };
    text::wrap(&r.body, width.saturating_sub(1) as usize, "  ")
}

pub(super) fn reference(
    v: &FacilitatorView,
    index: usize,
    scroll: u16,
    area: Rect,
    buf: &mut Buffer,
) {
    let s = v.state;
    let lang = s.lang;
    let Some(r) = s.plan.references.get(index) else {
        return;
    };
    let rect = reference_rect(area);
    clear_popup(rect, buf);
    let lines = reference_lines(s, index, rect.width.saturating_sub(2));
    let visible = rect.height.saturating_sub(2);
    let key = r.id.clone().unwrap_or_else(|| r.title.clone());
    let up = s.run.shown_reference.as_deref() == Some(key.as_str());
    let mut title = format!(
        " {} [{}-{}/{}] ",
        text::truncate(&r.title, rect.width.saturating_sub(44) as usize),
        scroll + 1,
        (scroll + visible).min(lines.len() as u16),
        lines.len()
    );
    if up {
        title.push_str(&format!("[{}] ", T::OnDisplay.text(lang)));
    }
    let block = panel(title, s.ascii).title_bottom(
        Line::from(format!(" {} ", reference_hint(index, scroll, lang))).right_aligned(),
    );
    let inner = block.inner(rect);
    block.render(rect, buf);
    let shown: Vec<Line> = lines
        .into_iter()
        .skip(scroll as usize)
        .take(visible as usize)
        .map(Line::raw)
        .collect();
    let body = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    Paragraph::new(shown).render(body, buf);
    super::asks::badge_on(v, rect, buf);
}

pub(super) fn move_member(
    v: &FacilitatorView,
    member: usize,
    to: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let s = v.state;
    let lang = s.lang;
    let roster = s.selected_roster();
    let from = s.selected_group().unwrap_or("");
    let dest = s.plan.groups.get(to).map_or("", |g| g.id.as_str());
    let hint = &keys::popup_hint(&crate::facilitator::Mode::Move { member, to }, lang);
    let w = (text::width(hint) as u16 + 4).min(area.width.saturating_sub(2));
    let h = (roster.len() as u16 + 4).min(area.height.saturating_sub(2));
    let rect = centered(area, w, h);
    clear_popup(rect, buf);
    let title = format!(
        " {}: {}{from} ",
        T::MoveTitle.text(lang),
        T::GroupWord.text(lang)
    );
    let block = panel(title, s.ascii).title_bottom(Line::from(format!(" {hint} ")).right_aligned());
    let inner = block.inner(rect);
    block.render(rect, buf);
    let dest_line = format!(
        "{}: < {}{dest} >",
        T::MoveTo.text(lang),
        T::GroupWord.text(lang)
    );
    let yellow = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
    put(
        buf,
        inner.x + 1,
        inner.y,
        &dest_line,
        inner.width.saturating_sub(1),
        yellow,
    );
    let rows = inner.height.saturating_sub(2) as usize;
    let first = member.saturating_sub(rows.saturating_sub(1));
    for (i, m) in roster.iter().enumerate().skip(first).take(rows) {
        let y = inner.y + 2 + (i - first) as u16;
        let style = if i == member {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        let line = text::fit(&format!(" {}", m.name), inner.width as usize);
        buf.set_string(inner.x, y, line, style);
    }
    super::asks::badge_on(v, rect, buf);
}

pub(super) fn broadcast(v: &FacilitatorView, n: usize, area: Rect, buf: &mut Buffer) {
    let s = v.state;
    let lang = s.lang;
    let msgs = s.broadcasts();
    let Some(msg) = msgs.get(n) else {
        return;
    };
    let w = area.width.saturating_sub(8).min(72);
    let body = text::wrap(msg, w.saturating_sub(4) as usize, "");
    let hint = text::wrap(
        T::BroadcastHint.text(lang),
        w.saturating_sub(4) as usize,
        "",
    );
    let h = (body.len() + hint.len() + 5) as u16;
    let rect = centered(area, w, h);
    clear_popup(rect, buf);
    let title = format!(" {} ({}) ", T::BroadcastTitle.text(lang), n + 1);
    let block = panel(title, s.ascii)
        .title_bottom(Line::from(format!(" {} ", keys::popup_hint(&s.mode, lang))).right_aligned())
        .border_style(Style::new().fg(Color::Cyan));
    let inner = block.inner(rect);
    block.render(rect, buf);
    let mut lines = vec![Line::raw("")];
    let bold = Style::new().add_modifier(Modifier::BOLD);
    lines.extend(body.into_iter().map(|l| Line::styled(l, bold)));
    lines.push(Line::raw(""));
    let dim = Style::new().fg(Color::DarkGray);
    lines.extend(hint.into_iter().map(|l| Line::styled(l, dim)));
    let body_rect = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    Paragraph::new(lines).render(body_rect, buf);
    super::asks::badge_on(v, rect, buf);
}

/// The search prompt on the bottom border of the open reference card.
pub(super) fn search_prompt(v: &FacilitatorView, query: &str, area: Rect, buf: &mut Buffer) {
    let rect = reference_rect(area);
    let lang = v.state.lang;
    let keys = keys::popup_hint(&v.state.mode, lang);
    let prompt = format!(" /{}_  {keys} ", text::inert(query));
    let style = Style::new().fg(Color::Black).bg(Color::Yellow);
    put(
        buf,
        rect.x + 2,
        rect.bottom().saturating_sub(1),
        &prompt,
        rect.width.saturating_sub(4),
        style,
    );
}

/// The open reference card's keys (also while searching in it).
fn reference_hint(index: usize, scroll: u16, lang: crate::i18n::Lang) -> String {
    keys::popup_hint(&crate::facilitator::Mode::Reference { index, scroll }, lang)
}
