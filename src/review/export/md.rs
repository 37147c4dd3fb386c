//! The Markdown report of a sitting, for a secretariat to paste into a
//! document: the timing table, then per theme and per group the summary,
//! the notes by question, the action items, the questions not covered and
//! the attendance. Text from files is stripped of escape sequences and its
//! Markdown characters escaped.

use std::fmt::Write;

use super::md_table;
use super::{note_time, question_mark, relative};
use crate::i18n::Lang;
use crate::i18n::review::{
    ReviewText as T, action_state_label, file_problem, kind_label, presence_label, problems_heading,
};
use crate::model::notes::Note;
use crate::review::archive::Sitting;
use crate::review::report::{GroupReport, ThemeNotes, group_report};
use crate::tui::text::sanitize::md_inline as md;

/// The whole report of a sitting with the actions carried into it.
pub(crate) fn report_of(part: &super::Part, lang: Lang) -> String {
    let sitting = part.sitting;
    let mut out = String::new();
    header(&mut out, sitting, lang);
    carried(&mut out, part, lang);
    super::md_record::write(&mut out, sitting, lang);
    let groups: Vec<GroupReport> = sitting
        .groups
        .iter()
        .map(|g| group_report(sitting, &g.id, lang))
        .collect();
    let mut themes: Vec<Option<&str>> = sitting
        .plan
        .iter()
        .flat_map(|p| p.themes.iter().map(|t| Some(t.id.as_str())))
        .collect();
    themes.push(None);
    let mut shown: Vec<&str> = Vec::new();
    for theme in themes {
        let parts: Vec<(&GroupReport, &ThemeNotes)> = groups
            .iter()
            .flat_map(|g| {
                g.themes
                    .iter()
                    .filter(|t| t.theme.map(|t| t.id.as_str()) == theme)
                    .map(move |t| (g, t))
            })
            .collect();
        let Some((_, first)) = parts.first() else {
            continue;
        };
        match first.theme {
            Some(t) => {
                let _ = writeln!(
                    out,
                    "## {} {} {}\n",
                    T::Theme.text(lang),
                    md(&t.id),
                    md(&t.title)
                );
                if let Some(a) = &t.audience {
                    let _ = writeln!(out, "（{}）\n", md(a));
                }
            }
            None => {
                let _ = writeln!(out, "## {}\n", T::NoTheme.text(lang));
            }
        }
        for (g, t) in parts {
            let first_time = !shown.contains(&g.group);
            shown.push(g.group);
            group_section(&mut out, sitting, g, t, first_time, lang);
        }
    }
    // Groups with no theme and no notes still have a roster and a summary.
    for g in groups.iter().filter(|g| !shown.contains(&g.group)) {
        let _ = writeln!(out, "## {} {}\n", T::Group.text(lang), md(&g.label));
        summary_and_attendance(&mut out, g, lang);
    }
    problems(&mut out, sitting, lang);
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

fn header(out: &mut String, s: &Sitting, lang: Lang) {
    let _ = writeln!(out, "# {}\n", md(s.title()));
    let mut when = s.date().map(|d| d.to_string()).unwrap_or_default();
    if let Some(start) = s.plan.as_ref().and_then(|p| p.start) {
        let _ = write!(when, " {}", start.format("%H:%M"));
    }
    let _ = writeln!(
        out,
        "- {}: {} ({})",
        T::Date.text(lang),
        when.trim(),
        s.tz().name()
    );
    let _ = writeln!(out, "- ID: {}", md(&s.id));
    let _ = writeln!(
        out,
        "- {}: {} / {}: {}\n",
        T::GroupCount.text(lang),
        s.groups.len(),
        T::Notes.text(lang),
        s.note_count()
    );
    if s.awaiting_groups {
        let _ = writeln!(out, "*{}*\n", md(T::PreparingNote.text(lang)));
    }
}

/// 「前回のアクション」: the open actions of the sitting this one follows.
fn carried(out: &mut String, part: &super::Part, lang: Lang) {
    let Some(from) = part.carried.first().map(|i| i.sitting) else {
        return;
    };
    let when = from.date().map(|d| format!("{d} ")).unwrap_or_default();
    let (open, close) = (lang.pick("（", " ("), lang.pick("）", ")"));
    let _ = writeln!(
        out,
        "## {}{open}{when}{}{close}\n",
        crate::i18n::record::RecordText::Carried.text(lang),
        md(from.title())
    );
    let titles = [T::Group, T::Text, T::Owner, T::At, T::Status].map(|t| t.text(lang));
    md_table::header(out, "lllll", &titles);
    for i in &part.carried {
        md_table::row(
            out,
            &[
                &md(&i.sitting.group_label(i.group, lang)),
                &md(&i.note.text),
                &md(i.note.owner.as_deref().unwrap_or("—")),
                &note_time(i.sitting, i.note),
                &action_state_label(i.state(), lang),
            ],
        );
    }
    out.push('\n');
}

fn group_section(
    out: &mut String,
    s: &Sitting,
    g: &GroupReport,
    t: &ThemeNotes,
    first_time: bool,
    lang: Lang,
) {
    let _ = writeln!(out, "### {} {}\n", T::Group.text(lang), md(&g.label));
    if first_time && g.file_problem.is_none() {
        summary_and_attendance(out, g, lang);
    }
    if let Some(p) = g.file_problem {
        let p = relative(s, p);
        let _ = writeln!(
            out,
            "{}\n",
            md(&crate::i18n::review::file_problem(&p, lang))
        );
    } else if !g.has_file {
        let _ = writeln!(out, "{}\n", T::NoNotesYet.text(lang));
    } else if t.questions.is_empty() {
        let _ = writeln!(out, "{}\n", T::NoNotes.text(lang));
    }
    for q in &t.questions {
        match q.question {
            Some(question) => {
                let _ = writeln!(
                    out,
                    "#### {} {}\n",
                    question_mark(q.survey),
                    md(&question.text)
                );
            }
            None => {
                let _ = writeln!(out, "#### {}\n", T::NoQuestion.text(lang));
            }
        }
        for n in &q.notes {
            let _ = writeln!(out, "- {}", note_item(s, n, lang));
        }
        out.push('\n');
    }
    if !t.actions.is_empty() {
        let _ = writeln!(out, "**{}**\n", T::Actions.text(lang));
        let titles = [T::Text, T::Owner, T::Speaker, T::At, T::Status].map(|t| t.text(lang));
        md_table::header(out, "lllll", &titles);
        let file = s.notes_of(g.group);
        for n in &t.actions {
            let state = file.map_or(crate::model::actions::ActionState::Open, |f| {
                f.action_state(&n.id)
            });
            let mut status = action_state_label(state, lang).to_string();
            if let Some(m) = file.and_then(|f| f.action_mark(&n.id)) {
                let when = s.local(&m.at).format("%Y-%m-%d");
                let by = m.by.as_deref().map(|b| format!("{} ", md(b)));
                let by = by.unwrap_or_default();
                status.push_str(&match lang {
                    Lang::Ja => format!("（{by}{when}）"),
                    Lang::En => format!(" ({by}{when})"),
                });
            }
            md_table::row(
                out,
                &[
                    &md(&n.text),
                    &md(n.owner.as_deref().unwrap_or("—")),
                    &md(n.speaker.as_deref().unwrap_or("—")),
                    &note_time(s, n),
                    &status,
                ],
            );
        }
        out.push('\n');
    }
    // Coverage is only known from the group's file.
    if t.theme.is_some() && g.has_file {
        let _ = writeln!(out, "**{}**\n", T::Uncovered.text(lang));
        if t.uncovered.is_empty() {
            let _ = writeln!(out, "{}\n", T::AllCovered.text(lang));
        } else {
            let theme = t.theme.map(|t| t.survey.as_slice()).unwrap_or_default();
            for q in &t.uncovered {
                let survey = theme.iter().any(|x| x.id == q.id);
                let _ = writeln!(out, "- {} {}", question_mark(survey), md(&q.text));
            }
            out.push('\n');
        }
    }
}

fn note_item(s: &Sitting, n: &Note, lang: Lang) -> String {
    let speaker = n.speaker.as_deref().map(md).unwrap_or_else(|| "—".into());
    let owner = match &n.owner {
        Some(o) => format!("（{}: {}）", T::Owner.text(lang), md(o)),
        None => String::new(),
    };
    format!(
        "{} {speaker}〔{}〕{}{owner}",
        note_time(s, n),
        kind_label(n.kind, lang),
        md(&n.text)
    )
}

fn summary_and_attendance(out: &mut String, g: &GroupReport, lang: Lang) {
    let summary = g
        .summary
        .map(md)
        .unwrap_or_else(|| T::NoSummary.text(lang).to_string());
    let _ = writeln!(out, "**{}**: {summary}\n", T::Summary.text(lang));
    if !g.attendance.is_empty() {
        let marks: Vec<String> = g
            .attendance
            .iter()
            .map(|(name, p)| {
                let mark = p.map_or(T::Unmarked.text(lang), |p| presence_label(p, lang));
                match lang {
                    Lang::Ja => format!("{}（{mark}）", md(name)),
                    Lang::En => format!("{} ({mark})", md(name)),
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "**{}**: {}\n",
            T::Attendance.text(lang),
            marks.join(lang.pick("、", ", "))
        );
    }
}

fn problems(out: &mut String, s: &Sitting, lang: Lang) {
    if s.problems.is_empty() {
        return;
    }
    // Files not read at all apart from lines left out of files read, in
    // the words of the review's heading.
    let files = s.problems.iter().filter(|p| p.fault.whole_file()).count();
    let heading = problems_heading(files, s.problems.len() - files, lang);
    let _ = writeln!(out, "## {heading}\n");
    for p in &s.problems {
        let _ = writeln!(out, "- {}", md(&file_problem(&relative(s, p), lang)));
    }
    out.push('\n');
}
