//! Words of the `bunkakai check` report.

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
