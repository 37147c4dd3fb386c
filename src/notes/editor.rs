//! The note being written: its text (a multi-line `ratatui-textarea` with
//! undo and Emacs-style keys) and what it is attached to: speaker, kind,
//! question and, for an action, its owner.

use ratatui_textarea::TextArea;

use crate::model::notes::NoteKind;
use crate::model::notes_draft::DraftNote;

/// The kind a fresh editor starts with: most of what is said is opinion.
pub(crate) const DEFAULT_KIND: NoteKind = NoteKind::Opinion;

/// The note editor.
#[derive(Debug, Clone)]
pub(crate) struct NoteEditor {
    /// The text.
    pub(crate) area: TextArea<'static>,
    /// Who is speaking (a roster name).
    pub(crate) speaker: Option<String>,
    /// The kind of note.
    pub(crate) kind: NoteKind,
    /// The question under discussion: (theme id, question id).
    pub(crate) question: Option<(String, String)>,
    /// The owner of an action.
    pub(crate) owner: Option<String>,
    /// The id of the saved note being changed, if any.
    pub(crate) editing: Option<String>,
    /// While a saved note is being changed: the unsent note (text and
    /// labels) set aside, restored when the edit is committed or cancelled.
    pub(crate) parked: Option<Box<NoteEditor>>,
    /// Undo and redo steps of the text.
    pub(crate) undo: super::undo::Steps,
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
            parked: None,
            undo: Default::default(),
        }
    }
}

/// An empty text area set up the way both editors use it.
pub(crate) fn new_textarea() -> TextArea<'static> {
    let mut area = TextArea::default();
    area.set_cursor_line_style(ratatui::style::Style::default());
    // Undo goes by whole edits (`undo::Steps`), not the text area's
    // character-by-character history.
    area.set_max_histories(0);
    // A note is proofread before Enter: it wraps instead of scrolling
    // sideways (Japanese at any character, English words kept whole).
    area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    area
}

/// A text area holding `text` with the caret at its end.
pub(crate) fn textarea_with(text: &str) -> TextArea<'static> {
    let mut area = new_textarea();
    area.insert_str(clean_input(text));
    area
}

/// Makes outside text (a paste, a draft file) safe to edit: line ends become
/// `\n`, tabs become spaces, and every other control character (escape
/// sequences included) is dropped, so nothing typed or pasted can reach the
/// terminal as a command.
pub(crate) fn clean_input(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text: String = text
        .chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    compose_sound_marks(&text)
}

/// Half-width katakana with a half-width sound mark (ﾊﾞ, ﾌﾟ — common in text
/// from Excel and older systems) as the one character they stand for (バ,
/// プ), and a sound mark on its own as the full-width mark (゛ ゜). Terminals
/// draw ﾊﾞ in two cells but the screen library counts three, which leaves
/// gaps, a misplaced cursor and stray glyphs; the joined form takes the same
/// two cells everywhere.
fn compose_sound_marks(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    const MARKS: [char; 2] = ['\u{FF9E}', '\u{FF9F}'];
    if !s.contains(MARKS) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&m) if MARKS.contains(&m) && ('\u{FF66}'..='\u{FF9D}').contains(&c) => {
                chars.next();
                out.extend([c, m].iter().collect::<String>().nfkc());
            }
            _ if c == '\u{FF9E}' => out.push('\u{309B}'),
            _ if c == '\u{FF9F}' => out.push('\u{309C}'),
            _ => out.push(c),
        }
    }
    out
}

/// Types a half-width sound mark (ﾞ ﾟ): joined with the half-width kana
/// before the caret into the character they stand for (ﾊ + ﾞ = バ), else
/// the full-width mark, so that what is typed takes the cells the terminal
/// draws. False when `c` is not a sound mark.
pub(crate) fn type_sound_mark(area: &mut TextArea<'_>, c: char) -> bool {
    if !matches!(c, '\u{FF9E}' | '\u{FF9F}') {
        return false;
    }
    let (row, col) = (area.cursor().0, area.cursor().1);
    let before = col
        .checked_sub(1)
        .and_then(|i| area.lines().get(row)?.chars().nth(i));
    match before {
        Some(k) if ('\u{FF66}'..='\u{FF9D}').contains(&k) => {
            area.delete_char();
            area.insert_str(compose_sound_marks(&format!("{k}{c}")));
        }
        _ => {
            area.insert_str(compose_sound_marks(&c.to_string()));
        }
    }
    true
}

