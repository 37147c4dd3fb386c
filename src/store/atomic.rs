//! Atomic replace of a whole file: temp file, write, fsync, rename, fsync the folder.
//!
//! Readers of the folder (other consoles, a sync client) see either the old
//! file or the new one, never a half-written one, and after `replace` returns
//! `Ok` the new contents survive a power cut. On any error the temporary file
//! is removed and the error returned; the caller still has the bytes and can
//! try again.
//!
//! The steps go through the [`Ops`] trait so tests can make any one of them
//! fail; production code uses [`replace`], which runs the real calls.

use std::ffi::OsStr;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::error::{IoOp, StoreError};
use super::temp::TempName;

/// The file-system calls a save is made of, one method per step.
///
/// Every method has the real implementation as its default; [`RealOps`] uses
/// them all. A test implements the trait to fail at a chosen step.
pub trait Ops {
    /// Creates a new file for writing; fails if it exists.
    fn create_new(&mut self, path: &Path) -> io::Result<File> {
        OpenOptions::new().write(true).create_new(true).open(path)
    }

    /// Writes all of `bytes` to `file`.
    fn write_all(&mut self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)
    }

    /// Flushes `file`'s data and metadata to disk.
    fn sync_file(&mut self, file: &File) -> io::Result<()> {
        file.sync_all()
    }

    /// Renames `from` to `to`, replacing `to`.
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    /// Flushes the folder `dir` to disk, making a rename in it durable.
    ///
    /// On Unix this opens the folder and calls `fsync`; elsewhere it does
    /// nothing (Windows has no way to flush a folder and does not need one).
    fn sync_dir(&mut self, dir: &Path) -> io::Result<()> {
        #[cfg(unix)]
        {
            File::open(dir)?.sync_all()
        }
        #[cfg(not(unix))]
        {
            let _ = dir;
            Ok(())
        }
    }
}

/// The real file-system calls.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealOps;

impl Ops for RealOps {}

/// How often `replace` tries a fresh temporary name when one already exists
/// (a leftover of an earlier process that had the same id).
const NAME_ATTEMPTS: u32 = 16;

/// Replaces the file at `path` with `bytes`, atomically and durably.
///
/// See the module documentation. Does not take the writer lock: hold a
/// [`WriterLock`](super::lock::WriterLock) around a read-modify-write.
pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    replace_with(&mut RealOps, path, bytes)
}

/// [`replace`] with the file-system calls of `ops`.
///
/// The steps, in order: `create_new` (temporary file in the same folder),
/// `write_all`, `sync_file`, `rename` over `path`, `sync_dir`. An error from
/// `sync_dir` of kind `InvalidInput` or `Unsupported` is ignored: some file
/// systems (network and FUSE ones) answer `EINVAL`/`ENOTSUP` to an `fsync` on
/// a folder, and there is nothing more to do there. Any other error is
/// returned; when it comes from `sync_dir` the new contents are already in
/// place but may not survive a power cut.
pub fn replace_with<O: Ops + ?Sized>(
    ops: &mut O,
    path: &Path,
    bytes: &[u8],
) -> Result<(), StoreError> {
    replace_by(ops, path, |ops, file| ops.write_all(file, bytes))
}

/// [`replace`] with contents that `write` puts into the temporary file
/// piece by piece, so that a large file is never held whole in memory.
pub(crate) fn replace_written(
    path: &Path,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), StoreError> {
    replace_by(&mut RealOps, path, |_, file| write(file))
}

fn replace_by<O: Ops + ?Sized>(
    ops: &mut O,
    path: &Path,
    write: impl FnOnce(&mut O, &mut File) -> io::Result<()>,
) -> Result<(), StoreError> {
    let fail = |op, source| StoreError::io(path, op, source);
    let dir = folder_of(path);
    let (temp, mut file) = temp_beside(ops, path)?;

    let written = write(ops, &mut file)
        .map_err(|e| (IoOp::WriteTemp, e))
        .and_then(|()| ops.sync_file(&file).map_err(|e| (IoOp::SyncTemp, e)));
    // Close before renaming: Windows cannot always rename an open file.
    drop(file);
    if let Err((op, source)) =
        written.and_then(|()| ops.rename(&temp, path).map_err(|e| (IoOp::Rename, e)))
    {
        // Best effort: if removing fails too, the sweep removes it later. If a
        // failed rename did in fact happen, there is nothing left to remove.
        let _ = fs::remove_file(&temp);
        return Err(fail(op, source));
    }

    // The rename happened: the temporary file is gone, so nothing to clean up.
    match ops.sync_dir(dir) {
        Err(e) if !is_unsupported_dir_sync(&e) => Err(fail(IoOp::SyncDir, e)),
        _ => Ok(()),
    }
}

