//! The `bunkakai check` report: one line per problem, or a summary of a
//! valid plan. Pure text in, text out, so it is tested without a terminal.
//! [`sitting`] is how every command finds the sitting it names and reads
//! its plan, refusing a broken one with this report.

pub mod sitting;

use std::io::Write;

use crate::i18n::{CheckText as T, Lang, problem_line};
use crate::model::{Plan, PlanCheck, Problem};
use crate::tui::text::inert;

/// Every problem of a check, errors first in file order, then warnings.
pub fn problem_lines(file: &str, check: &PlanCheck, lang: Lang) -> Vec<String> {
    let mut errors: Vec<&Problem> = check.errors().collect();
    let mut warnings: Vec<&Problem> = check.warnings().collect();
    let key = |p: &&Problem| p.pos.map(|pos| (pos.line, pos.col));
    errors.sort_by_key(key);
    warnings.sort_by_key(key);
    errors
        .into_iter()
        .chain(warnings)
        .map(|p| problem_line(file, p, lang))
        .collect()
}

/// Writes the report of a valid plan: its summary and its warnings
/// (`lines`), text from the plan shown inert, then that it is valid.
pub fn write_valid(plan: &Plan, lines: &[String], lang: Lang, out: &mut dyn Write) {
    for line in summary(plan, lang).lines() {
        let _ = writeln!(out, "{}", inert(line));
    }
    for line in lines {
        let _ = writeln!(out, "{}", inert(line));
    }
    let _ = writeln!(out, "{}", T::Valid.text(lang));
}

/// A short summary of a valid plan: blocks with minutes and total, themes
/// with question counts, groups with member counts.
pub fn summary(plan: &Plan, lang: Lang) -> String {
    let min = T::Minutes.text(lang);
    let mut out = format!("{}  [{}]\n", plan.title, plan.id);
    if let Some(prev) = &plan.follows {
        out += &format!("{} {prev}\n", T::Follows.text(lang));
    }
    if let Some(start) = plan.planned_start() {
        let end = start + chrono::Duration::minutes(i64::from(plan.total_minutes()));
        out += &format!(
            "{} {}  {} {}  ({})\n",
            T::Starts.text(lang),
            start.format("%Y-%m-%d %H:%M"),
            T::Ends.text(lang),
            end.format("%H:%M"),
            plan.timezone.name()
        );
    }
    out += &format!(
        "{} ({} {}{min})\n",
        T::Agenda.text(lang),
        T::Total.text(lang),
        plan.total_minutes()
    );
    for (i, b) in plan.agenda.iter().enumerate() {
        out += &format!("  {}. {}  {}{min}", i + 1, b.title, b.minutes);
        if let Some(m) = &b.materials {
            out += &format!("  {m}");
        }
        if b.breakout {
            out += &format!("  [{}]", T::Breakout.text(lang));
        }
        if let Some(r) = &b.report {
            out += &format!(
                "  [{} {}{min}×{}]",
                T::Report.text(lang),
                r.minutes_per_group,
                report_turns(plan, r)
            );
        }
        if !b.segments.is_empty() {
            let parts: Vec<String> = b
                .segments
                .iter()
                .map(|s| format!("{} {}", s.title, s.minutes))
                .collect();
            out += &format!("  ({})", parts.join(" / "));
        }
        out += "\n";
    }
    if !plan.themes.is_empty() {
        out += &format!("{}\n", T::Themes.text(lang));
        for t in &plan.themes {
            out += &format!(
                "  {} {}  {} {} / {} {}",
                t.id,
                t.title,
                T::KeyQuestions.text(lang),
                t.questions.len(),
                T::SurveyQuestions.text(lang),
                t.survey.len()
            );
            if !t.stages.is_empty() {
                out += &format!("  [{} {}]", T::Stages.text(lang), t.stages.join(", "));
            }
            out += "\n";
        }
    }
    if !plan.groups.is_empty() {
        out += &format!("{}\n", T::Groups.text(lang));
        for g in &plan.groups {
            let label = g
                .label
                .as_deref()
                .map(|l| format!(" ({l})"))
                .unwrap_or_default();
            let themes = if g.themes.is_empty() {
                String::new()
            } else {
                format!("  {} {}", T::Themes.text(lang), g.themes.join(", "))
            };
            let count = g.members.len();
            let members = match (lang, count) {
                (crate::i18n::Lang::Ja, _) => format!("{count}名"),
                (_, 1) => "1 member".to_string(),
                _ => format!("{count} members"),
            };
            out += &format!("  {}{label}  {members}{themes}\n", g.id);
        }
    }
    if !plan.references.is_empty() {
        out += &format!("{}\n", T::References.text(lang));
        for r in &plan.references {
            out += &format!("  {}\n", r.title);
        }
    }
    out
}

