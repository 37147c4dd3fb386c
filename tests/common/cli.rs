//! Running the built binary as a command-line user would: one sessions
//! folder, a fixed language, logs and the search cache kept out of the way.
//! The binary can be swapped for another build with `BUNKAKAI_TEST_BIN` (to
//! see a test fail on an older build).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary under test.
pub fn bin() -> PathBuf {
    std::env::var_os("BUNKAKAI_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(super::BIN))
}

/// `bunkakai` in the C locale (English unless `--lang` is given), without
/// the user's sessions folder, logs or search cache.
pub fn bare() -> Command {
    let mut c = Command::new(bin());
    c.env_remove("BUNKAKAI_SESSIONS")
        .env(
            "BUNKAKAI_LOG_DIR",
            std::env::temp_dir().join("bunkakai-test-logs"),
        )
        .env(
            "BUNKAKAI_CACHE_DIR",
            std::env::temp_dir().join("bunkakai-test-cache"),
        )
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

/// `bunkakai --sessions SESSIONS ARGS…`, as [`bare`].
pub fn cmd(sessions: &Path, args: &[&str]) -> Command {
    let mut c = bare();
    c.arg("--sessions").arg(sessions).args(args);
    c
}

/// [`cmd`] run to its end.
pub fn run(sessions: &Path, args: &[&str]) -> Output {
    cmd(sessions, args).output().unwrap()
}

/// `bunkakai ARGS…` run to its end from the repository, as [`bare`]: paths
/// are the repository's and the sessions folder is the bundled `sessions/`.
pub fn in_repo(args: &[&str]) -> Output {
    bare()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

/// `bunkakai --sessions tests/fixtures/archive ARGS…` from the repository,
/// in Japanese (the archive fixture: three sittings, one broken file).
pub fn in_archive(args: &[&str]) -> Output {
    cmd(Path::new("tests/fixtures/archive"), args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LANG", "ja_JP.UTF-8")
        .output()
        .unwrap()
}

/// The hidden `notes-writer` test tool adding notes to the sitting folder
/// `sitting` as another note-taker's console would, run to its end.
pub fn notes_writer(sitting: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .arg("notes-writer")
        .args(args)
        .arg(sitting)
        .output()
        .unwrap()
}

/// What a command wrote on stdout and stderr, as text.
pub fn texts(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// What a command wrote on stdout, which must be UTF-8.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// What a command wrote on stderr, which must be UTF-8.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// A sessions folder holding a copy of the archive fixture's jichitai-09
/// (without its broken C.json): a sitting that was run, with notes.
pub fn archive_sitting() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let to = tmp.path().join("jichitai-09");
    super::copy_dir(&super::archive_dir().join("jichitai-09"), &to);
    std::fs::remove_file(to.join("notes/C.json")).unwrap();
    (tmp, to)
}
