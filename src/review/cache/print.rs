//! Printing the hits of `bunkakai search`, one line each, as
//! [`crate::review::hit::line`] writes them: the costly part for a common
//! word, whose tens of thousands of lines are most of the work.
//!
//! A line's head is put together from pieces made once (a prefix per
//! sitting and group, the kind's label), and its text is written as it is
//! stored (already inert) straight from the mapped cache by vectored
//! writes, never copied into a buffer first. With colour the text is cut at
//! its matches, and only the escape sequences around them are added.

use std::borrow::Cow;
use std::io::{IoSlice, Write};

use memchr::memmem::Finder;

use super::CachedSitting;
use super::block::Block;
use super::scan::{Hit, clock, search_each};
use crate::i18n::Lang;
use crate::i18n::review::kind_label;
use crate::model::notes::NoteKind;
use crate::review::fold::{Moved, finders, match_ranges, match_ranges_moved};
use crate::review::hit::Line;
use crate::review::search::Query;
use crate::tui::text::sanitize::{inert, inert_part};

/// Borrowed pieces gathered before a vectored write. The batch is made
/// larger than the output's buffer (64 KiB), which then hands it on
/// instead of copying it; the system takes `IOV_MAX` slices a call.
const PER_WRITE: usize = 4096;

/// Prints every note matching `query`, one line each as
/// [`crate::review::hit::line`] does, the matches in reverse video when
/// `color`; returns how many notes matched. Stops at the first write error
/// and returns it.
pub(crate) fn print_hits(
    sittings: &[CachedSitting],
    query: &Query,
    lang: Lang,
    color: bool,
    out: &mut dyn Write,
) -> std::io::Result<usize> {
    print_chunked(sittings, query, lang, color, out, PER_WRITE)
}

/// Lines on their way out: bytes made here (heads, escapes) and slices of
/// the cache (note texts) in the order they are printed.
#[derive(Default)]
struct Batch<'a> {
    /// Bytes made here.
    own: Vec<u8>,
    /// Each borrowed slice, after the bytes made here up to that length.
    borrowed: Vec<(usize, &'a [u8])>,
}

impl<'a> Batch<'a> {
    fn borrow(&mut self, text: &'a [u8]) {
        if !text.is_empty() {
            self.borrowed.push((self.own.len(), text));
        }
    }

    /// Writes everything gathered, and starts again.
    fn write(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        let mut slices = Vec::with_capacity(self.borrowed.len() * 2 + 1);
        let mut at = 0;
        for (end, text) in &self.borrowed {
            if *end > at {
                slices.push(IoSlice::new(&self.own[at..*end]));
            }
            slices.push(IoSlice::new(text));
            at = *end;
        }
        slices.push(IoSlice::new(&self.own[at..]));
        write_all_vectored(out, &mut slices)?;
        self.own.clear();
        self.borrowed.clear();
        Ok(())
    }
}

/// What every line shares, made once.
struct Heads {
    /// `  [kind]  ` for each kind.
    kinds: Vec<Vec<u8>>,
    /// `date  sitting  group  ` for each group of each sitting, inert.
    prefixes: Vec<Vec<Vec<u8>>>,
}

impl Heads {
    fn new(sittings: &[CachedSitting], lang: Lang) -> Heads {
        let kinds = NoteKind::ALL
            .iter()
            .map(|k| format!("  [{}]  ", kind_label(*k, lang)).into_bytes())
            .collect();
        let prefixes = sittings
            .iter()
            .map(|s| {
                let b = &s.block;
                let date = b.date.map(|d| d.to_string()).unwrap_or_default();
                let id = inert(b.id);
                b.groups
                    .iter()
                    .map(|g| format!("{date}  {id}  {}  ", inert(g)).into_bytes())
                    .collect()
            })
            .collect();
        Heads { kinds, prefixes }
    }

