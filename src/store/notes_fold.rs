//! Folding a group's journal into its notes file without keeping the
//! note-takers waiting. With a hundred thousand notes the fold reads and
//! writes tens of megabytes (seconds); a commit must not wait for that. So
//! the writer lock is held only for two short moments:
//!
//! 1. a snapshot: the journal's bytes and identity, the notes file's
//!    identity (size, time, inode);
//! 2. without the lock, the notes file is read, the journal's whole lines
//!    replayed into it and the result written and flushed to a temporary
//!    file beside it;
//! 3. under the lock again, when nobody rewrote the notes file meanwhile and
//!    the journal is the same one (only longer): the temporary file is
//!    renamed over the notes file, then the journal is replaced by the lines
//!    added since the snapshot (or removed when there are none).
//!
//! A process killed at any point loses nothing and doubles nothing: before
//! the rename the file and the journal are as they were; between the two
//! renames the journal still holds lines already in the file, and replaying
//! a line twice changes nothing (notes merge by id, newest wins); a
//! temporary file left behind is swept by the next console that opens the
//! group. A fold that finds the notes file rewritten by someone else (a
//! facilitator's whole save folds too) just stops: the journal is intact.

use std::path::Path;
use std::sync::Mutex;

use super::WriterLock;
use super::atomic::{self, sync_folder_of};
use super::document::to_pretty_json;
use super::error::{IoOp, StoreError};
use super::notes_file::{LOCK_WAIT, load_whole_for_follower};
use super::notes_journal::{self, Seen, journal_path};
use crate::model::notes_change::replay_changes;

/// What a fold did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Folded {
    /// The journal's lines are in the notes file now.
    Done,
    /// Nothing to fold (no journal).
    Nothing,
    /// Stopped with nothing changed: the notes file was rewritten by another
    /// writer meanwhile, or the console asked the fold to stop.
    Stopped,
}

/// Lets a console that quits stop a fold running on another thread: once
/// [`FoldGate::close`] returns, no fold holding this gate changes a file
/// (one putting its result in place finishes first; that takes
/// milliseconds).
#[derive(Debug, Default)]
pub(crate) struct FoldGate(Mutex<bool>);

impl FoldGate {
    /// Stops the folds holding this gate, waiting for one that is putting
    /// its result in place.
    pub(crate) fn close(&self) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = true;
    }
}

/// Folds the journal of the notes file `path` into it; see the module.
pub(crate) fn fold(
    path: &Path,
    session: &str,
    group: &str,
    gate: &FoldGate,
) -> Result<Folded, StoreError> {
    let journal = journal_path(path);
    if !journal.exists() {
        return Ok(Folded::Nothing);
    }
    // 1. The snapshot.
    let (bytes, journal_id, file) = {
        let _lock = WriterLock::acquire_timeout(path, LOCK_WAIT)?;
        let Some((bytes, id)) = notes_journal::read_with_id(path, 0)? else {
            return Ok(Folded::Nothing);
        };
        (bytes, id, stat(path)?)
    };
    hook::at(hook::Step::Snapshot);
    // 2. The new notes file, written aside.
    let mut doc = load_whole_for_follower(path, session, group)?;
    if stat(path)? != file {
        return Ok(Folded::Stopped);
    }
    let replay = notes_journal::parse(&journal, &bytes, 1, Some(group))?;
    replay_changes(&mut doc, &replay.changes);
    let encoded = to_pretty_json(&doc).map_err(|e| StoreError::Encode {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    let staged = atomic::stage(path, &encoded)?;
    hook::at(hook::Step::Staged);
    // 3. In place, under the lock, unless the console is quitting.
    let closed = gate.0.lock().unwrap_or_else(|p| p.into_inner());
    if *closed {
        return Ok(Folded::Stopped);
    }
    let _lock = WriterLock::acquire_timeout(path, LOCK_WAIT)?;
    let now = notes_journal::read_with_id(path, 0)?;
    let same_journal = now
        .as_ref()
        .is_some_and(|(b, id)| *id == journal_id && b.len() as u64 >= replay.whole);
    if stat(path)? != file || !same_journal {
        return Ok(Folded::Stopped);
    }
    staged.put_in_place()?;
    if let Ok(meta) = std::fs::metadata(path) {
        notes_journal::read_fine(path, &meta);
    }
    hook::at(hook::Step::Placed);
    super::notes_file::keep_damaged(path, &replay.damaged)?;
    let added = now.map(|(b, _)| b).unwrap_or_default();
    let added = &added[replay.whole as usize..];
    if added.is_empty() {
        match std::fs::remove_file(&journal) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(StoreError::io(&journal, IoOp::Rename, e)),
        }
        let _ = sync_folder_of(&journal);
    } else {
        // The lines added since the snapshot, as a journal of their own.
        atomic::replace(&journal, added)?;
    }
    Ok(Folded::Done)
}

fn stat(path: &Path) -> Result<Option<Seen>, StoreError> {
    match std::fs::metadata(path) {
        Ok(m) => Ok(Some(notes_journal::seen(&m))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StoreError::io(path, IoOp::Read, e)),
    }
}

/// A place for tests to act between the steps of a fold (a commit landing
/// while the fold works); nothing outside tests.
pub(crate) mod hook {
    /// The points a test can act at.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub(crate) enum Step {
        /// The snapshot is taken, the lock let go.
        Snapshot,
        /// The new file is written aside, the lock not taken again yet.
        Staged,
        /// The new file is in place, the journal not yet cut (lock held).
        Placed,
    }

    #[cfg(test)]
    type Hook = Box<dyn FnMut(Step)>;

    #[cfg(test)]
    thread_local! {
        static HOOK: std::cell::RefCell<Option<Hook>> = const { std::cell::RefCell::new(None) };
    }

    /// Runs `f` at each step of the folds this thread makes, until the
    /// returned guard is dropped.
    #[cfg(test)]
    pub(crate) fn set(f: impl FnMut(Step) + 'static) -> Guard {
        HOOK.with(|h| *h.borrow_mut() = Some(Box::new(f)));
        Guard
    }

    /// Removes the hook when dropped.
    #[cfg(test)]
    pub(crate) struct Guard;

    #[cfg(test)]
    impl Drop for Guard {
        fn drop(&mut self) {
            HOOK.with(|h| *h.borrow_mut() = None);
        }
    }

    pub(crate) fn at(_step: Step) {
        #[cfg(test)]
        {
            let hook = HOOK.with(|h| h.borrow_mut().take());
            if let Some(mut f) = hook {
                f(_step);
                HOOK.with(|h| {
                    let mut slot = h.borrow_mut();
                    if slot.is_none() {
                        *slot = Some(f);
                    }
                });
            }
        }
    }
}

#[cfg(test)]
#[path = "notes_fold_tests.rs"]
mod tests;
