//! Search folding: the one normal form that both a query and a note's text
//! are brought to before they are compared.
//!
//! - NFKC, so that ＫＰＩ ≡ KPI, full-width digits ≡ ASCII digits and
//!   half-width katakana ≡ full-width katakana;
//! - lower case, so that kpi ≡ KPI;
//! - katakana → hiragana, so that ワークショップ ≡ わーくしょっぷ;
//! - the wave dash 〜 ≡ the tilde ～ (both are typed for 「5～6月」).
//!
//! Folding works on *clusters* (a starter and the marks that combine with it)
//! and records where each folded cluster came from, so that a match found in
//! the folded text can be highlighted in the original.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

/// A text brought to the search form, with the way back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Folded {
    /// The folded text.
    pub(crate) text: String,
    /// For each folded cluster: its end in `text` and the original byte
    /// range it came from, in order.
    spans: Vec<(usize, Range<usize>)>,
}

impl Folded {
    /// The byte range of the original text that the folded range `range`
    /// came from, widened to whole clusters.
    pub(crate) fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let first = self.spans.partition_point(|(end, _)| *end <= range.start);
        let last = self
            .spans
            .partition_point(|(end, _)| *end < range.end)
            .min(self.spans.len().saturating_sub(1));
        match (self.spans.get(first), self.spans.get(last)) {
            (Some((_, a)), Some((_, b))) => a.start..b.end.max(a.start),
            _ => 0..0,
        }
    }
}

/// Folds `text` to the search form (see the module docs).
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_each_cluster(text, |_, folded| out.push_str(folded));
    out
}

/// Folds `text` and keeps the way back to the original for highlighting.
pub(crate) fn fold_mapped(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len());
    let mut spans = Vec::new();
    for_each_cluster(text, |range, folded| {
        out.push_str(folded);
        spans.push((out.len(), range));
    });
    Folded { text: out, spans }
}

/// The words of a query, each folded; blank words are dropped.
pub(crate) fn query_words(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_string).collect()
}

/// Calls `emit(original range, folded text)` for each cluster of `text`.
fn for_each_cluster(text: &str, mut emit: impl FnMut(Range<usize>, &str)) {
    let mut buf = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut end = i + c.len_utf8();
        while let Some(&(j, next)) = chars.peek() {
            if !joins_previous(next) {
                break;
            }
            end = j + next.len_utf8();
            chars.next();
        }
        let cluster = &text[i..end];
        buf.clear();
        if cluster.len() == c.len_utf8() {
            fold_char(c, &mut buf);
        } else {
            fold_slow(cluster, &mut buf);
        }
        emit(i..end, &buf);
    }
}

/// True for a character that NFKC may compose with the one before it: a
/// combining mark, or a (half-width) voiced sound mark.
fn joins_previous(c: char) -> bool {
    matches!(c, '\u{FF9E}' | '\u{FF9F}' | '\u{3099}' | '\u{309A}')
        || (c as u32 >= 0x300 && canonical_combining_class(c) != 0)
        || ('\u{1160}'..='\u{11FF}').contains(&c)
}

fn fold_char(c: char, out: &mut String) {
    match c {
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        '\0'..='\u{7F}' => out.push(c),
        // Hiragana and CJK ideographs are already in NFKC and have no case.
        '\u{3041}'..='\u{3096}' | '\u{4E00}'..='\u{9FFF}' | 'ー' | '、' | '。' => out.push(c),
        '\u{30A1}'..='\u{30F6}' | '\u{30FD}' | '\u{30FE}' => out.push(to_hiragana(c)),
        _ => fold_slow(c.encode_utf8(&mut [0; 4]), out),
    }
}

fn fold_slow(cluster: &str, out: &mut String) {
    for c in cluster.nfkc() {
        for lower in c.to_lowercase() {
            out.push(match lower {
                '\u{30A1}'..='\u{30F6}' | '\u{30FD}' | '\u{30FE}' => to_hiragana(lower),
                '\u{301C}' => '~',
                other => other,
            });
        }
    }
}

fn to_hiragana(c: char) -> char {
    char::from_u32(c as u32 - 0x60).unwrap_or(c)
}

