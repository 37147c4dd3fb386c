//! Narrowing a theme comparison: a range of sittings (by the numbers the
//! sitting list shows, 1 the oldest: `2-5`, `3-`, `from:3 to:5`; or by
//! date, or a sitting's folder name standing for its date), a stage of the 取組サイクル
//! (a group is at a stage when its label or one of its members' stages
//! names it), and a kind of note — typed as in the search box
//! (`from:2026-01-01 to:jichitai-10 stage:② k:課題`), and how many notes
//! each question holds once narrowed.

use chrono::NaiveDate;

use super::archive::{Archive, Sitting};
use super::fold::fold;
use super::themes::{Answers, ThemeEntry};
use crate::i18n::Lang;
use crate::model::notes::{Note, NoteKind};
use crate::model::stage::same_stage;

/// What a comparison is narrowed to. The default lets everything through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Filter {
    /// Sittings on or after this day.
    pub(crate) since: Option<NaiveDate>,
    /// Sittings on or before this day.
    pub(crate) until: Option<NaiveDate>,
    /// Sittings numbered from, to (as the sitting list numbers them, 1 the
    /// oldest), as typed.
    pub(crate) numbers: (Option<usize>, Option<usize>),
    /// The folder names of the sittings in that range of numbers, when one
    /// is set.
    pub(crate) ids: Option<Vec<String>>,
    /// Groups at this stage.
    pub(crate) stage: Option<String>,
    /// Notes of this kind.
    pub(crate) kind: Option<NoteKind>,
}

impl Filter {
    /// True when nothing is filtered.
    pub(crate) fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// True when the sitting falls in the range (a sitting without a date
    /// falls outside any range).
    pub(crate) fn sitting(&self, s: &Sitting) -> bool {
        if self.ids.as_ref().is_some_and(|ids| !ids.contains(&s.id)) {
            return false;
        }
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        s.date()
            .is_some_and(|d| self.since.is_none_or(|a| d >= a) && self.until.is_none_or(|b| d <= b))
    }

    /// True when the group of the sitting is at the stage.
    pub(crate) fn group(&self, s: &Sitting, group: &str) -> bool {
        let Some(stage) = &self.stage else {
            return true;
        };
        let Some(g) = s.plan.as_ref().and_then(|p| p.group(group)) else {
            return false;
        };
        g.label.as_deref().is_some_and(|l| same_stage(l, stage))
            || g.members
                .iter()
                .filter_map(|m| m.stage.as_deref())
                .any(|m| same_stage(m, stage))
    }

    /// True when the note is of the kind.
    pub(crate) fn note(&self, n: &Note) -> bool {
        self.kind.is_none_or(|k| n.kind == k)
    }
}

/// Reads the filter line: a range of sitting numbers (`2-5`, `2〜5`,
/// `3-`, `-5`, `4`), `from:`/`to:` (a sitting number, a date, or a
/// sitting's folder name for its date), `stage:`/`段階:` and `k:`/`種類:`.
/// Anything else is an error that says which word and what is allowed.
pub(crate) fn parse(text: &str, archive: &Archive, lang: Lang) -> Result<Filter, String> {
    let mut f = Filter::default();
    let mut rest: Vec<String> = Vec::new();
    let count = archive.sittings.len();
    for token in text.split_whitespace() {
        let Some((key, value)) = token.split_once([':', '：']) else {
            let (a, b) = range(token).ok_or_else(|| unknown(token, lang))?;
            f.numbers = (a.or(f.numbers.0), b.or(f.numbers.1));
            continue;
        };
        match key {
            _ if value.is_empty() => {}
            // Free labels (「立ち上げ期」) are stages too.
            "stage" | "段階" | "ステージ" => f.stage = Some(value.to_string()),
            "from" | "since" | "to" | "until" => {
                let from = matches!(key, "from" | "since");
                if let Some(n) = number(value) {
                    if from {
                        f.numbers.0 = Some(n);
                    } else {
                        f.numbers.1 = Some(n);
                    }
                    continue;
                }
                // A sitting's folder name stands for its date.
                match archive.sitting(value).and_then(Sitting::date) {
                    Some(d) => rest.push(format!("{key}:{d}")),
                    None => rest.push(token.to_string()),
                }
            }
            "k" | "kind" | "種類" => rest.push(token.to_string()),
            _ => return Err(unknown(token, lang)),
        }
    }
    if f.numbers != (None, None) {
        let (a, b) = f.numbers;
        let (lo, hi) = (a.unwrap_or(1), b.unwrap_or(count));
        for n in [a, b].into_iter().flatten() {
            if n == 0 || n > count {
                return Err(out_of_range(n, count, lang));
            }
        }
        if lo > hi {
            return Err(format!(
                "{lo}-{hi}: {}",
                lang.pick(
                    "小さい番号から書きます（例 2-5）",
                    "write the lower number first (e.g. 2-5)"
                )
            ));
        }
        // The list is newest first: number n is the n-th oldest.
        f.ids = Some(
            archive.sittings[count - hi..=count - lo]
                .iter()
                .map(|s| s.id.clone())
                .collect(),
        );
    }
    let q = crate::review::screen::search_box::parse(&rest.join(" "), lang)?;
    f.since = q.filters.since;
    f.until = q.filters.until;
    f.kind = q.filters.kind;
    Ok(f)
}

