//! Atomic replace: plain use, and an injected I/O failure at every step of a save.

mod common;

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use bunkakai::store::atomic::{self, Ops, RealOps};
use bunkakai::store::{IoOp, StoreError};
use common::listing;

const OLD: &[u8] = b"{\n  \"format\": \"bunkakai.run/1\",\n  \"n\": 1\n}\n";
const NEW: &[u8] = b"{\n  \"format\": \"bunkakai.run/1\",\n  \"n\": 2,\n  \"more\": \"data\"\n}\n";

/// Whether an injected failure happens before or after the real call.
///
/// `After` models a call that did its work and still reported an error (a
/// network file system may do that); for `write_all` it writes only half.
#[derive(Debug, Clone, Copy, PartialEq)]
enum When {
    Before,
    After,
}

/// Real operations that fail at the `fail_at`-th call (0-based), and record
/// the names of the calls made.
struct FailAt {
    fail_at: Option<usize>,
    when: When,
    calls: Vec<&'static str>,
    error: fn() -> io::Error,
}

impl FailAt {
    fn new(fail_at: Option<usize>, when: When) -> Self {
        FailAt {
            fail_at,
            when,
            calls: Vec::new(),
            error: || io::Error::other("injected failure"),
        }
    }

    /// Records the call; `Err` when this is the call to fail before running.
    /// Returns whether it must fail after running.
    fn enter(&mut self, name: &'static str) -> io::Result<bool> {
        let k = self.calls.len();
        self.calls.push(name);
        let hit = self.fail_at == Some(k);
        if hit && self.when == When::Before {
            return Err((self.error)());
        }
        Ok(hit)
    }

    fn finish<T>(&self, hit: bool, result: io::Result<T>) -> io::Result<T> {
        let value = result?;
        if hit { Err((self.error)()) } else { Ok(value) }
    }
}

impl Ops for FailAt {
    fn create_new(&mut self, path: &Path) -> io::Result<File> {
        let hit = self.enter("create_new")?;
        let r = RealOps.create_new(path);
        self.finish(hit, r)
    }
    fn write_all(&mut self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        let hit = self.enter("write_all")?;
        let bytes = if hit {
            &bytes[..bytes.len() / 2]
        } else {
            bytes
        };
        let r = RealOps.write_all(file, bytes);
        self.finish(hit, r)
    }
    fn sync_file(&mut self, file: &File) -> io::Result<()> {
        let hit = self.enter("sync_file")?;
        let r = RealOps.sync_file(file);
        self.finish(hit, r)
    }
    fn rename(&mut self, from: &Path, to: &Path) -> io::Result<()> {
        let hit = self.enter("rename")?;
        let r = RealOps.rename(from, to);
        self.finish(hit, r)
    }
    fn sync_dir(&mut self, dir: &Path) -> io::Result<()> {
        let hit = self.enter("sync_dir")?;
        let r = RealOps.sync_dir(dir);
        self.finish(hit, r)
    }
}

const STEPS: [(&str, IoOp); 5] = [
    ("create_new", IoOp::CreateTemp),
    ("write_all", IoOp::WriteTemp),
    ("sync_file", IoOp::SyncTemp),
    ("rename", IoOp::Rename),
    ("sync_dir", IoOp::SyncDir),
];
const RENAME_STEP: usize = 3;

#[test]
fn a_save_is_made_of_the_expected_steps() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("run.json");
    let mut ops = FailAt::new(None, When::Before);
    atomic::replace_with(&mut ops, &target, NEW).unwrap();
    let names: Vec<&str> = STEPS.iter().map(|(name, _)| *name).collect();
    assert_eq!(ops.calls, names);
    assert_eq!(fs::read(&target).unwrap(), NEW);
}