    /// Appends `date  sitting  group  HH:MM  speaker  [kind]  `, as
    /// [`crate::review::hit::head`] writes it, in four copies; `false`
    /// when the speaker's name is not text (the line is left out, as the
    /// slow path leaves it out).
    fn put(
        &self,
        own: &mut Vec<u8>,
        hit: &Hit,
        group: usize,
        minute: u16,
        speaker: (Option<&[u8]>, bool),
        kind: NoteKind,
    ) -> bool {
        let speaker: Cow<[u8]> = match speaker {
            (Some(name), true) => Cow::Borrowed(name),
            (None, _) => Cow::Borrowed("—".as_bytes()),
            (Some(name), false) => match std::str::from_utf8(name) {
                Ok(name) => Cow::Owned(inert(name).into_bytes()),
                Err(_) => return false,
            },
        };
        let kind = NoteKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        own.extend_from_slice(&self.prefixes[hit.sitting][group]);
        let time = clock(minute);
        own.extend_from_slice(&[time[0], time[1], time[2], time[3], time[4], b' ', b' ']);
        own.extend_from_slice(&speaker);
        own.extend_from_slice(&self.kinds[kind]);
        true
    }
}

/// [`print_hits`], flushing once `per_write` slices are gathered.
fn print_chunked(
    sittings: &[CachedSitting],
    query: &Query,
    lang: Lang,
    color: bool,
    out: &mut dyn Write,
    per_write: usize,
) -> std::io::Result<usize> {
    let heads = Heads::new(sittings, lang);
    let finders = finders(&query.words);
    let mut batch = Batch {
        own: Vec::with_capacity(per_write.min(PER_WRITE) * 64),
        borrowed: Vec::with_capacity(per_write.min(PER_WRITE) + 64),
    };
    let mut moved: Vec<Moved> = Vec::new();
    let mut found = 0;
    search_each(sittings, query, |si, rows| {
        found += rows.len();
        let b = &sittings[si].block;
        if lang == Lang::Ja && !color {
            return japanese(b, rows, &mut batch, out, per_write);
        }
        for &row in rows {
            let hit = Hit { sitting: si, row };
            if color {
                let ctx = (&heads, &finders[..], query, lang);
                colored(b, &hit, ctx, &mut moved, &mut batch);
            } else {
                plain(b, &hit, &heads, &mut batch);
            }
            if batch.borrowed.len() >= per_write.max(1) {
                batch.write(out)?;
            }
        }
        Ok(())
    })?;
    batch.write(out)?;
    Ok(found)
}

/// Lines without highlights in Japanese: each note's line as the cache
/// keeps it, the lines of neighbouring notes written as one piece.
fn japanese<'a>(
    b: &Block<'a>,
    rows: &[usize],
    batch: &mut Batch<'a>,
    out: &mut dyn Write,
    per_write: usize,
) -> std::io::Result<()> {
    let lines = b.lines();
    let mut run: Option<std::ops::Range<usize>> = None;
    for &row in rows {
        let Some(line) = b.line_range(row) else {
            continue;
        };
        match &mut run {
            Some(r) if r.end == line.start => r.end = line.end,
            _ => {
                if let Some(r) = run.replace(line) {
                    batch.borrow(&lines[r]);
                    if batch.borrowed.len() >= per_write.max(1) {
                        batch.write(out)?;
                    }
                }
            }
        }
    }
    if let Some(r) = run {
        batch.borrow(&lines[r]);
    }
    Ok(())
}

/// A line without highlights: its head, then the note's inert text as it is
/// stored. Only the fields the line shows are read from the row.
fn plain<'a>(b: &Block<'a>, hit: &Hit, heads: &Heads, batch: &mut Batch<'a>) {
    let Some(row) = b.plain(hit.row) else { return };
    let speaker = (row.speaker, row.speaker_clean);
    if heads.put(
        &mut batch.own,
        hit,
        row.group,
        row.minute,
        speaker,
        row.kind,
    ) {
        batch.borrow(row.inert_text);
        batch.own.push(b'\n');
    }
}

