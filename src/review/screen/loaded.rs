//! The archive as the review screen holds it: first in outline (plans and
//! run files only, so the list of sittings is drawn at once), then whole
//! (every notes file read, folded for search, themes gathered).

use std::collections::HashMap;
use std::path::Path;

use crate::review::themes::{ThemeEntry, catalog};
use crate::review::{Archive, NoteIndex};

/// The archive read and prepared for the screen.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// Every sitting.
    pub archive: Archive,
    /// Every note, folded for search.
    pub index: NoteIndex,
    /// Every theme, for comparison.
    pub themes: Vec<ThemeEntry>,
    /// Set while only the outline is read: for each sitting (in the
    /// archive's order), its number of notes when the search cache knows
    /// it, `None` while its notes files are yet to be read (and so whether
    /// one of them has a problem is not known yet).
    pub outline: Option<Vec<Option<usize>>>,
}

impl Loaded {
    /// Prepares an archive read whole for the screen.
    pub fn new(archive: Archive) -> Loaded {
        Loaded {
            index: NoteIndex::build(&archive),
            themes: catalog(&archive),
            archive,
            outline: None,
        }
    }

    /// Reads the outline of the sessions folder `dir`: every plan and run
    /// file, and the note counts the search cache holds up to date.
    pub fn outline(dir: &Path) -> Loaded {
        let archive = Archive::load_outline(dir);
        let known: HashMap<String, usize> = crate::review::cache::fresh_counts(dir);
        let counts = archive
            .sittings
            .iter()
            .map(|s| known.get(&s.folder_name()).copied())
            .collect();
        Loaded {
            themes: catalog(&archive),
            archive,
            index: NoteIndex::default(),
            outline: Some(counts),
        }
    }

    /// True while only the outline is read: notes, search, themes and
    /// actions wait for the rest.
    pub(crate) fn is_outline(&self) -> bool {
        self.outline.is_some()
    }

    /// How many live notes sitting `i` has; `None` while not known yet.
    pub(crate) fn note_count(&self, i: usize) -> Option<usize> {
        match &self.outline {
            Some(counts) => counts.get(i).copied().flatten(),
            None => self.archive.sittings.get(i).map(|s| s.note_count()),
        }
    }

    /// How many live notes the archive has; `None` while not known yet.
    pub fn note_total(&self) -> Option<usize> {
        (0..self.archive.sittings.len())
            .map(|i| self.note_count(i))
            .sum()
    }

    /// True when sitting `i` has a file that could not be used; `None`
    /// while its notes files are yet to be read and its plan and run file
    /// are fine.
    pub(crate) fn has_problems(&self, i: usize) -> Option<bool> {
        let s = self.archive.sittings.get(i)?;
        if !s.problems.is_empty() {
            return Some(true);
        }
        self.note_count(i).map(|_| false)
    }
}
