//! `WriterLock`: the sidecar lock file that serialises the writers of one data file.
//!
//! The lock is taken on `<file name>.lock` next to the data file, never on the
//! data file itself: a save renames a new file over the data file, so a lock on
//! the old one would protect nothing. The sidecar is created when missing and
//! is never renamed or deleted, because a process waiting on a deleted sidecar
//! would get a lock that nobody else sees.
//!
//! Locks are advisory (`flock` on Unix, `LockFileEx` on Windows, through std's
//! `File::lock`): they keep bunkakai processes apart, not other programs.
//! `File::lock` belongs to one open file: a second `try_acquire` in the same
//! process fails while the first guard lives. On NFS, Linux emulates `flock`
//! with POSIX record locks, which are per process; there two guards of one
//! process do not exclude each other, but other processes and machines are
//! still kept out, which is what the lock is for.

use std::ffi::OsString;
use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use super::error::{IoOp, StoreError};

/// How long [`WriterLock::acquire_timeout`] sleeps between two attempts.
const POLL_INTERVAL: Duration = Duration::from_millis(50);

/// Exclusive right to write one data file; released when dropped.
#[derive(Debug)]
pub struct WriterLock {
    file: File,
    target: PathBuf,
    lock_path: PathBuf,
}

/// The sidecar lock file of `target`: `<file name>.lock` in the same folder.
pub fn lock_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().map(OsString::from).unwrap_or_default();
    name.push(".lock");
    target.with_file_name(name)
}

impl WriterLock {
    /// Waits until the lock of `target` is free and takes it.
    ///
    /// On a network folder whose server stopped answering this may wait for
    /// ever; prefer [`WriterLock::acquire_timeout`] there.
    pub fn acquire(target: &Path) -> Result<WriterLock, StoreError> {
        let (file, lock_path) = open_sidecar(target)?;
        file.lock()
            .map_err(|e| StoreError::io(target, IoOp::Lock, e))?;
        Ok(WriterLock::new(file, target, lock_path))
    }

    /// Takes the lock of `target` if it is free; `Ok(None)` when another
    /// holder has it (for example another console already runs this sitting).
    pub fn try_acquire(target: &Path) -> Result<Option<WriterLock>, StoreError> {
        let (file, lock_path) = open_sidecar(target)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(WriterLock::new(file, target, lock_path))),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(StoreError::io(target, IoOp::Lock, e)),
        }
    }

    /// Takes the lock of `target`, trying again every 50 ms until `timeout`
    /// has passed; then fails with [`StoreError::Locked`].
    ///
    /// Polling instead of a blocking wait because a blocking lock on a network
    /// folder can hang. The sidecar is opened once, before the first attempt;
    /// at least one attempt is made even with a zero timeout.
    pub fn acquire_timeout(target: &Path, timeout: Duration) -> Result<WriterLock, StoreError> {
        let (file, lock_path) = open_sidecar(target)?;
        let deadline = Instant::now() + timeout;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(WriterLock::new(file, target, lock_path)),
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(e)) => {
                    return Err(StoreError::io(target, IoOp::Lock, e));
                }
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(StoreError::Locked {
                    path: target.to_path_buf(),
                });
            }
            thread::sleep(POLL_INTERVAL.min(deadline - now));
        }
    }

    /// The data file this lock protects.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// The sidecar lock file.
    pub fn lock_path(&self) -> &Path {
        &self.lock_path
    }

    fn new(file: File, target: &Path, lock_path: PathBuf) -> WriterLock {
        WriterLock {
            file,
            target: target.to_path_buf(),
            lock_path,
        }
    }
}

impl Drop for WriterLock {
    fn drop(&mut self) {
        // Closing the file releases the lock too; unlocking first says so
        // explicitly. Nothing useful can be done with an error here.
        let _ = self.file.unlock();
    }
}

/// Opens (creating if needed) the sidecar lock file of `target`.
fn open_sidecar(target: &Path) -> Result<(File, PathBuf), StoreError> {
    if target.file_name().is_none() {
        let e = io::Error::new(io::ErrorKind::InvalidInput, "the path does not name a file");
        return Err(StoreError::io(target, IoOp::OpenLock, e));
    }
    let lock_path = lock_path(target);
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(|e| StoreError::io(target, IoOp::OpenLock, e))?;
    Ok((file, lock_path))
}
