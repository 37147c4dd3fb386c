//! The timing tab of a sitting, laid out for a width: per block planned
//! and actual time, the clock times it ran, its extensions, cuts and
//! pauses, each group's report turn, the totals; then the roster moves and
//! the speaking time per group and member, who never spoke marked. Drawn
//! from [`crate::review::record`], as the exports are.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use crate::i18n::Lang;
use crate::i18n::record::RecordText as R;
use crate::i18n::review::ReviewText as T;
use crate::review::archive::Sitting;
use crate::review::export::md_record::{hm, remarks};
use crate::review::record::{BlockRecord, Record, record};
use crate::review::timing::{clock, diff};
use crate::tui::text::fit;
use crate::tui::text::sanitize::inert;
use crate::tui::text::styled::{rfit, wrap};

fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

/// The style of a section's heading (the table's header row, 席の移動,
/// 発言時間): pinned on top while its section is paged.
fn section_style() -> Style {
    bold().fg(Color::LightCyan)
}

/// The style of a group's line in the speaking time: pinned under its
/// section while its members are paged.
fn part_style() -> Style {
    bold().fg(Color::Cyan)
}

/// The heading level of a line of the timing tab: 1 a section, 2 a group
/// in it (see [`super::pinned`]).
pub(crate) fn level(line: &Line) -> Option<u8> {
    let first = line.spans.first().map(|s| s.style).unwrap_or_default();
    let is = |style: Style| line.style == style || first == style;
    if is(section_style()) {
        Some(1)
    } else if is(part_style()) {
        Some(2)
    } else {
        None
    }
}

fn over_style(over: Option<i64>) -> Style {
    match over {
        Some(o) if o > 0 => bold().fg(Color::Red),
        _ => Style::new(),
    }
}

/// The lines of the timing tab.
pub(crate) fn timing_lines(s: &Sitting, lang: Lang, width: usize) -> Vec<Line<'static>> {
    let r = record(s);
    let mut out = Vec::new();
    if r.ran {
        blocks(&mut out, s, &r, lang, width);
    } else {
        out.push(Line::from(s.no_run_text().text(lang)));
    }
    if !r.moves.is_empty() {
        out.push(Line::default());
        out.push(Line::styled(
            format!(" {}", R::Moves.text(lang)),
            section_style(),
        ));
        for m in &r.moves {
            let line = format!(
                "   {} {}  {} → {}",
                hm(Some(m.at)),
                inert(&m.member),
                inert(&s.group_label(&m.from, lang)),
                inert(&s.group_label(&m.to, lang))
            );
            out.extend(wrap(&[(line, Style::new())], width, 9));
        }
    }
    speaking(&mut out, s, &r, lang, width);
    out
}

/// ` title  planned  actual  diff  start–end`, the title cut to fit.
fn row(title: &str, cells: [&str; 4], width: usize) -> String {
    let title_w = width.saturating_sub(41).clamp(8, 40);
    format!(
        " {} {} {} {} {}",
        fit(title, title_w),
        rfit(cells[0], 7),
        rfit(cells[1], 8),
        rfit(cells[2], 8),
        rfit(cells[3], 13)
    )
}

