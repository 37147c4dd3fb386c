//! Comparing one theme across groups and sittings: the themes of the whole
//! archive (the same theme in two sittings is recognised by its id, so a
//! title corrected between sittings keeps one history), the
//! union of their questions (recognised by their text), and for a question
//! every group's notes, labelled by sitting and group.

use super::archive::Archive;
use super::fold::fold;
use super::search::NoteAt;
use crate::model::Theme;

/// A theme as used across the archive.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeEntry {
    /// Its title, as the newest sitting wrote it.
    pub(crate) title: String,
    /// Every title it had, newest first (more than one when renamed).
    pub titles: Vec<String>,
    /// Each use: the sitting's index and the theme's id there, newest first.
    pub uses: Vec<(usize, String)>,
    /// The questions of every use, in card order of first appearance.
    pub questions: Vec<QuestionRow>,
    /// Live notes on this theme in the whole archive.
    pub notes: usize,
    key: String,
}

/// A question of a theme, shared by the sittings that asked it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionRow {
    /// The question.
    pub(crate) text: String,
    /// True for a question from the pre-session survey (※).
    pub(crate) survey: bool,
    key: String,
}

/// One group's notes on a question, in one sitting.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Answers {
    /// The sitting's index.
    pub(crate) sitting: usize,
    /// The group's index in the sitting.
    pub(crate) group: usize,
    /// The notes, oldest first.
    pub(crate) notes: Vec<NoteAt>,
}

/// Every theme of the archive, the most recently used first.
pub(crate) fn catalog(archive: &Archive) -> Vec<ThemeEntry> {
    let mut out: Vec<ThemeEntry> = Vec::new();
    for (si, s) in archive.sittings.iter().enumerate() {
        for t in s.plan.iter().flat_map(|p| p.themes.iter()) {
            let key = t.id.clone();
            let at = match out.iter().position(|e| e.key == key) {
                Some(at) => at,
                None => {
                    out.push(ThemeEntry {
                        title: t.title.clone(),
                        titles: Vec::new(),
                        uses: Vec::new(),
                        questions: Vec::new(),
                        notes: 0,
                        key,
                    });
                    out.len() - 1
                }
            };
            let entry = &mut out[at];
            if !entry.titles.iter().any(|x| fold(x) == fold(&t.title)) {
                entry.titles.push(t.title.clone());
            }
            entry.uses.push((si, t.id.clone()));
            add_questions(entry, t);
            entry.notes += s
                .all_notes()
                .filter(|(g, n)| s.theme_of(g, n).is_some_and(|x| x.id == t.id))
                .count();
        }
    }
    out
}

fn add_questions(entry: &mut ThemeEntry, t: &Theme) {
    let cards = t.questions.iter().map(|q| (q, false));
    for (q, survey) in cards.chain(t.survey.iter().map(|q| (q, true))) {
        let key = fold(&q.text);
        if !entry.questions.iter().any(|r| r.key == key) {
            entry.questions.push(QuestionRow {
                text: q.text.clone(),
                survey,
                key,
            });
        }
    }
}

/// Every group's notes on question `question` of `entry` (an index into
/// its questions; `questions.len()` means the notes that name no known
/// question), sitting by sitting, newest sitting first.
pub(crate) fn answers(archive: &Archive, entry: &ThemeEntry, question: usize) -> Vec<Answers> {
    let wanted = entry.questions.get(question).map(|q| q.key.as_str());
    let mut out = Vec::new();
    for (si, theme_id) in &entry.uses {
        let s = &archive.sittings[*si];
        let Some(theme) = s.plan.as_ref().and_then(|p| p.theme(theme_id)) else {
            continue;
        };
        let all_ids: Vec<&str> = theme.all_questions().map(|q| q.id.as_str()).collect();
        let ids: Vec<&str> = theme
            .all_questions()
            .filter(|q| wanted.is_some_and(|w| fold(&q.text) == w))
            .map(|q| q.id.as_str())
            .collect();
        for (gi, g) in s.groups.iter().enumerate() {
            let Some(file) = &g.notes else { continue };
            let mut notes: Vec<(i64, NoteAt)> = file
                .notes
                .iter()
                .enumerate()
                .filter(|(_, n)| !n.deleted)
                .filter(|(_, n)| s.theme_of(&g.id, n).is_some_and(|t| t.id == *theme_id))
                .filter(|(_, n)| {
                    let known = n.question.as_deref().filter(|id| all_ids.contains(id));
                    match (known, wanted) {
                        (Some(id), Some(_)) => ids.contains(&id),
                        (None, None) => true,
                        _ => false,
                    }
                })
                .map(|(ni, n)| {
                    let at = NoteAt {
                        sitting: *si,
                        group: gi,
                        note: ni,
                    };
                    (n.created.timestamp(), at)
                })
                .collect();
            if notes.is_empty() {
                continue;
            }
            notes.sort_by_key(|(t, _)| *t);
            out.push(Answers {
                sitting: *si,
                group: gi,
                notes: notes.into_iter().map(|(_, at)| at).collect(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_theme_used_in_two_sittings_is_one_entry() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive");
        let archive = Archive::load(&dir);
        let themes = catalog(&archive);
        let titles: Vec<_> = themes.iter().map(|t| t.uses.len()).collect();
        assert_eq!(titles, [2, 2, 1]);
        assert_eq!(themes[0].title, "庁内の体制構築、目標設定について");
        assert_eq!(themes[0].notes, 4 + 6);
        // ◆ q2 (KPI etc.) in both sittings: group A of each.
        let kpi = answers(&archive, &themes[0], 1);
        let labels: Vec<_> = kpi
            .iter()
            .map(|a| (archive.sittings[a.sitting].id.as_str(), a.notes.len()))
            .collect();
        assert_eq!(labels, [("jichitai-10", 2), ("jichitai-09", 4)]);
        let none = answers(&archive, &themes[0], themes[0].questions.len());
        assert_eq!(none.len(), 1, "the request without a question");
    }

    #[test]
    fn a_theme_renamed_between_sittings_keeps_one_history_by_id() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive");
        let mut archive = Archive::load(&dir);
        let nine = archive.sittings.iter_mut().find(|s| s.id == "jichitai-09");
        let plan = nine.unwrap().plan.as_mut().unwrap();
        plan.themes[0].title = "体制構築と目標設定（旧題）".into();
        let themes = catalog(&archive);
        let first = &themes[0];
        assert_eq!(first.uses.len(), 2, "matched by id, not by title");
        assert_eq!(first.title, "庁内の体制構築、目標設定について");
        assert_eq!(
            first.titles,
            [
                "庁内の体制構築、目標設定について",
                "体制構築と目標設定（旧題）"
            ]
        );
        assert_eq!(first.notes, 4 + 6);
    }
}
