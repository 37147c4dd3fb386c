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
mod encode;
mod print;
mod refresh;
mod scan;

use std::path::Path;

use self::block::Block;
use super::files::FileProblem;
use crate::store::search_cache::{self, CacheFile};

pub(crate) use print::print_hits;
pub(crate) use refresh::refresh_in_background;
pub use refresh::with_cache;

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
