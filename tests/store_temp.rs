//! Temporary-file names and the sweep of stale ones.

mod common;

use std::ffi::OsStr;
use std::fs::{self, File};
use std::path::Path;
use std::time::{Duration, SystemTime};

use bunkakai::store::temp::{STALE_AFTER, TempName, host_tag, sweep_temp_files};
use common::listing;

/// Creates `dir/name` and sets its modification time `age` in the past.
fn make_file(dir: &Path, name: &OsStr, age: Duration) {
    let file = File::create(dir.join(name)).unwrap();
    file.set_modified(SystemTime::now() - age).unwrap();
}

/// A process id that cannot be alive: Linux pids stay below 2^22.
const DEAD_PID: u32 = 4_194_304 + 17;

#[test]
fn temp_names_round_trip_and_nothing_else_parses() {
    let name = TempName {
        pid: 4242,
        host: 0x00ab_cdef,
        unique: 7,
    };
    let file = name.file_name(OsStr::new("A.json"));
    assert_eq!(file, ".A.json.tmp.4242.00abcdef.7");
    assert_eq!(TempName::parse(&file), Some(name));
    // A file name that itself contains ".tmp." still works.
    let odd = name.file_name(OsStr::new("x.tmp.1.json"));
    assert_eq!(TempName::parse(&odd), Some(name));

    for other in [
        "run.json",
        "run.json.lock",
        ".run.json",
        ".tmp.1.00abcdef.2",
        "run.json.tmp.1.00abcdef.2",
        ".run.json.tmp.1.00abcdef",
        ".run.json.tmp.1.00abcdef.2.3",
        ".run.json.tmp.x.00abcdef.2",
        ".run.json.tmp.1.00ABCDEF.2",
        ".run.json.tmp.1.abcdef.2",
        ".run.json.tmp.1.00abcdef.",
        ".run.json.tmp.-1.00abcdef.2",
        ".run.json.tmp.1.00abcdef.2~",
    ] {
        assert_eq!(TempName::parse(OsStr::new(other)), None, "{other}");
    }
}

#[test]
fn sweep_removes_old_temp_files_of_any_machine_and_keeps_fresh_ones() {
    let dir = tempfile::tempdir().unwrap();
    let other_host = host_tag() ^ 1;
    let old = STALE_AFTER + Duration::from_secs(60);
    let fresh = Duration::ZERO;
    let stale = TempName {
        pid: 1,
        host: other_host,
        unique: 0,
    }
    .file_name(OsStr::new("run.json"));
    let live = TempName::for_this_process(99).file_name(OsStr::new("run.json"));
    let other_fresh = TempName {
        pid: DEAD_PID,
        host: other_host,
        unique: 1,
    }
    .file_name(OsStr::new("A.json"));
    make_file(dir.path(), &stale, old);
    make_file(dir.path(), &live, fresh);
    make_file(dir.path(), &other_fresh, fresh);

    assert_eq!(sweep_temp_files(dir.path()).unwrap(), 1);

    let mut expected = vec![
        live.into_string().unwrap(),
        // Another machine's process id means nothing here: a young file of
        // theirs may be a save in progress.
        other_fresh.into_string().unwrap(),
    ];
    expected.sort();
    assert_eq!(listing(dir.path()), expected);
}

#[cfg(target_os = "linux")]
#[test]
fn sweep_removes_a_fresh_temp_file_of_a_dead_process_of_this_machine() {
    let dir = tempfile::tempdir().unwrap();
    let dead = TempName {
        pid: DEAD_PID,
        host: host_tag(),
        unique: 3,
    }
    .file_name(OsStr::new("B.json"));
    let live = TempName::for_this_process(4).file_name(OsStr::new("B.json"));
    make_file(dir.path(), &dead, Duration::ZERO);
    make_file(dir.path(), &live, Duration::ZERO);

    assert_eq!(sweep_temp_files(dir.path()).unwrap(), 1);
    assert_eq!(listing(dir.path()), [live.into_string().unwrap()]);
}

#[test]
fn sweep_never_touches_files_that_are_not_ours() {
    let dir = tempfile::tempdir().unwrap();
    let old = STALE_AFTER * 10;
    let names = [
        "run.json",
        "run.json.lock",
        ".run.json.tmp",
        ".run.json.tmp.1.zzzzzzzz.2",
        "run.json.tmp.1.00abcdef.2",
        ".hidden",
        "notes.json.bak",
    ];
    for name in names {
        make_file(dir.path(), OsStr::new(name), old);
    }
    // A folder whose name matches the pattern is not a file of ours either.
    let folder = TempName {
        pid: DEAD_PID,
        host: host_tag(),
        unique: 5,
    }
    .file_name(OsStr::new("run.json"));
    fs::create_dir(dir.path().join(&folder)).unwrap();

    assert_eq!(sweep_temp_files(dir.path()).unwrap(), 0);

    let mut expected: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    expected.push(folder.into_string().unwrap());
    expected.sort();
    assert_eq!(listing(dir.path()), expected);
}

#[test]
fn a_modification_time_in_the_future_is_not_old() {
    let dir = tempfile::tempdir().unwrap();
    let name = TempName {
        pid: 1,
        host: host_tag() ^ 1,
        unique: 0,
    }
    .file_name(OsStr::new("run.json"));
    let file = File::create(dir.path().join(&name)).unwrap();
    file.set_modified(SystemTime::now() + STALE_AFTER * 2)
        .unwrap();
    assert_eq!(sweep_temp_files(dir.path()).unwrap(), 0);
    assert_eq!(listing(dir.path()).len(), 1);
}

#[test]
fn sweeping_a_missing_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    assert!(sweep_temp_files(&dir.path().join("missing")).is_err());
}