/// A cluster whose folding is not one character of the same length: its
/// folded byte range and its original byte range (`[fs, fe, os, oe]`).
/// Between such clusters the folded and original texts differ only by a
/// shift, so these few ranges are all it takes to map a match back.
pub(crate) type Moved = [usize; 4];

/// The clusters of `text` whose folding moves bytes (see [`Moved`]).
pub(crate) fn moved_clusters(text: &str) -> Vec<Moved> {
    let mut out = Vec::new();
    let mut folded_at = 0;
    for_each_cluster(text, |range, folded| {
        let mut chars = folded.chars();
        let one = chars.next().is_some() && chars.next().is_none();
        let single = text[range.clone()].chars().nth(1).is_none();
        let end = folded_at + folded.len();
        if !(one && single && folded.len() == range.len()) {
            out.push([folded_at, end, range.start, range.end]);
        }
        folded_at = end;
    });
    out
}

/// The original byte range of the folded range `range`, widened to whole
/// clusters, from the [`moved_clusters`] of the text: the same as
/// [`Folded::original_range`] for a range inside the folded text.
pub(crate) fn original_range(moved: &[Moved], range: Range<usize>) -> Range<usize> {
    let shift = |k: usize, p: usize| match k.checked_sub(1).map(|i| moved[i]) {
        Some([_, fe, _, oe]) => (p + oe).saturating_sub(fe),
        None => p,
    };
    let k = moved.partition_point(|m| m[1] <= range.start);
    let start = match moved.get(k) {
        Some(m) if m[0] <= range.start => m[2],
        _ => shift(k, range.start),
    };
    let k = moved.partition_point(|m| m[1] < range.end);
    let end = match moved.get(k) {
        Some(m) if m[0] < range.end => m[3],
        _ => shift(k, range.end),
    };
    start..end.max(start)
}

/// [`match_ranges`] from the folded bytes of `original` and its
/// [`moved_clusters`], the words given as finders; `None` when a range
/// would not fall on the original's character boundaries (the pieces do not
/// belong together).
pub(crate) fn match_ranges_moved(
    original: &[u8],
    folded: &[u8],
    moved: &[Moved],
    words: &[memchr::memmem::Finder],
) -> Option<Vec<Range<usize>>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for finder in words.iter().filter(|w| !w.needle().is_empty()) {
        let mut pos = 0;
        while let Some(found) = finder.find(folded.get(pos..)?) {
            let r = pos + found..pos + found + finder.needle().len();
            pos = r.end;
            ranges.push(original_range(moved, r));
        }
    }
    let merged = merge(ranges);
    let fits =
        |i: usize| i == original.len() || original.get(i).is_some_and(|b| (*b as i8) >= -0x40);
    merged
        .iter()
        .all(|r| fits(r.start) && fits(r.end))
        .then_some(merged)
}

/// The finders of a query's words, for [`match_ranges_moved`].
pub(crate) fn finders(words: &[String]) -> Vec<memchr::memmem::Finder<'static>> {
    words
        .iter()
        .map(|w| memchr::memmem::Finder::new(w.as_bytes()).into_owned())
        .collect()
}

/// Finds every word of `words` in the folded text: true when all are there.
#[cfg(test)]
pub(crate) fn contains_all(folded: &str, words: &[String]) -> bool {
    words.iter().all(|w| folded.contains(w.as_str()))
}

/// The byte ranges of the original `text` where any of `words` matches,
/// sorted and merged, for highlighting.
pub(crate) fn match_ranges(text: &str, words: &[String]) -> Vec<Range<usize>> {
    if words.is_empty() {
        return Vec::new();
    }
    let folded = fold_mapped(text);
    ranges_in(&folded.text, words, |r| folded.original_range(r))
}

fn ranges_in(
    folded: &str,
    words: &[String],
    original: impl Fn(Range<usize>) -> Range<usize>,
) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for w in words.iter().filter(|w| !w.is_empty()) {
        for (at, _) in folded.match_indices(w.as_str()) {
            ranges.push(original(at..at + w.len()));
        }
    }
    merge(ranges)
}

fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_table() {
        let same = [
            ("ＫＰＩ", "kpi"),
            ("KPI", "kpi"),
            ("Kpi設定", "kpi設定"),
            ("１２３", "123"),
            ("令和７年", "令和7年"),
            ("ワークショップ", "わーくしょっぷ"),
            ("ﾜｰｸｼｮｯﾌﾟ", "わーくしょっぷ"),
            ("ガイドブック", "がいどぶっく"),
            ("ｶﾞｲﾄﾞ", "がいど"),
            ("セミナー", "せみなー"),
            ("ＤＸ推進", "dx推進"),
            ("５～６月", "5~6月"),
            ("5〜6月", "5~6月"),
            ("㈱", "(株)"),
            ("①", "1"),
            ("Ｗｅｂ　会議", "web 会議"),
            ("ヴ", "ゔ"),
            ("café", "café"),
            ("CAFÉ", "café"),
            ("e\u{301}", "é"),
            ("ΣΊΣΥΦΟΣ", "σίσυφοσ"),
        ];
        for (input, want) in same {
            assert_eq!(fold(input), want, "fold({input:?})");
        }
    }

    #[test]
    fn queries_split_on_any_space_and_all_words_must_match() {
        let words = query_words("ＫＰＩ　設定  ");
        assert_eq!(words, vec!["kpi".to_string(), "設定".to_string()]);
        let text = fold("KPIや数値目標を設定する");
        assert!(contains_all(&text, &words));
        assert!(!contains_all(&text, &query_words("KPI 経済団体")));
        assert!(contains_all(&text, &[]));
    }

    #[test]
    fn highlights_map_back_to_the_original() {
        let text = "経済団体とのＫＰＩ共有";
        let words = query_words("kpi");
        let ranges = match_ranges(text, &words);
        assert_eq!(ranges.len(), 1);
        assert_eq!(&text[ranges[0].clone()], "ＫＰＩ");

        let text = "ﾜｰｸｼｮｯﾌﾟで若者の声";
        let ranges = match_ranges(text, &query_words("わーくしょっぷ"));
        assert_eq!(&text[ranges[0].clone()], "ﾜｰｸｼｮｯﾌﾟ");

        let text = "セミナー後のセミナー";
        let ranges = match_ranges(text, &query_words("せみなー セミ"));
        assert_eq!(ranges.len(), 2);
        assert_eq!(&text[ranges[1].clone()], "セミナー");
    }

    #[test]
    fn moved_clusters_map_every_range_back_as_the_full_map_does() {
        let texts = [
            "ワークショップとKPI、連携",
            "ＫＰＩとｾﾐﾅｰ、㈱豊岡のe\u{301}と①〜②",
            "ﾜｰｸｼｮｯﾌﾟで若者のＤＸ",
            "",
            "abc",
            "ﬁle　Ｗｅｂ",
        ];
        for text in texts {
            let full = fold_mapped(text);
            let moved = moved_clusters(text);
            let bounds: Vec<usize> = (0..=full.text.len())
                .filter(|i| full.text.is_char_boundary(*i))
                .collect();
            for (i, a) in bounds.iter().enumerate() {
                for b in &bounds[i + 1..] {
                    assert_eq!(
                        original_range(&moved, *a..*b),
                        full.original_range(*a..*b),
                        "{text:?} {a}..{b}"
                    );
                }
            }
            let words = query_words("kpi せみ ワーク 株 1 e Web");
            assert_eq!(
                match_ranges_moved(
                    text.as_bytes(),
                    full.text.as_bytes(),
                    &moved,
                    &finders(&words)
                ),
                Some(match_ranges(text, &words)),
                "{text:?}"
            );
        }
        assert!(moved_clusters("ワークショップとKPI、連携").is_empty());
        // Folded bytes that do not belong to the text are refused.
        let words = query_words("あ");
        assert_eq!(
            match_ranges_moved(b"ab", "xあ".as_bytes(), &[], &finders(&words)),
            None
        );
    }

    #[test]
    fn a_cluster_that_grows_is_highlighted_whole() {
        // ㈱ folds to "(株)": matching only "株" still marks the whole sign.
        let text = "㈱豊岡";
        let ranges = match_ranges(text, &query_words("株"));
        assert_eq!(&text[ranges[0].clone()], "㈱");
    }
}
