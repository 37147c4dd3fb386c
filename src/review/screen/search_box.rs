//! The search box of the review screen: words, plus filters typed inline
//! as `g:A`, `t:1`, `k:課題`, `s:気仙沼`, `from:2026-01-01`, `to:2026-03-31`.

use chrono::NaiveDate;

use super::state::State;
use crate::i18n::Lang;
use crate::review::search::{Filters, NoteAt, Query, parse_kind};

/// Reads what was typed in the search box: the query, or what is wrong
/// with one of its filters.
pub fn parse(text: &str, lang: Lang) -> Result<Query, String> {
    let mut words = Vec::new();
    let mut f = Filters::default();
    for token in text.split_whitespace() {
        let Some((key, value)) = token.split_once([':', '：']) else {
            words.push(token);
            continue;
        };
        let date = |v: &str| {
            NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
                format!(
                    "{token}: {}",
                    lang.pick("日付は YYYY-MM-DD", "dates are YYYY-MM-DD")
                )
            })
        };
        match key {
            _ if value.is_empty() => {}
            "g" | "group" | "班" => f.group = Some(value.to_string()),
            "t" | "theme" | "テーマ" => f.theme = Some(value.to_string()),
            "s" | "speaker" | "発言者" => f.speaker = Some(value.to_string()),
            "k" | "kind" | "種類" => {
                let kind = parse_kind(value).ok_or_else(|| {
                    format!(
                        "{token}: {}",
                        lang.pick("その種類はありません", "no such kind")
                    )
                })?;
                f.kind = Some(kind);
            }
            "from" | "since" => f.since = Some(date(value)?),
            "to" | "until" => f.until = Some(date(value)?),
            _ => words.push(token),
        }
    }
    Ok(Query::new(&words.join(" "), f))
}

/// The search box and its results.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchBox {
    /// What was typed.
    pub(crate) text: String,
    /// The query it reads as (the last good one while a filter is wrong).
    pub(crate) query: Query,
    /// What is wrong with a filter, if anything.
    pub error: Option<String>,
    /// The hits, newest first.
    pub hits: Vec<NoteAt>,
    /// The selected hit.
    pub(crate) selected: usize,
}

/// After the text changed: the query read again and the hits found anew.
pub(crate) fn refresh(state: &mut State) {
    match parse(&state.search.text, state.lang) {
        Ok(q) => {
            state.search.query = q;
            state.search.error = None;
        }
        Err(e) => {
            // A filter that does not parse is not silently dropped: no
            // results until it is fixed, with the error saying why.
            state.search.error = Some(e);
            state.search.hits.clear();
            state.search.selected = 0;
            return;
        }
    }
    let Some(data) = &state.data else { return };
    state.search.hits = if state.search.query.is_empty() {
        Vec::new()
    } else {
        data.index.search(&data.archive, &state.search.query)
    };
    state.search.selected = 0;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::notes::NoteKind;

    #[test]
    fn inline_filters_and_words() {
        let q = parse("ＫＰＩ g:A k:課題 s：佐野 from:2026-01-01", Lang::Ja).unwrap();
        assert_eq!(q.words, ["kpi"]);
        assert_eq!(q.filters.group.as_deref(), Some("A"));
        assert_eq!(q.filters.kind, Some(NoteKind::Issue));
        assert_eq!(q.filters.speaker.as_deref(), Some("佐野"));
        assert_eq!(q.filters.since, NaiveDate::from_ymd_opt(2026, 1, 1));
        assert_eq!(
            parse("http://x 14:00", Lang::Ja).unwrap().words,
            ["http://x", "14:00"]
        );
        assert!(parse("k:感想", Lang::Ja).unwrap_err().contains("k:感想"));
        assert!(parse("to:2026/01", Lang::En).is_err());
        assert!(parse("g:", Lang::Ja).unwrap().is_empty());
    }
}
