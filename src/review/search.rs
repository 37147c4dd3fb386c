//! Searching every note of the archive: the folded index, the filters by
//! group, theme, kind, speaker and date, and the hits, newest first. The
//! screen's `/` and `bunkakai search` share it.

use chrono::NaiveDate;

use super::archive::Archive;
use super::fold::{fold, query_words};
use crate::model::notes::{Note, NoteKind};

/// What to look for: words that must all appear, and filters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// The folded words; a note matches when its text holds every one.
    pub(crate) words: Vec<String>,
    /// Narrowing by group, theme, kind, speaker and dates.
    pub(crate) filters: Filters,
}

/// Narrowing of a search. Empty filters let everything through.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// A group id (any case).
    pub group: Option<String>,
    /// A theme id, or a part of its title.
    pub theme: Option<String>,
    /// One kind of note.
    pub kind: Option<NoteKind>,
    /// A part of the speaker's name.
    pub speaker: Option<String>,
    /// Sittings on or after this day.
    pub since: Option<NaiveDate>,
    /// Sittings on or before this day.
    pub until: Option<NaiveDate>,
}

impl Filters {
    /// True when no filter is set.
    pub(crate) fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

impl Query {
    /// A query from the words typed and the filters.
    pub fn new(text: &str, filters: Filters) -> Query {
        Query {
            words: query_words(text),
            filters,
        }
    }

    /// True when the query asks for nothing at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.words.is_empty() && self.filters.is_empty()
    }
}

/// Reads a kind as typed by a user: its file word (`issue`), its Japanese
/// label (`課題`, `工夫`, `工夫・事例`) or its English label.
pub(crate) fn parse_kind(text: &str) -> Option<NoteKind> {
    let t = fold(text.trim());
    NoteKind::ALL.into_iter().find(|k| {
        let names: &[&str] = match k {
            NoteKind::Issue => &["issue", "課題", "problem"],
            NoteKind::Practice => &["practice", "工夫", "工夫・事例", "事例", "case"],
            NoteKind::Opinion => &["opinion", "意見"],
            NoteKind::Request => &["request", "要望"],
            NoteKind::Action => &["action", "あくしょん", "action item"],
            NoteKind::Other => &["other", "その他"],
        };
        names.iter().any(|n| fold(n) == t)
    })
}

/// Where a note is in the archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NoteAt {
    /// Index of the sitting in `Archive::sittings`.
    pub(crate) sitting: usize,
    /// Index of the group in the sitting's `groups`.
    pub(crate) group: usize,
    /// Index of the note in the group's `notes` (tombstones included).
    pub(crate) note: usize,
}

impl NoteAt {
    /// The note itself.
    pub fn note<'a>(&self, archive: &'a Archive) -> Option<&'a Note> {
        let g = archive.sittings.get(self.sitting)?.groups.get(self.group)?;
        g.notes.as_ref()?.notes.get(self.note)
    }
}

/// One note in the index, with what the filters look at.
#[derive(Debug, Clone)]
struct Entry {
    at: NoteAt,
    /// Where its folded text is in [`NoteIndex::folded`].
    text: std::ops::Range<usize>,
    speaker: Box<str>,
    kind: NoteKind,
    theme: Option<u32>,
}

/// A theme as used in one sitting, for the theme filter.
#[derive(Debug, Clone)]
struct ThemeSlot {
    id: String,
    title: String,
}

/// Every live note of an archive, folded for search, newest first.
///
/// The folded texts are kept one after the other in the notes' order, so a
/// search is one `memmem` pass over them (a key typed in the review's `/`
/// costs a few milliseconds on 100,000 notes) rather than one search per
/// note.
#[derive(Debug, Clone, Default)]
pub struct NoteIndex {
    entries: Vec<Entry>,
    folded: String,
    themes: Vec<ThemeSlot>,
}

impl NoteIndex {
    /// Folds every live note of `archive`.
    pub fn build(archive: &Archive) -> NoteIndex {
        let mut index = NoteIndex::default();
        for (si, sitting) in archive.sittings.iter().enumerate() {
            let base = index.themes.len();
            let plan_themes = sitting.plan.iter().flat_map(|p| p.themes.iter());
            for t in plan_themes.clone() {
                index.themes.push(ThemeSlot {
                    id: t.id.clone(),
                    title: fold(&t.title),
                });
            }
            let mut notes: Vec<(i64, Entry, String)> = Vec::new();
            for (gi, group) in sitting.groups.iter().enumerate() {
                let Some(notes_file) = &group.notes else {
                    continue;
                };
                let live = notes_file.notes.iter().enumerate();
                for (ni, note) in live.filter(|(_, n)| !n.deleted) {
                    let theme = sitting.theme_of(&group.id, note).and_then(|t| {
                        let pos = plan_themes.clone().position(|x| x.id == t.id)?;
                        u32::try_from(base + pos).ok()
                    });
                    let entry = Entry {
                        at: NoteAt {
                            sitting: si,
                            group: gi,
                            note: ni,
                        },
                        text: 0..0,
                        speaker: fold(note.speaker.as_deref().unwrap_or_default()).into(),
                        kind: note.kind,
                        theme,
                    };
                    notes.push((note.created.timestamp(), entry, fold(&note.text)));
                }
            }
            notes.sort_by_key(|(at, _, _)| std::cmp::Reverse(*at));
            for (_, mut entry, text) in notes {
                let start = index.folded.len();
                index.folded.push_str(&text);
                entry.text = start..index.folded.len();
                index.entries.push(entry);
            }
        }
        index.folded.shrink_to_fit();
        index
    }