fn blocks(out: &mut Vec<Line<'static>>, s: &Sitting, r: &Record, lang: Lang, width: usize) {
    let span = format!("{}–{}", R::Start.text(lang), R::End.text(lang));
    let head = [
        T::Planned.text(lang),
        T::Actual.text(lang),
        T::Diff.text(lang),
        span.as_str(),
    ];
    out.push(Line::styled(
        row(T::Block.text(lang), head, width),
        section_style(),
    ));
    for b in &r.blocks {
        let actual = match (b.skipped, b.actual_seconds, b.running) {
            (true, _, _) => T::Skipped.text(lang).to_string(),
            (false, Some(a), _) => clock(a),
            (false, None, true) => R::Running.text(lang).to_string(),
            (false, None, false) => "-".into(),
        };
        let d = b.over_seconds().map_or("-".into(), diff);
        let planned = format!("{}{}", b.planned_minutes, T::Min.text(lang));
        let when = match b.started {
            Some(_) => format!("{}–{}", hm(b.started), hm(b.ended)),
            None => "-".into(),
        };
        let mut title = inert(&b.title);
        if b.restarted {
            title = format!("{title}（{}）", R::Restarted.text(lang));
        }
        let line = row(&title, [&planned, &actual, &d, &when], width);
        out.push(Line::styled(line, over_style(b.over_seconds())));
        details(out, s, b, lang, width);
    }
    let t = &r.totals;
    let planned = format!("{}{}", t.planned_minutes, T::Min.text(lang));
    let when = format!("{}–{}", hm(t.started), hm(t.ended));
    let cells = [
        planned.as_str(),
        &clock(t.actual_seconds),
        &diff(t.over_seconds()),
        &when,
    ];
    let line = row(R::Total.text(lang), cells, width);
    let style = over_style(Some(t.over_seconds())).add_modifier(Modifier::BOLD);
    out.push(Line::styled(line, style));
}

/// A block's extensions, pauses and report turns, indented under it.
fn details(out: &mut Vec<Line<'static>>, s: &Sitting, b: &BlockRecord, lang: Lang, width: usize) {
    let dim = Style::new().fg(Color::DarkGray);
    if !b.adjustments.is_empty() {
        let text = format!(
            "   {} {}",
            R::Adjusted.text(lang),
            crate::review::export::md_record::adjustments(b)
        );
        out.extend(wrap(&[(text, dim)], width, 5));
    }
    if !b.pauses.is_empty() {
        let text = format!(
            "   {} {}",
            R::Paused.text(lang),
            crate::review::export::md_record::pauses(b)
        );
        out.extend(wrap(&[(text, dim)], width, 5));
    }
    for t in &b.turns {
        let planned = clock(t.planned_seconds);
        let actual = t.actual_seconds.map_or("-".into(), clock);
        let d = t.over_seconds().map_or("-".into(), diff);
        let ext = match t.adjusted_seconds {
            0 => String::new(),
            a => format!(" ({})", diff(a)),
        };
        let group = inert(&s.group_label(&t.group, lang));
        let label = format!("  {} {group}{ext}", lang.pick("報告", "report"));
        let when = hm(Some(t.at));
        let line = row(&label, [&planned, &actual, &d, &when], width);
        out.push(Line::styled(line, over_style(t.over_seconds())));
    }
}

fn speaking(out: &mut Vec<Line<'static>>, s: &Sitting, r: &Record, lang: Lang, width: usize) {
    if r.speaking.is_empty() {
        return;
    }
    out.push(Line::default());
    out.push(Line::styled(
        format!(" {}", R::Speaking.text(lang)),
        section_style(),
    ));
    let name_w = width.saturating_sub(40).clamp(8, 30);
    for g in &r.speaking {
        let label = inert(&s.group_label(&g.group, lang));
        if !g.recorded {
            let why = g.why_none(lang);
            let line = format!("  {label}  {why}");
            out.extend(wrap(&[(line, Style::new().fg(Color::DarkGray))], width, 4));
            continue;
        }
        let total = format!(
            "  {label}  {} {}  {}{}",
            R::Total.text(lang),
            clock(g.total_seconds()),
            g.turns(),
            lang.pick("回", " turns")
        );
        out.push(Line::styled(total, part_style()));
        for m in &g.members {
            let style = if m.never_spoke {
                Style::new().fg(Color::Yellow)
            } else {
                Style::new()
            };
            let line = format!(
                "    {} {} {}  {}",
                fit(&inert(&m.name), name_w),
                rfit(&clock(m.seconds), 6),
                rfit(&format!("{}{}", m.turns, lang.pick("回", "×")), 4),
                inert(&remarks(s, m, lang).join(lang.pick("、", "; ")))
            );
            out.extend(wrap(&[(line, style)], width, 6));
        }
    }
}
