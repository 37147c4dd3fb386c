//! The note being written: its text (a multi-line `ratatui-textarea` with
//! undo and Emacs-style keys) and what it is attached to: speaker, kind,
//! question and, for an action, its owner.

use ratatui_textarea::TextArea;

use crate::model::notes::NoteKind;
use crate::model::notes_draft::DraftNote;

/// The kind a fresh editor starts with: most of what is said is opinion.
pub const DEFAULT_KIND: NoteKind = NoteKind::Opinion;

/// The note editor.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    /// The text.
    pub area: TextArea<'static>,
    /// Who is speaking (a roster name).
    pub speaker: Option<String>,
    /// The kind of note.
    pub kind: NoteKind,
    /// The question under discussion: (theme id, question id).
    pub question: Option<(String, String)>,
    /// The owner of an action.
    pub owner: Option<String>,
    /// The id of the saved note being changed, if any.
    pub editing: Option<String>,
}

impl Default for NoteEditor {
    fn default() -> Self {
        NoteEditor {
            area: new_textarea(),
            speaker: None,
            kind: DEFAULT_KIND,
            question: None,
            owner: None,
            editing: None,
        }
    }
}

/// An empty text area set up the way both editors use it.
pub fn new_textarea() -> TextArea<'static> {
    let mut area = TextArea::default();
    area.set_cursor_line_style(ratatui::style::Style::default());
    area.set_max_histories(200);
    area
}

/// A text area holding `text` with the caret at its end.
pub fn textarea_with(text: &str) -> TextArea<'static> {
    let mut area = new_textarea();
    area.insert_str(clean_input(text));
    area
}

/// Makes outside text (a paste, a draft file) safe to edit: line ends become
/// `\n`, tabs become spaces, and every other control character (escape
/// sequences included) is dropped, so nothing typed or pasted can reach the
/// terminal as a command.
pub fn clean_input(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

impl NoteEditor {
    /// The text as one string (lines joined with `\n`).
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// True when nothing but white space is typed.
    pub fn is_blank(&self) -> bool {
        self.area.lines().iter().all(|l| l.trim().is_empty())
    }

    /// Empties the text, keeping speaker, kind and question for the next
    /// note (a speaker usually makes several points in a row).
    pub fn clear_text(&mut self) {
        self.area = new_textarea();
        self.editing = None;
        self.owner = None;
    }

    /// What the draft file keeps of the editor.
    pub fn to_draft(&self) -> DraftNote {
        let (theme, question) = self.question.clone().unzip();
        DraftNote {
            text: self.text(),
            speaker: self.speaker.clone(),
            kind: Some(self.kind),
            theme,
            question,
            owner: self.owner.clone(),
            editing: self.editing.clone(),
        }
    }

    /// An editor holding a saved draft.
    pub fn from_draft(d: &DraftNote) -> NoteEditor {
        NoteEditor {
            area: textarea_with(&d.text),
            speaker: d.speaker.clone(),
            kind: d.kind.unwrap_or(DEFAULT_KIND),
            question: d.theme.clone().zip(d.question.clone()),
            owner: d.owner.clone(),
            editing: d.editing.clone(),
        }
    }

    /// Moves the kind `step` places along [`NoteKind::ALL`], wrapping.
    pub fn cycle_kind(&mut self, forward: bool) {
        let all = NoteKind::ALL;
        let i = all.iter().position(|k| *k == self.kind).unwrap_or(0);
        let n = all.len();
        self.kind = all[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_control_characters_never_reach_the_text() {
        let dirty = "気仙沼市\x1b[2J\tの課題\r\n二行目\u{9b}31m\x07";
        assert_eq!(clean_input(dirty), "気仙沼市[2J の課題\n二行目31m");
    }

    #[test]
    fn a_draft_round_trips_through_the_editor() {
        let mut e = NoteEditor::default();
        e.area.insert_str("気仙沼市の課題");
        e.area.insert_newline();
        e.area.insert_str("人手不足");
        e.speaker = Some("気仙沼市".into());
        e.kind = NoteKind::Issue;
        e.question = Some(("2".into(), "q1".into()));
        let back = NoteEditor::from_draft(&e.to_draft());
        assert_eq!(back.text(), "気仙沼市の課題\n人手不足");
        assert_eq!(back.to_draft(), e.to_draft());
    }

    #[test]
    fn kinds_cycle_both_ways() {
        let mut e = NoteEditor {
            kind: NoteKind::Other,
            ..NoteEditor::default()
        };
        e.cycle_kind(true);
        assert_eq!(e.kind, NoteKind::Issue);
        e.cycle_kind(false);
        assert_eq!(e.kind, NoteKind::Other);
    }
}
