//! Words of a sitting's full record: the timing table with its clock times,
//! extensions, pauses and report turns, the roster moves and the speaking
//! time, as the review screen and the exports show them.

use super::Lang;
use crate::labels;

labels! {
    /// Labels of the record of a sitting.
    pub(crate) enum RecordText {
        /// Column: when a block or a turn began.
        Start => "開始", "Start";
        /// Column: when a block ended.
        End => "終了", "End";
        /// Column: extensions and cuts.
        Adjusted => "延長・短縮", "Ext./cut";
        /// Column: pauses.
        Paused => "中断", "Paused";
        /// The total row.
        Total => "合計", "Total";
        /// The report-back turns of a block.
        Turns => "報告の時間", "Report-back turns";
        /// Roster moves.
        Moves => "席の移動", "Roster moves";
        /// Speaking time.
        Speaking => "発言時間", "Speaking time";
        /// Column: number of speaking turns.
        TurnCount => "回数", "Turns";
        /// A member who took no speaking turn.
        NeverSpoke => "発言なし", "never spoke";
        /// A group whose note-taker used no stopwatch.
        NotRecorded => "発言時間の記録なし", "no speaking time recorded";
        /// A member marked absent.
        Absent => "欠席", "absent";
        /// Column: member's name.
        Name => "氏名・団体", "Name";
        /// Column: a move's origin.
        From => "移動前", "From";
        /// Column: a move's destination.
        To => "移動後", "To";
        /// Column: remarks.
        Remarks => "備考", "Notes";
        /// Restarted block.
        Restarted => "やり直しあり", "restarted";
        /// Block on the clock.
        Running => "進行中", "running";
        /// Actions carried from the previous sitting.
        Carried => "前回のアクション", "Actions from the previous sitting";
        /// Column: sitting a row belongs to.
        Sitting => "会", "Sitting";
    }
}

/// "moved in at 14:40 from A" / "moved to B at 14:40".
pub(crate) fn moved_in(from: &str, at: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{at} {from} から移動"),
        Lang::En => format!("moved in from {from} at {at}"),
    }
}

/// "moved to B at 14:40".
pub(crate) fn moved_out(to: &str, at: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{at} {to} へ移動"),
        Lang::En => format!("moved to {to} at {at}"),
    }
}
