//! Words of the note-taker's console (`bunkakai notes`).

use super::Lang;
use crate::model::notes::{NoteKind, Presence};
use crate::notes::keys::Command;

crate::labels! {
    /// What each key does, as the help popup says it.
    pub enum CommandText {
        /// Commit.
        Commit => "メモを記録（保存）", "commit the note (save)";
        /// Newline.
        Newline => "改行", "new line";
        /// Speaker picker.
        PickSpeaker => "発言者を選ぶ（番号・名前で絞り込み）", "pick the speaker (number or type-ahead)";
        /// Speaker by number.
        SpeakerNo => "名簿の番号で発言者を指定（0で解除）", "speaker by roster number (0 clears)";
        /// Next kind.
        NextKind => "種別を次へ", "next kind";
        /// Previous kind.
        PrevKind => "種別を前へ", "previous kind";
        /// Next question.
        NextQuestion => "議論中の問いを次へ", "next question under discussion";
        /// Previous question.
        PrevQuestion => "議論中の問いを前へ", "previous question under discussion";
        /// Covered.
        ToggleCovered => "問いを「済」にする／戻す", "mark the question covered / not";
        /// Next speaker.
        NextSpeaker => "次の発言者（ストップウォッチ開始）", "next speaker (starts their stopwatch)";
        /// Stop.
        StopSpeaker => "ストップウォッチを止める", "stop the stopwatch";
        /// Owner.
        PickOwner => "アクションの担当を選ぶ", "pick the owner of an action";
        /// Summary.
        Summary => "まとめの編集／メモに戻る", "edit the summary / back to notes";
        /// Next pane.
        NextPane => "次の欄へ（名簿→問い→メモ一覧→入力）", "next pane (roster → card → notes → editor)";
        /// Back.
        Back => "入力欄へ戻る／編集をやめる", "back to the editor / cancel the edit";
        /// Help.
        Help => "キー一覧", "keys";
        /// Quit.
        Quit => "保存して終了", "save and quit";
        /// Up.
        Up => "上へ", "up";
        /// Down.
        Down => "下へ", "down";
        /// Page up.
        PageUp => "メモ一覧を上へ", "scroll notes up";
        /// Page down.
        PageDown => "メモ一覧を下へ", "scroll notes down";
        /// Attendance.
        Attendance => "出欠を切替（出席→遅刻→欠席）", "attendance (present → late → absent)";
        /// Move up.
        MoveUp => "発言順を前へ", "earlier in speaking order";
        /// Move down.
        MoveDown => "発言順を後へ", "later in speaking order";
        /// Speak.
        Speak => "この人の発言を開始", "this member starts speaking";
        /// Set question.
        SetQuestion => "この問いを議論中にする", "discuss this question";
        /// Edit.
        Edit => "このメモを編集", "edit this note";
        /// Delete.
        Delete => "このメモを削除（元に戻せます）", "delete this note (undoable)";
        /// Undelete.
        Undelete => "削除を元に戻す", "undo the last delete";
        /// Flag.
        Flag => "進行役への合図（助けが必要→報告準備OK→下ろす）", "signal the facilitator (help needed → ready to report → lower)";
    }
}

impl CommandText {
    /// The help text of a command.
    pub fn of(cmd: Command) -> CommandText {
        match cmd {
            Command::Commit => CommandText::Commit,
            Command::Newline => CommandText::Newline,
            Command::PickSpeaker => CommandText::PickSpeaker,
            Command::SpeakerNo(_) => CommandText::SpeakerNo,
            Command::NextKind => CommandText::NextKind,
            Command::PrevKind => CommandText::PrevKind,
            Command::NextQuestion => CommandText::NextQuestion,
            Command::PrevQuestion => CommandText::PrevQuestion,
            Command::ToggleCovered => CommandText::ToggleCovered,
            Command::NextSpeaker => CommandText::NextSpeaker,
            Command::StopSpeaker => CommandText::StopSpeaker,
            Command::PickOwner => CommandText::PickOwner,
            Command::Summary => CommandText::Summary,
            Command::NextPane => CommandText::NextPane,
            Command::Back => CommandText::Back,
            Command::Help => CommandText::Help,
            Command::Quit => CommandText::Quit,
            Command::Up => CommandText::Up,
            Command::Down => CommandText::Down,
            Command::PageUp => CommandText::PageUp,
            Command::PageDown => CommandText::PageDown,
            Command::Attendance => CommandText::Attendance,
            Command::MoveUp => CommandText::MoveUp,
            Command::MoveDown => CommandText::MoveDown,
            Command::Speak => CommandText::Speak,
            Command::SetQuestion => CommandText::SetQuestion,
            Command::Edit => CommandText::Edit,
            Command::Delete => CommandText::Delete,
            Command::Undelete => CommandText::Undelete,
            Command::Flag => CommandText::Flag,
        }
    }
}

