//! Messages about files that cannot be read or written, in the user's
//! language: which file, what went wrong, what to do.

use super::Lang;
use crate::model::file_check::{FieldProblem, FieldRule, JournalFault};
use crate::store::{IoOp, StoreError};

/// One sentence on a store error for the terminal (with the file's path).
pub fn store_error(e: &StoreError, lang: Lang) -> String {
    message(e, &e.path().display().to_string(), lang)
}

/// The same sentence for a status line: the file by its name only.
pub(crate) fn store_error_short(e: &StoreError, lang: Lang) -> String {
    let name = e
        .path()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    message(e, &name.unwrap_or_default(), lang)
}

fn message(e: &StoreError, file: &str, lang: Lang) -> String {
    match (e, lang) {
        (StoreError::Io { source, op, .. }, _) => {
            let why = io_reason(source, lang);
            match lang {
                Lang::Ja => format!("{file}: {}できません（{why}）", op_ja(*op)),
                Lang::En => format!("{file}: cannot {op} it ({why})"),
            }
        }
        (StoreError::Locked { .. }, Lang::Ja) => {
            format!("{file}: 他の端末が保存中で待ちきれませんでした。すぐに再試行します")
        }
        (StoreError::Locked { .. }, Lang::En) => {
            format!("{file}: another console is saving it; trying again shortly")
        }
        (
            StoreError::Parse {
                line,
                column,
                field: Some(field),
                ..
            },
            Lang::Ja,
        ) => format!(
            "{file}:{line}:{column}: {}。上書きはしません。ファイルを直してください",
            field_text(field, lang)
        ),
        (
            StoreError::Parse {
                line,
                column,
                message,
                ..
            },
            Lang::Ja,
        ) => format!(
            "{file}:{line}:{column}: ファイルが壊れていて読めません（{}）。上書きはしません。ファイルを直してください",
            super::shape_words::in_lang(message, lang)
        ),
        (
            StoreError::Parse {
                line,
                column,
                message,
                ..
            },
            Lang::En,
        ) => format!(
            "{file}:{line}:{column}: the file is damaged ({message}); it is left as it is: repair it"
        ),
        (StoreError::Format { error, .. }, Lang::Ja) => {
            format!(
                "{file}: 形式が違うか新しい版の bunkakai で書かれています（{error}）。上書きはしません"
            )
        }
        (StoreError::Format { error, .. }, Lang::En) => {
            format!("{file}: {error}; it is left as it is")
        }
        (StoreError::Encode { message, .. }, _) => format!("{file}: {message}"),
    }
}

/// What is wrong with a file, for a warning line: `run.json:3:55: what`
/// for a file that breaks a rule or is not JSON, else the store's sentence.
pub(crate) fn problem_short(e: &StoreError, lang: Lang) -> String {
    let name = e
        .path()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match e {
        StoreError::Parse {
            line,
            column,
            message,
            field,
            ..
        } => {
            let what = field.as_deref().map_or_else(
                || super::shape_words::in_lang(message, lang),
                |f| field_text(f, lang),
            );
            format!("{name}:{line}:{column}: {what}")
        }
        StoreError::Format { error, .. } => format!("{name}: {error}"),
        other => other.to_string(),
    }
}

/// `field.path: what is wrong`, in `lang`.
pub(crate) fn field_text(field: &FieldProblem, lang: Lang) -> String {
    let what = match &field.rule {
        Some(rule) => rule_text(rule, lang),
        None => super::shape_words::in_lang(&field.message, lang),
    };
    if field.path.is_empty() {
        what
    } else {
        format!("{}: {what}", field.path)
    }
}

