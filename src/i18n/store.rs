//! Messages about files that cannot be read or written, in the user's
//! language: which file, what went wrong, what to do.

use super::Lang;
use crate::store::{IoOp, StoreError};

/// One sentence on a store error for the terminal (with the file's path).
pub fn store_error(e: &StoreError, lang: Lang) -> String {
    message(e, &e.path().display().to_string(), lang)
}

/// The same sentence for a status line: the file by its name only.
pub fn store_error_short(e: &StoreError, lang: Lang) -> String {
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
                message,
                ..
            },
            Lang::Ja,
        ) => format!(
            "{file}:{line}:{column}: ファイルが壊れていて読めません（{message}）。上書きはしません。ファイルを直してください"
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
pub fn problem_short(e: &StoreError) -> String {
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
            ..
        } => format!("{name}:{line}:{column}: {message}"),
        StoreError::Format { error, .. } => format!("{name}: {error}"),
        other => other.to_string(),
    }
}

/// The facilitator opened on a run.json that breaks a rule: what is wrong
/// (file:line:col, field path) and what the console did about it.
pub fn run_reset(e: &StoreError, lang: Lang) -> String {
    let what = match e {
        StoreError::Parse {
            line,
            column,
            message,
            ..
        } => format!("run.json:{line}:{column}: {message}"),
        other => store_error_short(other, lang),
    };
    match lang {
        Lang::Ja => format!(
            "{what} — このブロックを未開始に戻して表示しています。次の操作で保存します（元のファイルは run.json.damaged に残しました）"
        ),
        Lang::En => format!(
            "{what} — the block is shown reset; the next change saves it (the old file is kept as run.json.damaged)"
        ),
    }
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
