//! What a report command says on stderr when its answer is empty or went
//! to a file, so that a user is never left with nothing on the screen
//! (stdout stays for the results alone, for pipes).

use std::path::Path;

use super::Lang;

/// `search` found no note.
pub(crate) fn no_hit(lang: Lang) -> &'static str {
    lang.pick("該当するメモはありません", "no note matches")
}

/// `actions` listed no action item (`open` when only open ones were asked).
pub(crate) fn no_action(open: bool, lang: Lang) -> &'static str {
    match (open, lang) {
        (true, Lang::Ja) => "未完了のアクションはありません",
        (false, Lang::Ja) => "該当するアクションはありません",
        (true, Lang::En) => "no open action item",
        (false, Lang::En) => "no action item matches",
    }
}

/// `search --group G` names a group no sitting has; `known` are the groups
/// there are.
pub(crate) fn unknown_group(group: &str, known: &[String], lang: Lang) -> String {
    let list = known.join(", ");
    match lang {
        Lang::Ja => format!("--group {group}: どの会にもその班はありません（ある班: {list}）"),
        Lang::En => format!("--group {group}: no sitting has that group (groups: {list})"),
    }
}

/// `export -o FILE` wrote `bytes` bytes to `path`.
pub(crate) fn wrote(path: &Path, bytes: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{} に書き出しました（{bytes} バイト）", path.display()),
        Lang::En => format!("wrote {} ({bytes} bytes)", path.display()),
    }
}

/// A date in the form `YYYY-MM-DD` that is not on the calendar.
pub(crate) fn no_such_date(flag: &str, date: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{flag} {date}: その日付は存在しません"),
        Lang::En => format!("{flag} {date}: that date does not exist"),
    }
}

/// A console was started without a terminal (its input or output is a
/// file or a pipe): it needs one to draw and to read keys.
pub fn needs_terminal(command: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "bunkakai {command} は端末の画面で動きます。入力か出力が端末ではありません（< や > や | を外して、端末から起動してください）"
        ),
        Lang::En => format!(
            "bunkakai {command} runs on a terminal screen, but its input or output is not a terminal; start it from a terminal without <, > or |"
        ),
    }
}
