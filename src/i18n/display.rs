//! Words of the shared display (`bunkakai display`) and of the warnings every
//! console shows about the files it follows.

use super::Lang;

crate::labels! {
    /// Labels of the shared display.
    pub(crate) enum DisplayText {
        /// Asking for a larger terminal.
        /// Status: the block waits for the facilitator.
        Ready => "開始待ち", "Starting soon";
        /// Status: the clock runs.
        Running => "進行中", "In progress";
        /// Status: paused.
        Paused => "一時停止中", "Paused";
        /// Status: over time.
        Overrun => "時間超過", "Over time";
        /// Status: the agenda is over.
        Done => "本日のプログラムは終了しました", "The programme is over";
        /// Label before the next block.
        Next => "次", "Next";
        /// Label before the group reporting now.
        Reporting => "報告中", "Reporting";
        /// Label before the group reporting after it.
        ReportingNext => "次の報告", "Up next";
        /// Block counter label.
        Block => "ブロック", "Block";
        /// Segment label.
        Segment => "パート", "Part";
        /// Minutes unit after a number.
        Minutes => "分", " min";
        /// No run.json yet: the facilitator has not started anything.
        NoRun => "進行役のタイマーはまだ始まっていません", "The facilitator has not started the timer yet";
        /// Where the help says how to leave.
        KeyQuit => "終了", "quit";
        /// Help title.
        HelpTitle => "キー", "Keys";
        /// Help footer.
        HelpHint => "キーで閉じる", "any key closes";
        /// Key help: show the help.
        KeyHelp => "キー一覧", "list of keys";
    }
}

/// "run.json is N s ahead of this machine's clock" in `lang`.
pub(crate) fn clock_skew(seconds: i64, lang: Lang) -> String {
    match lang {
        Lang::Ja => {
            format!("時計のずれ: run.json がこの端末より{seconds}秒先の時刻（残り時間がずれます）")
        }
        Lang::En => {
            format!("Clock skew: run.json is {seconds} s ahead of this clock (times may disagree)")
        }
    }
}

/// "Checking the folder every N s" (no change events, or `--poll`) in `lang`.
pub(crate) fn polling(seconds: u64, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("フォルダを{seconds}秒ごとに確認中"),
        Lang::En => format!("checking the folder every {seconds} s"),
    }
}

/// "FILE could not be read (still syncing or broken); showing the last good
/// version" in `lang`.
pub(crate) fn unreadable(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{file} を読めません（同期中か壊れています）。前の内容を表示中"),
        Lang::En => {
            format!("{file} cannot be read (syncing or broken); showing the last good version")
        }
    }
}

/// run.json was removed while the display showed a run.
pub(crate) fn run_removed(lang: Lang) -> String {
    match lang {
        Lang::Ja => "run.json: ファイルが削除されました".into(),
        Lang::En => "run.json: the file was removed".into(),
    }
}

/// "FILE was written by a newer bunkakai; shown read-only" in `lang`.
pub(crate) fn newer(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{file} は新しい版の bunkakai で書かれています。読み取り専用で表示"),
        Lang::En => format!("{file} was written by a newer bunkakai; shown read-only"),
    }
}

/// 「残り 12:34」 / "Left 12:34", or once past zero 「超過 +01:45」 /
/// "Over +01:45" (`clock` as made by `timer::clock_text`).
pub(crate) fn left(clock: &str, lang: Lang) -> String {
    match (clock.starts_with('+'), lang) {
        (false, Lang::Ja) => format!("残り {clock}"),
        (false, Lang::En) => format!("Left {clock}"),
        (true, Lang::Ja) => format!("超過 {clock}"),
        (true, Lang::En) => format!("Over {clock}"),
    }
}