/// What a rule of run.json or a notes file says, in `lang`; the Japanese
/// reads like the plan's messages (「1～600 の整数（分）にしてください」).
pub(crate) fn rule_text(rule: &FieldRule, lang: Lang) -> String {
    if lang == Lang::En {
        return rule.english();
    }
    match rule {
        FieldRule::OutOfRange { min, max } => {
            format!("範囲外です。{min}～{max} の整数にしてください")
        }
        FieldRule::ExtensionsTooLong { days } => {
            format!("このブロックの延長の合計が {days} 日を超えています")
        }
        FieldRule::StampYears => "1970～2200 年の範囲にない日時です".into(),
        FieldRule::OtherSitting { found, sitting } => format!(
            "この run.json は分科会 \"{}\" のもので、\"{sitting}\" のものではありません",
            found.escape_debug()
        ),
        FieldRule::UnknownBlock(b) => format!(
            "計画にブロック \"{}\" はありません。進行役の画面で未開始に戻せます",
            b.escape_debug()
        ),
        FieldRule::OtherGroup { found, group } => format!(
            "ファイルの中では班 \"{}\" ですが、ファイル名は {group}.json です。どちらかを直してください",
            found.escape_debug()
        ),
        FieldRule::NoteDoesNotFit(why) => format!(
            "このメモは形式に合わないため除きました（{}）",
            super::shape_words::in_lang(why, lang)
        ),
        FieldRule::JournalLine(JournalFault::CutShort) => {
            "書き込みの途中で切れた変更です（書いている間に端末が止められました）。この変更は除きました"
                .into()
        }
        FieldRule::JournalLine(JournalFault::Damaged) => {
            "壊れた変更です（チェックサムが合いません）。この変更は除きました".into()
        }
        FieldRule::JournalLine(JournalFault::NotALine) => {
            "ジャーナルの行の形ではありません。この行は除きました".into()
        }
        FieldRule::JournalLine(JournalFault::OtherFormat(why)) => format!(
            "形式の違う変更のため除きました（{}）",
            super::shape_words::in_lang(why, lang)
        ),
    }
}

/// The title of the offer made when run.json breaks a rule.
pub(crate) fn broken_run_title(lang: Lang) -> &'static str {
    lang.pick("run.json に問題があります", "run.json breaks a rule")
}

/// What the reset does, and the state left after it: the block on the
/// clock (its title) waits to be started; `finished` blocks stay recorded.
pub(crate) fn broken_run_offer(block: &str, finished: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "R を押すと「{block}」を未開始に戻して保存します（終わったブロック {finished} 件の記録は残ります）。元のファイルは run.json.damaged に残します。"
        ),
        Lang::En => format!(
            "R resets \"{block}\" to waiting and saves it ({finished} finished blocks stay recorded); the old file is kept as run.json.damaged."
        ),
    }
}

/// Until the offer is taken nothing is written; a repaired file is read.
pub(crate) fn broken_run_wait(lang: Lang) -> &'static str {
    lang.pick(
        "それまで run.json は書き換えません。ファイルを手で直すと読み直します。",
        "Until then run.json is not written; repair it by hand and it is read again.",
    )
}

/// The offer was taken.
pub(crate) fn broken_run_reset(lang: Lang) -> String {
    lang.pick(
        "ブロックを未開始に戻して保存しました（元のファイルは run.json.damaged）",
        "The block was reset and saved (the old file is kept as run.json.damaged)",
    )
    .to_string()
}

/// The file was repaired by hand and reads now.
pub(crate) fn broken_run_repaired(lang: Lang) -> String {
    lang.pick(
        "run.json が直ったので読み直しました",
        "run.json reads now; it was taken as it is",
    )
    .to_string()
}

fn op_ja(op: IoOp) -> &'static str {
    match op {
        IoOp::Read => "読み込み",
        IoOp::CreateTemp => "一時ファイルを作成",
        IoOp::WriteTemp => "書き込み",
        IoOp::SyncTemp | IoOp::SyncDir => "ディスクへの確定",
        IoOp::Rename => "置き換え",
        IoOp::OpenLock => "ロックファイルを開くことが",
        IoOp::Lock => "ロック",
        IoOp::Append => "追記",
    }
}

fn io_reason(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    match (e.kind(), lang) {
        (ErrorKind::StorageFull, Lang::Ja) => "ディスクがいっぱいです。空きを作ってください".into(),
        (ErrorKind::PermissionDenied, Lang::Ja) => "書き込み権限がありません".into(),
        (ErrorKind::ReadOnlyFilesystem, Lang::Ja) => "読み取り専用のディスクです".into(),
        (ErrorKind::NotFound, Lang::Ja) => "フォルダがありません".into(),
        (ErrorKind::StorageFull, Lang::En) => "the disk is full; free some space".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn disk_full_says_so_in_both_languages() {
        let e = StoreError::Io {
            path: PathBuf::from("notes/B.json"),
            op: IoOp::WriteTemp,
            source: std::io::Error::from(std::io::ErrorKind::StorageFull),
        };
        assert_eq!(
            store_error(&e, Lang::Ja),
            "notes/B.json: 書き込みできません（ディスクがいっぱいです。空きを作ってください）"
        );
        assert!(store_error(&e, Lang::En).contains("the disk is full"));
    }
}