/// Creates a fresh temporary file beside `path`, in the folder it will be
/// renamed in.
fn temp_beside<O: Ops + ?Sized>(ops: &mut O, path: &Path) -> Result<(PathBuf, File), StoreError> {
    let fail = |op, source| StoreError::io(path, op, source);
    let file_name = path.file_name().ok_or_else(|| {
        fail(
            IoOp::CreateTemp,
            io::Error::new(io::ErrorKind::InvalidInput, "the path does not name a file"),
        )
    })?;
    create_temp(ops, folder_of(path), file_name).map_err(|e| fail(IoOp::CreateTemp, e))
}

/// Creates a fresh temporary file for `file_name` in `dir`.
///
/// On an error other than "already exists" the name is ours alone (our pid,
/// host and counter), so a file left under it by a failed create is removed.
fn create_temp<O: Ops + ?Sized>(
    ops: &mut O,
    dir: &Path,
    file_name: &OsStr,
) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut attempt = 0;
    loop {
        let unique = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(TempName::for_this_process(unique).file_name(file_name));
        match ops.create_new(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt + 1 < NAME_ATTEMPTS => {
                attempt += 1;
            }
            Err(e) => {
                if e.kind() != io::ErrorKind::AlreadyExists {
                    let _ = fs::remove_file(&temp);
                }
                return Err(e);
            }
        }
    }
}

/// Flushes the folder holding `path` to disk (a file created in it is
/// then durable); file systems that cannot flush a folder are fine.
pub(crate) fn sync_folder_of(path: &Path) -> io::Result<()> {
    match RealOps.sync_dir(folder_of(path)) {
        Err(e) if is_unsupported_dir_sync(&e) => Ok(()),
        r => r,
    }
}

/// Errors some file systems return for `fsync` on a folder that only mean
/// "not supported here".
fn is_unsupported_dir_sync(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported
    )
}

/// A file's new contents written and flushed to a temporary file beside
/// it, not yet in place: [`Staged::put_in_place`] renames it over the file
/// (and flushes the folder); dropped before that, the temporary file is
/// removed. It lets a long write happen without the writer lock, and only
/// the rename under it.
#[derive(Debug)]
pub(crate) struct Staged {
    temp: PathBuf,
    path: PathBuf,
    placed: bool,
}

/// Writes `bytes` to a temporary file beside `path` and flushes it.
pub(crate) fn stage(path: &Path, bytes: &[u8]) -> Result<Staged, StoreError> {
    let fail = |op, source| StoreError::io(path, op, source);
    let (temp, mut file) = temp_beside(&mut RealOps, path)?;
    let staged = Staged {
        temp,
        path: path.to_path_buf(),
        placed: false,
    };
    file.write_all(bytes)
        .map_err(|e| fail(IoOp::WriteTemp, e))?;
    file.sync_all().map_err(|e| fail(IoOp::SyncTemp, e))?;
    Ok(staged)
}

impl Staged {
    /// Renames the staged contents over the file and flushes the folder.
    pub(crate) fn put_in_place(mut self) -> Result<(), StoreError> {
        fs::rename(&self.temp, &self.path)
            .map_err(|e| StoreError::io(&self.path, IoOp::Rename, e))?;
        self.placed = true;
        match RealOps.sync_dir(folder_of(&self.path)) {
            Err(e) if !is_unsupported_dir_sync(&e) => {
                Err(StoreError::io(&self.path, IoOp::SyncDir, e))
            }
            _ => Ok(()),
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.placed {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// The folder holding `path` (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}
