//! Words of the note-taker's console (`bunkakai notes`).

use super::Lang;
use crate::model::notes::{NoteKind, Presence};

mod unsaved;
pub(crate) use unsaved::{leftover_drafts, rescue_written, rescued, unsaved_notes, unsaved_other};

crate::labels! {
    /// What each key does, as the help popup says it.
    pub(crate) enum CommandText {
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
        /// Take back a turn.
        RemoveTurn => "この人の最後の発言を取り消す（誤って開始したとき。元に戻せます）", "take back this member's last turn (started by mistake; undoable)";
        /// Bring a turn back.
        RestoreTurn => "取り消した発言を元に戻す", "undo the last taken-back turn";
        /// Redraw.
        Redraw => "画面を描き直す", "redraw the screen";
        /// Flag.
        Flag => "進行役への合図（助けが必要→報告準備OK→下ろす）", "signal the facilitator (help needed → ready to report → lower)";
        /// Open the previous sitting's actions.
        PreviousActions => "前回のアクションを開く・閉じる", "open or close the previous sitting's actions";
        /// Mark done.
        MarkDone => "選んだアクションを完了にする", "mark the selected action done";
        /// Mark dropped.
        MarkDropped => "選んだアクションを取りやめにする", "mark the selected action dropped";
        /// Mark open.
        MarkOpen => "選んだアクションを未完了に戻す", "mark the selected action open again";
        /// Undo a mark.
        UndoMark => "最後の状況変更を取り消す", "take back the last status change";
    }
}

