//! How many notes of a group are live (not deleted), kept up to date from
//! the changes of its journal without holding the notes themselves: what
//! the facilitator's card counts, at the cost of an id and a stamp a note.

use std::collections::HashMap;

use super::Stamp;
use super::notes::Note;

/// The live notes of one group, counted; see the module.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct LiveTally {
    /// Each note's id with its newest version's stamp and deleted mark.
    versions: HashMap<String, (Stamp, bool)>,
    /// How many of them are not deleted.
    live: usize,
}

impl LiveTally {
    /// The tally of a whole list of notes (one per id, as a file holds).
    pub(crate) fn of(notes: &[Note]) -> LiveTally {
        let mut tally = LiveTally::default();
        tally.apply(notes);
        tally
    }

    /// Counts `notes` in, merged as the notes file merges them: a version
    /// replaces the one known when it is newer. On equal stamps the merge
    /// decides on the deleted mark before the text, so the mark kept here
    /// is the merged one whatever the text.
    pub(crate) fn apply(&mut self, notes: &[Note]) {
        for n in notes {
            let new = (n.updated, n.deleted);
            match self.versions.get_mut(n.id.as_str()) {
                Some(old) if new > *old => {
                    if old.1 != n.deleted {
                        if n.deleted {
                            self.live -= 1;
                        } else {
                            self.live += 1;
                        }
                    }
                    *old = new;
                }
                Some(_) => {}
                None => {
                    self.versions.insert(n.id.clone(), new);
                    self.live += usize::from(!n.deleted);
                }
            }
        }
    }

    /// How many notes are live.
    pub(crate) fn live(&self) -> usize {
        self.live
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::notes::GroupNotes;
    use crate::model::notes_merge::merged;
    use crate::model::test_notes;

    fn note(id: &str, minute: u32, deleted: bool, text: &str) -> Note {
        Note {
            updated: test_notes::at_minute(minute),
            deleted,
            ..test_notes::note(id, 0, text)
        }
    }

    #[test]
    fn the_tally_counts_what_the_merged_file_holds() {
        let mut doc = GroupNotes::new("s", "A");
        doc.notes = vec![note("a", 1, false, "x"), note("b", 1, false, "y")];
        let mut tally = LiveTally::of(&doc.notes);
        let changes = [
            vec![note("c", 2, false, "新")],
            vec![note("a", 3, true, "x")],
            vec![note("a", 2, false, "古い版")],
            vec![note("b", 1, true, "y")],
            vec![note("b", 1, false, "zzz")],
            vec![note("a", 4, false, "戻した"), note("d", 4, true, "消")],
        ];
        for notes in changes {
            let mut change = GroupNotes::new("s", "A");
            change.notes = notes;
            doc = merged(&doc, &change);
            tally.apply(&change.notes);
            assert_eq!(tally.live(), doc.live_notes().count(), "{change:?}");
        }
        assert_eq!(tally.live(), 2);
    }
}
