//! The filter line of the theme comparison: `f` starts typing filters as
//! in the search box (`2-5 from:2026-01-01 to:jichitai-10 stage:② k:課題`), the
//! comparison and its counts narrow as you type, Enter keeps the filter,
//! Esc goes back to the one kept before, and `c` clears it. While a
//! filter is set it is shown on the first row of the comparison.

use crossterm::event::KeyEvent;
use ratatui::style::{Color, Style};
use ratatui::text::Line;

use super::state::{Action, State, View};
use crate::i18n::Lang;
use crate::i18n::review::{ReviewText as T, kind_label};
use crate::review::compare_filter::{Filter, parse};
use crate::tui::text::sanitize::inert;
use crate::tui::text::width;

/// What was typed as the filter and what it reads as.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FilterBox {
    /// What was typed.
    pub(crate) text: String,
    /// The text when typing started, back on Esc.
    pub(crate) kept: String,
    /// Keys type into the filter.
    pub(crate) typing: bool,
    /// The filter in force (the last one that read well).
    pub(crate) filter: Filter,
    /// What is wrong with what was typed, if anything.
    pub error: Option<String>,
}

/// True while keys type into the filter line.
pub(crate) fn typing(state: &State) -> bool {
    state.compare.typing && matches!(state.view(), View::Compare { .. })
}

/// True when the filter row is on screen (typing, or a filter set).
pub(crate) fn shown(state: &State) -> bool {
    matches!(state.view(), View::Compare { .. })
        && (state.compare.typing || !state.compare.text.trim().is_empty())
}

/// What a key does while typing: Enter keeps, Esc goes back, Ctrl+C
/// quits, Backspace erases; other characters are text.
pub(crate) fn key(key: &KeyEvent) -> Option<Action> {
    super::typing_line::key(key, |keep| Action::FilterDone { keep })
}

/// Starts typing the filter.
pub(crate) fn start(state: &mut State) {
    state.compare.kept = state.compare.text.clone();
    state.compare.typing = true;
}

/// Ends typing: Enter keeps the filter unless it does not read (then
/// typing goes on, the error on screen); Esc brings back the filter kept.
pub(crate) fn done(state: &mut State, keep: bool) {
    if keep && state.compare.error.is_some() {
        return;
    }
    if !keep {
        state.compare.text = state.compare.kept.clone();
        reparse(state);
    }
    state.compare.typing = false;
}

/// Clears the filter.
pub(crate) fn clear(state: &mut State) {
    state.compare.text.clear();
    state.compare.kept.clear();
    state.compare.typing = false;
    reparse(state);
}

/// After the text changed: read again; the answers go back to their top.
pub(crate) fn reparse(state: &mut State) {
    let Some(data) = &state.data else { return };
    match parse(&state.compare.text, &data.archive, state.lang) {
        Ok(f) => {
            state.compare.filter = f;
            state.compare.error = None;
        }
        Err(e) => state.compare.error = Some(e),
    }
    if let Some(View::Compare { scroll, .. }) = state.views.last_mut() {
        *scroll = 0;
    }
}

/// The filter row: what is typed (with the error) while typing, else the
/// filter in force as chips.
pub(crate) fn line(state: &State) -> Line<'static> {
    let lang = state.lang;
    let b = &state.compare;
    let label = lang.pick("絞り込み", "Filter");
    if b.typing {
        let mut l = Line::styled(
            format!(" {label}> {}", inert(&b.text)),
            Style::new().fg(Color::Yellow),
        );
        if let Some(e) = &b.error {
            l.push_span(ratatui::text::Span::styled(
                format!("  {}", inert(e)),
                Style::new().fg(Color::Red),
            ));
        }
        return l;
    }
    Line::styled(
        format!(" {label}: {}", chips(&b.filter, lang)),
        Style::new().fg(Color::Green),
    )
}

/// The filter as chips: `日付=2026-01-01〜  段階=②  種類=課題`.
pub(crate) fn chips(f: &Filter, lang: Lang) -> String {
    let mut parts = Vec::new();
    if f.numbers != (None, None) {
        let n = |n: Option<usize>| n.map(|n| n.to_string()).unwrap_or_default();
        let (a, b) = f.numbers;
        let range = if a == b {
            n(a)
        } else {
            format!("{}〜{}", n(a), n(b))
        };
        parts.push(format!("{}={range}", lang.pick("会", "sittings")));
    }
    if f.since.is_some() || f.until.is_some() {
        let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        parts.push(format!(
            "{}={}〜{}",
            T::Date.text(lang),
            day(f.since),
            day(f.until)
        ));
    }
    if let Some(s) = &f.stage {
        parts.push(format!("{}={}", lang.pick("段階", "stage"), inert(s)));
    }
    if let Some(k) = f.kind {
        parts.push(format!("{}={}", T::Kind.text(lang), kind_label(k, lang)));
    }
    parts.join("  ")
}

/// Where the caret goes while typing (for the IME): after the text on the
/// filter row, the first row of the body.
pub(crate) fn cursor(state: &State) -> Option<(u16, u16)> {
    if !typing(state) {
        return None;
    }
    let label = state.lang.pick("絞り込み", "Filter");
    let x = width(&format!(" {label}> {}", inert(&state.compare.text)));
    Some((x.min(usize::from(state.size.0.saturating_sub(1))) as u16, 2))
}

/// The footer while typing.
pub(crate) fn footer(lang: Lang) -> Vec<crate::tui::keys::Hint> {
    use crate::tui::keys::Hint;
    vec![
        Hint::new("Enter", lang.pick("決定", "keep")),
        Hint::new("Esc", lang.pick("戻す", "undo")),
        Hint::new(
            "2-5 from: to: stage: k:",
            lang.pick("例 2-5 k:課題", "e.g. 2-5 k:issue"),
        ),
    ]
}

/// How to write a filter, for the comparison's help: the same words the
/// filter line reads.
pub(crate) fn help(lang: Lang) -> crate::tui::keys::Section {
    use crate::tui::keys::{HelpRow, Section};
    let row = |keys: &[&str], ja: &str, en: &str| HelpRow {
        keys: keys.iter().map(|k| k.to_string()).collect(),
        what: lang.pick(ja, en).to_string(),
    };
    Section {
        title: lang
            .pick("絞り込み（f）の書き方", "Writing a filter (f)")
            .to_string(),
        rows: vec![
            row(
                &["2-5", "2〜5", "3-", "-5", "4"],
                "会の番号（一覧の左、1 が最も古い会、日付のまだない会は最後）の範囲",
                "a range of sitting numbers (left of the list, 1 the oldest, a sitting with no day yet last)",
            ),
            row(
                &["from:3", "to:5"],
                "番号で始めと終わりを別に",
                "the first and last sitting by number",
            ),
            row(
                &["from:2026-01-01", "to:jichitai-10"],
                "日付で（会のフォルダ名はその日付）",
                "by date (a sitting's folder name stands for its date)",
            ),
            row(
                &["stage:①", "段階:2"],
                "取組サイクルの段階（① = 1 = 段階１）",
                "a stage of the cycle (① = 1)",
            ),
            row(&["k:課題"], "メモの種類", "a kind of note"),
        ],
    }
}