/// The heart of the store's promise: whichever step fails, the file on disk is
/// a whole version (the old one until the rename happened), no temporary file
/// is left, and the caller gets the error naming the step.
#[test]
fn a_failure_at_any_step_keeps_the_file_whole_and_leaves_no_temp() {
    for previous in [Some(OLD), None] {
        for when in [When::Before, When::After] {
            for (k, (name, op)) in STEPS.iter().enumerate() {
                let case = format!(
                    "step {k} ({name}), {when:?}, previous file: {}",
                    previous.is_some()
                );
                let dir = tempfile::tempdir().unwrap();
                let target = dir.path().join("run.json");
                if let Some(old) = previous {
                    fs::write(&target, old).unwrap();
                }
                let mut ops = FailAt::new(Some(k), when);

                let err = atomic::replace_with(&mut ops, &target, NEW).expect_err(&case);

                match &err {
                    StoreError::Io { path, op: got, .. } => {
                        assert_eq!(got, op, "{case}");
                        assert_eq!(path, &target, "{case}");
                    }
                    other => panic!("{case}: unexpected error {other:?}"),
                }
                assert_eq!(
                    ops.calls.len(),
                    k + 1,
                    "{case}: no step may run after a failure"
                );

                let renamed = k > RENAME_STEP || (k == RENAME_STEP && when == When::After);
                let expected: Option<&[u8]> = if renamed { Some(NEW) } else { previous };
                match expected {
                    Some(bytes) => {
                        assert_eq!(listing(dir.path()), ["run.json"], "{case}");
                        let on_disk = fs::read(&target).unwrap();
                        assert_eq!(on_disk, bytes, "{case}");
                        serde_json::from_slice::<serde_json::Value>(&on_disk)
                            .unwrap_or_else(|e| panic!("{case}: file does not parse: {e}"));
                    }
                    None => assert!(listing(dir.path()).is_empty(), "{case}"),
                }
            }
        }
    }
}

#[test]
fn unsupported_folder_sync_is_ignored_but_other_folder_errors_are_returned() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("run.json");
    let sync_dir = STEPS.len() - 1;

    for benign in [io::ErrorKind::InvalidInput, io::ErrorKind::Unsupported] {
        let mut ops = FailAt::new(Some(sync_dir), When::Before);
        ops.error = match benign {
            io::ErrorKind::InvalidInput => || io::Error::from(io::ErrorKind::InvalidInput),
            _ => || io::Error::from(io::ErrorKind::Unsupported),
        };
        atomic::replace_with(&mut ops, &target, NEW).unwrap();
        assert_eq!(fs::read(&target).unwrap(), NEW);
    }

    let mut ops = FailAt::new(Some(sync_dir), When::Before);
    ops.error = || io::Error::from_raw_os_error(5); // EIO
    let err = atomic::replace_with(&mut ops, &target, OLD).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Io {
                op: IoOp::SyncDir,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn replace_creates_then_replaces_and_leaves_no_temp() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("notes.json");
    atomic::replace(&target, OLD).unwrap();
    assert_eq!(fs::read(&target).unwrap(), OLD);
    atomic::replace(&target, NEW).unwrap();
    assert_eq!(fs::read(&target).unwrap(), NEW);
    atomic::replace(&target, b"").unwrap();
    assert_eq!(fs::read(&target).unwrap(), b"");
    assert_eq!(listing(dir.path()), ["notes.json"]);
}

#[test]
fn replace_into_a_missing_folder_fails_at_create_and_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let target: PathBuf = dir.path().join("no-such-folder").join("run.json");
    let err = atomic::replace(&target, NEW).unwrap_err();
    assert!(matches!(&err, StoreError::Io { op: IoOp::CreateTemp, path, .. } if *path == target));
    let message = err.to_string();
    assert!(message.contains("run.json"), "{message}");
}

#[test]
fn replace_refuses_a_path_without_a_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let err = atomic::replace(&dir.path().join(".."), NEW).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Io {
                op: IoOp::CreateTemp,
                ..
            }
        ),
        "{err:?}"
    );
}

/// Readers running alongside writers only ever see one whole version.
#[test]
fn concurrent_readers_never_see_a_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("run.json");
    let versions: Vec<Vec<u8>> = (0..4)
        .map(|i| {
            format!(
                "{{\"format\":\"bunkakai.run/1\",\"v\":{i},\"pad\":\"{}\"}}\n",
                "x".repeat(20_000 * (i + 1))
            )
            .into_bytes()
        })
        .collect();
    atomic::replace(&target, &versions[0]).unwrap();

    std::thread::scope(|s| {
        for w in 0..2 {
            let (target, versions) = (&target, &versions);
            s.spawn(move || {
                for round in 0..25 {
                    atomic::replace(target, &versions[(w + round) % versions.len()]).unwrap();
                }
            });
        }
        for _ in 0..200 {
            let seen = fs::read(&target).unwrap();
            assert!(
                versions.contains(&seen),
                "a reader saw a file of {} bytes that is no version",
                seen.len()
            );
        }
    });
    assert_eq!(listing(dir.path()), ["run.json"]);
}
