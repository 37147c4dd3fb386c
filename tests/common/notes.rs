//! Notes as the integration tests build them: what a note-taker records
//! during the exchange block, answering theme 2's first question.

use bunkakai::model::Stamp;
use bunkakai::model::notes::{Note, NoteKind};

/// A note by `speaker` in the exchange block on theme 2's `q1`, recorded at
/// `at` and not changed since.
pub fn answer(
    id: impl Into<String>,
    at: Stamp,
    speaker: &str,
    kind: NoteKind,
    text: impl Into<String>,
) -> Note {
    Note {
        block: Some("exchange".into()),
        theme: Some("2".into()),
        question: Some("q1".into()),
        speaker: Some(speaker.into()),
        ..Note::new(id, at, kind, text)
    }
}
