//! The search cache on disk: one file per sessions folder in the user's
//! cache folder (`$BUNKAKAI_CACHE_DIR`, else `<cache>/bunkakai`), holding a
//! block per sitting keyed by the size, modification time and inode of each
//! of the sitting's files.
//!
//! The cache is only ever a copy: a missing, unreadable, foreign or corrupt
//! file is the same as an empty cache, and it is replaced atomically, so a
//! reader never maps a half-written file.

use std::io::Write;
use std::path::{Path, PathBuf};

use memmap2::Mmap;

use super::archive::NOTES_DIR;
use super::sessions::PLAN_FILE;
use crate::model::run::RUN_FILE;

/// The first bytes of a cache file: what it is and its layout version.
const MAGIC: &[u8; 16] = b"bunkakai-search\n";
const VERSION: u32 = 6;

/// One file a cached sitting was built from, as it was when read: a change
/// of any of these makes that sitting's block stale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileStamp {
    /// The file's path inside the sitting's folder (`notes/A.json`).
    pub(crate) name: String,
    /// Its length in bytes.
    pub(crate) size: u64,
    /// Its modification time, nanoseconds since 1970.
    pub(crate) mtime_ns: i64,
    /// Its inode (0 where there is none): an atomic replace changes it.
    pub(crate) inode: u64,
}

/// Where the cache of the sessions folder `sessions` lives; `None` when
/// caching is off (`BUNKAKAI_CACHE_DIR` set to an empty value) or there is
/// no cache folder.
pub(crate) fn path_for(sessions: &Path) -> Option<PathBuf> {
    let dir = match std::env::var_os("BUNKAKAI_CACHE_DIR") {
        Some(d) if d.is_empty() => return None,
        Some(d) => PathBuf::from(d),
        None => dirs::cache_dir()?.join("bunkakai"),
    };
    let full = std::fs::canonicalize(sessions).unwrap_or_else(|_| sessions.to_path_buf());
    // FNV-1a: stable across builds, unlike the standard hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in full.as_os_str().as_encoded_bytes() {
        hash = (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
    }
    Some(dir.join(format!("search-{hash:016x}.bin")))
}

/// The stamps of a sitting's files: its plan, its run file when there is
/// one, and its notes files (the ones [`super::archive`] reads) with their
/// journals, sorted.
pub(crate) fn stamps(sitting: &Path) -> Vec<FileStamp> {
    let mut out = Vec::new();
    for name in [PLAN_FILE, RUN_FILE] {
        if let Ok(meta) = std::fs::metadata(sitting.join(name)) {
            out.push(stamp_of(&meta, name.to_string()));
        }
    }
    // One stat per file: the listing and the stamp share it.
    let mut notes: Vec<FileStamp> = std::fs::read_dir(sitting.join(NOTES_DIR))
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            // A notes file's journal (`<group>.journal`) holds saves not yet
            // folded into it: a change there changes the notes too.
            if name.starts_with('.') || !(name.ends_with(".json") || name.ends_with(".journal")) {
                return None;
            }
            // The entry's own stat (relative to the open folder) is cheaper
            // than one by path; a link is followed as the reader follows it.
            let meta = match e.file_type() {
                Ok(t) if !t.is_symlink() => e.metadata(),
                _ => std::fs::metadata(e.path()),
            };
            let meta = meta.ok().filter(|m| m.is_file())?;
            Some(stamp_of(&meta, format!("{NOTES_DIR}/{name}")))
        })
        .collect();
    notes.sort_by(|a, b| a.name.cmp(&b.name));
    out.extend(notes);
    out
}

fn stamp_of(meta: &std::fs::Metadata, name: String) -> FileStamp {
    let mtime_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(meta);
    #[cfg(not(unix))]
    let inode = 0;
    FileStamp {
        name,
        size: meta.len(),
        mtime_ns,
        inode,
    }
}

/// A cache file mapped into memory.
pub(crate) struct CacheFile {
    map: Option<(std::fs::File, Mmap)>,
}

impl CacheFile {
    /// Maps the cache at `path`; an absent or unreadable file gives an
    /// empty cache.
    pub(crate) fn open(path: &Path) -> CacheFile {
        let map = std::fs::File::open(path).ok().and_then(|f| {
            // SAFETY: the cache is only ever replaced by a rename, never
            // written in place, so the mapped file does not change under us.
            let map = unsafe { Mmap::map(&f) }.ok()?;
            Some((f, map))
        });
        CacheFile { map }
    }

    /// The blocks stored for the sessions folder `sessions`, as bytes;
    /// empty when the file is missing, of another version or layout, or
    /// written for another folder.
    pub(crate) fn blocks(&self, sessions: &Path) -> Vec<&[u8]> {
        self.map
            .as_ref()
            .and_then(|(_, bytes)| parse(bytes, sessions))
            .unwrap_or_default()
    }

    /// Copies `block`, one of [`CacheFile::blocks`], into `out` by reading
    /// the file rather than the map: the pages of a kept block are not
    /// brought into this process (the review keeps its memory small).
    fn copy_block(&self, block: &[u8], out: &mut impl Write) -> std::io::Result<()> {
        use std::io::{Read, Seek, SeekFrom};
        let Some((file, map)) = &self.map else {
            return out.write_all(block);
        };
        let at = (block.as_ptr() as usize).wrapping_sub(map.as_ptr() as usize);
        if at
            .checked_add(block.len())
            .is_none_or(|end| end > map.len())
        {
            return out.write_all(block);
        }
        let mut file = file;
        file.seek(SeekFrom::Start(at as u64))?;
        let copied = std::io::copy(&mut file.take(block.len() as u64), out)?;
        if copied != block.len() as u64 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        Ok(())
    }
}

