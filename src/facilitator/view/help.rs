//! The help popup over the dashboard: every key of the console, in two
//! columns when the terminal is wide, else one column that scrolls.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::facilitator::{State, keys};
use crate::i18n::run::RunText as T;
use crate::tui::keys::help_rows;
use crate::tui::text;
use crate::tui::widgets::{Help, centered, clear_popup, panel};

use super::FacilitatorView;
use super::clock::put;

/// The help's rows, the nine broadcast keys said as "1-9".
fn help_rows_of(lang: crate::i18n::Lang) -> Vec<(String, &'static str)> {
    help_rows(keys::DASHBOARD, lang, |c| keys::help_text(c, lang))
        .into_iter()
        .map(|(k, t)| match k.as_str() {
            "1 2 3 4 5 6 7 8 9" => ("1-9".to_string(), t),
            _ => (k, t),
        })
        .collect()
}

/// Below this width the help is one column that scrolls, so that every
/// description can be read whole.
const HELP_TWO_COLUMNS: u16 = 100;

/// Where the one-column help goes, and how many rows it shows.
fn help_rect(area: Rect) -> Rect {
    centered(
        area,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}

pub(super) fn help_max_scroll(state: &State, area: Rect) -> u16 {
    if area.width >= HELP_TWO_COLUMNS {
        return 0;
    }
    let rows = help_rows_of(state.lang).len() as u16;
    rows.saturating_sub(help_rect(area).height.saturating_sub(2))
}

pub(super) fn help(v: &FacilitatorView, area: Rect, buf: &mut Buffer) {
    let lang = v.state.lang;
    let rows = help_rows_of(lang);
    // The clock stays in sight while the help is open.
    let title = match super::asks::time_badge(v) {
        Some(b) => format!("{} ─{b}", T::HelpTitle.text(lang)),
        None => T::HelpTitle.text(lang).to_string(),
    };
    if area.width >= HELP_TWO_COLUMNS {
        let help = Help {
            title: &title,
            rows: &rows,
            ascii: v.state.ascii,
            hint: T::CloseHint.text(lang),
        };
        (&help).render(area, buf);
        return;
    }
    let rect = help_rect(area);
    clear_popup(rect, buf);
    let max = help_max_scroll(v.state, area);
    let scroll = v.state.help_scroll.min(max);
    let mut hint = T::CloseHint.text(lang).to_string();
    if max > 0 {
        hint = format!(
            "j/k {}-{}/{}  {hint}",
            scroll + 1,
            (scroll + rect.height - 2).min(rows.len() as u16),
            rows.len()
        );
    }
    let block = panel(format!(" {title} "), v.state.ascii)
        .title_bottom(Line::from(format!(" {hint} ")).right_aligned());
    let inner = block.inner(rect);
    block.render(rect, buf);
    let key_w = rows
        .iter()
        .map(|(k, _)| text::width(k))
        .max()
        .unwrap_or(0)
        .min(12);
    for (i, (k, t)) in rows
        .iter()
        .skip(scroll as usize)
        .take(inner.height as usize)
        .enumerate()
    {
        let y = inner.y + i as u16;
        let key = text::fit(k, key_w);
        buf.set_string(inner.x + 1, y, &key, Style::new().fg(Color::Cyan));
        let x = inner.x + 2 + key_w as u16;
        put(
            buf,
            x,
            y,
            t,
            inner.right().saturating_sub(x + 1),
            Style::new(),
        );
    }
}
