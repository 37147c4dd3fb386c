//! Finding the hits of a query in the cached sittings and printing them as
//! `bunkakai search` does.

use std::borrow::Cow;
use std::io::Write;

use memchr::memmem::Finder;

use super::CachedSitting;
use super::block::Row;
use crate::i18n::Lang;
use crate::i18n::review::kind_label;
use crate::review::fold::{finders, fold, match_ranges, match_ranges_moved};
use crate::review::hit::{Line, head, mark};
use crate::review::search::Query;
use crate::tui::text::sanitize::inert;

/// A hit: the index of the sitting and of the note in its block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// Index of the sitting in the slice searched.
    pub(crate) sitting: usize,
    /// Index of the note in the sitting's block.
    pub(crate) row: usize,
}

/// Every note matching `query`, newest first, with the same filters and
/// folding as [`crate::review::search::NoteIndex::search`].
pub(crate) fn search(sittings: &[CachedSitting], query: &Query) -> Vec<Hit> {
    let f = &query.filters;
    let speaker = f.speaker.as_deref().map(fold);
    let theme = f.theme.as_ref().map(|t| (t.trim(), fold(t.trim())));
    // The longest word is scanned for; the others are checked per note.
    let mut words: Vec<&str> = query.words.iter().map(String::as_str).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let finders: Vec<Finder> = words.iter().map(|w| Finder::new(w.as_bytes())).collect();
    // One word and no filter: a match is a hit, nothing else to look at.
    let plain = f.is_empty() && finders.len() == 1;
    let mut hits = Vec::new();
    for (si, s) in sittings.iter().enumerate() {
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
            hits.extend(
                (0..b.len())
                    .filter(|i| b.row(*i).is_some_and(|r| keep(&r)))
                    .map(|row| Hit { sitting: si, row }),
            );
            continue;
        };
        let all = b.folded();
        let width = first.needle().len();
        // Notes are walked forward with the matches; once a note is taken
        // its other matches are skipped.
        let (mut pos, mut row, mut taken_to) = (0, 0, 0);
        loop {
            let mut again = None;
            for found in first.find_iter(&all[pos..]) {
                let at = pos + found;
                if at < taken_to {
                    if at + width > taken_to {
                        // Overlaps the next note: look there afresh.
                        again = Some(taken_to);
                        break;
                    }
                    continue;
                }
                while b.folded_range(row).is_some_and(|r| r.end <= at) {
                    row += 1;
                }
                let Some(range) = b.folded_range(row) else {
                    break;
                };
                if at + width > range.end {
                    // Across two notes: look again from the next byte.
                    again = Some(at + 1);
                    break;
                }
                if plain || b.row(row).is_some_and(|r| keep(&r)) {
                    hits.push(Hit { sitting: si, row });
                }
                taken_to = range.end;
            }
            match again {
                Some(p) => pos = p,
                None => break,
            }
        }
    }
    hits
}

/// Prints the hits one line each, as [`crate::review::hit::line`] does;
/// stops at the first write error and returns it.
pub(crate) fn write_hits(
    sittings: &[CachedSitting],
    hits: &[Hit],
    words: &[String],
    lang: Lang,
    color: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    // What every hit of a sitting shares, made inert once.
    let heads: Vec<(String, String, Vec<String>)> = sittings
        .iter()
        .map(|s| {
            let b = &s.block;
            let date = b.date.map(|d| d.to_string()).unwrap_or_default();
            (
                date,
                inert(b.id),
                b.groups.iter().map(|g| inert(g)).collect(),
            )
        })
        .collect();
    let finders = finders(words);
    let ctx = Context {
        sittings,
        heads: &heads,
        finders: &finders,
        words,
        lang,
        color,
    };
    let mut buf = Vec::with_capacity(1 << 18);
    for chunk in hits.chunks(CHUNK) {
        buf.clear();
        ctx.format(chunk, &mut buf);
        out.write_all(&buf)?;
    }
    Ok(())
}

/// Hits formatted before their lines are written.
const CHUNK: usize = 1024;

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

/// What formatting a hit line needs besides the hit.
struct Context<'a> {
    sittings: &'a [CachedSitting<'a>],
    heads: &'a [(String, String, Vec<String>)],
    finders: &'a [Finder<'static>],
    words: &'a [String],
    lang: Lang,
    color: bool,
}

impl Context<'_> {
    /// Appends the lines of `hits` to `buf`.
    fn format(&self, hits: &[Hit], buf: &mut Vec<u8>) {
        let Context {
            sittings,
            heads,
            finders,
            words,
            lang,
            color,
        } = *self;
        for hit in hits {
            let b = &sittings[hit.sitting].block;
            let Some(row) = b.row(hit.row) else { continue };
            let (date, id, groups) = &heads[hit.sitting];
            let time = clock(row.minute);
            let kind = kind_label(row.kind, lang);
            let speaker: Cow<[u8]> = match row.speaker {
                Some(name) if row.speaker_clean => Cow::Borrowed(name),
                None => Cow::Borrowed("—".as_bytes()),
                Some(name) => {
                    let Ok(name) = std::str::from_utf8(name) else {
                        continue;
                    };
                    Cow::Owned(inert(name).into_bytes())
                }
            };
            let group = groups[row.group].as_bytes();
            let parts = [
                date.as_bytes(),
                id.as_bytes(),
                group,
                &time,
                &speaker,
                kind.as_bytes(),
            ];
            let ranges = match_ranges_moved(row.text, row.folded, &row.moved(), finders);
            match ranges {
                Some(ranges) if row.clean => {
                    head(buf, parts);
                    let mut at = 0;
                    for r in ranges {
                        mark(buf, &row.text[at..r.start], false);
                        mark(buf, &row.text[r.clone()], color);
                        at = r.end;
                    }
                    mark(buf, &row.text[at..], false);
                }
                _ => {
                    let Ok(text) = std::str::from_utf8(row.text) else {
                        continue;
                    };
                    let ranges = ranges.unwrap_or_else(|| match_ranges(text, words));
                    Line {
                        date,
                        sitting: b.id,
                        group: b.groups[row.group],
                        time: std::str::from_utf8(&time).unwrap_or_default(),
                        speaker: row.speaker.and_then(|s| std::str::from_utf8(s).ok()),
                        kind,
                        text,
                    }
                    .write(&ranges, color, buf);
                }
            }
            buf.push(b'\n');
        }
    }
}
