//! `bunkakai search` without parsing the archive: every sitting's notes kept
//! folded in a cache (see [`crate::store::search_cache`]), brought up to date
//! sitting by sitting from the files' stamps, and scanned with `memmem`.
//!
//! The cache holds nothing the files do not: a stale block is rebuilt from
//! the files, and a sitting with an unusable file is parsed every time so
//! that its problems are reported as without the cache. The hits, their
//! order and their lines are the same as [`super::search::NoteIndex`] gives.

pub(crate) mod block;
mod bytes;
mod plain;
mod scan;

use std::path::Path;

use self::block::Block;
use super::archive::Sitting;
use super::files::FileProblem;
use crate::store::archive::read_sitting;
use crate::store::search_cache::{self, CacheFile};

pub(crate) use plain::print_plain;
pub(crate) use scan::{search, write_hits};

/// One sitting as the cache holds it, with the problems of its files.
pub struct CachedSitting<'a> {
    /// The sitting's notes, folded and as written.
    pub(crate) block: Block<'a>,
    /// Files of the sitting that could not be used.
    pub(crate) problems: Vec<FileProblem>,
}

/// The number of live notes of each sitting whose cached block is up to
/// date, by folder name, read from the cache without parsing or writing
/// anything. A sitting with a problem is never cached, so a sitting listed
/// here has none; a sitting missing from it is yet to be read.
pub(crate) fn fresh_counts(dir: &Path) -> std::collections::HashMap<String, usize> {
    let Some(path) = search_cache::path_for(dir) else {
        return Default::default();
    };
    let key = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let file = CacheFile::open(&path);
    file.blocks(&key)
        .into_iter()
        .filter_map(Block::decode)
        .filter(|b| b.stamps == search_cache::stamps(&dir.join(b.folder)))
        .map(|b| (b.folder.to_string(), b.len()))
        .collect()
}

/// A sitting's block built now from its files, with their problems.
type Rebuilt = (Vec<u8>, Vec<FileProblem>);

/// Brings the cache of the sessions folder `dir` up to date and hands its
/// sittings, newest first, to `f`. `None` when caching is off.
pub fn with_cache<T>(dir: &Path, f: impl FnOnce(&[CachedSitting<'_>]) -> T) -> Option<T> {
    let path = search_cache::path_for(dir)?;
    let key = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let file = CacheFile::open(&path);
    let raw = file.blocks(&key);
    let cached: Vec<(Block, &[u8])> = raw
        .iter()
        .filter_map(|b| Some((Block::decode(b)?, *b)))
        .collect();
    let folders = crate::store::sessions::list(dir);
    let mut changed = cached.len() != folders.len();
    // Each sitting: a reused block, or one built now with its problems.
    let mut parts: Vec<Result<usize, Rebuilt>> = Vec::new();
    for folder in &folders {
        let sdir = dir.join(folder);
        let stamps = search_cache::stamps(&sdir);
        let reuse = cached
            .iter()
            .position(|(b, _)| b.folder == folder && b.stamps == stamps);
        if let Some(i) = reuse {
            parts.push(Ok(i));
            continue;
        }
        changed = true;
        let sitting = Sitting::parse(&read_sitting(&sdir, folder.clone()));
        let bytes = block::encode(folder, &stamps, &sitting);
        parts.push(Err((bytes, sitting.problems)));
    }
    if changed {
        // A sitting with problems is left out, to be parsed (and its
        // problems reported) again next time.
        let keep: Vec<&[u8]> = parts
            .iter()
            .filter_map(|p| match p {
                Ok(i) => Some(cached[*i].1),
                Err((bytes, problems)) => problems.is_empty().then_some(bytes.as_slice()),
            })
            .collect();
        if let Err(e) = search_cache::save(&path, &key, &keep) {
            tracing::warn!("search cache not saved: {e}");
        }
    }
    let mut sittings: Vec<CachedSitting> = parts
        .iter()
        .filter_map(|p| match p {
            Ok(i) => Some(CachedSitting {
                block: cached[*i].0.clone(),
                problems: Vec::new(),
            }),
            Err((bytes, problems)) => Some(CachedSitting {
                block: Block::decode(bytes)?,
                problems: problems.clone(),
            }),
        })
        .collect();
    // The archive's order: newest first (see `Sitting::sort_key`).
    sittings.sort_by(|a, b| {
        let key = |s: &CachedSitting| (s.block.date, s.block.start, s.block.id.to_string());
        key(b).cmp(&key(a))
    });
    Some(f(&sittings))
}