/// The number of a sitting as the list shows it (1 the oldest) for the
/// sitting at `index` in the archive's newest-first order.
pub(crate) fn sitting_number(archive: &Archive, index: usize) -> usize {
    archive.sittings.len() - index
}

/// A sitting number typed with half- or full-width digits.
fn number(text: &str) -> Option<usize> {
    let digits: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(u32::from(c) - 0xFF10 + u32::from('0')).unwrap_or(c),
            _ => c,
        })
        .collect();
    let digits = digits.strip_prefix(['#', '＃']).unwrap_or(&digits);
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// A range of sitting numbers: `2-5` (also with 〜 ~ ～ − －), `3-`, `-5`, `4`.
fn range(token: &str) -> Option<(Option<usize>, Option<usize>)> {
    if let Some(n) = number(token) {
        return Some((Some(n), Some(n)));
    }
    let (a, b) = token.split_once(['-', '〜', '~', '～', '−', '－', 'ー'])?;
    let side = |t: &str| {
        if t.is_empty() {
            Some(None)
        } else {
            number(t).map(Some)
        }
    };
    let (a, b) = (side(a)?, side(b)?);
    (a.is_some() || b.is_some()).then_some((a, b))
}

fn out_of_range(n: usize, count: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{n}: 会の番号は 1〜{count}（一覧の左の番号）"),
        Lang::En => format!("{n}: sittings are numbered 1-{count} (left of the list)"),
    }
}

fn unknown(token: &str, lang: Lang) -> String {
    format!(
        "{token}: {}",
        lang.pick(
            "使えるのは 2-5（会の番号） from: to: stage: k:",
            "use 2-5 (sitting numbers) from: to: stage: k:"
        )
    )
}

/// The answers narrowed by the filter: sittings out of range, groups at
/// another stage and notes of another kind dropped; groups left with no
/// note dropped too.
pub(crate) fn narrow(archive: &Archive, found: Vec<Answers>, filter: &Filter) -> Vec<Answers> {
    if filter.is_empty() {
        return found;
    }
    found
        .into_iter()
        .filter_map(|mut a| {
            let s = &archive.sittings[a.sitting];
            if !filter.sitting(s) || !filter.group(s, &s.groups[a.group].id) {
                return None;
            }
            a.notes
                .retain(|at| at.note(archive).is_some_and(|n| filter.note(n)));
            (!a.notes.is_empty()).then_some(a)
        })
        .collect()
}

/// How many notes each question of the theme holds once narrowed, in the
/// order of `entry.questions`, then the notes that name no known question.
/// One pass over the theme's notes.
pub(crate) fn question_counts(
    archive: &Archive,
    entry: &ThemeEntry,
    filter: &Filter,
) -> Vec<usize> {
    let keys: Vec<String> = entry.questions.iter().map(|q| fold(&q.text)).collect();
    let mut counts = vec![0usize; keys.len() + 1];
    for (si, theme_id) in &entry.uses {
        let s = &archive.sittings[*si];
        let Some(theme) = s.plan.as_ref().and_then(|p| p.theme(theme_id)) else {
            continue;
        };
        if !filter.sitting(s) {
            continue;
        }
        // A question id of this sitting → its row.
        let rows: Vec<(&str, usize)> = theme
            .all_questions()
            .filter_map(|q| {
                let key = fold(&q.text);
                keys.iter()
                    .position(|k| *k == key)
                    .map(|r| (q.id.as_str(), r))
            })
            .collect();
        for g in &s.groups {
            let Some(file) = &g.notes else { continue };
            if !filter.group(s, &g.id) {
                continue;
            }
            for n in file.notes.iter().filter(|n| !n.deleted && filter.note(n)) {
                if s.theme_of(&g.id, n).is_none_or(|t| t.id != *theme_id) {
                    continue;
                }
                let row = n
                    .question
                    .as_deref()
                    .and_then(|id| rows.iter().find(|(q, _)| *q == id))
                    .map_or(keys.len(), |(_, r)| *r);
                counts[row] += 1;
            }
        }
    }
    counts
}

#[cfg(test)]
#[path = "compare_filter_tests.rs"]
mod tests;
