//! A rescue copy of a note-taker's work (`bunkakai.notes-rescue/1`), written
//! outside the sitting folder when neither the group's notes file nor the
//! console's draft could be written (a read-only or full disk, a lost
//! network share) and the console had to end. `bunkakai notes` offers it back
//! the next time the group is opened.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::Stamp;
use super::notes::GroupNotes;
use super::notes_draft::Draft;

/// The format tag kind of a rescue file.
pub(crate) const RESCUE_KIND: &str = "bunkakai.notes-rescue";
/// The newest rescue format version this program reads and writes.
pub(crate) const RESCUE_VERSION: u32 = 1;

/// What one console could not save where it belongs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rescue {
    /// `"bunkakai.notes-rescue/1"`.
    pub(crate) format: String,
    /// The sitting's id.
    pub(crate) session: String,
    /// The group's id.
    pub(crate) group: String,
    /// When the copy was taken.
    pub(crate) saved: Stamp,
    /// The notes file the work belongs in, as the console knew it.
    pub(crate) notes_file: String,
    /// Ids of the notes that were not in the notes file.
    #[serde(default)]
    pub(crate) pending: Vec<String>,
    /// The console's whole version of the group's file: merged back by note
    /// id and timestamps, so bringing it back twice changes nothing.
    pub(crate) doc: GroupNotes,
    /// The unsent note and summary, when the draft file could not be written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) draft: Option<Draft>,
    /// Fields written by a newer bunkakai.
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

impl Rescue {
    /// A rescue copy of `doc` (and the unsent `draft`) taken at `saved`.
    pub(crate) fn new(
        doc: &GroupNotes,
        pending: Vec<String>,
        draft: Option<Draft>,
        notes_file: String,
        saved: Stamp,
    ) -> Rescue {
        Rescue {
            format: format!("{RESCUE_KIND}/{RESCUE_VERSION}"),
            session: doc.session.clone(),
            group: doc.group.clone(),
            saved,
            notes_file,
            pending,
            doc: doc.clone(),
            draft,
            extra: Map::new(),
        }
    }

    /// The texts of the pending notes, for the terminal when even the rescue
    /// copy cannot be written.
    pub(crate) fn pending_texts(&self) -> Vec<&str> {
        self.doc
            .notes
            .iter()
            .filter(|n| self.pending.contains(&n.id))
            .map(|n| n.text.as_str())
            .collect()
    }
}
