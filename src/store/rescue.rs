//! Rescue copies of a note-taker's work (`bunkakai.notes-rescue/1`), kept in
//! the user's state folder (`$XDG_STATE_HOME/bunkakai/rescue/`, else the
//! platform's local data folder, else the temporary folder; overridable with
//! `BUNKAKAI_RESCUE_DIR`), outside the sitting folder whose disk just failed.
//!
//! A console writes one when it ends and neither the notes file nor its
//! draft could be written; `bunkakai notes` finds the copies of its group at
//! start and offers them back; a copy is removed once its notes are saved in
//! the group's file.

use std::path::{Path, PathBuf};

use super::error::{IoOp, StoreError};
use super::{load_json, save_json};
use crate::model::notes_rescue::{RESCUE_KIND, RESCUE_VERSION, Rescue};

/// The folder of rescue copies.
pub fn rescue_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("BUNKAKAI_RESCUE_DIR") {
        return PathBuf::from(dir);
    }
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("bunkakai").join("rescue"))
        .unwrap_or_else(|| std::env::temp_dir().join("bunkakai-rescue"))
}

/// Writes `rescue` as a new file in `dir` (made if needed); returns its path.
/// Session and group ids are checked file-name safe when the plan is read.
pub(crate) fn write(dir: &Path, rescue: &Rescue) -> Result<PathBuf, StoreError> {
    let name = format!(
        "{}_{}_{}_{}.json",
        rescue.session,
        rescue.group,
        rescue.saved.format("%Y%m%d-%H%M%S%3f"),
        std::process::id()
    );
    let path = dir.join(name);
    write_at(&path, rescue)?;
    Ok(path)
}

/// Writes `rescue` at `path` (replacing the copy this console wrote before).
pub(crate) fn write_at(path: &Path, rescue: &Rescue) -> Result<(), StoreError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, IoOp::CreateTemp, e))?;
    }
    save_json(path, rescue)
}

/// The rescue copies in `dir` of `group` of sitting `session`, oldest first.
/// Copies that cannot be read are left alone (and logged).
pub fn find(dir: &Path, session: &str, group: &str) -> Vec<(PathBuf, Rescue)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let prefix = format!("{session}_{group}_");
    let mut found: Vec<(PathBuf, Rescue)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".json"))
        })
        .filter_map(
            |p| match load_json::<Rescue>(&p, RESCUE_KIND, RESCUE_VERSION) {
                Ok(r) if r.session == session && r.group == group => Some((p, r)),
                Ok(_) => None,
                Err(e) => {
                    tracing::warn!(error = %e, "cannot read a rescue copy");
                    None
                }
            },
        )
        .collect();
    found.sort_by(|a, b| a.1.saved.cmp(&b.1.saved).then(a.0.cmp(&b.0)));
    found
}

/// Removes a rescue copy whose work is now in the notes file.
pub(crate) fn remove(path: &Path) -> Result<(), StoreError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(StoreError::io(path, IoOp::Rename, e)),
    }
}

/// In debug builds, saves of the notes file and drafts fail while the file
/// named by `BUNKAKAI_TEST_FAIL_SAVES` exists: the end-to-end tests use it to
/// make the disk fail under a running console (the test machines run as
/// root, for which a read-only folder is no obstacle).
pub(crate) fn injected_failure(path: &Path) -> Result<(), StoreError> {
    if cfg!(debug_assertions)
        && let Some(trigger) = std::env::var_os("BUNKAKAI_TEST_FAIL_SAVES")
        && Path::new(&trigger).exists()
    {
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        return Err(StoreError::io(path, IoOp::CreateTemp, denied));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::test_notes::{at_minute, group_notes, note};

    fn rescue(group: &str, min: u32, text: &str) -> Rescue {
        let id = format!("n{min}");
        let doc = group_notes("jichitai-09", group, vec![note(&id, min, text)]);
        Rescue::new(&doc, vec![id], None, "B.json".into(), at_minute(min))
    }

    #[test]
    fn copies_are_found_by_sitting_and_group_oldest_first_and_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("rescue");
        let late = write(&dir, &rescue("B", 30, "後")).unwrap();
        let early = write(&dir, &rescue("B", 10, "先")).unwrap();
        write(&dir, &rescue("A", 20, "別のグループ")).unwrap();
        std::fs::write(dir.join("jichitai-09_B_broken.json"), b"{").unwrap();
        let found = find(&dir, "jichitai-09", "B");
        let paths: Vec<_> = found.iter().map(|(p, _)| p.clone()).collect();
        assert_eq!(paths, [early.clone(), late]);
        assert_eq!(found[0].1.pending_texts(), ["先"]);
        remove(&early).unwrap();
        remove(&early).unwrap();
        assert_eq!(find(&dir, "jichitai-09", "B").len(), 1);
        assert!(find(&tmp.path().join("none"), "jichitai-09", "B").is_empty());
    }
}