impl NoteEditor {
    /// The text as one string (lines joined with `\n`).
    pub(crate) fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// True when nothing but white space is typed.
    pub(crate) fn is_blank(&self) -> bool {
        self.area.lines().iter().all(|l| l.trim().is_empty())
    }

    /// Empties the text, keeping speaker, kind and question for the next
    /// note (a speaker usually makes several points in a row).
    pub(crate) fn clear_text(&mut self) {
        self.area = new_textarea();
        self.undo = Default::default();
        self.editing = None;
        self.owner = None;
    }

    /// Opens a saved note for changing, setting the unsent note aside.
    pub(crate) fn start_edit(&mut self, mut edit: NoteEditor) {
        let current = std::mem::take(self);
        // Editing while editing: the note set aside first is the one to keep.
        edit.parked = match current.editing {
            Some(_) => current.parked,
            None => Some(Box::new(current)),
        };
        *self = edit;
    }

    /// Ends a note: after changing a saved note, the unsent note set aside
    /// comes back with its own labels; otherwise the text is emptied.
    pub(crate) fn finish(&mut self) {
        match self.parked.take() {
            Some(parked) => *self = *parked,
            None => self.clear_text(),
        }
    }

    /// What the draft file keeps of the editor.
    pub(crate) fn to_draft(&self) -> DraftNote {
        let (theme, question) = self.question.clone().unzip();
        DraftNote {
            text: self.text(),
            speaker: self.speaker.clone(),
            kind: Some(self.kind),
            theme,
            question,
            owner: self.owner.clone(),
            editing: self.editing.clone(),
            parked: self.parked.as_ref().map(|p| Box::new(p.to_draft())),
        }
    }

    /// An editor holding a saved draft.
    pub(crate) fn from_draft(d: &DraftNote) -> NoteEditor {
        NoteEditor {
            area: textarea_with(&d.text),
            speaker: d.speaker.clone(),
            kind: d.kind.unwrap_or(DEFAULT_KIND),
            question: d.theme.clone().zip(d.question.clone()),
            owner: d.owner.clone(),
            editing: d.editing.clone(),
            parked: d
                .parked
                .as_ref()
                .map(|p| Box::new(NoteEditor::from_draft(p))),
            undo: Default::default(),
        }
    }

    /// Moves the kind `step` places along [`NoteKind::ALL`], wrapping.
    pub(crate) fn cycle_kind(&mut self, forward: bool) {
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
    fn half_width_voiced_kana_are_typed_and_pasted_joined() {
        let mut area = new_textarea();
        for c in "ﾊﾞｽとﾌﾟ".chars() {
            if !type_sound_mark(&mut area, c) {
                area.insert_char(c);
            }
        }
        assert!(type_sound_mark(&mut area, '\u{FF9E}'));
        assert_eq!(area.lines()[0], "バｽとプ゛");
        assert_eq!(clean_input("ﾃﾞｰﾀ活用"), "デｰﾀ活用");
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
    fn editing_a_saved_note_sets_the_unsent_one_aside_and_brings_it_back() {
        let mut e = NoteEditor::default();
        e.area.insert_str("書きかけのメモ");
        e.speaker = Some("気仙沼市".into());
        e.kind = NoteKind::Action;
        let saved = NoteEditor {
            area: textarea_with("浜松市の事例"),
            speaker: Some("浜松市".into()),
            kind: NoteKind::Practice,
            editing: Some("n1".into()),
            ..NoteEditor::default()
        };
        e.start_edit(saved.clone());
        assert_eq!(e.text(), "浜松市の事例");
        // A second edit while editing keeps the first note set aside.
        e.start_edit(saved);
        // The draft file carries the note set aside across a restart.
        let mut e = NoteEditor::from_draft(&e.to_draft());
        e.finish();
        assert_eq!(e.text(), "書きかけのメモ");
        assert_eq!(e.speaker.as_deref(), Some("気仙沼市"));
        assert_eq!(e.kind, NoteKind::Action);
        assert!(e.editing.is_none() && e.parked.is_none());
        e.finish();
        assert!(
            e.is_blank(),
            "without a note set aside, finishing empties the text"
        );
        assert_eq!(
            e.speaker.as_deref(),
            Some("気仙沼市"),
            "labels stay for the next note"
        );
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
