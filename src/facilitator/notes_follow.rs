//! The facilitator following every group's notes file: after the first
//! read of a group, a change reads only the lines the note-taker added to
//! the journal (see [`crate::store::notes_follow`]), and the count of live
//! notes is kept from them ([`LiveTally`]). With a hundred thousand notes
//! in a group, a note committed costs the facilitator the parse of one
//! line, not of the whole file.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use super::GroupDigest;
use crate::i18n::Lang;
use crate::i18n::display as words;
use crate::model::notes_tally::LiveTally;
use crate::store::notes_follow::Follower;
use crate::store::{self, StoreError};

/// Where the facilitator is in one group's notes file.
#[derive(Debug, Default)]
pub struct GroupFollow {
    follower: Option<Follower>,
    tally: LiveTally,
}

impl GroupFollow {
    /// The group's digest as the file and its journal stand now.
    pub(crate) fn read(
        &mut self,
        path: &Path,
        session: &str,
        group: &str,
    ) -> Result<GroupDigest, StoreError> {
        let follower = self.follower.get_or_insert_with(Follower::for_reading);
        let read = follower.read(path, session, group);
        let doc = match read {
            Ok(doc) => doc,
            Err(e) => {
                // Start again from a whole read once the file can be used.
                self.follower = None;
                return Err(e);
            }
        };
        if follower.gave_whole() {
            self.tally = LiveTally::of(&doc.notes);
        } else {
            self.tally.apply(&doc.notes);
        }
        let mut digest = GroupDigest::of(&doc);
        digest.notes = self.tally.live();
        Ok(digest)
    }
}

/// Every group's [`GroupFollow`], shared with the reads on the blocking pool.
pub type Follows = Arc<Mutex<BTreeMap<String, GroupFollow>>>;

/// Reads the digest of each group's notes file; a missing file is an empty
/// one. A file that cannot be used gives the warning to show, in `lang`.
pub fn read_notes(
    dir: &Path,
    session: &str,
    groups: &[String],
    lang: Lang,
    follows: &Follows,
) -> Vec<(String, Result<GroupDigest, String>)> {
    let mut follows = follows.lock().unwrap_or_else(|p| p.into_inner());
    groups
        .iter()
        .map(|g| {
            let path = store::notes_file::notes_path(dir, g);
            let read = follows
                .entry(g.clone())
                .or_default()
                .read(&path, session, g);
            let r = match read {
                Ok(d) => Ok(d),
                Err(e) if e.is_not_found() => Ok(GroupDigest::default()),
                Err(e) => {
                    tracing::warn!(error = %e, "notes file skipped");
                    let file = format!("{g}.json");
                    Err(match e {
                        StoreError::Format {
                            error: store::FormatError::Newer { .. },
                            ..
                        } => words::newer(&file, lang),
                        _ => words::unreadable(&file, lang),
                    })
                }
            };
            (g.clone(), r)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::notes::{GroupNotes, Note};
    use crate::model::test_notes;
    use crate::store::notes_file;

    fn one(id: &str, deleted: bool, minute: u32) -> GroupNotes {
        let note = Note {
            updated: test_notes::at_minute(minute),
            deleted,
            ..test_notes::note(id, 0, "気仙沼市")
        };
        test_notes::group_notes("s", "B", vec![note])
    }

    #[test]
    fn after_the_first_read_a_commit_costs_one_line_and_the_count_stays_right() {
        let tmp = tempfile::tempdir().unwrap();
        let path = notes_file::notes_path(tmp.path(), "B");
        notes_file::prepare_dir(&path).unwrap();
        let mut doc = GroupNotes::new("s", "B");
        for i in 0..50 {
            doc.notes.extend(one(&format!("n{i:02}"), false, 1).notes);
        }
        notes_file::commit(&path, &doc).unwrap();
        let follows = Follows::default();
        let count = |follows: &Follows| {
            let got = read_notes(tmp.path(), "s", &["B".into()], Lang::Ja, follows);
            got[0].1.as_ref().unwrap().notes
        };
        assert_eq!(count(&follows), 50);
        // Make the file unreadable in place, with the same size, time and
        // inode: a reader that parsed it again would fail.
        let meta = std::fs::metadata(&path).unwrap();
        let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        std::os::unix::fs::FileExt::write_at(&file, b"#", 0).unwrap();
        file.set_modified(meta.modified().unwrap()).unwrap();
        drop(file);
        notes_file::append(&path, &one("new", false, 2)).unwrap();
        notes_file::append(&path, &one("n03", true, 3)).unwrap();
        notes_file::append(&path, &one("n04", true, 4)).unwrap();
        notes_file::append(&path, &one("n04", false, 3)).unwrap();
        assert_eq!(count(&follows), 49, "only the new lines are read");
        // A file rewritten (here: repaired) is read whole again.
        std::fs::remove_file(crate::store::notes_journal::journal_path(&path)).unwrap();
        notes_file::commit(&path, &doc).unwrap_err();
        let mut fixed = std::fs::read(&path).unwrap();
        fixed[0] = b'{';
        std::fs::write(&path, fixed).unwrap();
        assert_eq!(count(&follows), 50);
    }
}
