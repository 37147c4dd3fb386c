//! Bringing the search cache up to date: by `bunkakai search` before it
//! scans ([`with_cache`]), and by the review in the background after it has
//! read the archive ([`refresh_in_background`]), so that the review's next
//! start shows every sitting's count at once even when no search was run.
//!
//! Both write the same file the same way: a block per sitting in folder
//! order, each reused while its files' stamps are unchanged, else rebuilt
//! from the files (stamped before they are read, so a file changed while
//! being read makes its block stale, never wrong). A sitting with an
//! unusable file is left out, to be parsed (and its problem reported) again.
//! The file is replaced atomically, so writers racing each other (a search
//! and a review) each leave a whole file, and a missing or corrupt cache
//! reads as empty.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use super::CachedSitting;
use super::block::{self, Block};
use crate::review::archive::Sitting;
use crate::review::files::FileProblem;
use crate::store::StoreError;
use crate::store::archive::read_sitting;
use crate::store::search_cache::{self, CacheFile, FileStamp, Stored};

/// What the cache holds for the sittings of a sessions folder, checked
/// against their files now.
struct Survey<'a> {
    /// The blocks read from the cache file.
    cached: Vec<(Block<'a>, &'a [u8])>,
    /// Every sitting folder, its stamps now, and its cached block when that
    /// is up to date.
    folders: Vec<(String, Vec<FileStamp>, Option<usize>)>,
}

impl<'a> Survey<'a> {
    fn take(dir: &Path, file: &'a CacheFile, key: &Path) -> Survey<'a> {
        let cached: Vec<(Block, &[u8])> = file
            .blocks(key)
            .into_iter()
            .filter_map(|b| Some((Block::decode(b)?, b)))
            .collect();
        let folders = crate::store::sessions::list(dir)
            .into_iter()
            .map(|folder| {
                let stamps = search_cache::stamps(&dir.join(&folder));
                let fresh = cached
                    .iter()
                    .position(|(b, _)| b.folder == folder && b.stamps == stamps);
                (folder, stamps, fresh)
            })
            .collect();
        Survey { cached, folders }
    }

    /// True when a cached block is not used any more (its sitting changed,
    /// went, or is there twice).
    fn drops_a_block(&self) -> bool {
        let used = self.folders.iter().filter(|(_, _, f)| f.is_some()).count();
        used != self.cached.len()
    }
}

/// Parses a sitting's files (stamped before) and encodes its block.
fn rebuild(dir: &Path, folder: &str, stamps: &[FileStamp]) -> (Vec<u8>, Vec<FileProblem>) {
    let sitting = Sitting::parse(&read_sitting(&dir.join(folder), folder.to_string()));
    (block::encode(folder, stamps, &sitting), sitting.problems)
}

/// The folder the cache is keyed by.
fn key_of(dir: &Path) -> std::path::PathBuf {
    std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf())
}

/// A sitting's block built now from its files, with their problems.
type Rebuilt = (Vec<u8>, Vec<FileProblem>);

