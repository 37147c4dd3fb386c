//! Printing the hits without highlights (a pipe, a script, `--color
//! never`): the common case, and the costly one for a common word, whose
//! tens of thousands of lines are most of the work.
//!
//! The sittings are cut into as many runs as there are cores; each run is
//! scanned and its lines' heads formatted on its own thread, and the lines
//! are written in the archive's order. A line's text is written as it is
//! stored (already inert) straight from the mapped cache by vectored writes,
//! never copied into a buffer first.

use std::borrow::Cow;
use std::io::{IoSlice, Write};

use super::CachedSitting;
use super::scan::{clock, search};
use crate::i18n::Lang;
use crate::i18n::review::kind_label;
use crate::model::notes::NoteKind;
use crate::review::search::Query;
use crate::tui::text::sanitize::inert;

/// Below this much folded text one thread is quicker than starting more.
const ONE_THREAD: usize = 1 << 20;

/// Hits written per vectored write (two slices each, within `IOV_MAX`).
const PER_WRITE: usize = 500;

/// The lines of one run of sittings: their heads one after the other, each
/// followed in the output by its text.
struct Lines<'a> {
    /// The heads, each but the first starting with the newline that ends
    /// the line before, and a last newline.
    heads: Vec<u8>,
    /// Where each head ends in `heads`, and the text that follows it.
    cuts: Vec<(usize, &'a [u8])>,
    /// How many notes matched.
    found: usize,
}

/// Prints every note matching `query`, one line each as
/// [`crate::review::hit::line`] does without colour; returns how many notes
/// matched. Stops
/// at the first write error and returns it.
pub fn print_plain(
    sittings: &[CachedSitting],
    query: &Query,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<usize> {
    print_runs(sittings, &runs(sittings), query, lang, out)
}

/// [`print_plain`] with the sittings cut into `runs` (each scanned on its
/// own thread when there are several).
fn print_runs(
    sittings: &[CachedSitting],
    runs: &[std::ops::Range<usize>],
    query: &Query,
    lang: Lang,
    out: &mut dyn Write,
) -> std::io::Result<usize> {
    let kinds: Vec<Vec<u8>> = NoteKind::ALL
        .iter()
        .map(|k| format!("  [{}]  ", kind_label(*k, lang)).into_bytes())
        .collect();
    let all: Vec<Lines> = if runs.len() == 1 {
        vec![lines(sittings, query, &kinds)]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = runs
                .iter()
                .map(|r| {
                    let part = &sittings[r.clone()];
                    let kinds = &kinds;
                    scope.spawn(move || lines(part, query, kinds))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join().unwrap_or(Lines {
                        heads: Vec::new(),
                        cuts: Vec::new(),
                        found: 0,
                    })
                })
                .collect()
        })
    };
    let mut count = 0;
    for part in &all {
        count += part.found;
        let mut at = 0;
        for (i, chunk) in part.cuts.chunks(PER_WRITE).enumerate() {
            let last = (i + 1) * PER_WRITE >= part.cuts.len();
            let mut slices = Vec::with_capacity(chunk.len() * 2 + 1);
            for (end, text) in chunk {
                slices.push(IoSlice::new(&part.heads[at..*end]));
                slices.push(IoSlice::new(text));
                at = *end;
            }
            if last {
                slices.push(IoSlice::new(&part.heads[at..]));
            }
            write_all_vectored(out, &mut slices)?;
        }
    }
    Ok(count)
}

/// The sittings cut into runs of about the same amount of text, one per
/// core.
fn runs(sittings: &[CachedSitting]) -> Vec<std::ops::Range<usize>> {
    let total: usize = sittings.iter().map(|s| s.block.folded().len()).sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    if threads < 2 || total < ONE_THREAD {
        return vec![0..sittings.len()];
    }
    let share = total.div_ceil(threads);
    let (mut out, mut start, mut size) = (Vec::new(), 0, 0);
    for (i, s) in sittings.iter().enumerate() {
        size += s.block.folded().len();
        if size >= share && out.len() + 1 < threads {
            out.push(start..i + 1);
            (start, size) = (i + 1, 0);
        }
    }
    if start < sittings.len() {
        out.push(start..sittings.len());
    }
    out
}

/// Finds the hits of a run of sittings and formats their heads.
fn lines<'a>(sittings: &'a [CachedSitting<'a>], query: &Query, kinds: &[Vec<u8>]) -> Lines<'a> {
    let hits = search(sittings, query);
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
    let mut heads = Vec::with_capacity(hits.len() * 64 + 1);
    let mut cuts = Vec::with_capacity(hits.len());
    let found = hits.len();
    for hit in hits {
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
    if !cuts.is_empty() {
        heads.push(b'\n');
    }
    Lines { heads, cuts, found }
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
    fn several_runs_and_short_writes_print_the_lines_of_the_archive_search() {
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
            for runs in [vec![0..2], vec![0..1, 1..2]] {
                let mut out = Trickle(Vec::new());
                let n = print_runs(&sittings, &runs, &q, Lang::Ja, &mut out).unwrap();
                assert_eq!(
                    n,
                    expected.iter().filter(|b| **b == b'\n').count(),
                    "{words}"
                );
                assert_eq!(
                    String::from_utf8_lossy(&out.0),
                    String::from_utf8_lossy(&expected),
                    "{words} {runs:?}"
                );
            }
        }
    }
}
