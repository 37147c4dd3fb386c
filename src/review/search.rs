//! Searching every note of the archive: the folded index, the filters by
//! group, theme, kind, speaker and date, and the hits, newest first. The
//! screen's `/` and `bunkakai search` share it.

use chrono::NaiveDate;

use super::archive::Archive;
use super::fold::{contains_all, fold, query_words};
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
    text: Box<str>,
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
#[derive(Debug, Clone, Default)]
pub struct NoteIndex {
    entries: Vec<Entry>,
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
            let first = index.entries.len();
            for (gi, group) in sitting.groups.iter().enumerate() {
                let Some(notes) = &group.notes else { continue };
                for (ni, note) in notes.notes.iter().enumerate().filter(|(_, n)| !n.deleted) {
                    let theme = sitting.theme_of(&group.id, note).and_then(|t| {
                        let pos = plan_themes.clone().position(|x| x.id == t.id)?;
                        u32::try_from(base + pos).ok()
                    });
                    index.entries.push(Entry {
                        at: NoteAt {
                            sitting: si,
                            group: gi,
                            note: ni,
                        },
                        text: fold(&note.text).into(),
                        speaker: fold(note.speaker.as_deref().unwrap_or_default()).into(),
                        kind: note.kind,
                        theme,
                    });
                }
            }
            let mut created: Vec<(i64, Entry)> = index
                .entries
                .drain(first..)
                .map(|e| {
                    let at = e.at.note(archive).map_or(0, |n| n.created.timestamp());
                    (at, e)
                })
                .collect();
            created.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
            index.entries.extend(created.into_iter().map(|(_, e)| e));
        }
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
        self.entries
            .iter()
            .filter(|e| sitting_ok[e.at.sitting])
            .filter(|e| f.kind.is_none_or(|k| e.kind == k))
            .filter(|e| {
                theme_ok
                    .as_ref()
                    .is_none_or(|ok| e.theme.is_some_and(|t| ok[t as usize]))
            })
            .filter(|e| {
                speaker
                    .as_ref()
                    .is_none_or(|s| e.speaker.contains(s.as_str()))
            })
            .filter(|e| {
                f.group.as_ref().is_none_or(|g| {
                    let id = &archive.sittings[e.at.sitting].groups[e.at.group].id;
                    id.eq_ignore_ascii_case(g.trim())
                })
            })
            .filter(|e| contains_all(&e.text, &query.words))
            .map(|e| e.at)
            .collect()
    }
}
