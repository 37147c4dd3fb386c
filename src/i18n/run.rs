//! Words of the facilitator console (`bunkakai run`) and the sitting picker.

use super::Lang;

crate::labels! {
    /// Labels of the facilitator console.
    pub(crate) enum RunText {
        /// Built-in broadcast: five minutes left.
        BroadcastFiveLeft => "残り5分です。まとめに入ってください。", "5 minutes left. Please start wrapping up.";
        /// Built-in broadcast: closing.
        BroadcastClosing => "まもなく終了です。全体会場にお戻りください。", "We are about to close. Please return to the main room.";
        /// Asking for a larger terminal.
        /// Block counter label.
        Block => "ブロック", "Block";
        /// Wall clock label.
        Now => "現在", "Now";
        /// Planned end label.
        PlannedEnd => "予定終了", "Planned end";
        /// Projected end label.
        ProjectedEnd => "見込み", "Projected";
        /// Status: waiting.
        Ready => "開始待ち（スペースで開始）", "Ready (Space to start)";
        /// Status: running.
        Running => "進行中", "Running";
        /// Status: paused.
        Paused => "一時停止中", "Paused";
        /// Status: over time.
        Overrun => "時間超過", "Over time";
        /// Status: all done.
        Done => "全ブロック終了", "All blocks done";
        /// Elapsed label.
        Elapsed => "経過", "Elapsed";
        /// Length label.
        Length => "／予定", "of";
        /// Next alert label.
        NextAlert => "次の通知", "Next alert";
        /// "minutes left" after a number, in the next-alert line.
        MinutesLeft => "分前", " min before end";
        /// Time-up alert name.
        AtZero => "終了時", "at zero";
        /// Reading-only tag.
        ReadOnly => "閲覧のみ", "READ-ONLY";
        /// Refusal of a change in read-only mode.
        ReadOnlyRefused => "閲覧のみで開いています。進行は別の画面で操作してください", "Opened read-only: the sitting is run from another console";
        /// Groups panel title.
        Groups => "グループ", "Groups";
        /// Column: group id.
        ColGroup => "班", "Grp";
        /// Column: themes.
        ColThemes => "テーマ", "Themes";
        /// Column: members.
        ColMembers => "人数", "Mbrs";
        /// Column: present.
        ColPresent => "出席", "Here";
        /// Column: notes.
        ColNotes => "メモ", "Notes";
        /// Column: summary written.
        ColSummary => "まとめ", "Summary";
        /// Summary written.
        Yes => "済", "yes";
        /// Roster panel title word.
        Roster => "名簿", "roster";
        /// Suffix of a member moved in.
        MovedIn => "（移動）", " (moved)";
        /// Unit of people.
        People => "名", "";
        /// Prompt card panel title.
        PromptCard => "問いかけカード", "Prompt card";
        /// Theme word.
        Theme => "テーマ", "Theme ";
        /// Group word before an id.
        GroupWord => "班", "Group ";
        /// The group has no themes.
        NoTheme => "このグループにテーマはありません", "This group has no theme";
        /// Report round panel title.
        Report => "報告", "Report-back";
        /// The next reporting group.
        NextReporter => "次", "Next";
        /// Summary heading.
        Summary => "まとめ", "Summary";
        /// No summary yet.
        NoSummary => "（まとめはまだ書かれていません）", "(no summary written yet)";
        /// Help title.
        HelpTitle => "キー操作", "Keys";
        /// Reference list title.
        References => "参考資料", "Reference cards";
        /// Move popup title.
        MoveTitle => "メンバーの移動", "Move a member";
        /// Move popup destination label.
        MoveTo => "移動先", "To";
        /// Broadcast popup title.
        BroadcastTitle => "周知メッセージ（対応する端末ではコピー済み）", "Broadcast message (copied where the terminal allows)";
        /// Broadcast popup hint.
        BroadcastHint => "Zoom/Teams のブロードキャスト欄に貼り付けてください", "Paste it into the Zoom/Teams broadcast box";
        /// No reference cards.
        NoReferences => "参考資料はありません", "This plan has no reference cards";
        /// Nobody to move.
        NobodyToMove => "移動できるメンバーがいません", "Nobody to move";
        /// Notes reloaded.
        NotesReloaded => "メモを読み直しました", "Notes read again";
        /// Save failure prefix.
        SaveFailed => "保存できません", "Cannot save";
        /// Key help: start/pause.
        KeyStartPause => "開始 / 一時停止 / 再開", "start / pause / resume";
        /// Key help.
        KeyExtend1 => "1分延長", "extend by 1 minute";
        /// Key help.
        KeyExtend5 => "5分延長", "extend by 5 minutes";
        /// Key help.
        KeyCut1 => "1分短縮", "cut 1 minute";
        /// Key help.
        KeyCut5 => "5分短縮", "cut 5 minutes";
        /// Key help.
        KeyNextBlock => "次のブロックへ（今のブロックは止めた所で残り、b で戻れる）", "next block (this one stays as it stands; b goes back to it)";
        /// Key help.
        KeyPreviousBlock => "前のブロックへ戻る（止めた所から。n でまた先へ）", "back to the previous block, as it was left (n goes on again)";
        /// Key help.
        KeyRestart => "このブロックをやり直す（開始前に戻す）", "restart this block (back to ready)";
        /// Key help.
        KeyNextTurn => "報告: 次のグループ", "report-back: next group";
        /// Key help.
        KeyPreviousTurn => "報告: 前のグループ", "report-back: previous group";
        /// Key help.
        KeyNextGroup => "次のグループを選ぶ", "select the next group";
        /// Key help.
        KeyPreviousGroup => "前のグループを選ぶ", "select the previous group";
        /// Key help.
        KeyScrollDown => "下へスクロール", "scroll down";
        /// Key help.
        KeyScrollUp => "上へスクロール", "scroll up";
        /// Key help.
        KeyBroadcast => "周知メッセージnをコピー（OSC 52）", "copy broadcast message n (OSC 52)";
        /// Key help.
        KeyReferences => "参考資料を開く", "open the reference cards";
        /// Key help.
        KeyMove => "選んだグループのメンバーを移動", "move a member of the selected group";
        /// Key help.
        KeyReload => "メモを読み直す", "read the notes files again";
        /// Key help: put the card on the shared display.
        KeyShowCard => "このカードをディスプレイに表示／非表示", "show/hide the card on the display";
        /// Key help: acknowledge a flag.
        KeyAckFlag => "このグループの合図（助け／報告OK）を確認済みにする", "acknowledge the group's flag";
        /// No flag to acknowledge.
        NoFlag => "このグループの合図はありません", "This group has raised no flag";
        /// Flag: help needed (short).
        FlagHelp => "助け", "help";
        /// Flag: ready to report (short).
        FlagReady => "報告OK", "ready";
        /// The card is on the shared display.
        OnDisplay => "表示中", "on display";
        /// The selected group has no theme to show.
        NoCardToShow => "このグループにはテーマがありません", "This group has no theme to show";
        /// The card on the display was taken down.
        CardTakenDown => "ディスプレイのカードを消しました", "The card was taken off the display";
        /// Key help.
        KeyHelp => "このヘルプ", "this help";
        /// Key help.
        KeyQuit => "終了（時計は run.json に残ります）", "quit (the clock stays in run.json)";
        /// Key help.
        KeyUp => "上へ", "up";
        /// Key help.
        KeyDown => "下へ", "down";
        /// Key help.
        KeyLeft => "前の移動先", "previous group";
        /// Key help.
        KeyRight => "次の移動先", "next group";
        /// Key help.
        KeyConfirm => "決定 / 開く", "confirm / open";
        /// Key help.
        KeyClose => "閉じる / 戻る", "close / back";
        /// Short hint: start/pause.
        HintStart => "開始/停止", "start/pause";
        /// Short hint: extend/cut.
        HintAdjust => "±1分", "+-1 min";
        /// Short hint: next.
        HintNext => "次へ", "next";
        /// Short hint: broadcast.
        HintBroadcast => "周知", "broadcast";
        /// Short hint: references.
        HintReferences => "資料", "cards";
        /// Short hint: move.
        HintMove => "移動", "move";
        /// Short hint: help.
        HintHelp => "ヘルプ", "help";
        /// Short hint: quit.
        HintQuit => "終了", "quit";
        /// Picker title.
        PickerTitle => "会を選ぶ", "Choose a sitting";
        /// Picker hint.
        /// Picker: plan has errors.
        PickerErrors => "計画に問題があります（bunkakai check で確認）", "the plan has problems (see bunkakai check)";
    }
}

