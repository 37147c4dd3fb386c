//! The lines of the review's scrolling bodies, laid out for a width: a
//! group's notes by theme and question, the timing table, the answers of a
//! theme comparison and a search hit. Text from files is made inert here.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use super::state::Loaded;
use crate::i18n::Lang;
use crate::i18n::review::{ReviewText as T, kind_label, presence_label};
use crate::model::notes::Note;
use crate::review::archive::Sitting;
use crate::review::hit::pieces;
use crate::review::report::group_report;
use crate::review::search::NoteAt;
use crate::review::themes::answers;
use crate::tui::text::sanitize::inert;
use crate::tui::text::styled::{one_line, wrap};

type Pieces = Vec<(String, Style)>;

fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

fn question_style() -> Style {
    Style::new().fg(Color::Cyan)
}

/// Time, speaker and kind of a note, then its text (matches highlighted).
fn note_pieces(s: &Sitting, n: &Note, words: &[String], lang: Lang) -> Pieces {
    let mut p: Pieces = vec![
        (s.local(&n.created).format("%H:%M ").to_string(), dim()),
        (inert(n.speaker.as_deref().unwrap_or("-")), bold()),
        (format!("〔{}〕", kind_label(n.kind, lang)), kind_style(n)),
    ];
    for piece in pieces(&n.text, words) {
        let style = if piece.matched {
            match_style()
        } else {
            Style::new()
        };
        p.push((piece.text, style));
    }
    if let Some(owner) = &n.owner {
        let owner = match lang {
            Lang::Ja => format!("（担当: {}）", inert(owner)),
            Lang::En => format!(" (owner: {})", inert(owner)),
        };
        p.push((owner, Style::new().fg(Color::Yellow)));
    }
    p
}

/// How a match is highlighted.
pub(crate) fn match_style() -> Style {
    Style::new().fg(Color::Black).bg(Color::Yellow)
}

fn kind_style(n: &Note) -> Style {
    use crate::model::notes::NoteKind as K;
    let color = match n.kind {
        K::Issue => Color::Red,
        K::Practice => Color::Green,
        K::Action => Color::Yellow,
        K::Request => Color::Magenta,
        K::Opinion | K::Other => Color::Blue,
    };
    Style::new().fg(color)
}

/// The body of a sitting's tab: a group's notes, or (`tab` = number of
/// groups) the timing table. `focus` is reversed.
pub(crate) fn sitting_lines(
    data: &Loaded,
    lang: Lang,
    sitting: usize,
    tab: usize,
    focus: Option<NoteAt>,
    width: usize,
) -> Vec<Line<'static>> {
    sitting_layout(data, lang, sitting, tab, focus, width).0
}

/// The heading level of each line of a sitting's tab (only the timing
/// tab has headings to pin while paging).
pub(crate) fn sitting_levels(
    data: &Loaded,
    sitting: usize,
    tab: usize,
    lines: &[Line],
) -> Vec<Option<u8>> {
    let timing = data
        .archive
        .sittings
        .get(sitting)
        .is_some_and(|s| tab == s.groups.len());
    lines
        .iter()
        .map(|l| {
            if timing {
                super::record_lines::level(l)
            } else {
                None
            }
        })
        .collect()
}

/// The line a note starts on in its sitting's group tab.
pub(crate) fn focus_line(data: &Loaded, lang: Lang, at: NoteAt, width: usize) -> usize {
    sitting_layout(data, lang, at.sitting, at.group, Some(at), width)
        .1
        .unwrap_or(0)
}

