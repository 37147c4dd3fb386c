//! Reading the whole archive of past sittings from disk, bytes only: every
//! sitting folder's `session.json`, `run.json` and `notes/*.json`. Parsing is
//! the model's business (`review::archive`); a file that cannot be read is
//! kept with its error so that the reviewer sees it listed.

use std::io;
use std::path::{Path, PathBuf};

use super::sessions::PLAN_FILE;
use crate::model::run::RUN_FILE;

/// The folder of the groups' notes inside a sitting's folder.
pub(crate) const NOTES_DIR: &str = "notes";

/// One file of a sitting: where it is and what reading it gave.
#[derive(Debug)]
pub struct FileBytes {
    /// The file's path.
    pub path: PathBuf,
    /// Its bytes, or why they could not be read.
    pub bytes: io::Result<Vec<u8>>,
    /// For a notes file, its journal (`notes/<group>.journal`), read
    /// before the file; `Ok(None)` when there is none (and for other files).
    pub journal: Result<Option<Vec<u8>>, super::StoreError>,
}

/// Everything on disk about one sitting.
#[derive(Debug)]
pub struct SittingFiles {
    /// The folder's name: the sitting's id unless its plan says otherwise.
    pub folder: String,
    /// The sitting's folder.
    pub dir: PathBuf,
    /// Its `session.json`.
    pub plan: FileBytes,
    /// Its `run.json`, when the sitting was run.
    pub run: Option<FileBytes>,
    /// Its `notes/*.json`, sorted by file name.
    pub notes: Vec<FileBytes>,
}

/// Reads one sitting folder.
pub fn read_sitting(dir: &Path, folder: String) -> SittingFiles {
    let mut files = read_plan_and_run(dir, folder);
    files.notes = notes_files(&dir.join(NOTES_DIR))
        .into_iter()
        .map(read_notes_file)
        .collect();
    files
}

/// Reads a notes file with its journal, the journal first (see
/// [`super::notes_file::read_for_reading`]).
fn read_notes_file(path: PathBuf) -> FileBytes {
    let journal = super::notes_journal::read_from(&path, 0);
    super::notes_file::between_reads();
    FileBytes {
        journal,
        ..read_file(path)
    }
}

/// Reads a sitting's plan and run file but none of its notes files: what
/// the review's list of sittings shows before the notes are read.
pub(crate) fn read_plan_and_run(dir: &Path, folder: String) -> SittingFiles {
    let run_path = dir.join(RUN_FILE);
    let run = run_path.exists().then(|| read_file(run_path));
    SittingFiles {
        folder,
        dir: dir.to_path_buf(),
        plan: read_file(dir.join(PLAN_FILE)),
        run,
        notes: Vec::new(),
    }
}

/// Reads one file of a sitting. Only regular files are read: a
/// `notes/A.json` that is a folder, a FIFO or a link to a device is
/// reported, never read (it may not end).
fn read_file(path: PathBuf) -> FileBytes {
    FileBytes {
        bytes: match std::fs::metadata(&path) {
            Ok(m) if !m.is_file() => Err(io::Error::other(
                "not a regular file (a folder, a device or a pipe)",
            )),
            _ => std::fs::read(&path),
        },
        path,
        journal: Ok(None),
    }
}

/// The `*.json` files of a notes folder, sorted, and the notes file of
/// each journal (`<group>.journal`) whose notes file is missing, so that
/// its group is read as the consoles read it; hidden files (temporary
/// files of a writer) and lock files are left out.
fn notes_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter_map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if name.starts_with('.') {
                None
            } else if name.ends_with(".json") {
                Some(p)
            } else if name.ends_with(".journal") {
                let json = p.with_extension("json");
                (!json.exists()).then_some(json)
            } else {
                None
            }
        })
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every sitting folder of `dir` read in folder-name order, as the
    /// review's archive reads them (there, on several threads).
    fn read_archive(dir: &Path) -> Vec<SittingFiles> {
        super::super::sessions::list(dir)
            .into_iter()
            .map(|folder| read_sitting(&dir.join(&folder), folder))
            .collect()
    }

    #[test]
    fn reads_plans_runs_and_notes_and_skips_temp_files() {
        let tmp = tempfile::tempdir().unwrap();
        let s = tmp.path().join("s1");
        std::fs::create_dir_all(s.join(NOTES_DIR)).unwrap();
        std::fs::write(s.join(PLAN_FILE), "{}").unwrap();
        std::fs::write(s.join(NOTES_DIR).join("B.json"), "b").unwrap();
        std::fs::write(s.join(NOTES_DIR).join("A.json"), "a").unwrap();
        std::fs::write(s.join(NOTES_DIR).join(".A.json.tmp1"), "x").unwrap();
        std::fs::write(s.join(NOTES_DIR).join("A.json.lock"), "").unwrap();
        std::fs::write(s.join(NOTES_DIR).join("A.journal"), "").unwrap();
        std::fs::write(s.join(NOTES_DIR).join("C.journal"), "c").unwrap();
        std::fs::create_dir(tmp.path().join("not-a-sitting")).unwrap();
        let all = read_archive(tmp.path());
        assert_eq!(all.len(), 1);
        assert!(all[0].run.is_none());
        let names: Vec<_> = all[0]
            .notes
            .iter()
            .map(|f| f.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["A.json", "B.json", "C.json"]);
        assert_eq!(all[0].notes[0].bytes.as_ref().unwrap(), b"a");
        // A journal without its notes file is read as the consoles read it.
        let missing = all[0].notes[2].bytes.as_ref().unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
    }
}
