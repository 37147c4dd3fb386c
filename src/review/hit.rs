//! A search hit described for people and scripts: where the note is, who
//! said it, and its text cut into plain and matching pieces (already made
//! inert) so that any output can highlight the match.

use std::ops::Range;

use serde_json::{Value, json};

use super::archive::Archive;
use super::fold::match_ranges;
use super::search::NoteAt;
use crate::i18n::Lang;
use crate::i18n::review::kind_label;
use crate::tui::text::sanitize::{inert, inert_part};

/// A piece of a note's text: shown as is, or highlighted as a match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    /// The text, safe to show on a terminal.
    pub(crate) text: String,
    /// True when this piece matches the query.
    pub(crate) matched: bool,
}

/// Cuts `text` into pieces at the matches of `words`, each made inert.
pub(crate) fn pieces(text: &str, words: &[String]) -> Vec<Piece> {
    pieces_at(text, &match_ranges(text, words))
}

/// Cuts `text` into pieces at the byte ranges `matches` (sorted, apart),
/// each made inert.
pub(crate) fn pieces_at(text: &str, matches: &[Range<usize>]) -> Vec<Piece> {
    // Each piece is made inert as inside the whole text: the line reads the
    // same wherever the matches cut it (and as the search cache keeps it).
    let inert = |piece: &str| inert_part(piece, text);
    let mut out = Vec::new();
    let mut at = 0;
    for r in matches {
        if r.start > at {
            out.push(Piece {
                text: inert(&text[at..r.start]),
                matched: false,
            });
        }
        out.push(Piece {
            text: inert(&text[r.clone()]),
            matched: true,
        });
        at = r.end;
    }
    if at < text.len() || out.is_empty() {
        out.push(Piece {
            text: inert(&text[at..]),
            matched: false,
        });
    }
    out
}

/// The character ranges (not bytes) of the matches, for scripts.
fn char_ranges(text: &str, words: &[String]) -> Vec<[usize; 2]> {
    match_ranges(text, words)
        .into_iter()
        .map(|r| {
            [
                text[..r.start].chars().count(),
                text[..r.end].chars().count(),
            ]
        })
        .collect()
}

/// One line for a hit: `date  sitting  group  time  speaker  kind  text`,
/// the match wrapped in reverse video when `color` is on.
pub(crate) fn line(
    archive: &Archive,
    at: NoteAt,
    words: &[String],
    lang: Lang,
    color: bool,
) -> String {
    let Some(note) = at.note(archive) else {
        return String::new();
    };
    let sitting = &archive.sittings[at.sitting];
    let line = Line {
        date: &sitting.date().map(|d| d.to_string()).unwrap_or_default(),
        sitting: &sitting.id,
        group: &sitting.groups[at.group].id,
        time: &sitting.local(&note.created).format("%H:%M").to_string(),
        speaker: note.speaker.as_deref(),
        kind: kind_label(note.kind, lang),
        text: &note.text,
    };
    let mut out = Vec::new();
    line.write(&match_ranges(&note.text, words), color, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// What one hit line shows, before it is made inert; the search over the
/// archive and the search over the cache print hits through it alike.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// The sitting's day, `YYYY-MM-DD` (empty when unknown).
    pub(crate) date: &'a str,
    /// The sitting's id.
    pub(crate) sitting: &'a str,
    /// The group's id.
    pub(crate) group: &'a str,
    /// The note's clock time, `HH:MM`.
    pub(crate) time: &'a str,
    /// Who said it.
    pub(crate) speaker: Option<&'a str>,
    /// The kind's label.
    pub(crate) kind: &'a str,
    /// The note's text.
    pub(crate) text: &'a str,
}

impl Line<'_> {
    /// Appends the line to `out`, the byte ranges `matches` of the text
    /// highlighted when `color` is on.
    pub(crate) fn write(&self, matches: &[Range<usize>], color: bool, out: &mut Vec<u8>) {
        let speaker = inert(self.speaker.unwrap_or("—"));
        let (sitting, group) = (inert(self.sitting), inert(self.group));
        let parts = [self.date, &sitting, &group, self.time, &speaker, self.kind];
        head(out, parts.map(str::as_bytes));
        for p in pieces_at(self.text, matches) {
            mark(out, p.text.as_bytes(), p.matched && color);
        }
    }
}

/// Appends the head of a hit line, `date  sitting  group  time  speaker
/// [kind]  `, from parts already made inert.
pub(crate) fn head(out: &mut Vec<u8>, parts: [&[u8]; 6]) {
    let [date, sitting, group, time, speaker, kind] = parts;
    for (i, part) in [date, sitting, group, time, speaker]
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            out.extend_from_slice(b"  ");
        }
        out.extend_from_slice(part);
    }
    out.extend_from_slice(b"  [");
    out.extend_from_slice(kind);
    out.extend_from_slice(b"]  ");
}

/// Appends a piece of a note's text (already inert), in reverse video when
/// `highlight`.
pub(crate) fn mark(out: &mut Vec<u8>, text: &[u8], highlight: bool) {
    if highlight {
        out.extend_from_slice(b"\x1b[7m");
        out.extend_from_slice(text);
        out.extend_from_slice(b"\x1b[27m");
    } else {
        out.extend_from_slice(text);
    }
}

/// One JSON object for a hit, for `search --json`.
pub(crate) fn json(archive: &Archive, at: NoteAt, words: &[String]) -> Value {
    let Some(note) = at.note(archive) else {
        return Value::Null;
    };
    let sitting = &archive.sittings[at.sitting];
    let group = &sitting.groups[at.group].id;
    let theme = sitting.theme_of(group, note);
    let question = note
        .question
        .as_deref()
        .and_then(|q| theme?.all_questions().find(|x| x.id == q));
    json!({
        "sitting": sitting.id,
        "title": sitting.title(),
        "date": sitting.date().map(|d| d.to_string()),
        "group": group,
        "theme": theme.map(|t| t.id.as_str()).or(note.theme.as_deref()),
        "theme_title": theme.map(|t| t.title.as_str()),
        "question": note.question,
        "question_text": question.map(|q| q.text.as_str()),
        "id": note.id,
        "time": sitting.local(&note.created).to_rfc3339(),
        "speaker": note.speaker,
        "kind": note.kind.key(),
        "owner": note.owner,
        "text": note.text,
        "matches": char_ranges(&note.text, words),
        "file": sitting.dir.join("notes").join(format!("{group}.json")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::fold::query_words;

    #[test]
    fn pieces_mark_matches_and_make_controls_inert() {
        let p = pieces("経済団体と\u{1b}[31mＫＰＩ", &query_words("kpi"));
        assert_eq!(
            p,
            vec![
                Piece {
                    text: "経済団体と^[[31m".into(),
                    matched: false
                },
                Piece {
                    text: "ＫＰＩ".into(),
                    matched: true
                },
            ]
        );
        assert_eq!(
            char_ranges("経済団体とＫＰＩ", &query_words("kpi")),
            vec![[5, 8]]
        );
        assert_eq!(pieces("", &[]).len(), 1);
    }
}