crate::labels! {
    /// Labels on the note-taker's screen.
    pub enum NotesText {
        /// The flag up: help needed.
        FlagHelp => "合図: 助けが必要", "Flag: help needed";
        /// The flag up: ready to report.
        FlagReady => "合図: 報告準備OK", "Flag: ready to report";
        /// The facilitator has seen the flag.
        FlagSeen => "（進行役が確認済み）", " (seen by the facilitator)";
        /// Word before the group id.
        Group => "グループ", "Group";
        /// Timer when run.json has none.
        NotStarted => "タイマー未開始", "timer not started";
        /// Roster pane title.
        Roster => "名簿", "Roster";
        /// Prompt card pane title.
        Card => "問い", "Questions";
        /// Notes pane title.
        Notes => "メモ", "Notes";
        /// Editor title.
        Editor => "入力", "Note";
        /// Editor title while changing a saved note.
        Editing => "編集中", "Editing";
        /// Summary editor title.
        Summary => "まとめ", "Summary";
        /// Field label: speaker.
        Speaker => "発言", "by";
        /// Field label: kind.
        Kind => "種別", "kind";
        /// Field label: question.
        Question => "問い", "q";
        /// Field label: owner.
        Owner => "担当", "owner";
        /// No value picked.
        Unset => "未選択", "none";
        /// Saved-state word.
        Saved => "保存済", "saved";
        /// Saving-state word.
        Saving => "保存中", "saving";
        /// Draft-state word.
        DraftSaved => "下書き保存済", "draft saved";
        /// Fair share hint label.
        FairShare => "目安/人", "fair share";
        /// Speaking now.
        Speaking => "発言中", "speaking";
        /// Empty notes list.
        NoNotes => "まだメモはありません。入力して Enter で記録します。", "No notes yet. Type and press Enter to record.";
        /// Too small terminal.
        /// Help popup title.
        HelpTitle => "キー一覧（何かキーを押すと閉じます）", "Keys (any key closes)";
        /// Speaker picker title.
        PickSpeakerTitle => "発言者（番号か名前を入力、Enterで決定）", "Speaker (number or name, Enter picks)";
        /// Owner picker title.
        PickOwnerTitle => "担当（番号か名前を入力、Enterで決定）", "Owner (number or name, Enter picks)";
        /// Hint line in the editor.
        Hint => "Enter記録 Alt+Enter改行 F2発言者 F3種別 F4問い F6次の人 Tab欄 F9まとめ F1キー", "Enter save  Alt+Enter newline  F2 by  F3 kind  F4 q  F6 next  Tab pane  F1 keys";
        /// Status: a note was deleted.
        Deleted => "削除しました（u で元に戻す）", "deleted (u undoes)";
        /// Status: a note was restored.
        Restored => "元に戻しました", "restored";
        /// Said when an edited note is emptied and Enter pressed.
        BlankEdit => "空のメモにはできません。消すにはメモ一覧で d、やめるには Esc", "a note cannot be empty; d in the notes list deletes it, Esc cancels";
        /// Status: the summary was saved.
        SummaryCommitted => "まとめを記録しました", "summary recorded";
        /// Prefix of a save error.
        SaveFailed => "保存失敗（メモは保持・再試行中）", "not saved (kept here, retrying)";
        /// Status: a draft was restored at start.
        DraftRestored => "前回の下書きを復元しました", "restored the unsent draft";
        /// Marks a covered question.
        Covered => "済", "ok";
        /// Theme word.
        Theme => "テーマ", "Theme ";
        /// Before the time left.
        Left => "残り", "left";
        /// Before the overrun.
        Over => "超過", "over";
        /// A paused timer.
        Paused => "一時停止", "paused";
        /// A block waiting to start.
        Waiting => "開始前", "not started";
        /// The agenda is over.
        Finished => "終了", "finished";
        /// Placeholder in the empty editor.
        Placeholder => "ここに入力して Enter で記録", "type here, Enter records";
        /// Placeholder in the empty summary editor.
        SummaryPlaceholder => "グループのまとめ（報告用）。Enter で記録", "the group's summary for report-back; Enter records";
    }
}

/// A note kind as shown on screen.
pub fn kind_label(kind: NoteKind, lang: Lang) -> &'static str {
    match kind {
        NoteKind::Issue => lang.pick("課題", "Issue"),
        NoteKind::Practice => lang.pick("工夫・事例", "Practice"),
        NoteKind::Opinion => lang.pick("意見", "Opinion"),
        NoteKind::Request => lang.pick("要望", "Request"),
        NoteKind::Action => lang.pick("アクション", "Action"),
        NoteKind::Other => lang.pick("その他", "Other"),
    }
}

/// An attendance mark as shown on screen.
pub fn presence_label(p: Option<Presence>, lang: Lang) -> &'static str {
    match p {
        None => lang.pick("－－", "--"),
        Some(Presence::Present) => lang.pick("出席", "in"),
        Some(Presence::Late) => lang.pick("遅刻", "late"),
        Some(Presence::Absent) => lang.pick("欠席", "away"),
    }
}

/// A save error, for the status line.
pub fn save_error(detail: &str, lang: Lang) -> String {
    format!("{}: {detail}", NotesText::SaveFailed.text(lang))
}

/// `--group` names no group of the sitting.
pub fn no_group(group: &str, available: &[String], lang: Lang) -> String {
    let list = available.join(", ");
    match lang {
        Lang::Ja => format!("グループ \"{group}\" はこの会にありません。あるグループ: {list}"),
        Lang::En => format!("no group \"{group}\" in this sitting; groups: {list}"),
    }
}

/// Every draft slot of the group is taken by a running console.
pub fn no_draft_slot(lang: Lang) -> &'static str {
    lang.pick(
        "このグループの記録端末が多すぎます（同時に9台まで）",
        "too many consoles on this group (9 at most)",
    )
}
