//! The end of the sitting: planned against actual time for each block, and
//! the overruns, in the card's place once the last block is over.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use crate::i18n::run_live::LiveText as L;
use crate::tui::widgets::panel;

use super::FacilitatorView;
use super::clock::put;

/// "12:34" from seconds, minutes not wrapped into hours.
fn mmss(secs: i64) -> String {
    let s = secs.unsigned_abs();
    let sign = if secs < 0 { "-" } else { "+" };
    format!("{sign}{}:{:02}", s / 60, s % 60)
}

/// One line a block: title, planned, actual and the difference, in the
/// order of the plan (a block run in parts counts every part).
pub(super) fn lines(v: &FacilitatorView) -> Vec<(String, Style)> {
    let s = v.state;
    let lang = s.lang;
    let mut out = Vec::new();
    let mut total_plan = 0;
    let mut total_actual = 0;
    for b in &s.plan.agenda {
        let runs: Vec<_> = s
            .run
            .history
            .iter()
            .filter(|h| h.run.block == b.id)
            .collect();
        let actual: i64 = runs.iter().map(|h| h.actual_seconds.max(0)).sum();
        let planned = i64::from(b.minutes) * 60;
        let skipped = runs.iter().all(|h| h.skipped);
        total_plan += planned;
        total_actual += actual;
        let (what, style) = if skipped {
            (
                L::Skipped.text(lang).to_string(),
                Style::new().fg(Color::DarkGray),
            )
        } else {
            let diff = actual - planned;
            let style = if diff > 0 {
                Style::new().fg(Color::Yellow)
            } else {
                Style::new()
            };
            let m = actual / 60;
            let sec = actual % 60;
            (format!("{m}:{sec:02}  ({})", mmss(diff)), style)
        };
        out.push((
            format!(
                "{}  {}{} → {what}",
                b.title,
                b.minutes,
                lang.pick("分", " min")
            ),
            style,
        ));
    }
    let diff = total_actual - total_plan;
    out.push((String::new(), Style::new()));
    out.push((
        format!(
            "{} {}{} → {}:{:02}  ({})",
            lang.pick("合計", "Total"),
            total_plan / 60,
            lang.pick("分", " min"),
            total_actual / 60,
            total_actual % 60,
            mmss(diff)
        ),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    out
}

pub(super) fn summary(v: &FacilitatorView, area: Rect, buf: &mut Buffer) {
    let title = format!(" {} ", L::SummaryTitle.text(v.state.lang));
    let block = panel(title, v.state.ascii);
    let inner = block.inner(area);
    block.render(area, buf);
    for (i, (line, style)) in lines(v).iter().enumerate().take(inner.height as usize) {
        put(
            buf,
            inner.x + 1,
            inner.y + i as u16,
            line,
            inner.width.saturating_sub(2),
            *style,
        );
    }
}