/// The notice after an extension or a cut (`seconds` actually applied).
pub(crate) fn adjusted(seconds: i64, lang: Lang) -> String {
    let m = seconds / 60;
    match (seconds.signum(), lang) {
        (0, Lang::Ja) => "これ以上短縮できません".into(),
        (0, Lang::En) => "Cannot cut any further".into(),
        (1, Lang::Ja) => format!("{m}分延長しました"),
        (1, Lang::En) => format!("Extended by {m} min"),
        (_, Lang::Ja) if seconds % 60 != 0 => format!("{}秒短縮しました", -seconds),
        (_, Lang::En) if seconds % 60 != 0 => format!("Cut {} s", -seconds),
        (_, Lang::Ja) => format!("{}分短縮しました", -m),
        (_, Lang::En) => format!("Cut {} min", -m),
    }
}

/// "21:13 left" / 「残り 21:13」, or "+00:52 over" / 「超過 +00:52」 once
/// past zero (`clock` as made by `timer::clock_text`).
pub(crate) fn left(clock: &str, lang: Lang) -> String {
    match (clock.starts_with('+'), lang) {
        (false, Lang::Ja) => format!("残り {clock}"),
        (false, Lang::En) => format!("{clock} left"),
        (true, Lang::Ja) => format!("超過 {clock}"),
        (true, Lang::En) => format!("{clock} over"),
    }
}

