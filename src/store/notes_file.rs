//! A group's notes file on disk (`notes/<group>.json`) and the note-taker's
//! draft beside it (`notes/<group>.json.draft`).
//!
//! Every save of the notes file is one locked cycle: take the sidecar
//! [`WriterLock`], re-read the file, merge this console's version into it
//! (by note id, newest change wins; see [`crate::model::notes_merge`]),
//! replace it atomically and durably, release the lock. Two consoles on one
//! group (a co-note-taker, a facilitator adding a note) therefore never lose
//! each other's notes. A file that cannot be read (corrupt, newer format) is
//! never overwritten: the save fails and the console keeps its notes.
//!
//! Drafts are per console: the first console of a group writes
//! `<group>.json.draft`, a second one at the same time `<group>.json.draft2`,
//! and so on; each holds the lock of its draft while it runs, and a console
//! started again gets the first free slot back, with its draft.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::error::{IoOp, StoreError};
use super::{WriterLock, load_json, save_json, sweep_temp_files};
use crate::model::notes::{GroupNotes, NOTES_KIND, NOTES_VERSION};
use crate::model::notes_draft::{DRAFT_KIND, DRAFT_VERSION, Draft};
use crate::model::notes_merge::merge_into;

/// The folder of the notes files inside a sitting's folder.
pub const NOTES_DIR: &str = "notes";
/// How long a save waits for another console to finish its save.
pub const LOCK_WAIT: Duration = Duration::from_secs(5);
/// The most consoles that keep drafts for one group at once.
pub const DRAFT_SLOTS: u32 = 9;

/// The notes file of `group` in the sitting folder `dir`.
pub fn notes_path(dir: &Path, group: &str) -> PathBuf {
    dir.join(NOTES_DIR).join(format!("{group}.json"))
}

/// The draft file of slot `slot` (1-based) beside the notes file `notes`.
pub fn draft_path(notes: &Path, slot: u32) -> PathBuf {
    let mut name = notes.file_name().unwrap_or_default().to_os_string();
    name.push(".draft");
    if slot > 1 {
        name.push(slot.to_string());
    }
    notes.with_file_name(name)
}

/// Makes the notes folder if needed and removes temporary files that
/// crashed writers left in it.
pub fn prepare_dir(notes: &Path) -> Result<(), StoreError> {
    let dir = notes.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| StoreError::io(notes, IoOp::CreateTemp, e))?;
    if let Err(e) = sweep_temp_files(dir) {
        tracing::warn!(dir = %dir.display(), error = %e, "cannot sweep temporary files");
    }
    Ok(())
}

/// Reads the notes file; an empty record of the group when there is none yet.
pub fn load(path: &Path, session: &str, group: &str) -> Result<GroupNotes, StoreError> {
    match load_json::<GroupNotes>(path, NOTES_KIND, NOTES_VERSION) {
        Ok(doc) => Ok(doc),
        Err(e) if e.is_not_found() => Ok(GroupNotes::new(session, group)),
        Err(e) => Err(e),
    }
}

/// Saves `local` into the notes file under the writer lock, merged with
/// what is on disk; returns the file as written. When this returns `Ok`,
/// every note of `local` is on disk (fsync'd, atomically replaced).
pub fn commit(path: &Path, local: &GroupNotes) -> Result<GroupNotes, StoreError> {
    super::rescue::injected_failure(path)?;
    let _lock = WriterLock::acquire_timeout(path, LOCK_WAIT)?;
    let mut disk = load(path, &local.session, &local.group)?;
    merge_into(&mut disk, local);
    save_json(path, &disk)?;
    Ok(disk)
}

/// A console's claim on a draft slot: held while the console runs.
#[derive(Debug)]
pub struct DraftSlot {
    /// The draft file of this console.
    pub path: PathBuf,
    _lock: WriterLock,
}

