//! `bunkakai` alone on a sessions folder that is not there says so, rather
//! than that the folder holds no sitting.

mod common;

use common::cli::run;

#[test]
fn a_missing_sessions_folder_is_named_as_missing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nonexistent");
    let out = run(&missing, &["--lang", "en"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("there is no folder"), "{err}");
    assert!(!err.contains("no sittings in"), "{err}");
    // An empty folder still says it holds no sitting.
    let out = run(dir.path(), &["--lang", "en"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("no sittings in"));
}
