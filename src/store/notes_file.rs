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
use super::{WriterLock, field_error, load_json, parse_json, save_json, sweep_temp_files};
use crate::model::notes::{GroupNotes, NOTES_KIND, NOTES_VERSION};
use crate::model::notes_draft::{DRAFT_KIND, DRAFT_VERSION, Draft};
use crate::model::notes_merge::merge_into;
use crate::model::notes_read::{check_notes, set_aside_bad_notes};

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
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(GroupNotes::new(session, group));
        }
        Err(e) => return Err(StoreError::io(path, IoOp::Read, e)),
    };
    parse(path, &bytes, Some(group))
}

/// Reads a notes file's bytes, whole: every note must fit the format, as
/// a console that writes the file back must not drop any. `group` is the
/// group the file's name says it is.
pub fn parse(path: &Path, bytes: &[u8], group: Option<&str>) -> Result<GroupNotes, StoreError> {
    let doc: GroupNotes = parse_json(path, bytes, NOTES_KIND, NOTES_VERSION)?;
    check_notes(&doc, group).map_err(|p| field_error(path, bytes, &p))?;
    Ok(doc)
}

/// Reads a notes file's bytes for showing only (review, search, export,
/// the facilitator's counts): a note that does not fit the format is left
/// out and reported, and the others are read. Never write the result back.
pub fn parse_for_reading(
    path: &Path,
    bytes: &[u8],
    group: Option<&str>,
) -> Result<(GroupNotes, Vec<StoreError>), StoreError> {
    match parse(path, bytes, group) {
        Ok(doc) => return Ok((doc, Vec::new())),
        Err(StoreError::Parse { .. }) => {}
        Err(e) => return Err(e),
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let whole = || parse(path, bytes, group);
    let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(text) else {
        return Err(whole().err().unwrap_or_else(|| not_json(path)));
    };
    let set_aside = set_aside_bad_notes(&mut value);
    let doc: GroupNotes = match serde_json::from_value(value) {
        Ok(doc) => doc,
        Err(_) => return Err(whole().err().unwrap_or_else(|| not_json(path))),
    };
    if set_aside.is_empty() {
        return Err(whole().err().unwrap_or_else(|| not_json(path)));
    }
    check_notes(&doc, group).map_err(|p| field_error(path, bytes, &p))?;
    let problems = set_aside
        .iter()
        .map(|p| field_error(path, bytes, p))
        .collect();
    Ok((doc, problems))
}

fn not_json(path: &Path) -> StoreError {
    StoreError::Parse {
        path: path.to_path_buf(),
        line: 0,
        column: 0,
        message: "not a notes file".into(),
        field: None,
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

/// The drafts other consoles of this group left behind: every other slot
/// whose console is not running (its lock is free) and whose draft holds
/// text. The slots are held by the returned claims, so no console started
/// meanwhile takes them over while this one brings their text back.
/// A draft that cannot be read is logged and left where it is.
pub fn leftover_drafts(notes: &Path, own: &Path) -> Vec<(DraftSlot, Draft)> {
    let mut found = Vec::new();
    for slot in 1..=DRAFT_SLOTS {
        let path = draft_path(notes, slot);
        if path == own || !path.exists() {
            continue;
        }
        let Ok(Some(lock)) = WriterLock::try_acquire(&path) else {
            continue;
        };
        match load_draft(&path) {
            Ok(Some(d)) if !d.is_empty() => found.push((DraftSlot { path, _lock: lock }, d)),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "cannot read a leftover draft"),
        }
    }
    found
}

/// True when another console of the group is running (holds a draft slot
/// other than `own`). Call it before taking the leftover drafts' slots.
pub fn others_running(notes: &Path, own: &Path) -> bool {
    (1..=DRAFT_SLOTS)
        .map(|slot| draft_path(notes, slot))
        .filter(|p| p != own && super::lock::lock_path(p).exists())
        .any(|p| matches!(WriterLock::try_acquire(&p), Ok(None)))
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
            edited: None,
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

    #[test]
    fn leftover_drafts_are_those_of_consoles_not_running() {
        let tmp = tempfile::tempdir().unwrap();
        let path = notes_path(tmp.path(), "A");
        prepare_dir(&path).unwrap();
        let first = claim_draft(&path).unwrap().unwrap();
        let second = claim_draft(&path).unwrap().unwrap();
        let third = claim_draft(&path).unwrap().unwrap();
        let at = "2026-01-20T14:00:00+09:00".parse().unwrap();
        let typed = |text: &str| {
            let note = crate::model::notes_draft::DraftNote {
                text: text.into(),
                ..Default::default()
            };
            Draft::new("jichitai-09", "A", at, note, None)
        };
        save_draft(&second.path, &typed("二台目で打った")).unwrap();
        save_draft(&third.path, &typed("まだ動いている")).unwrap();
        drop(first);
        drop(second);
        // A console started again: slot 1 back, slot 2 left over, slot 3 running.
        let again = claim_draft(&path).unwrap().unwrap();
        assert_eq!(again.path, draft_path(&path, 1));
        let left = leftover_drafts(&path, &again.path);
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].0.path, draft_path(&path, 2));
        assert_eq!(left[0].1.note.text, "二台目で打った");
        // While it is held, a further console does not get that slot.
        let another = claim_draft(&path).unwrap().unwrap();
        assert_eq!(another.path, draft_path(&path, 4));
        drop(third);
    }
}
