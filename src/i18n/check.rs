//! Words of the `bunkakai check` report, and the one line that names a
//! plan problem (also used by review for a plan it cannot use).

use super::{Lang, problem_text};
use crate::model::Problem;

crate::labels! {
    /// Labels of the plan summary printed by `check`.
    pub enum CheckText {
        /// Heading before the agenda.
        Agenda => "議事", "Agenda";
        /// Heading before the themes.
        Themes => "テーマ", "Themes";
        /// Heading before the groups.
        Groups => "グループ", "Groups";
        /// Heading before the references.
        References => "参考資料", "References";
        /// Total planned time.
        Total => "合計", "Total";
        /// Unit after a number of minutes.
        Minutes => "分", " min";
        /// Key questions count label.
        KeyQuestions => "◆問い", "key questions";
        /// Survey questions count label.
        SurveyQuestions => "※事前アンケート", "survey questions";
        /// Marks a breakout block.
        Breakout => "グループ討議", "breakout";
        /// Marks a report round.
        Report => "報告", "report-back";
        /// Word before a warning line.
        Warning => "注意", "warning";
        /// Word before the error count.
        Errors => "件の問題があります", "problem(s) found";
        /// Result line when the plan is fine.
        Valid => "計画は正しく読めました", "the plan is valid";
        /// Label before the planned start.
        Starts => "開始", "starts";
        /// Label before the planned end.
        Ends => "終了予定", "ends";
        /// Label before the stages a theme is for.
        Stages => "段階", "stages";
        /// Label before the id of the sitting this one continues.
        Follows => "前回", "follows";
    }
}

/// One line for a problem: `FILE:LINE:COL: message (at field.path)`.
pub(crate) fn problem_line(file: &str, p: &Problem, lang: Lang) -> String {
    let place = match p.pos {
        Some(pos) => format!("{file}:{pos}"),
        None => file.to_string(),
    };
    let warning = if p.kind.is_warning() {
        format!("{}: ", CheckText::Warning.text(lang))
    } else {
        String::new()
    };
    let message = problem_text(&p.kind, lang);
    if p.path.is_empty() {
        format!("{place}: {warning}{message}")
    } else {
        format!(
            "{place}: {warning}{message} ({} {})",
            lang.pick("場所", "at"),
            p.path
        )
    }
}