    /// How many notes are indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no note is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every note matching `query`, newest first.
    pub fn search(&self, archive: &Archive, query: &Query) -> Vec<NoteAt> {
        let f = &query.filters;
        let theme_ok: Option<Vec<bool>> = f.theme.as_ref().map(|t| {
            let folded = fold(t.trim());
            self.themes
                .iter()
                .map(|s| s.id == t.trim() || (!folded.is_empty() && s.title.contains(&folded)))
                .collect()
        });
        let speaker = f.speaker.as_deref().map(fold);
        let sitting_ok: Vec<bool> = archive
            .sittings
            .iter()
            .map(|s| {
                let d = s.date();
                f.since.is_none_or(|since| d.is_some_and(|d| d >= since))
                    && f.until.is_none_or(|until| d.is_some_and(|d| d <= until))
            })
            .collect();
        let keep = |e: &Entry| {
            sitting_ok[e.at.sitting]
                && f.kind.is_none_or(|k| e.kind == k)
                && theme_ok
                    .as_ref()
                    .is_none_or(|ok| e.theme.is_some_and(|t| ok[t as usize]))
                && speaker
                    .as_ref()
                    .is_none_or(|s| e.speaker.contains(s.as_str()))
                && f.group.as_ref().is_none_or(|g| {
                    let id = &archive.sittings[e.at.sitting].groups[e.at.group].id;
                    id.eq_ignore_ascii_case(g.trim())
                })
        };
        // The longest word is scanned for; the others are checked per note.
        let mut words: Vec<&str> = query.words.iter().map(String::as_str).collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let Some((first, others)) = words.split_first() else {
            return self
                .entries
                .iter()
                .filter(|e| keep(e))
                .map(|e| e.at)
                .collect();
        };
        let finder = memchr::memmem::Finder::new(first.as_bytes());
        let all = self.folded.as_bytes();
        let mut hits = Vec::new();
        // Notes are walked forward with the matches; once a note is taken
        // the scan goes on after it.
        let (mut pos, mut i) = (0, 0);
        while let Some(found) = all.get(pos..).and_then(|rest| finder.find(rest)) {
            let at = pos + found;
            while self.entries.get(i).is_some_and(|e| e.text.end <= at) {
                i += 1;
            }
            let Some(e) = self.entries.get(i) else { break };
            if at + first.len() > e.text.end {
                // Across two notes: look again from the next byte.
                pos = at + 1;
                continue;
            }
            let text = &self.folded[e.text.clone()];
            if keep(e) && others.iter().all(|w| text.contains(w)) {
                hits.push(e.at);
            }
            pos = e.text.end;
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::fold::contains_all;

    /// What the search must give: every note, in the index's order, whose
    /// folded text holds every word.
    fn one_by_one(index: &NoteIndex, archive: &Archive, words: &[String]) -> Vec<NoteAt> {
        index
            .entries
            .iter()
            .filter(|e| contains_all(&fold(&e.at.note(archive).unwrap().text), words))
            .map(|e| e.at)
            .collect()
    }

    #[test]
    fn one_pass_finds_what_a_search_note_by_note_finds_and_nothing_across_notes() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive");
        let archive = Archive::load(&dir);
        let index = NoteIndex::build(&archive);
        let texts: Vec<Vec<char>> = index
            .entries
            .iter()
            .map(|e| index.folded[e.text.clone()].chars().collect())
            .collect();
        let mut queries: Vec<String> = vec!["の 連携".into(), "kpi 設定 の".into(), "。".into()];
        for pair in texts.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            // The end of one note with the start of the next: never a hit
            // unless a note holds it whole.
            if let (Some(x), Some(y)) = (a.last(), b.first()) {
                queries.push(format!("{x}{y}"));
            }
            // Pieces of a note, one to three characters long.
            for n in 1..=3 {
                queries.extend(a.windows(n).step_by(7).map(|w| w.iter().collect()));
            }
        }
        let mut hits = 0;
        for q in &queries {
            let q = Query::new(q, Filters::default());
            let want = one_by_one(&index, &archive, &q.words);
            assert_eq!(index.search(&archive, &q), want, "{:?}", q.words);
            hits += want.len();
        }
        assert!(hits > queries.len(), "{hits}");
    }
}