fn sitting_layout(
    data: &Loaded,
    lang: Lang,
    sitting: usize,
    tab: usize,
    focus: Option<NoteAt>,
    width: usize,
) -> (Vec<Line<'static>>, Option<usize>) {
    let Some(s) = data.archive.sittings.get(sitting) else {
        return (Vec::new(), None);
    };
    let Some(group) = s.groups.get(tab) else {
        // Every problem of this sitting's files comes first, so a sitting
        // whose plan is broken says so instead of looking merely unrun.
        let mut lines: Vec<Line<'static>> = s
            .problems
            .iter()
            .filter(|p| !p.path.parent().is_some_and(|d| d.ends_with("notes")))
            .flat_map(|p| {
                let line = inert(&problem_here(data, p, lang));
                wrap(&[(line, Style::new().fg(Color::Red))], width, 2)
            })
            .collect();
        if s.awaiting_groups {
            lines.extend(super::prepared_lines::prepared_lines(s, lang, width));
        }
        lines.extend(super::record_lines::timing_lines(s, lang, width));
        return (lines, None);
    };
    let r = group_report(s, &group.id, lang);
    let file = group.notes.as_ref();
    let mut out = Vec::new();
    let mut focus_at = None;
    let text = |t: String, st: Style| vec![(t, st)];
    if !r.has_file {
        let why = match r.file_problem {
            Some(p) => inert(&problem_here(data, p, lang)),
            None => T::NoNotesYet.text(lang).into(),
        };
        out.extend(wrap(&text(why, Style::new().fg(Color::Red)), width, 2));
    }
    for t in &r.themes {
        let title = match t.theme {
            Some(th) => format!(
                "{} {} {}",
                T::Theme.text(lang),
                inert(&th.id),
                inert(&th.title)
            ),
            None => T::NoTheme.text(lang).to_string(),
        };
        out.extend(wrap(&text(title, bold().fg(Color::White)), width, 2));
        for q in &t.questions {
            let head = match q.question {
                Some(question) => format!(
                    "{} {}",
                    if q.survey { "※" } else { "◆" },
                    inert(&question.text)
                ),
                None => T::NoQuestion.text(lang).to_string(),
            };
            out.extend(wrap(
                &[(" ".into(), Style::new()), (head, question_style())],
                width,
                3,
            ));
            for n in &q.notes {
                let index = file.and_then(|f| f.notes.iter().position(|x| std::ptr::eq(x, *n)));
                let at = index.map(|note| NoteAt {
                    sitting,
                    group: tab,
                    note,
                });
                let mut p = note_pieces(s, n, &[], lang);
                if at.is_some() && at == focus {
                    focus_at = Some(out.len());
                    for piece in &mut p {
                        piece.1 = piece.1.add_modifier(Modifier::REVERSED);
                    }
                }
                p.insert(0, ("   ".into(), Style::new()));
                out.extend(wrap(&p, width, 9));
            }
        }
        if t.theme.is_some() && !t.uncovered.is_empty() {
            out.extend(wrap(
                &text(
                    format!(" {}:", T::Uncovered.text(lang)),
                    Style::new().fg(Color::Red),
                ),
                width,
                2,
            ));
            for q in &t.uncovered {
                let survey = t
                    .theme
                    .is_some_and(|th| th.survey.iter().any(|x| x.id == q.id));
                let line = format!("   {} {}", if survey { "※" } else { "◆" }, inert(&q.text));
                out.extend(wrap(&text(line, dim()), width, 5));
            }
        }
        out.push(Line::default());
    }
    if r.file_problem.is_some() {
        return (out, focus_at);
    }
    let summary = r
        .summary
        .map(inert)
        .unwrap_or_else(|| T::NoSummary.text(lang).into());
    out.extend(wrap(
        &[
            (format!("{}: ", T::Summary.text(lang)), bold()),
            (summary, Style::new()),
        ],
        width,
        2,
    ));
    let marks: Vec<String> = r
        .attendance
        .iter()
        .map(|(name, p)| {
            let mark = p.map_or(T::Unmarked.text(lang), |p| presence_label(p, lang));
            format!("{} {mark}", inert(name))
        })
        .collect();
    let sep = lang.pick("・", ", ");
    out.extend(wrap(
        &[
            (format!("{}: ", T::Attendance.text(lang)), bold()),
            (marks.join(sep), Style::new()),
        ],
        width,
        2,
    ));
    (out, focus_at)
}