/// Takes the first free draft slot beside `notes`; `None` when all
/// [`DRAFT_SLOTS`] are in use.
pub fn claim_draft(notes: &Path) -> Result<Option<DraftSlot>, StoreError> {
    for slot in 1..=DRAFT_SLOTS {
        let path = draft_path(notes, slot);
        if let Some(lock) = WriterLock::try_acquire(&path)? {
            return Ok(Some(DraftSlot { path, _lock: lock }));
        }
    }
    Ok(None)
}

/// Reads a draft file; `None` when there is none.
pub fn load_draft(path: &Path) -> Result<Option<Draft>, StoreError> {
    match load_json::<Draft>(path, DRAFT_KIND, DRAFT_VERSION) {
        Ok(d) => Ok(Some(d)),
        Err(e) if e.is_not_found() => Ok(None),
        Err(e) => Err(e),
    }
}

/// Writes a draft file (atomically; the slot's lock keeps other consoles out).
pub fn save_draft(path: &Path, draft: &Draft) -> Result<(), StoreError> {
    super::rescue::injected_failure(path)?;
    save_json(path, draft)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::notes::{Note, NoteKind};

    fn note(id: &str, text: &str) -> Note {
        let at = "2026-01-20T14:10:00+09:00".parse().unwrap();
        Note {
            id: id.into(),
            created: at,
            updated: at,
            block: None,
            theme: None,
            question: None,
            speaker: Some("気仙沼市".into()),
            kind: NoteKind::Issue,
            owner: None,
            text: text.into(),
            deleted: false,
            extra: Default::default(),
        }
    }

    #[test]
    fn two_consoles_with_stale_copies_both_keep_their_notes() {
        let tmp = tempfile::tempdir().unwrap();
        let path = notes_path(tmp.path(), "B");
        prepare_dir(&path).unwrap();
        let mut a = load(&path, "s", "B").unwrap();
        let mut b = load(&path, "s", "B").unwrap();
        a.notes.push(note("a1", "函館市の工夫"));
        b.notes.push(note("b1", "気仙沼市の課題"));
        commit(&path, &a).unwrap();
        let written = commit(&path, &b).unwrap();
        assert_eq!(written.notes.len(), 2);
        let on_disk = load(&path, "s", "B").unwrap();
        let ids: Vec<_> = on_disk.notes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["a1", "b1"]);
    }

    #[test]
    fn a_file_that_cannot_be_read_is_never_overwritten() {
        let tmp = tempfile::tempdir().unwrap();
        let path = notes_path(tmp.path(), "B");
        prepare_dir(&path).unwrap();
        std::fs::write(&path, b"{\"format\": \"bunkakai.notes/1\", \"notes\": [").unwrap();
        let mut mine = GroupNotes::new("s", "B");
        mine.notes.push(note("n", "x"));
        assert!(matches!(
            commit(&path, &mine),
            Err(StoreError::Parse { .. })
        ));
        let newer = br#"{"format": "bunkakai.notes/9", "session": "s", "group": "B"}"#;
        std::fs::write(&path, newer).unwrap();
        assert!(matches!(
            commit(&path, &mine),
            Err(StoreError::Format { .. })
        ));
        assert_eq!(std::fs::read(&path).unwrap(), newer);
    }

    #[test]
    fn a_second_console_gets_its_own_draft_and_a_restart_gets_the_first_back() {
        let tmp = tempfile::tempdir().unwrap();
        let path = notes_path(tmp.path(), "B");
        prepare_dir(&path).unwrap();
        let first = claim_draft(&path).unwrap().unwrap();
        let second = claim_draft(&path).unwrap().unwrap();
        assert!(first.path.ends_with("B.json.draft"));
        assert!(second.path.ends_with("B.json.draft2"));
        let at = "2026-01-20T14:10:00+09:00".parse().unwrap();
        let d = Draft::new("s", "B", at, Default::default(), Some("まとめ".into()));
        save_draft(&first.path, &d).unwrap();
        drop(first);
        let again = claim_draft(&path).unwrap().unwrap();
        assert_eq!(again.path, draft_path(&path, 1));
        assert_eq!(load_draft(&again.path).unwrap(), Some(d));
        assert_eq!(load_draft(&second.path).unwrap(), None);
    }
}
