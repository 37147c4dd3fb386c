//! Words of the facilitator console for what happens live: undo, restart
//! confirmation, turns running out, segments, flags, the message to the
//! room, reference cards on the display, and the end-of-sitting summary.

use super::Lang;

crate::labels! {
    /// More labels of the facilitator console.
    pub(crate) enum LiveText {
        /// Nothing left to undo.
        NothingToUndo => "元に戻す操作はありません", "Nothing to undo";
        /// Asking before a restart: title.
        RestartTitle => "ブロックをやり直しますか", "Restart this block?";
        /// Asking before a restart: what happens.
        RestartBody => "このブロックを開始待ちに戻します。これまでの記録は履歴に残ります。", "The block goes back to waiting. What ran so far stays in the history.";
        /// The block was restarted.
        Restarted => "ブロックを開始待ちに戻しました（z で取り消し）", "Block back to waiting (z to undo)";
        /// Nothing to restart.
        NothingToRestart => "まだ始まっていません", "The block has not started";
        /// The message to the room: popup title.
        RoomMessageTitle => "会場への表示メッセージ", "Message to the room";
        /// The message to the room: the one up now.
        RoomMessageNow => "表示中", "Up now";
        /// The message to the room was taken down.
        RoomMessageDown => "会場への表示メッセージを消しました", "Message to the room taken down";
        /// Reference card taken down from the display.
        ReferenceDown => "資料をディスプレイから下ろしました", "Reference taken off the display";
        /// No group after this one.
        LastTurn => "最後のグループです（n で次のブロックへ）", "This is the last group (n for the next block)";
        /// No group before this one.
        FirstTurn => "最初のグループです", "This is the first group";
        /// Not in a report round.
        NoReportRound => "報告の時間ではありません", "Not a report-back round";
        /// Report round not started.
        ReportNotStarted => "報告の時間はまだ始まっていません（スペースで開始）", "The report-back has not started (Space to start)";
        /// After the end: nothing to extend.
        AllDone => "全ブロック終了しています（b で戻れます）", "Every block is done (b to go back)";
        /// Next-up line label.
        NextUp => "次", "Next";
        /// End-of-sitting summary title.
        SummaryTitle => "本日の記録（予定と実際）", "Today's record (planned and actual)";
        /// Summary: skipped.
        Skipped => "省略", "skipped";
        /// Read-only footer: its first word.
        ReadOnly => "閲覧のみ", "read-only";
        /// Read-only footer hint: choosing a group.
        HintGroup => "班", "group";
        /// Report round footer hint.
        HintTurn => "次/前の班", "next/prev group";
        /// Key help: undo.
        KeyUndo => "直前の時間操作を取り消す", "undo the last change to the clock";
        /// Key help: message to the room.
        KeyRoomMessage => "会場へのメッセージを表示／取り下げ", "message to the room (big on the display), or take it down";
        /// Key help: reference on the display.
        KeyShowReference => "この資料をディスプレイに表示／下ろす", "put this reference on the display / take it down";
        /// Status of a waiting block on a read-only console.
        ReadyReadOnly => "開始待ち", "Ready";
        /// Key help: search a card.
        KeySearch => "資料の中を検索", "find in this card";
        /// Search: nothing found.
        NotFound => "見つかりません", "Not found";
        /// Key help: first line of a card.
        KeyTop => "先頭へ", "to the top";
        /// Key help: last line of a card.
        KeyBottom => "末尾へ", "to the end";
        /// Hint: undo.
        HintUndo => "戻す", "undo";
    }
}

/// "Undone: KEY" in `lang`.
pub(crate) fn undone(what: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("元に戻しました: {what}"),
        Lang::En => format!("Undone: {what}"),
    }
}

/// A reporting group's turn ran out.
pub(crate) fn turn_over(group: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("報告時間終了：班{group}"),
        Lang::En => format!("Time is up for group {group}'s report"),
    }
}

/// The next segment of the block began.
pub(crate) fn segment_began(title: &str, index: usize, count: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{title} に入りました ({}/{count})", index + 1),
        Lang::En => format!("Now: {title} ({}/{count})", index + 1),
    }
}

/// A group's note-taker asks for help.
pub(crate) fn help_flag(group: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("班{group}が助けを求めています（a で確認）"),
        Lang::En => format!("Group {group} needs help (a to acknowledge)"),
    }
}

/// A group is ready to report.
pub(crate) fn ready_flag(group: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("班{group}は報告の準備ができました"),
        Lang::En => format!("Group {group} is ready to report"),
    }
}

/// The message to the room is up.
pub(crate) fn room_message_up(text: &str, lang: Lang) -> String {
    room_message_up_words(text, lang)
}

/// A card went up on the display and took the message to the room down.
pub(crate) fn card_replaced_message(card: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("会場メッセージを下ろしてカードを表示: {card}"),
        Lang::En => format!("Message taken down; on the display: {card}"),
    }
}

fn room_message_up_words(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("会場に表示: {text}"),
        Lang::En => format!("Shown to the room: {text}"),
    }
}

/// The drift of the sitting against the plan's durations: 「計画比 +3分」.
pub(crate) fn drift(minutes: i64, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("計画比 {minutes:+}分"),
        Lang::En => format!("vs plan {minutes:+} min"),
    }
}
