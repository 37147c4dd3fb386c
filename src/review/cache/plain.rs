//! Printing the hits without highlights (a pipe, a script, `--color
//! never`): the common case, and the costly one for a common word, whose
//! tens of thousands of lines are most of the work.
//!
//! A line's head is put together from pieces made once (a prefix per
//! sitting and group, the kind's label) in a small buffer used again for
//! every few hundred lines, and its text is written as it is stored
//! (already inert) straight from the mapped cache by vectored writes, never
//! copied into a buffer first.

use std::borrow::Cow;
use std::io::{IoSlice, Write};

use super::CachedSitting;
use super::scan::{clock, search};
use crate::i18n::Lang;
use crate::i18n::review::kind_label;
use crate::model::notes::NoteKind;
use crate::review::search::Query;
use crate::tui::text::sanitize::inert;

/// Lines written per vectored write (two slices each, within `IOV_MAX`).
const PER_WRITE: usize = 500;

/// Prints every note matching `query`, one line each as
/// [`crate::review::hit::line`] does without colour; returns how many notes
/// matched. Stops at the first write error and returns it.
pub(crate) fn print_plain(
    sittings: &[CachedSitting],
    query: &Query,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<usize> {
    print_chunked(sittings, query, lang, out, PER_WRITE)
}

/// [`print_plain`], `per_write` lines a write.
fn print_chunked(
    sittings: &[CachedSitting],
    query: &Query,
    lang: Lang,
    out: &mut dyn Write,
    per_write: usize,
) -> std::io::Result<usize> {
    let hits = search(sittings, query);
    let kinds: Vec<Vec<u8>> = NoteKind::ALL
        .iter()
        .map(|k| format!("  [{}]  ", kind_label(*k, lang)).into_bytes())
        .collect();
    // What every hit of a sitting's group shares: `date  sitting  group  `,
    // made inert once.
    let prefixes: Vec<Vec<Vec<u8>>> = sittings
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
    let mut heads: Vec<u8> = Vec::with_capacity(per_write * 96);
    let mut cuts: Vec<(usize, &[u8])> = Vec::with_capacity(per_write);
    for chunk in hits.chunks(per_write.max(1)) {
        heads.clear();
        cuts.clear();
        for hit in chunk {
            let b = &sittings[hit.sitting].block;
            let Some(row) = b.plain(hit.row) else {
                continue;
            };
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
            let kind = NoteKind::ALL
                .iter()
                .position(|k| *k == row.kind)
                .unwrap_or(0);
            // The line before ends here, so a line is two pieces: its head
            // (after the newline before it) and its text.
            if !cuts.is_empty() {
                heads.push(b'\n');
            }
            // `date  sitting  group  HH:MM  speaker  [kind]  `, as
            // [`crate::review::hit::head`] writes it, in four copies.
            heads.extend_from_slice(&prefixes[hit.sitting][row.group]);
            let time = clock(row.minute);
            heads.extend_from_slice(&[time[0], time[1], time[2], time[3], time[4], b' ', b' ']);
            heads.extend_from_slice(&speaker);
            heads.extend_from_slice(&kinds[kind]);
            cuts.push((heads.len(), row.inert_text));
        }
        if cuts.is_empty() {
            continue;
        }
        heads.push(b'\n');
        let mut slices = Vec::with_capacity(cuts.len() * 2 + 1);
        let mut at = 0;
        for (end, text) in &cuts {
            slices.push(IoSlice::new(&heads[at..*end]));
            slices.push(IoSlice::new(text));
            at = *end;
        }
        slices.push(IoSlice::new(&heads[at..]));
        write_all_vectored(out, &mut slices)?;
    }
    Ok(hits.len())
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
mod tests {
    use std::path::Path;

    use super::*;
    use crate::review::cache::block::{Block, encode};
    use crate::review::search::{Filters, NoteIndex};
    use crate::review::{Archive, archive::Sitting, hit};
    use crate::store::archive::read_sitting;

    /// A writer that takes at most a few bytes a call, as a full pipe may.
    struct Trickle(Vec<u8>);

    impl Write for Trickle {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let n = buf.len().min(7);
            self.0.extend_from_slice(&buf[..n]);
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn chunks_and_short_writes_print_the_lines_of_the_archive_search() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive");
        let blocks: Vec<Vec<u8>> = ["jichitai-10", "jichitai-09"]
            .iter()
            .map(|f| {
                encode(
                    f,
                    &[],
                    &Sitting::parse(&read_sitting(&dir.join(f), f.to_string())),
                )
            })
            .collect();
        let sittings: Vec<CachedSitting> = blocks
            .iter()
            .map(|b| CachedSitting {
                block: Block::decode(b).unwrap(),
                problems: Vec::new(),
            })
            .collect();
        let archive = Archive::load(&dir);
        let index = NoteIndex::build(&archive);
        for words in ["連携", "の", "市", "ＫＰＩ", "量子暗号"] {
            let q = Query::new(words, Filters::default());
            let mut expected = Vec::new();
            for at in index.search(&archive, &q) {
                expected.extend_from_slice(
                    hit::line(&archive, at, &q.words, Lang::Ja, false).as_bytes(),
                );
                expected.push(b'\n');
            }
            for per_write in [1, 2, 500] {
                let mut out = Trickle(Vec::new());
                let n = print_chunked(&sittings, &q, Lang::Ja, &mut out, per_write).unwrap();
                assert_eq!(
                    n,
                    expected.iter().filter(|b| **b == b'\n').count(),
                    "{words}"
                );
                assert_eq!(
                    String::from_utf8_lossy(&out.0),
                    String::from_utf8_lossy(&expected),
                    "{words} {per_write}"
                );
            }
        }
    }
}
