//! The test fixtures and copies of them: the plan of `jichitai-09` (a frozen
//! copy in `tests/fixtures/sittings/`, not the user-editable `sessions/`), an
//! instant on its day, the archive of sittings that were run, and temporary
//! sessions folders holding them.

use std::path::{Path, PathBuf};

/// The plan of `jichitai-09` as the tests know it: a frozen copy in
/// `tests/fixtures/sittings/`, not the bundled (user-editable) `sessions/`.
pub fn plan_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sittings/jichitai-09/session.json")
}

/// The plan of `jichitai-09`, read.
pub fn plan() -> bunkakai::model::Plan {
    let bytes = std::fs::read(plan_file()).unwrap();
    bunkakai::model::read_plan(&bytes, "jichitai-09")
        .plan
        .expect("the fixture plan is valid")
}

/// An instant on the sitting's day (2026-01-20, Japan time): `at("14:10")`
/// or `at("14:10:30")`.
pub fn at(time: &str) -> bunkakai::model::Stamp {
    let time = if time.len() == 5 {
        format!("{time}:00")
    } else {
        time.to_string()
    };
    chrono::DateTime::parse_from_rfc3339(&format!("2026-01-20T{time}+09:00")).unwrap()
}

/// A temporary sessions folder holding a copy of `jichitai-09`.
pub fn sitting() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("jichitai-09");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(plan_file(), dir.join("session.json")).unwrap();
    (tmp, dir)
}

/// A copy of the folder `from` (and all below it) at `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Names of the entries in `dir`, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// The archive fixture (`tests/fixtures/archive`): two sittings that were
/// run, each with a notes file that cannot be used (jichitai-09's C.json is
/// broken, jichitai-10's is of a newer version).
pub fn archive_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive")
}

/// A copy of the archive fixture in a temporary folder (`TMP/archive`),
/// without the files named in `without` (paths below the archive).
pub fn archive_copy(without: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    copy_dir(&archive_dir(), &dir);
    for file in without {
        std::fs::remove_file(dir.join(file)).unwrap();
    }
    (tmp, dir)
}
