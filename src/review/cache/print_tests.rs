//! Tests of printing hits from the search cache.

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
    let words = ["連携", "の", "市", "ＫＰＩ", "強調", "kpi 設定", "量子暗号"];
    for (words, color, lang) in words.into_iter().flat_map(|w| {
        [false, true]
            .into_iter()
            .flat_map(move |c| [(w, c, Lang::Ja), (w, c, Lang::En)])
    }) {
        let q = Query::new(words, Filters::default());
        let mut expected = Vec::new();
        for at in index.search(&archive, &q) {
            expected.extend_from_slice(hit::line(&archive, at, &q.words, lang, color).as_bytes());
            expected.push(b'\n');
        }
        for per_write in [1, 2, 500] {
            let mut out = Trickle(Vec::new());
            let n = print_chunked(&sittings, &q, lang, color, &mut out, per_write).unwrap();
            assert_eq!(
                n,
                expected.iter().filter(|b| **b == b'\n').count(),
                "{words}"
            );
            assert_eq!(
                String::from_utf8_lossy(&out.0),
                String::from_utf8_lossy(&expected),
                "{words} {color} {lang:?} {per_write}"
            );
        }
    }
}