/// Brings the cache of the sessions folder `dir` up to date and hands its
/// sittings, newest first, to `f`. `None` when caching is off.
pub fn with_cache<T>(dir: &Path, f: impl FnOnce(&[CachedSitting<'_>]) -> T) -> Option<T> {
    let path = search_cache::path_for(dir)?;
    let key = key_of(dir);
    let file = CacheFile::open(&path);
    let survey = Survey::take(dir, &file, &key);
    let cached = &survey.cached;
    // Each sitting: a reused block, or one built now with its problems.
    let parts: Vec<Result<usize, Rebuilt>> = survey
        .folders
        .iter()
        .map(|(folder, stamps, fresh)| fresh.ok_or_else(|| rebuild(dir, folder, stamps)))
        .collect();
    let adds_a_block = parts
        .iter()
        .any(|p| matches!(p, Err((_, problems)) if problems.is_empty()));
    if adds_a_block || survey.drops_a_block() {
        // A sitting with problems is left out, to be parsed (and its
        // problems reported) again next time.
        let keep: Vec<Stored> = parts
            .iter()
            .filter_map(|p| match p {
                Ok(i) => Some(Stored::Kept(cached[*i].1)),
                Err((bytes, problems)) => problems.is_empty().then_some(Stored::New(bytes)),
            })
            .collect();
        if let Err(e) = search_cache::save_from(&path, &key, &file, &keep) {
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

/// Brings the cache of the sessions folder `dir` up to date without
/// searching; returns how many sittings were built anew (0 when it was up
/// to date or caching is off).
pub(crate) fn refresh(dir: &Path) -> Result<usize, StoreError> {
    match search_cache::path_for(dir) {
        Some(path) => refresh_at(&path, dir),
        None => Ok(0),
    }
}

/// [`refresh`] with the cache file at `path`.
///
/// Only one stale sitting's block is in memory at a time, and kept blocks
/// are copied file to file: the review calls this while it holds the whole
/// archive, and must stay small.
pub(crate) fn refresh_at(path: &Path, dir: &Path) -> Result<usize, StoreError> {
    let key = key_of(dir);
    let file = CacheFile::open(path);
    let survey = Survey::take(dir, &file, &key);
    let stale: Vec<usize> = (0..survey.folders.len())
        .filter(|i| survey.folders[*i].2.is_none())
        .collect();
    // Whether a stale sitting gives a block (it has no problem) is known
    // only once it is parsed: the first one that does is kept for the
    // write, the broken ones before it are not parsed twice.
    let mut first_new: Option<(usize, Vec<u8>)> = None;
    for &i in &stale {
        let (folder, stamps, _) = &survey.folders[i];
        let (bytes, problems) = rebuild(dir, folder, stamps);
        if problems.is_empty() {
            first_new = Some((i, bytes));
            break;
        }
    }
    let Some((first, first_bytes)) = first_new else {
        if survey.drops_a_block() {
            let kept: Vec<Stored> = survey
                .folders
                .iter()
                .filter_map(|(_, _, f)| f.map(|i| Stored::Kept(survey.cached[i].1)))
                .collect();
            search_cache::save_from(path, &key, &file, &kept)?;
        }
        return Ok(0);
    };
    let mut built = 0;
    search_cache::save_each(path, &key, &file, |put| {
        for (i, (folder, stamps, fresh)) in survey.folders.iter().enumerate() {
            if let Some(c) = fresh {
                put(Stored::Kept(survey.cached[*c].1))?;
            } else if i == first {
                built += 1;
                put(Stored::New(&first_bytes))?;
            } else if i > first {
                let (bytes, problems) = rebuild(dir, folder, stamps);
                if problems.is_empty() {
                    built += 1;
                    put(Stored::New(&bytes))?;
                }
            }
        }
        Ok(())
    })?;
    Ok(built)
}

/// Brings the cache of `dir` up to date on a thread of its own, at a low
/// priority, unless one is at it already: the review calls it each time it
/// has read the archive. A failure is logged, never shown: the cache only
/// saves time.
pub(crate) fn refresh_in_background(dir: &Path) {
    static RUNNING: AtomicBool = AtomicBool::new(false);
    if RUNNING.swap(true, Ordering::AcqRel) {
        return;
    }
    let dir = dir.to_path_buf();
    let started = std::thread::Builder::new()
        .name("search-cache".into())
        .spawn(move || {
            lower_priority();
            match refresh(&dir) {
                Ok(n) => tracing::debug!("search cache: {n} sittings built"),
                Err(e) => tracing::warn!("search cache not saved: {e}"),
            }
            RUNNING.store(false, Ordering::Release);
        });
    if started.is_err() {
        RUNNING.store(false, Ordering::Release);
    }
}

/// Lets the reviewer's keys go first while the cache is built.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority on this thread's own id (Linux gives each thread
    // its own nice value); a failure leaves the priority as it was.
    unsafe {
        let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
        libc::setpriority(libc::PRIO_PROCESS, tid, 10);
    }
}
