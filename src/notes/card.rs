//! The group's prompt card: the ◆ key questions and ※ survey questions of its
//! theme(s), which one is under discussion, and which are covered.

use crate::model::Stamp;
use crate::model::Theme;
use crate::model::notes::{Covered, GroupNotes};

/// One question on the card, as notes refer to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CardQuestion {
    /// The theme's id.
    pub(crate) theme: String,
    /// The question's id (`q1`, `s2` …).
    pub(crate) question: String,
    /// True for a survey (※) question.
    pub(crate) survey: bool,
    /// Its number on the card among its kind (1-based).
    pub(crate) number: usize,
}

/// Every question of the themes, in card order.
pub(crate) fn questions(themes: &[Theme]) -> Vec<CardQuestion> {
    let mut out = Vec::new();
    for t in themes {
        for (survey, list) in [(false, &t.questions), (true, &t.survey)] {
            for (i, q) in list.iter().enumerate() {
                out.push(CardQuestion {
                    theme: t.id.clone(),
                    question: q.id.clone(),
                    survey,
                    number: i + 1,
                });
            }
        }
    }
    out
}

/// A short tag for a question: `2◆1`, `3※2` (theme id, mark, number); just
/// the mark and number when the group has one theme.
pub(crate) fn tag(themes: &[Theme], theme: &str, question: &str) -> String {
    let qs = questions(themes);
    let Some(q) = qs
        .iter()
        .find(|q| q.theme == theme && q.question == question)
    else {
        return question.to_string();
    };
    let mark = if q.survey { '※' } else { '◆' };
    if themes.len() > 1 {
        format!("{}{mark}{}", q.theme, q.number)
    } else {
        format!("{mark}{}", q.number)
    }
}

/// Marks or unmarks a question as covered at `at` (an unmark is kept as a
/// cleared mark so a merge cannot revive the old one).
pub(crate) fn toggle_covered(doc: &mut GroupNotes, theme: &str, question: &str, at: Stamp) {
    let cleared = doc.is_covered(theme, question);
    let prev = doc
        .covered
        .iter()
        .find(|c| c.theme == theme && c.question == question)
        .map(|c| c.at);
    let at = crate::model::notes::after(prev, at);
    doc.covered
        .retain(|c| !(c.theme == theme && c.question == question));
    doc.covered.push(Covered {
        theme: theme.to_string(),
        question: question.to_string(),
        at,
        cleared,
        extra: Default::default(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Question;

    fn theme(id: &str, q: usize, s: usize) -> Theme {
        let mk = |p: &str, n: usize| Question {
            id: format!("{p}{n}"),
            text: format!("問い{n}"),
            points: vec![],
        };
        Theme {
            id: id.into(),
            title: "テーマ".into(),
            audience: None,
            questions: (1..=q).map(|n| mk("q", n)).collect(),
            survey: (1..=s).map(|n| mk("s", n)).collect(),
            stages: vec![],
        }
    }

    #[test]
    fn card_lists_key_then_survey_questions_per_theme_with_tags() {
        let themes = [theme("2", 2, 3), theme("3", 2, 4)];
        let qs = questions(&themes);
        assert_eq!(qs.len(), 11);
        assert_eq!(tag(&themes, "3", "s2"), "3※2");
        assert_eq!(tag(&themes[..1], "2", "q1"), "◆1");
    }

    #[test]
    fn covering_twice_uncovers_with_a_cleared_mark() {
        let mut doc = GroupNotes::new("s", "B");
        let t1: Stamp = "2026-01-20T14:10:00+09:00".parse().unwrap();
        toggle_covered(&mut doc, "2", "q1", t1);
        assert!(doc.is_covered("2", "q1"));
        toggle_covered(&mut doc, "2", "q1", t1 + chrono::Duration::minutes(1));
        assert!(!doc.is_covered("2", "q1"));
        assert_eq!(doc.covered.len(), 1);
        assert!(doc.covered[0].cleared);
    }
}
