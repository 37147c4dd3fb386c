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
use super::notes_journal::{self, journal_path};
use super::{WriterLock, field_error, load_json, parse_json, save_json, sweep_temp_files};
use crate::model::notes::{GroupNotes, NOTES_KIND, NOTES_VERSION};
use crate::model::notes_change::replay_changes;
use crate::model::notes_draft::{DRAFT_KIND, DRAFT_VERSION, Draft};
use crate::model::notes_merge::merge_into;
use crate::model::notes_read::check_notes;

/// The folder of the notes files inside a sitting's folder.
pub(crate) const NOTES_DIR: &str = "notes";
/// How long a save waits for another console to finish its save.
pub(crate) const LOCK_WAIT: Duration = Duration::from_secs(5);
/// The most consoles that keep drafts for one group at once.
pub(crate) const DRAFT_SLOTS: u32 = 9;

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

/// Reads the notes file with its journal replayed into it; an empty record
/// of the group when there is neither. A change in the journal that cannot
/// be read is left out and logged (readers that show notes report it).
pub fn load(path: &Path, session: &str, group: &str) -> Result<GroupNotes, StoreError> {
    // The journal first: a fold between the two reads then leaves its
    // changes in the notes file read second.
    let journal = notes_journal::read_from(path, 0)?;
    let mut doc = load_whole(path, session, group)?;
    if let Some(bytes) = journal {
        let replay = notes_journal::parse(&journal_path(path), &bytes, 1, Some(group))?;
        for e in &replay.problems {
            tracing::warn!(error = %e, "a change of the journal is left out");
        }
        replay_changes(&mut doc, &replay.changes);
    }
    Ok(doc)
}

/// The notes file alone, for [`super::notes_follow`].
pub(crate) fn load_whole_for_follower(
    path: &Path,
    session: &str,
    group: &str,
) -> Result<GroupNotes, StoreError> {
    load_whole(path, session, group)
}

/// Reads the notes file alone (without its journal).
fn load_whole(path: &Path, session: &str, group: &str) -> Result<GroupNotes, StoreError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(GroupNotes::new(session, group));
        }
        Err(e) => return Err(StoreError::io(path, IoOp::Read, e)),
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(GroupNotes::new(session, group));
        }
        Err(e) => return Err(StoreError::io(path, IoOp::Read, e)),
    };
    let doc = parse(path, &bytes, Some(group))?;
    notes_journal::read_fine(path, &meta);
    Ok(doc)
}

/// Reads a notes file's bytes, whole: every note must fit the format, as
/// a console that writes the file back must not drop any. `group` is the
/// group the file's name says it is.
pub(crate) fn parse(
    path: &Path,
    bytes: &[u8],
    group: Option<&str>,
) -> Result<GroupNotes, StoreError> {
    let doc: GroupNotes = parse_json(path, bytes, NOTES_KIND, NOTES_VERSION)?;
    check_notes(&doc, group).map_err(|p| field_error(path, bytes, &p))?;
    Ok(doc)
}

#[cfg(test)]
pub(crate) use super::notes_show::BETWEEN_READS;
pub(crate) use super::notes_show::between_reads;
pub(crate) use super::notes_show::journal_alone_for_reading;
pub use super::notes_show::{parse_file_for_reading, parse_for_reading, read_for_reading};

/// Saves `local` into the notes file under the writer lock, merged with
/// what is on disk (the file and its journal), and folds the journal into
/// the file; returns the file as written. When this returns `Ok`, every
/// note of `local` is on disk (fsync'd, atomically replaced).
pub fn commit(path: &Path, local: &GroupNotes) -> Result<GroupNotes, StoreError> {
    super::rescue::injected_failure(path)?;
    let _lock = WriterLock::acquire_timeout(path, LOCK_WAIT)?;
    fold_locked(path, &local.session, &local.group, Some(local))
}