fn report_turns(plan: &Plan, r: &crate::model::ReportRound) -> usize {
    if r.order.is_empty() {
        plan.groups.len()
    } else {
        r.order.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::read_plan;

    #[test]
    fn problem_line_has_file_position_message_and_path() {
        let check = read_plan(br#"{"format":"bunkakai.session/1","title":"t","agenda":[{"id":"a","title":"x","minuts":5}]}"#, "s");
        let lines = problem_lines("p.json", &check, Lang::En);
        assert_eq!(
            lines,
            vec![
                "p.json:1:54: required field is missing (at agenda[0].minutes)",
                "p.json:1:76: unknown field; did you mean \"minutes\"? (at agenda[0].minuts)",
            ]
        );
    }

    #[test]
    fn a_date_in_form_that_does_not_exist_says_so() {
        let check = read_plan(
            br#"{"format":"bunkakai.session/1","title":"t","date":"2026-02-30","agenda":[{"id":"a","title":"x","minutes":5}]}"#,
            "s",
        );
        let lines = problem_lines("p.json", &check, Lang::En);
        assert_eq!(
            lines,
            vec!["p.json:1:51: date \"2026-02-30\" does not exist (at date)"]
        );
        let check = read_plan(br#"{"format":"bunkakai.session/1","id":".","title":"t","agenda":[{"id":"a","title":"x","minutes":5}]}"#, "s");
        let lines = problem_lines("p.json", &check, Lang::En);
        assert!(lines[0].contains("cannot be \".\""), "{lines:?}");
    }

    #[test]
    fn one_member_is_singular_in_english() {
        let check = read_plan(
            br#"{"format":"bunkakai.session/1","title":"t","agenda":[{"id":"a","title":"x","minutes":5}],"groups":[{"id":"A","members":["Sano"]},{"id":"B","members":["Kesennuma","Toyooka"]}]}"#,
            "s",
        );
        let text = summary(check.plan.as_ref().unwrap(), Lang::En);
        assert!(text.contains("A  1 member\n"), "{text}");
        assert!(text.contains("B  2 members"), "{text}");
    }

    #[test]
    fn summary_counts_in_japanese() {
        let check = read_plan(
            "{\"format\":\"bunkakai.session/1\",\"title\":\"勉強会\",\"date\":\"2026-01-20\",\"start\":\"14:00\",\
             \"agenda\":[{\"id\":\"a\",\"title\":\"説明\",\"minutes\":5},{\"id\":\"b\",\"title\":\"意見交換\",\"minutes\":45,\"breakout\":true}],\
             \"themes\":[{\"id\":\"1\",\"title\":\"体制\",\"questions\":[\"なぜ\"],\"survey\":[]}],\
             \"groups\":[{\"id\":\"A\",\"themes\":[\"1\"],\"members\":[\"白鷹町\",\"佐野市\"]}]}"
                .as_bytes(),
            "s",
        );
        let text = summary(check.plan.as_ref().unwrap(), Lang::Ja);
        assert!(text.contains("議事 (合計 50分)"), "{text}");
        assert!(
            text.contains("開始 2026-01-20 14:00  終了予定 14:50  (Asia/Tokyo)"),
            "{text}"
        );
        assert!(
            text.contains("  1 体制  ◆問い 1 / ※事前アンケート 0"),
            "{text}"
        );
        assert!(text.contains("  A  2名  テーマ 1"), "{text}");
    }
}
