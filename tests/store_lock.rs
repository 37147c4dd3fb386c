//! The sidecar writer lock: exclusion within a process and across processes.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use bunkakai::store::lock::{WriterLock, lock_path};
use bunkakai::store::{StoreError, atomic};

#[test]
fn the_sidecar_is_named_after_the_target() {
    assert_eq!(
        lock_path(Path::new("s/notes/A.json")),
        Path::new("s/notes/A.json.lock")
    );
    assert_eq!(lock_path(Path::new("run.json")), Path::new("run.json.lock"));
}

#[test]
fn a_second_try_acquire_fails_while_the_first_guard_lives() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("run.json");

    let first = WriterLock::try_acquire(&target)
        .unwrap()
        .expect("the lock is free");
    assert_eq!(first.target(), target);
    assert_eq!(first.lock_path(), dir.path().join("run.json.lock"));
    assert!(first.lock_path().is_file(), "the sidecar is created");
    assert!(!target.exists(), "the target itself is not created");

    assert!(WriterLock::try_acquire(&target).unwrap().is_none());
    // Another file in the same folder has its own lock.
    let other = WriterLock::try_acquire(&dir.path().join("A.json")).unwrap();
    assert!(other.is_some());

    drop(first);
    let again = WriterLock::try_acquire(&target).unwrap();
    assert!(again.is_some(), "dropping the guard releases the lock");
    drop(again);
    assert!(
        dir.path().join("run.json.lock").is_file(),
        "the sidecar is never deleted"
    );
}

#[test]
fn acquire_takes_a_free_lock_and_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("run.json");
    let guard = WriterLock::acquire(&target).unwrap();
    assert!(WriterLock::try_acquire(&target).unwrap().is_none());
    drop(guard);
    let guard = WriterLock::acquire(&target).unwrap();
    drop(guard);
}

#[test]
fn acquire_timeout_gives_up_with_locked_and_succeeds_when_free() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("run.json");
    let holder = WriterLock::acquire(&target).unwrap();

    for timeout in [Duration::ZERO, Duration::from_millis(120)] {
        match WriterLock::acquire_timeout(&target, timeout) {
            Err(StoreError::Locked { path }) => assert_eq!(path, target),
            other => panic!("expected Locked, got {other:?}"),
        }
    }
    let message = WriterLock::acquire_timeout(&target, Duration::ZERO)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("run.json") && message.contains("another bunkakai"),
        "{message}"
    );

    drop(holder);
    WriterLock::acquire_timeout(&target, Duration::ZERO).unwrap();
}

#[test]
fn saving_under_the_lock_keeps_the_lock_and_its_sidecar() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("run.json");
    let guard = WriterLock::acquire(&target).unwrap();
    atomic::replace(&target, b"{}\n").unwrap();
    atomic::replace(&target, b"{\"a\":1}\n").unwrap();
    assert!(
        WriterLock::try_acquire(&target).unwrap().is_none(),
        "renaming the target does not touch the lock"
    );
    drop(guard);
    assert_eq!(fs::read(&target).unwrap(), b"{\"a\":1}\n");
}

#[test]
fn a_path_without_a_file_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    assert!(WriterLock::try_acquire(&dir.path().join("..")).is_err());
}

// Cross-process check: the test binary runs itself with the filter set to
// `child_probe` and an environment variable naming the target; the child
// tries the lock and exits non-zero when the result is not the expected one.

const PROBE_TARGET: &str = "BUNKAKAI_TEST_LOCK_TARGET";
const PROBE_EXPECT: &str = "BUNKAKAI_TEST_LOCK_EXPECT";

/// Does nothing in a normal run; is the other process in the cross-process test.
#[test]
fn child_probe() {
    let Some(target) = std::env::var_os(PROBE_TARGET) else {
        return;
    };
    let target = Path::new(&target);
    let expect_free = std::env::var(PROBE_EXPECT).unwrap() == "free";
    let got = WriterLock::try_acquire(target).unwrap();
    assert_eq!(
        got.is_some(),
        expect_free,
        "lock state seen by the other process"
    );
    fs::write(target.with_extension("probed"), b"ran").unwrap();
}

fn probe_from_another_process(target: &Path, expect: &str) {
    let marker = target.with_extension("probed");
    let _ = fs::remove_file(&marker);
    // Output captured, so the child's test summary does not mix into ours.
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["child_probe", "--exact", "--test-threads=1"])
        .env(PROBE_TARGET, target)
        .env(PROBE_EXPECT, expect)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "the other process did not see the lock as {expect}:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(marker.is_file(), "the other process did not run the probe");
}

#[test]
fn another_process_is_kept_out_while_the_guard_lives() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("run.json");
    let guard = WriterLock::acquire(&target).unwrap();
    probe_from_another_process(&target, "held");
    drop(guard);
    probe_from_another_process(&target, "free");
}