/// Adds a console's change (the notes it changed, see
/// [`crate::model::notes_change::change_of`]) to the journal of the notes
/// file, under the writer lock, and flushes it to disk: the cost does not
/// grow with the file. A notes file this program cannot use (damaged,
/// newer) gets nothing added, like [`commit`]; a missing one is created
/// empty first, so that every reader finds the group.
pub fn append(path: &Path, change: &GroupNotes) -> Result<(), StoreError> {
    super::rescue::injected_failure(path)?;
    let _lock = WriterLock::acquire_timeout(path, LOCK_WAIT)?;
    match std::fs::metadata(path) {
        Ok(meta) if notes_journal::known_fine(path, &meta) => {}
        Ok(_) => {
            load_whole(path, &change.session, &change.group)?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            save_json(path, &GroupNotes::new(&change.session, &change.group))?;
            if let Ok(meta) = std::fs::metadata(path) {
                notes_journal::read_fine(path, &meta);
            }
        }
        Err(e) => return Err(StoreError::io(path, IoOp::Read, e)),
    }
    notes_journal::append_locked(path, change)
}

/// Folds the journal of the notes file into it; nothing to do without a
/// journal. Consoles call it when idle and on quit. The writer lock is held
/// only for moments: see [`super::notes_fold`].
pub fn fold(path: &Path, session: &str, group: &str) -> Result<(), StoreError> {
    super::notes_fold::fold(path, session, group, &Default::default()).map(drop)
}

/// A notes file up to this size is folded when its console quits (a fold
/// of it takes tens of milliseconds).
pub(crate) const QUIT_FOLD_FILE_MAX: u64 = 1 << 20;
/// A journal longer than this is folded when its console quits, whatever
/// the size of the notes file (replaying it would slow every reader).
pub(crate) const QUIT_FOLD_JOURNAL_MIN: u64 = 1 << 20;

/// The fold a console makes as it quits: only when it is cheap (a small
/// notes file) or overdue (a long journal). Otherwise the journal stays;
/// it is on disk, every reader replays it, and the next console folds it
/// when idle. Quitting with a hundred thousand notes in the group then
/// takes no longer than with ten.
pub(crate) fn fold_on_quit(path: &Path, session: &str, group: &str) -> Result<(), StoreError> {
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let journal = size(&journal_path(path));
    if journal == 0 || (size(path) > QUIT_FOLD_FILE_MAX && journal < QUIT_FOLD_JOURNAL_MIN) {
        return Ok(());
    }
    fold(path, session, group)
}

/// The file and its journal (and `local`), written as the file; the
/// journal's damaged lines are kept aside in `<group>.journal.damaged`,
/// then the journal is removed. A crash between the two leaves a journal
/// whose changes are already in the file: reading it again changes nothing.
fn fold_locked(
    path: &Path,
    session: &str,
    group: &str,
    local: Option<&GroupNotes>,
) -> Result<GroupNotes, StoreError> {
    let journal = journal_path(path);
    let bytes = notes_journal::read_from(path, 0)?;
    let mut disk = load_whole(path, session, group)?;
    let mut damaged = Vec::new();
    if let Some(bytes) = &bytes {
        let replay = notes_journal::parse(&journal, bytes, 1, Some(group))?;
        replay_changes(&mut disk, &replay.changes);
        damaged = replay.damaged;
    }
    if let Some(local) = local {
        merge_into(&mut disk, local);
    }
    save_json(path, &disk)?;
    if let Ok(meta) = std::fs::metadata(path) {
        notes_journal::read_fine(path, &meta);
    }
    if bytes.is_some() {
        keep_damaged(path, &damaged)?;
        match std::fs::remove_file(&journal) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::io(&journal, IoOp::Rename, e)),
        }
        let _ = super::atomic::sync_folder_of(&journal);
    }
    Ok(disk)
}

/// Adds the journal's damaged lines to `<group>.journal.damaged`.
pub(super) fn keep_damaged(path: &Path, lines: &[Vec<u8>]) -> Result<(), StoreError> {
    if lines.is_empty() {
        return Ok(());
    }
    use std::io::Write;
    let aside = notes_journal::damaged_path(path);
    let fail = |e| StoreError::io(&aside, IoOp::Append, e);
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&aside)
        .map_err(fail)?;
    for line in lines {
        file.write_all(line).map_err(fail)?;
        file.write_all(b"\n").map_err(fail)?;
    }
    file.sync_data().map_err(fail)
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
pub(crate) fn save_draft(path: &Path, draft: &Draft) -> Result<(), StoreError> {
    super::rescue::injected_failure(path)?;
    save_json(path, draft)
}

#[cfg(test)]
#[path = "notes_file_tests.rs"]
mod tests;