/// A block to store in a new cache file.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Stored<'a> {
    /// Built now.
    New(&'a [u8]),
    /// Kept from the cache file being replaced (one of its
    /// [`CacheFile::blocks`]).
    Kept(&'a [u8]),
}

impl Stored<'_> {
    fn len(&self) -> usize {
        match self {
            Stored::New(b) | Stored::Kept(b) => b.len(),
        }
    }
}

fn parse<'a>(bytes: &'a [u8], sessions: &Path) -> Option<Vec<&'a [u8]>> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (version, rest) = split_u32(rest)?;
    if version != VERSION {
        return None;
    }
    let (len, rest) = split_u32(rest)?;
    let (dir, mut rest) = rest.split_at_checked(len as usize)?;
    if dir != sessions.as_os_str().as_encoded_bytes() {
        return None;
    }
    let mut blocks = Vec::new();
    while !rest.is_empty() {
        let (len, tail) = split_u32(rest)?;
        let (block, tail) = tail.split_at_checked(len as usize)?;
        blocks.push(block);
        rest = tail;
    }
    Some(blocks)
}

fn split_u32(bytes: &[u8]) -> Option<(u32, &[u8])> {
    let (head, rest) = bytes.split_at_checked(4)?;
    Some((u32::from_le_bytes(head.try_into().ok()?), rest))
}

/// Replaces the cache at `path` with `blocks`, atomically; the folder is
/// made when missing.
#[cfg(test)]
pub(crate) fn save(
    path: &Path,
    sessions: &Path,
    blocks: &[&[u8]],
) -> Result<(), super::StoreError> {
    let blocks: Vec<Stored> = blocks.iter().map(|b| Stored::New(b)).collect();
    save_from(path, sessions, &CacheFile { map: None }, &blocks)
}

/// Replaces the cache at `path` with `blocks`, atomically; kept blocks are
/// copied from `old`. The folder is made when missing.
pub(crate) fn save_from(
    path: &Path,
    sessions: &Path,
    old: &CacheFile,
    blocks: &[Stored],
) -> Result<(), super::StoreError> {
    save_each(path, sessions, old, |put| {
        blocks.iter().try_for_each(|b| put(*b))
    })
}

/// Replaces the cache at `path`, atomically, with the blocks that `fill`
/// hands to `put` one by one: the file is written as they come and never
/// held whole in memory. Kept blocks are copied from `old`. The folder is
/// made when missing, and temporary files of writers that died are removed.
pub(crate) fn save_each(
    path: &Path,
    sessions: &Path,
    old: &CacheFile,
    fill: impl FnOnce(&mut dyn FnMut(Stored) -> std::io::Result<()>) -> std::io::Result<()>,
) -> Result<(), super::StoreError> {
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
        let _ = super::temp::sweep_temp_files(dir);
    }
    let dir = sessions.as_os_str().as_encoded_bytes();
    super::atomic::replace_written(path, |file| {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        out.write_all(MAGIC)?;
        out.write_all(&VERSION.to_le_bytes())?;
        out.write_all(&len32(dir.len())?)?;
        out.write_all(dir)?;
        fill(&mut |b: Stored| {
            out.write_all(&len32(b.len())?)?;
            match b {
                Stored::New(bytes) => out.write_all(bytes),
                Stored::Kept(bytes) => old.copy_block(bytes, &mut out),
            }
        })?;
        out.flush()
    })
}

/// A length as the file stores it; a block of 4 GiB or more cannot be.
fn len32(n: usize) -> std::io::Result<[u8; 4]> {
    u32::try_from(n)
        .map(u32::to_le_bytes)
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidInput, "block too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_cache_reads_back_and_damage_reads_as_empty() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("c.bin");
        let sessions = Path::new("/s");
        save(&file, sessions, &[b"one", b"", b"three"]).unwrap();
        let cache = CacheFile::open(&file);
        assert_eq!(cache.blocks(sessions), [&b"one"[..], b"", b"three"]);
        assert!(cache.blocks(Path::new("/other")).is_empty());
        let mut bytes = std::fs::read(&file).unwrap();
        bytes.truncate(bytes.len() - 1);
        std::fs::write(&file, &bytes).unwrap();
        assert!(CacheFile::open(&file).blocks(sessions).is_empty());
        std::fs::write(&file, b"garbage").unwrap();
        assert!(CacheFile::open(&file).blocks(sessions).is_empty());
        assert!(
            CacheFile::open(&tmp.path().join("none"))
                .blocks(sessions)
                .is_empty()
        );
    }

    #[test]
    fn stamps_name_plan_run_and_notes_files() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join(NOTES_DIR)).unwrap();
        std::fs::write(tmp.path().join(PLAN_FILE), "{}").unwrap();
        std::fs::write(tmp.path().join(NOTES_DIR).join("A.json"), "[]").unwrap();
        std::fs::write(tmp.path().join(NOTES_DIR).join("A.journal"), "").unwrap();
        std::fs::write(tmp.path().join(NOTES_DIR).join("A.json.lock"), "").unwrap();
        let names: Vec<String> = stamps(tmp.path()).into_iter().map(|s| s.name).collect();
        assert_eq!(names, ["session.json", "notes/A.journal", "notes/A.json"]);
    }
}