/// A line with its matches in reverse video: the text as stored, cut at the
/// matches mapped back from the folded text; a text that must be made inert
/// first (or whose matches do not fall on its characters) takes the slow
/// path of [`Line::write`].
fn colored<'a>(
    b: &Block<'a>,
    hit: &Hit,
    (heads, finders, query, lang): (&Heads, &[Finder], &Query, Lang),
    moved: &mut Vec<Moved>,
    batch: &mut Batch<'a>,
) {
    let Some(row) = b.row(hit.row) else { return };
    row.moved_into(moved);
    let ranges = match_ranges_moved(row.text, row.folded, moved, finders);
    match ranges {
        Some(ranges) if row.clean && row.text_in_line && lang == Lang::Ja => {
            // The line as kept, cut at the matches: its head and the text
            // between the matches are read from it as they are.
            let (line, head) = (row.line, row.head);
            let mut at = 0;
            for r in ranges {
                batch.borrow(&line[at..head + r.start]);
                batch.own.extend_from_slice(b"\x1b[7m");
                batch.borrow(&line[head + r.start..head + r.end]);
                batch.own.extend_from_slice(b"\x1b[27m");
                at = head + r.end;
            }
            batch.borrow(&line[at..]);
            return;
        }
        Some(ranges) => {
            if lang == Lang::Ja {
                batch.borrow(&row.line[..row.head]);
            } else {
                let speaker = (row.speaker, row.speaker_clean);
                if !heads.put(
                    &mut batch.own,
                    hit,
                    row.group,
                    row.minute,
                    speaker,
                    row.kind,
                ) {
                    return;
                }
            }
            if row.clean {
                let mut at = 0;
                for r in ranges {
                    batch.borrow(&row.text[at..r.start]);
                    batch.own.extend_from_slice(b"\x1b[7m");
                    batch.borrow(&row.text[r.clone()]);
                    batch.own.extend_from_slice(b"\x1b[27m");
                    at = r.end;
                }
                batch.borrow(&row.text[at..]);
            } else {
                // A text with line breaks or controls: its pieces are made
                // inert here, each as inside the whole text (as
                // `crate::review::hit::pieces_at` does).
                let Ok(text) = std::str::from_utf8(row.text) else {
                    return;
                };
                let mut at = 0;
                for r in ranges {
                    let before = &text[at..r.start];
                    if !before.is_empty() {
                        batch
                            .own
                            .extend_from_slice(inert_part(before, text).as_bytes());
                    }
                    batch.own.extend_from_slice(b"\x1b[7m");
                    batch
                        .own
                        .extend_from_slice(inert_part(&text[r.clone()], text).as_bytes());
                    batch.own.extend_from_slice(b"\x1b[27m");
                    at = r.end;
                }
                if at < text.len() {
                    batch
                        .own
                        .extend_from_slice(inert_part(&text[at..], text).as_bytes());
                }
            }
        }
        _ => {
            let Ok(text) = std::str::from_utf8(row.text) else {
                return;
            };
            let ranges = ranges.unwrap_or_else(|| match_ranges(text, &query.words));
            let date = b.date.map(|d| d.to_string()).unwrap_or_default();
            let time = clock(row.minute);
            Line {
                date: &date,
                sitting: b.id,
                group: b.groups[row.group],
                time: std::str::from_utf8(&time).unwrap_or_default(),
                speaker: row.speaker.and_then(|s| std::str::from_utf8(s).ok()),
                kind: kind_label(row.kind, lang),
                text,
            }
            .write(&ranges, true, &mut batch.own);
        }
    }
    batch.own.push(b'\n');
}

/// Writes every byte of `slices`, however the writer splits them.
fn write_all_vectored(out: &mut dyn Write, mut slices: &mut [IoSlice<'_>]) -> std::io::Result<()> {
    IoSlice::advance_slices(&mut slices, 0);
    while !slices.is_empty() {
        match out.write_vectored(slices) {
            Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(n) => IoSlice::advance_slices(&mut slices, n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "print_tests.rs"]
mod tests;