crate::labels! {
    /// Labels on the note-taker's screen.
    pub(crate) enum NotesText {
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
        /// Fair share hint label.
        FairShare => "目安/人", "fair share";
        /// Empty notes list.
        NoNotes => "まだメモはありません。入力して Enter で記録します。", "No notes yet. Type and press Enter to record.";
        /// Too small terminal.
        /// Help popup title.
        HelpTitle => "キー一覧", "Keys";
        /// Footer: in a pane, typed characters go to the editor.
        TypingGoesToEditor => "（文字は入力欄へ）", "(typing goes to the editor)";
        /// Help: heading of the editing keys.
        HelpEditing => "文字の編集（入力・まとめ）", "Editing text (note and summary)";
        /// Speaker picker title.
        PickSpeakerTitle => "発言者（番号か名前を入力、Enterで決定）", "Speaker (number or name, Enter picks)";
        /// Owner picker title.
        PickOwnerTitle => "担当（番号か名前を入力、Enterで決定）", "Owner (number or name, Enter picks)";
        /// Title of the drop-edit question.
        DropEditTitle => "メモの修正をやめますか", "Drop the changes to this note?";
        /// Drop edit: yes.
        DropEditYes => "y  修正を捨てる（記録済みのメモはそのまま）", "y  drop them (the recorded note stays as it was)";
        /// Drop edit: no.
        DropEditNo => "n / Esc  修正を続ける（Enter で記録）", "n / Esc  keep editing (Enter records)";
        /// Marks a recorded note changed after it was first recorded.
        Edited => "修正", "edited";
        /// Status: a note was deleted.
        Deleted => "削除しました（u で元に戻す）", "deleted (u undoes)";
        /// Status: a speaking turn was taken back.
        TurnRemoved => "発言を取り消しました（u で元に戻す）", "turn taken back (u undoes)";
        /// Status: a note was restored.
        Restored => "元に戻しました", "restored";
        /// Said when an edited note is emptied and Enter pressed.
        BlankEdit => "空のメモにはできません。消すにはメモ一覧で Del、やめるには Esc", "a note cannot be empty; Del in the notes list deletes it, Esc cancels";
        /// Status: the summary was saved.
        SummaryCommitted => "まとめを記録しました", "summary recorded";
        /// Status: the recorded summary was merged with another console's.
        SummaryMerged => "他の端末のまとめと統合して記録しました", "summary recorded, merged with the other console's";
        /// Status: both consoles changed the same summary lines.
        SummaryConflict => "同じ行が両方の端末で変更されたため、両方を残しました。まとめを確認してください", "both consoles changed the same lines; both versions kept, please check the summary";
        /// Status: the file's summary changed while this one is being edited.
        SummaryMovedOn => "他の端末がまとめを更新しました。Enter で記録すると統合されます", "the other console changed the summary; Enter records and merges both";
        /// Prefix of a save error.
        SaveFailed => "保存失敗（メモは保持・再試行中）", "not saved (kept here, retrying)";
        /// Status: a draft was restored at start.
        DraftRestored => "前回の下書きを復元しました", "restored the unsent draft";
        /// Marks a covered question.
        Covered => "済", "ok";
        /// Theme word.
        Theme => "テーマ", "Theme ";
        /// Before the whole block's time, when a segment's is shown too.
        WholeBlock => "全体", "block";
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
        /// Status: rescued work was brought back ({n}: how many notes).
        BroughtBack => "退避していたメモ{n}件を取り込みました（保存します）", "brought back {n} rescued notes (saving them)";
        /// Title of the quit question.
        QuitTitle => "保存されていない作業があります", "Work not saved";
        /// Quit question, while saves fail: close it and retry at once.
        QuitRetry => "r / Enter  閉じて作業に戻る（保存をすぐ再試行）", "r / Enter  close and keep working (retry saving now)";
        /// Quit question, when nothing fails: close it.
        QuitKeepWorking => "r / Enter  閉じて作業に戻る", "r / Enter  close and keep working";
        /// Quit question: write a rescue copy.
        QuitRescue => "w  退避コピーを書く（保存先の外に）", "w  write a rescue copy (outside the sitting folder)";
        /// Quit question, while saves fail: quit anyway.
        QuitAnyway => "q  終了（最後にもう一度保存し、保存できない分は退避コピーに書く）", "q  quit (saves once more; what cannot be saved goes to a rescue copy)";
        /// Quit question, when only the summary is unrecorded: quit.
        QuitKeepDraft => "q  終了（記録前のまとめは下書きに残り、次の起動で戻る）", "q  quit (the summary stays in the draft, back at next start)";
        /// Quit question: back.
        QuitBack => "Esc  戻る", "Esc  back";
        /// The summary is not recorded.
        SummaryUnrecorded => "まとめが記録されていません（F9 の画面で Enter）", "the summary is not recorded (Enter in the F9 screen)";
        /// The draft cannot be written.
        DraftUnwritable => "入力中のメモの下書きを書き込めません", "the unsent note's draft cannot be written";
        /// Title of the bring-back question.
        BringBackTitle => "前回保存できなかった作業", "Work rescued last time";
        /// Bring back: yes.
        BringBackYes => "y / Enter  取り込む（このグループのファイルに保存）", "y / Enter  bring it back (save it in the group's file)";
        /// Bring back: later.
        BringBackNo => "n / Esc  今はしない（退避コピーは残ります）", "n / Esc  not now (the copy stays)";
        /// Placeholder in the empty summary editor.
        SummaryPlaceholder => "グループのまとめ（報告用）。Enter で記録", "the group's summary for report-back; Enter records";
    }
}

/// A note kind as shown on screen.
pub(crate) fn kind_label(kind: NoteKind, lang: Lang) -> &'static str {
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
pub(crate) fn presence_label(p: Option<Presence>, lang: Lang) -> &'static str {
    match p {
        None => lang.pick("－－", "--"),
        Some(Presence::Present) => lang.pick("出席", "in"),
        Some(Presence::Late) => lang.pick("遅刻", "late"),
        Some(Presence::Absent) => lang.pick("欠席", "absent"),
    }
}

/// A save error, for the status line.
pub(crate) fn save_error(detail: &str, lang: Lang) -> String {
    format!("{}: {detail}", NotesText::SaveFailed.text(lang))
}

/// A speaking turn a stopped console left open was ended at `at` (HH:MM:SS).
pub(crate) fn turn_left_open(member: &str, at: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "{member}の発言を {at} で終えました（端末が止まったため。話し中なら名簿で Enter）"
        ),
        Lang::En => format!(
            "{member}'s turn ended at {at} (its console stopped; Enter in the roster if still speaking)"
        ),
    }
}

