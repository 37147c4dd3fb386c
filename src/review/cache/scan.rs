//! Finding the hits of a query in the cached sittings, as
//! [`crate::review::search::NoteIndex::search`] finds them.

use memchr::memmem::Finder;

use super::CachedSitting;
use super::block::Row;
use crate::review::fold::fold;
use crate::review::search::Query;

/// A hit: the index of the sitting and of the note in its block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// Index of the sitting in the slice searched.
    pub(crate) sitting: usize,
    /// Index of the note in the sitting's block.
    pub(crate) row: usize,
}

/// Every note matching `query`, newest first, with the same filters and
/// folding as [`crate::review::search::NoteIndex::search`], handing the hits to `each` sitting by sitting (the index of
/// the sitting and its matching notes, in order) rather than gathering
/// them; stops at the first error `each` returns, and returns it.
pub(crate) fn search_each(
    sittings: &[CachedSitting],
    query: &Query,
    mut each: impl FnMut(usize, &[usize]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let f = &query.filters;
    let speaker = f.speaker.as_deref().map(fold);
    let theme = f.theme.as_ref().map(|t| (t.trim(), fold(t.trim())));
    // The longest word is scanned for; the others are checked per note.
    let mut words: Vec<&str> = query.words.iter().map(String::as_str).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let finders: Vec<Finder> = words.iter().map(|w| Finder::new(w.as_bytes())).collect();
    // One word and no filter: a match is a hit, nothing else to look at.
    let plain = f.is_empty() && finders.len() == 1;
    let mut rows: Vec<usize> = Vec::new();
    for (si, s) in sittings.iter().enumerate() {
        rows.clear();
        let b = &s.block;
        let day_ok = f
            .since
            .is_none_or(|since| b.date.is_some_and(|d| d >= since))
            && f.until
                .is_none_or(|until| b.date.is_some_and(|d| d <= until));
        if !day_ok {
            continue;
        }
        let theme_ok: Option<Vec<bool>> = theme.as_ref().map(|(t, folded)| {
            b.themes
                .iter()
                .map(|(id, title)| {
                    id == t || (!folded.is_empty() && title.contains(folded.as_str()))
                })
                .collect()
        });
        let group_ok: Option<Vec<bool>> = f.group.as_ref().map(|g| {
            b.groups
                .iter()
                .map(|id| id.eq_ignore_ascii_case(g.trim()))
                .collect()
        });
        let keep = |row: &Row| {
            f.kind.is_none_or(|k| row.kind == k)
                && theme_ok
                    .as_ref()
                    .is_none_or(|ok| row.theme.is_some_and(|t| ok[t]))
                && speaker.as_ref().is_none_or(|sp| {
                    memchr::memmem::find(row.speaker_folded, sp.as_bytes()).is_some()
                })
                && group_ok.as_ref().is_none_or(|ok| ok[row.group])
                && finders.iter().skip(1).all(|w| w.find(row.folded).is_some())
        };
        let Some(first) = finders.first() else {
            rows.extend((0..b.len()).filter(|i| b.row(*i).is_some_and(|r| keep(&r))));
            each(si, &rows)?;
            continue;
        };
        let all = b.folded();
        let width = first.needle().len();
        // Notes are walked forward with the matches; once a note is taken
        // the scan goes on after it.
        let (mut pos, mut row) = (0, 0);
        while let Some(found) = all.get(pos..).and_then(|rest| first.find(rest)) {
            let at = pos + found;
            while b.folded_range(row).is_some_and(|r| r.end <= at) {
                row += 1;
            }
            let Some(range) = b.folded_range(row) else {
                break;
            };
            if at + width > range.end {
                // Across two notes: look again from the next byte.
                pos = at + 1;
                continue;
            }
            if plain || b.row(row).is_some_and(|r| keep(&r)) {
                rows.push(row);
            }
            pos = range.end;
        }
        each(si, &rows)?;
    }
    Ok(())
}

/// The clock time `HH:MM` of `minute` after midnight.
pub(super) fn clock(minute: u16) -> [u8; 5] {
    [
        b'0' + (minute / 600 % 10) as u8,
        b'0' + (minute / 60 % 10) as u8,
        b':',
        b'0' + (minute % 60 / 10) as u8,
        b'0' + (minute % 10) as u8,
    ]
}
