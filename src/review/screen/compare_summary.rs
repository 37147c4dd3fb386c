//! The top of a theme comparison's answers pane: how many notes answer the
//! question, by kind and across how many sittings and groups, then every
//! group's summary (まとめ) of the theme, sitting by sitting, before the
//! notes themselves.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use super::state::Loaded;
use crate::i18n::Lang;
use crate::i18n::review::{ReviewText as T, kind_label};
use crate::model::notes::NoteKind;
use crate::review::compare_filter::Filter;
use crate::review::themes::{Answers, ThemeEntry};
use crate::tui::text::sanitize::inert;
use crate::tui::text::styled::wrap;

const KINDS: [NoteKind; 6] = NoteKind::ALL;

/// The counts line and the summaries, for the answers `found`.
pub(crate) fn summary_lines(
    data: &Loaded,
    lang: Lang,
    entry: &ThemeEntry,
    found: &[Answers],
    width: usize,
    filter: &Filter,
) -> Vec<Line<'static>> {
    let dim = Style::new().fg(Color::DarkGray);
    let mut counts = [0usize; 6];
    let mut sittings: Vec<usize> = Vec::new();
    for a in found {
        if !sittings.contains(&a.sitting) {
            sittings.push(a.sitting);
        }
        for n in a.notes.iter().filter_map(|at| at.note(&data.archive)) {
            if let Some(i) = KINDS.iter().position(|k| *k == n.kind) {
                counts[i] += 1;
            }
        }
    }
    let total: usize = counts.iter().sum();
    let by_kind: Vec<String> = KINDS
        .iter()
        .zip(counts)
        .filter(|(_, c)| *c > 0)
        .map(|(k, c)| format!("{} {c}", kind_label(*k, lang)))
        .collect();
    let line = match lang {
        // Nobody spoke to the question (under this filter): said once,
        // with no empty counts.
        _ if total == 0 => T::NoNotes.text(lang).to_string(),
        Lang::Ja => format!(
            "{}会・{}グループ {total}件: {}",
            sittings.len(),
            found.len(),
            by_kind.join("・")
        ),
        Lang::En => format!(
            "{} sittings, {} groups, {total} notes: {}",
            sittings.len(),
            found.len(),
            by_kind.join(", ")
        ),
    };
    let mut out = wrap(&[(line, dim)], width, 0);
    out.push(Line::default());
    out.push(Line::styled(
        T::Summary.text(lang),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    // Groups with no summary are named on one line per sitting, so that
    // a large archive does not push the notes pages down.
    for (si, theme_id) in &entry.uses {
        let s = &data.archive.sittings[*si];
        // The filter's sittings and stage narrow the summaries too.
        if !filter.sitting(s) {
            continue;
        }
        let day = s.date().map(|d| d.to_string()).unwrap_or_default();
        let mut without: Vec<String> = Vec::new();
        for g in &s.groups {
            if !s.themes_of(&g.id).iter().any(|t| t.id == *theme_id) || !filter.group(s, &g.id) {
                continue;
            }
            let summary = s
                .notes_of(&g.id)
                .and_then(|f| f.summary.as_ref())
                .map(|x| x.text.trim())
                .filter(|x| !x.is_empty());
            let label = inert(&s.group_label(&g.id, lang));
            match summary {
                Some(text) => {
                    let who = format!(" {day} {label}: ");
                    out.extend(wrap(&[(who, dim), (inert(text), Style::new())], width, 3));
                }
                None => without.push(label),
            }
        }
        if !without.is_empty() {
            let line = format!(
                " {day} {}: {}",
                T::NoSummary.text(lang),
                without.join(lang.pick("・", ", "))
            );
            out.extend(wrap(&[(line, dim)], width, 3));
        }
    }
    out.push(Line::default());
    out
}