/// An extension or cut in seconds: "+5分", "-4分54秒" / "+5 min", "-4 min 54 s".
pub(crate) fn signed_length(seconds: i64, lang: Lang) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let (m, s) = (seconds.unsigned_abs() / 60, seconds.unsigned_abs() % 60);
    match (s, lang) {
        (0, Lang::Ja) => format!("{sign}{m}分"),
        (0, Lang::En) => format!("{sign}{m} min"),
        (s, Lang::Ja) => format!("{sign}{m}分{s}秒"),
        (s, Lang::En) => format!("{sign}{m} min {s} s"),
    }
}

/// The alert text: minutes left in a block, or time up.
pub(crate) fn alert(minutes: u32, block: &str, lang: Lang) -> String {
    match (minutes, lang) {
        (0, Lang::Ja) => format!("時間です：{block}"),
        (0, Lang::En) => format!("Time is up: {block}"),
        (m, Lang::Ja) => format!("残り{m}分：{block}"),
        (m, Lang::En) => format!("{m} min left: {block}"),
    }
}

/// There is no broadcast message with this number.
pub(crate) fn no_broadcast(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("周知メッセージ{n}はありません"),
        Lang::En => format!("No broadcast message {n}"),
    }
}

/// A member was moved.
pub(crate) fn moved(member: &str, from: &str, to: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{member} を班{from}から班{to}へ移動しました"),
        Lang::En => format!("Moved {member} from group {from} to group {to}"),
    }
}

/// Another console runs this sitting.
pub fn locked(session: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "{session}: この会は別の画面で進行中です。その画面を閉じるか、閲覧のみで開くには --read-only を付けてください"
        ),
        Lang::En => format!(
            "{session}: another console is running this sitting; close it, or add --read-only to follow it without changing anything"
        ),
    }
}

/// run.json cannot be used.
pub fn bad_run_file(err: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => {
            format!("{err}（run.json は変更していません。直すか、別名にして退避してください）")
        }
        Lang::En => format!("{err} (run.json was left untouched; fix it or move it aside)"),
    }
}

/// "Shown on the display: TITLE" in `lang`.
pub(crate) fn card_shown(title: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("ディスプレイに表示: {title}"),
        Lang::En => format!("On the display: {title}"),
    }
}

/// "Group G's flag acknowledged" in `lang`.
pub(crate) fn flag_acked(group: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("グループ{group}の合図を確認済みにしました"),
        Lang::En => format!("Group {group}'s flag acknowledged"),
    }
}

/// A flag and its age: "help 3m", "報告OK 1分", with "(済)"/"(ok)" once
/// acknowledged.
pub(crate) fn flag_cell(ready: bool, minutes: i64, acked: bool, lang: Lang) -> String {
    let kind = if ready {
        RunText::FlagReady
    } else {
        RunText::FlagHelp
    }
    .text(lang);
    let age = match lang {
        Lang::Ja => format!("{minutes}分"),
        Lang::En => format!("{minutes}m"),
    };
    let ack = if acked {
        lang.pick("(済)", "(ok)")
    } else {
        ""
    };
    format!("{kind} {age}{ack}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_and_remaining_read_naturally() {
        assert_eq!(signed_length(300, Lang::Ja), "+5分");
        assert_eq!(signed_length(-294, Lang::Ja), "-4分54秒");
        assert_eq!(signed_length(-294, Lang::En), "-4 min 54 s");
        assert_eq!(left("21:13", Lang::En), "21:13 left");
        assert_eq!(left("+00:52", Lang::Ja), "超過 +00:52");
    }
}
