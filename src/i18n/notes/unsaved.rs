//! Words of the note-taker's console about work not saved where it
//! belongs: the quit question, rescued work and drafts brought back (what
//! the terminal is told at the end is `notes::finish::ExitReport::lines`).

use crate::i18n::Lang;

/// The first line of the quit question: how many notes are not saved.
pub(crate) fn unsaved_notes(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("未保存のメモが{n}件あります"),
        Lang::En if n == 1 => "1 note is not saved".to_string(),
        Lang::En => format!("{n} notes are not saved"),
    }
}

/// Other changes (attendance, order, summary) are not saved.
pub(crate) fn unsaved_other(lang: Lang) -> &'static str {
    lang.pick(
        "出欠・発言順・まとめなどの変更が未保存です",
        "attendance, speaking order or summary changes are not saved",
    )
}

/// The rescued work offered back at start.
pub(crate) fn rescued(notes: usize, files: &[String], lang: Lang) -> Vec<String> {
    let mut lines = vec![match lang {
        Lang::Ja => format!("前回の終了時に保存できなかったメモ{notes}件が退避されています:"),
        Lang::En => {
            format!("{notes} notes could not be saved when the console last ended; kept in:")
        }
    }];
    lines.extend(files.iter().cloned());
    lines
}

/// Status at start: leftover drafts of other consoles were brought back
/// (`taken`), or are kept on disk because the editor already held text.
pub(crate) fn leftover_drafts(taken: usize, kept: &[String], lang: Lang) -> String {
    let mut out = Vec::new();
    if taken > 0 {
        out.push(match lang {
            Lang::Ja => format!("別の端末の下書き{taken}件を復元しました"),
            Lang::En => format!("restored {taken} unsent draft(s) of another console"),
        });
    }
    if !kept.is_empty() {
        out.push(match lang {
            Lang::Ja => format!("別の端末の下書きが残っています: {}", kept.join(", ")),
            Lang::En => format!("another console's draft is kept: {}", kept.join(", ")),
        });
    }
    out.join(lang_sep(lang))
}

fn lang_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "。",
        Lang::En => "; ",
    }
}

/// Status: a rescue copy was written.
pub(crate) fn rescue_written(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("退避コピーを書きました: {path}"),
        Lang::En => format!("rescue copy written: {path}"),
    }
}
