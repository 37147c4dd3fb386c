//! The record part of the Markdown report: the timing table with clock
//! times, extensions, pauses and a total row, each report-back round's
//! turns, the roster moves and the speaking time per member and group.

use std::fmt::Write;

use crate::i18n::Lang;
use crate::i18n::record::{RecordText as R, moved_in, moved_out};
use crate::i18n::review::ReviewText as T;
use crate::review::archive::Sitting;
use crate::review::export::md_table::{header, row};
use crate::review::record::{BlockRecord, Local, Record, record};
use crate::review::timing::{clock, diff};
use crate::tui::text::sanitize::md_inline as md;

/// Writes the timing table, report turns, moves and speaking time.
pub(crate) fn write(out: &mut String, s: &Sitting, lang: Lang) {
    let r = record(s);
    let _ = writeln!(out, "## {}\n", T::Timing.text(lang));
    if !r.ran {
        let _ = writeln!(out, "{}\n", s.no_run_text().text(lang));
    } else {
        timing(out, &r, lang);
        for b in r.blocks.iter().filter(|b| !b.turns.is_empty()) {
            turns(out, s, b, lang);
        }
    }
    moves(out, s, &r, lang);
    speaking(out, s, &r, lang);
}

/// `HH:MM`, or — when not known.
pub(crate) fn hm(t: Option<Local>) -> String {
    t.map_or_else(|| "—".into(), |t| t.format("%H:%M").to_string())
}

fn over(o: Option<i64>) -> String {
    match o {
        Some(o) if o > 0 => format!("**{}**", diff(o)),
        Some(o) => diff(o),
        None => "—".into(),
    }
}

fn timing(out: &mut String, r: &Record, lang: Lang) {
    let titles = [
        T::Block.text(lang),
        T::Planned.text(lang),
        T::Actual.text(lang),
        T::Diff.text(lang),
        R::Start.text(lang),
        R::End.text(lang),
        R::Adjusted.text(lang),
        R::Paused.text(lang),
    ];
    header(out, "lrrrrrll", &titles);
    for b in &r.blocks {
        let actual = match (b.skipped, b.actual_seconds, b.running) {
            (true, _, _) => T::Skipped.text(lang).to_string(),
            (false, Some(a), _) => clock(a),
            (false, None, true) => R::Running.text(lang).to_string(),
            (false, None, false) => "—".into(),
        };
        let mut title = md(&b.title);
        if b.restarted {
            let (open, close) = (lang.pick("（", " ("), lang.pick("）", ")"));
            let _ = write!(title, "{open}{}{close}", R::Restarted.text(lang));
        }
        let planned = format!("{}{}", b.planned_minutes, T::Min.text(lang));
        row(
            out,
            &[
                &title,
                &planned,
                &actual,
                &over(b.over_seconds()),
                &hm(b.started),
                &hm(b.ended),
                &adjustments(b),
                &pauses(b),
            ],
        );
    }
    let t = &r.totals;
    let adjusted = match t.adjusted_seconds {
        0 => "—".into(),
        a => diff(a),
    };
    let paused = match t.paused_seconds {
        0 => "—".into(),
        p => clock(p),
    };
    row(
        out,
        &[
            &format!("**{}**", R::Total.text(lang)),
            &format!("{}{}", t.planned_minutes, T::Min.text(lang)),
            &clock(t.actual_seconds),
            &over(Some(t.over_seconds())),
            &hm(t.started),
            &hm(t.ended),
            &adjusted,
            &paused,
        ],
    );
    out.push('\n');
}

/// `+5:00（14:20）、-1:00（14:40）`, or —.
pub(crate) fn adjustments(b: &BlockRecord) -> String {
    let all: Vec<String> = b
        .adjustments
        .iter()
        .map(|c| format!("{}（{}）", diff(c.seconds), hm(Some(c.at))))
        .collect();
    if all.is_empty() {
        "—".into()
    } else {
        all.join("、")
    }
}