/// The co-note-taker's console stopped while a turn it opened was open.
pub(crate) fn partner_turn_ended(member: &str, at: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => {
            format!("{member}の発言を {at} で終了（別の端末が停止。話し中なら名簿で Enter）")
        }
        Lang::En => format!(
            "{member}'s turn ended at {at} (other console stopped; Enter in roster if still speaking)"
        ),
    }
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

/// The editing keys of the text areas (from ratatui-textarea's Emacs-style
/// bindings), for the key list.
pub(crate) fn editing_keys(lang: Lang) -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "Ctrl+U / Ctrl+R",
            lang.pick(
                "元に戻す（入力のまとまりごと。Ctrl+Zも）／やり直す",
                "undo a whole edit (Ctrl+Z too) / redo",
            ),
        ),
        (
            "Ctrl+A / Ctrl+E",
            lang.pick("行頭へ／行末へ", "start / end of line"),
        ),
        (
            "Ctrl+F / Ctrl+B",
            lang.pick("1文字 進む／戻る", "one character forward / back"),
        ),
        (
            "Alt+F / Alt+B",
            lang.pick("1語 進む／戻る", "one word forward / back"),
        ),
        (
            "Ctrl+N / Ctrl+P",
            lang.pick("次の行／前の行", "next / previous line"),
        ),
        (
            "Ctrl+D / Ctrl+H",
            lang.pick(
                "後ろ／前の1文字を消す",
                "delete the next / previous character",
            ),
        ),
        (
            "Ctrl+K / Ctrl+W",
            lang.pick(
                "行末まで／前の1語を切り取る",
                "cut to the end of line / the previous word",
            ),
        ),
        (
            "Ctrl+Y",
            lang.pick("切り取った文字を貼り付け", "paste what was cut"),
        ),
    ]
}

/// In the picker when nobody on the roster matches: Enter takes the name typed.
pub(crate) fn take_typed(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("Enter: 「{name}」（名簿外）"),
        Lang::En => format!("Enter: \"{name}\" (not on the roster)"),
    }
}

/// Status: the owner of the action was picked.
pub(crate) fn owner_set(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("担当: {name}（種別をアクションにしました）"),
        Lang::En => format!("owner: {name} (kind set to action)"),
    }
}

/// The short word the footer shows beside a command's key; `None` keeps
/// the command out of the footer.
pub(crate) fn command_hint(c: CommandText, lang: Lang) -> Option<&'static str> {
    use CommandText as C;
    let (ja, en) = match c {
        C::Help => ("キー", "keys"),
        C::Commit => ("記録", "save"),
        C::Newline => ("改行", "newline"),
        C::PickSpeaker => ("発言者", "by"),
        C::NextKind => ("種別", "kind"),
        C::NextQuestion => ("問い", "question"),
        C::NextSpeaker => ("次の人", "next"),
        C::StopSpeaker => ("停止", "stop"),
        C::Flag => ("合図", "flag"),
        C::Summary => ("まとめ", "summary"),
        C::NextPane => ("欄", "pane"),
        C::Back => ("入力へ", "editor"),
        C::Up | C::Down => ("選択", "select"),
        C::PageUp | C::PageDown => ("一覧", "scroll"),
        C::Attendance => ("出欠", "attendance"),
        C::MoveUp | C::MoveDown => ("順番", "order"),
        C::Speak => ("発言開始", "speaks"),
        C::SetQuestion => ("議論中にする", "discuss"),
        C::ToggleCovered => ("済", "covered"),
        C::Edit => ("編集", "edit"),
        C::Delete => ("削除", "delete"),
        C::Undelete => ("元に戻す", "undo"),
        C::MarkDone => ("完了", "done"),
        C::MarkDropped => ("取りやめ", "dropped"),
        C::MarkOpen => ("未完了", "open"),
        C::UndoMark => ("取消", "undo"),
        _ => return None,
    };
    Some(lang.pick(ja, en))
}
