//! 「前回のアクション」 on the note-taker's screen: a badge on the notes list's
//! border saying how many are still open (and the key that opens them),
//! and the list itself over the screen, where one is marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::i18n::notes::CommandText;
use crate::i18n::previous_actions::PrevText;
use crate::model::actions::ActionState;
use crate::notes::State;
use crate::notes::keys::PREVIOUS;
use crate::previous_actions::lines::item_lines;
use crate::tui::keys::{footer_text, hints_with};
use crate::tui::text;
use crate::tui::widgets::{centered, clear_popup, panel};

/// The key that opens the list, as the badge names it.
const KEY: &str = "Alt+P";

/// Writes the badge on the right of the top border of `list` (the notes
/// list pane), when the group has previous actions.
pub(crate) fn render_badge(state: &State, list: Rect, buf: &mut Buffer) {
    let items = state.carried();
    if items.is_empty() || list.width < 20 {
        return;
    }
    let lang = state.lang;
    let open = items
        .iter()
        .filter(|c| c.state == ActionState::Open)
        .count();
    let badge = if open > 0 {
        format!(
            " {} {}{open} {KEY} ",
            PrevText::Title.text(lang),
            PrevText::OpenCount.text(lang)
        )
    } else {
        format!(" {} {KEY} ", PrevText::Title.text(lang))
    };
    let style = if open > 0 {
        Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
    } else {
        Style::new().fg(Color::DarkGray)
    };
    // Leave the pane's own title (" メモ (12) ") room on the left.
    let room = usize::from(list.width).saturating_sub(16);
    let badge = text::truncate(&badge, room);
    let w = text::width(&badge) as u16;
    let x = list.x + list.width.saturating_sub(w + 1);
    buf.set_string(x, list.y, badge, style);
}

/// Draws the list over the screen in `area`.
pub(crate) fn render(state: &State, area: Rect, buf: &mut Buffer) {
    let lang = state.lang;
    let prev = state.previous.sitting.as_ref();
    let w = area.width.saturating_sub(4).min(90);
    // As tall as the list needs (the screen behind stays in sight), at
    // most the screen less its header and status lines.
    let items = state.carried();
    let rows: usize = items
        .iter()
        .map(|c| item_lines(c, lang, w.saturating_sub(6)).len())
        .sum();
    let h = (rows.max(2) as u16 + 3).min(area.height.saturating_sub(4));
    let rect = centered(area, w, h);
    clear_popup(rect, buf);
    let mut title = format!(" {} ", PrevText::Title.text(lang));
    if let Some(p) = prev {
        let day = p.date.map(|d| d.format(" %Y-%m-%d").to_string());
        title = format!("{title}— {}{} ", p.title, day.unwrap_or_default());
    }
    let title = text::truncate(&title, usize::from(rect.width.saturating_sub(2)));
    let block = panel(title, false);
    let inner = block.inner(rect);
    block.render(rect, buf);
    if inner.height < 2 {
        return;
    }
    let body = Rect {
        height: inner.height - 1,
        ..inner
    };
    let keys = Rect {
        y: inner.y + inner.height - 1,
        height: 1,
        ..inner
    };
    // The key line comes from the list's key layer, so it never lies.
    let word = |c| crate::i18n::previous_actions::key_word(CommandText::of(c), lang);
    let line = footer_text(&hints_with(&[&PREVIOUS], word), &[], keys.width.into());
    let hint = text::truncate(&line, usize::from(keys.width));
    buf.set_string(keys.x, keys.y, hint, Style::new().fg(Color::DarkGray));
    let empty = match (state.previous.looked, prev) {
        (false, _) => Some(PrevText::Looking),
        (true, None) => Some(PrevText::NoPrevious),
        (true, Some(_)) if items.is_empty() => Some(PrevText::NoneForGroup),
        _ => None,
    };
    if let Some(e) = empty {
        let lines: Vec<Line> = text::wrap(e.text(lang), usize::from(body.width), "")
            .into_iter()
            .map(Line::raw)
            .collect();
        Paragraph::new(lines).render(body, buf);
        return;
    }
    // Every item's lines, the selected one reversed; scrolled so that the
    // whole selected item is in view.
    let mut lines: Vec<Line> = Vec::new();
    let mut sel = (0, 0);
    for (i, item) in items.iter().enumerate() {
        let start = lines.len();
        let mut il = item_lines(item, lang, body.width.saturating_sub(2));
        let mark = if i == state.previous.sel { "> " } else { "  " };
        for (n, l) in il.iter_mut().enumerate() {
            l.spans.insert(0, (if n == 0 { mark } else { "  " }).into());
            if i == state.previous.sel {
                *l = l.clone().patch_style(Modifier::REVERSED);
            }
        }
        lines.extend(il);
        if i == state.previous.sel {
            sel = (start, lines.len());
        }
    }
    let h = usize::from(body.height);
    let first = sel.1.saturating_sub(h).min(sel.0);
    Paragraph::new(lines)
        .scroll((first as u16, 0))
        .render(body, buf);
}
