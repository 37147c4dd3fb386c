//! One group's record of a sitting arranged as a reader wants it: by theme,
//! then by question, with the action items, the questions nobody covered,
//! the summary and the attendance. The sitting screen and the Markdown
//! report both draw from it.

use super::archive::Sitting;
use super::files::FileProblem;
use crate::i18n::Lang;
use crate::model::notes::{Note, NoteKind, Presence};
use crate::model::{Question, Theme};

/// A group's record of a sitting, arranged for reading.
#[derive(Debug, Clone)]
pub struct GroupReport<'a> {
    /// The group's id.
    pub(crate) group: &'a str,
    /// `A（①）`.
    pub(crate) label: String,
    /// Its themes in plan order; notes of no known theme come last under
    /// `theme: None`.
    pub themes: Vec<ThemeNotes<'a>>,
    /// The summary, when one was written.
    pub(crate) summary: Option<&'a str>,
    /// Each roster member (and anyone else marked) with their mark.
    pub attendance: Vec<(String, Option<Presence>)>,
    /// False when the group has no usable notes file.
    pub has_file: bool,
    /// Why the group's notes file could not be used, when it exists but is
    /// broken or newer: then summary, attendance and coverage are unknown,
    /// not empty, and are left out rather than reported as missing.
    pub file_problem: Option<&'a FileProblem>,
}

/// A group's notes on one theme.
#[derive(Debug, Clone)]
pub struct ThemeNotes<'a> {
    /// The theme; `None` for notes whose theme is not known.
    pub(crate) theme: Option<&'a Theme>,
    /// The questions that have notes, in card order, then the notes that
    /// answer no known question.
    pub(crate) questions: Vec<QuestionNotes<'a>>,
    /// Action items, in the order they were taken.
    pub(crate) actions: Vec<&'a Note>,
    /// Questions neither marked covered nor answered by a note.
    pub uncovered: Vec<&'a Question>,
}

/// The notes answering one question.
#[derive(Debug, Clone)]
pub(crate) struct QuestionNotes<'a> {
    /// The question; `None` for notes that name none (or an unknown one).
    pub(crate) question: Option<&'a Question>,
    /// True for a question from the pre-session survey (※).
    pub(crate) survey: bool,
    /// The notes, oldest first.
    pub(crate) notes: Vec<&'a Note>,
}

impl<'a> GroupReport<'a> {
    /// Every note of the group with its theme and question, in the order
    /// the notes were taken (a table of notes, one row each).
    pub(crate) fn notes_by_time(&self) -> Vec<(&ThemeNotes<'a>, &QuestionNotes<'a>, &'a Note)> {
        let mut notes: Vec<_> = self
            .themes
            .iter()
            .flat_map(|t| {
                t.questions
                    .iter()
                    .flat_map(move |q| q.notes.iter().map(move |n| (t, q, *n)))
            })
            .collect();
        notes.sort_by_key(|(_, _, n)| n.created);
        notes
    }
}

/// Arranges the record of the group with id `group`.
pub fn group_report<'a>(sitting: &'a Sitting, group: &'a str, lang: Lang) -> GroupReport<'a> {
    let file = sitting.notes_of(group);
    let mut notes: Vec<&Note> = file.iter().flat_map(|f| f.live_notes()).collect();
    notes.sort_by_key(|n| n.created);
    let mut themes: Vec<&Theme> = sitting.themes_of(group);
    for n in &notes {
        if let Some(t) = sitting.theme_of(group, n)
            && !themes.iter().any(|x| x.id == t.id)
        {
            themes.push(t);
        }
    }
    let mut out: Vec<ThemeNotes> = themes
        .iter()
        .map(|t| {
            let mine: Vec<&Note> = notes
                .iter()
                .copied()
                .filter(|n| sitting.theme_of(group, n).is_some_and(|x| x.id == t.id))
                .collect();
            theme_notes(Some(t), &mine, |q| {
                file.is_some_and(|f| f.covered.iter().any(|c| c.theme == t.id && c.question == q))
            })
        })
        .collect();
    let orphans: Vec<&Note> = notes
        .iter()
        .copied()
        .filter(|n| sitting.theme_of(group, n).is_none())
        .collect();
    if !orphans.is_empty() {
        out.push(theme_notes(None, &orphans, |_| false));
    }
    // The group's notes file, or its journal when a line of a newer
    // bunkakai makes the group unusable.
    let names = [format!("{group}.json"), format!("{group}.journal")];
    let file_problem = sitting.problems.iter().find(|p| {
        p.fault.whole_file()
            && p.path
                .file_name()
                .is_some_and(|n| names.iter().any(|f| n.to_string_lossy() == *f))
            && p.path
                .parent()
                .and_then(|d| d.file_name())
                .is_some_and(|d| d == "notes")
    });
    if file.is_none() {
        // Without the file nothing is known about coverage.
        for t in &mut out {
            t.uncovered.clear();
        }
    }
    let attendance = if file.is_none() && file_problem.is_some() {
        Vec::new()
    } else {
        attendance(sitting, group)
    };
    GroupReport {
        group,
        label: sitting.group_label(group, lang),
        themes: out,
        summary: file
            .and_then(|f| f.summary.as_ref())
            .map(|s| s.text.as_str())
            .filter(|s| !s.trim().is_empty()),
        attendance,
        has_file: file.is_some(),
        file_problem: file.is_none().then_some(file_problem).flatten(),
    }
}

fn theme_notes<'a>(
    theme: Option<&'a Theme>,
    notes: &[&'a Note],
    marked: impl Fn(&str) -> bool,
) -> ThemeNotes<'a> {
    let mut questions = Vec::new();
    let mut uncovered = Vec::new();
    let cards = theme.iter().flat_map(|t| {
        let key = t.questions.iter().map(|q| (q, false));
        key.chain(t.survey.iter().map(|q| (q, true)))
    });
    for (q, survey) in cards {
        let answers: Vec<&Note> = notes
            .iter()
            .copied()
            .filter(|n| n.question.as_deref() == Some(q.id.as_str()))
            .collect();
        if answers.is_empty() {
            if !marked(&q.id) {
                uncovered.push(q);
            }
        } else {
            questions.push(QuestionNotes {
                question: Some(q),
                survey,
                notes: answers,
            });
        }
    }
    let known = |n: &Note| {
        n.question
            .as_deref()
            .is_some_and(|id| theme.is_some_and(|t| t.all_questions().any(|q| q.id == id)))
    };
    let rest: Vec<&Note> = notes.iter().copied().filter(|n| !known(n)).collect();
    if !rest.is_empty() {
        questions.push(QuestionNotes {
            question: None,
            survey: false,
            notes: rest,
        });
    }
    ThemeNotes {
        theme,
        questions,
        actions: notes
            .iter()
            .copied()
            .filter(|n| n.kind == NoteKind::Action)
            .collect(),
        uncovered,
    }
}

fn attendance(sitting: &Sitting, group: &str) -> Vec<(String, Option<Presence>)> {
    let file = sitting.notes_of(group);
    let roster = sitting.plan.as_ref().and_then(|p| p.group(group));
    let mut out: Vec<(String, Option<Presence>)> = roster
        .iter()
        .flat_map(|g| g.members.iter())
        .map(|m| (m.name.clone(), file.and_then(|f| f.presence(&m.name))))
        .collect();
    for a in file.iter().flat_map(|f| f.attendance.iter()) {
        if !out.iter().any(|(name, _)| *name == a.member) {
            out.push((a.member.clone(), Some(a.status)));
        }
    }
    out
}