/// The style of the line naming a comparison answer's sitting and group;
/// the view keeps the last one scrolled past pinned on top.
pub(crate) fn origin_style() -> Style {
    bold().fg(Color::LightCyan)
}

/// Width of the answers pane of the theme comparison.
pub(crate) fn compare_pane_width(width: usize) -> usize {
    width.saturating_sub(question_pane_width(width) + 1)
}

/// Width of the questions pane of the theme comparison.
pub(crate) fn question_pane_width(width: usize) -> usize {
    (width * 3 / 10).clamp(18, 40)
}

/// Every group's notes on a question, labelled by sitting and group.
pub(crate) fn compare_lines(
    data: &Loaded,
    lang: Lang,
    theme: usize,
    question: usize,
    width: usize,
    filter: &crate::review::compare_filter::Filter,
) -> Vec<Line<'static>> {
    let Some(entry) = data.themes.get(theme) else {
        return Vec::new();
    };
    let found = answers(&data.archive, entry, question);
    let found = crate::review::compare_filter::narrow(&data.archive, found, filter);
    let head = match entry.questions.get(question) {
        Some(q) => format!("{} {}", if q.survey { "※" } else { "◆" }, inert(&q.text)),
        None => T::NoQuestion.text(lang).to_string(),
    };
    let mut out = wrap(
        &[(head, question_style().add_modifier(Modifier::BOLD))],
        width,
        2,
    );
    out.push(Line::default());
    out.extend(super::compare_summary::summary_lines(
        data, lang, entry, &found, width, filter,
    ));
    for a in found {
        let s = &data.archive.sittings[a.sitting];
        let label = format!(
            "{} {} / {}",
            s.date().map(|d| d.to_string()).unwrap_or_default(),
            inert(s.title()),
            inert(&s.group_label(&s.groups[a.group].id, lang))
        );
        out.push(one_line(&[(label, origin_style())], width));
        for at in a.notes {
            if let Some(n) = at.note(&data.archive) {
                let mut p = note_pieces(s, n, &[], lang);
                p.insert(0, (" ".into(), Style::new()));
                out.extend(wrap(&p, width, 7));
            }
        }
    }
    out
}

/// A search hit in two lines: where and who, then the text with the
/// matches highlighted, cut to the width.
pub(crate) fn hit_lines(
    data: &Loaded,
    lang: Lang,
    at: NoteAt,
    words: &[String],
    width: usize,
) -> [Line<'static>; 2] {
    let s = &data.archive.sittings[at.sitting];
    let Some(n) = at.note(&data.archive) else {
        return [Line::default(), Line::default()];
    };
    let head = format!(
        "{} {} / {} ",
        s.date().map(|d| d.to_string()).unwrap_or_default(),
        inert(s.title()),
        inert(&s.group_label(&s.groups[at.group].id, lang)),
    );
    let mut first: Pieces = vec![(head, dim())];
    first.extend(note_pieces(s, n, &[], lang).into_iter().take(3));
    let mut second: Pieces = vec![("   ".into(), Style::new())];
    for piece in pieces(&n.text, words) {
        let style = if piece.matched {
            match_style()
        } else {
            Style::new()
        };
        second.push((piece.text, style));
    }
    [one_line(&first, width), one_line(&second, width)]
}

/// A file's problem with its path relative to the sessions folder, as the
/// user named it on the command line.
fn problem_here(data: &Loaded, p: &crate::review::files::FileProblem, lang: Lang) -> String {
    let path = p.path.strip_prefix(&data.archive.dir).unwrap_or(&p.path);
    let p = crate::review::files::FileProblem {
        path: path.to_path_buf(),
        fault: p.fault.clone(),
    };
    crate::i18n::review::file_problem(&p, lang)
}