/// `2:00（14:30–14:32）`, or —.
pub(crate) fn pauses(b: &BlockRecord) -> String {
    let all: Vec<String> = b
        .pauses
        .iter()
        .map(|p| {
            let long = p.seconds().map_or_else(|| "—".into(), clock);
            format!("{long}（{}–{}）", hm(Some(p.from)), hm(p.to))
        })
        .collect();
    if all.is_empty() {
        "—".into()
    } else {
        all.join("、")
    }
}

fn turns(out: &mut String, s: &Sitting, b: &BlockRecord, lang: Lang) {
    let (open, close) = (lang.pick("（", " ("), lang.pick("）", ")"));
    let _ = writeln!(
        out,
        "**{}{open}{}{close}**\n",
        R::Turns.text(lang),
        md(&b.title)
    );
    let titles = [
        T::Group.text(lang),
        R::Start.text(lang),
        T::Planned.text(lang),
        R::Adjusted.text(lang),
        T::Actual.text(lang),
        T::Diff.text(lang),
    ];
    header(out, "lrrrrr", &titles);
    for t in &b.turns {
        let adjusted = match t.adjusted_seconds {
            0 => "—".into(),
            a => diff(a),
        };
        row(
            out,
            &[
                &md(&s.group_label(&t.group, lang)),
                &hm(Some(t.at)),
                &clock(t.planned_seconds),
                &adjusted,
                &t.actual_seconds.map_or_else(|| "—".into(), clock),
                &over(t.over_seconds()),
            ],
        );
    }
    out.push('\n');
}

fn moves(out: &mut String, s: &Sitting, r: &Record, lang: Lang) {
    if r.moves.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", R::Moves.text(lang));
    for m in &r.moves {
        let _ = writeln!(
            out,
            "- {} {}: {} → {}",
            hm(Some(m.at)),
            md(&m.member),
            md(&s.group_label(&m.from, lang)),
            md(&s.group_label(&m.to, lang)),
        );
    }
    out.push('\n');
}

fn speaking(out: &mut String, s: &Sitting, r: &Record, lang: Lang) {
    if r.speaking.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", R::Speaking.text(lang));
    let titles = [
        T::Group.text(lang),
        R::Name.text(lang),
        R::Speaking.text(lang),
        R::TurnCount.text(lang),
        R::Remarks.text(lang),
    ];
    header(out, "llrrl", &titles);
    for g in &r.speaking {
        let label = md(&s.group_label(&g.group, lang));
        if !g.recorded {
            let why = g.why_none(lang);
            row(out, &[&label, &"—", &"—", &"—", &why]);
            continue;
        }
        for m in &g.members {
            let remarks = remarks(s, m, lang).join(lang.pick("、", "; "));
            row(
                out,
                &[
                    &label,
                    &md(&m.name),
                    &clock(m.seconds),
                    &m.turns,
                    &md(&remarks),
                ],
            );
        }
        let _ = writeln!(
            out,
            "| **{label} {}** | | {} | {} | |",
            R::Total.text(lang),
            clock(g.total_seconds()),
            g.turns()
        );
    }
    out.push('\n');
}

/// Never spoke, absent, moved in or out: what a member's row notes, as
/// plain text.
pub(crate) fn remarks(
    s: &Sitting,
    m: &crate::review::record::MemberSpeaking,
    lang: Lang,
) -> Vec<String> {
    let mut out = Vec::new();
    if m.never_spoke {
        out.push(R::NeverSpoke.text(lang).to_string());
    }
    if m.absent {
        out.push(R::Absent.text(lang).to_string());
    }
    if let Some((from, at)) = &m.moved_in {
        out.push(moved_in(&s.group_label(from, lang), &hm(Some(*at)), lang));
    }
    if let Some((to, at)) = &m.moved_out {
        out.push(moved_out(&s.group_label(to, lang), &hm(Some(*at)), lang));
    }
    out
}
