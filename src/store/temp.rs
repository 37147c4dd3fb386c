//! Temporary-file names used by atomic saves, and the sweep that removes stale ones.
//!
//! A save writes `.<file name>.tmp.<pid>.<host>.<n>` next to the file and renames
//! it over the file. `<pid>` is the writing process, `<host>` eight hex digits
//! identifying the machine (and, on Linux, its current boot), `<n>` a per-process
//! counter. A writer that crashes between create and rename leaves such a file
//! behind; [`sweep_temp_files`] removes it later.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io;
use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

/// Age after which a temporary file is stale whoever wrote it.
///
/// A save takes milliseconds; even on a slow network folder a temporary file
/// that has not been renamed after ten minutes belongs to a writer that died.
pub const STALE_AFTER: Duration = Duration::from_secs(10 * 60);

/// The parts of one of our temporary-file names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TempName {
    /// Process id of the writer.
    pub pid: u32,
    /// Tag of the writer's machine, see [`host_tag`].
    pub host: u32,
    /// Counter that makes the name unique within the process.
    pub unique: u64,
}

impl TempName {
    /// The name parts for a temporary file of this process on this machine.
    pub fn for_this_process(unique: u64) -> TempName {
        TempName {
            pid: std::process::id(),
            host: host_tag(),
            unique,
        }
    }

    /// The file name: `.<file_name>.tmp.<pid>.<host as 8 hex digits>.<unique>`.
    pub fn file_name(&self, file_name: &OsStr) -> OsString {
        let mut name = OsString::from(".");
        name.push(file_name);
        name.push(format!(
            ".tmp.{}.{:08x}.{}",
            self.pid, self.host, self.unique
        ));
        name
    }

    /// Parses a name made by [`TempName::file_name`]; `None` for any other name.
    ///
    /// The whole pattern must match: a leading dot, a non-empty file name, then
    /// `.tmp.`, decimal pid, exactly eight lowercase hex digits, decimal counter.
    pub fn parse(name: &OsStr) -> Option<TempName> {
        let bytes = name.as_encoded_bytes();
        let rest = bytes.strip_prefix(b".")?;
        let at = rest.windows(5).rposition(|w| w == b".tmp.")?;
        if at == 0 {
            return None;
        }
        let tail = std::str::from_utf8(&rest[at + 5..]).ok()?;
        let mut parts = tail.split('.');
        let (pid, host, unique) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || !all_digits(pid) || !all_digits(unique) {
            return None;
        }
        if host.len() != 8
            || !host
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            return None;
        }
        Some(TempName {
            pid: pid.parse().ok()?,
            host: u32::from_str_radix(host, 16).ok()?,
            unique: unique.parse().ok()?,
        })
    }
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A tag for this machine, written into temporary-file names.
///
/// On Linux it hashes the host name and the kernel's boot id, so a process id
/// in a name is only compared with this machine's processes of this boot.
/// Elsewhere it hashes the host name from the environment; there the process
/// rule of [`sweep_temp_files`] is not used, so the tag only has to differ from
/// those of Linux machines sharing the folder.
pub fn host_tag() -> u32 {
    static TAG: OnceLock<u32> = OnceLock::new();
    *TAG.get_or_init(|| {
        let mut id = Vec::new();
        if cfg!(target_os = "linux") {
            for file in [
                "/proc/sys/kernel/hostname",
                "/proc/sys/kernel/random/boot_id",
            ] {
                id.extend(fs::read(file).unwrap_or_default());
                id.push(0);
            }
        } else {
            for var in ["COMPUTERNAME", "HOSTNAME"] {
                id.extend(std::env::var_os(var).unwrap_or_default().as_encoded_bytes());
                id.push(0);
            }
        }
        fnv1a(&id)
    })
}

fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |hash, &b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Whether process `pid` of this machine is alive, when that can be known.
///
/// Linux: `/proc/<pid>` exists. `None` where there is no `/proc` to ask (other
/// systems, or a Linux without `/proc` mounted).
fn process_alive(pid: u32) -> Option<bool> {
    if !cfg!(target_os = "linux") || !Path::new("/proc/self").exists() {
        return None;
    }
    Some(Path::new("/proc").join(pid.to_string()).exists())
}

/// Removes our stale temporary files in `dir`; returns how many it removed.
///
/// Call it when opening a folder that bunkakai writes to. The rule:
///
/// - Only regular files whose whole name matches [`TempName::parse`] are
///   considered; nothing else in the folder is ever touched.
/// - A file written on **this machine** (same [`host_tag`]) whose process is
///   no longer alive is stale at once: that writer crashed mid-save.
/// - Any file whose modification time is [`STALE_AFTER`] or more in the past
///   is stale. This is how files of writers on **other machines** sharing the
///   folder are cleaned up: their process ids mean nothing here, so a young
///   file of theirs may belong to a save in progress and is left alone. A
///   modification time in the future (clock skew) does not count as old.
///
/// A file that disappears while sweeping (another console swept it first) is
/// not an error.
pub fn sweep_temp_files(dir: &Path) -> io::Result<usize> {
    let now = SystemTime::now();
    let here = host_tag();
    let mut removed = 0;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let Some(name) = TempName::parse(&entry.file_name()) else {
            continue;
        };
        // DirEntry::metadata does not follow symlinks.
        let meta = match entry.metadata() {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        if !meta.is_file() {
            continue;
        }
        let dead_here = name.host == here && process_alive(name.pid) == Some(false);
        let old = meta
            .modified()
            .ok()
            .and_then(|mtime| now.duration_since(mtime).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if !(dead_here || old) {
            continue;
        }
        match fs::remove_file(entry.path()) {
            Ok(()) => removed += 1,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(removed)
}
