//! The parser's words for a value of the wrong shape (serde's "missing
//! field `x`", "integer `3`, expected a string", chrono's "input contains
//! invalid characters"), said in Japanese for the Japanese messages. The
//! English stays the parser's own, already free of Rust type names
//! (`model::file_check::plain_serde_message`). A message of a shape not
//! known here is kept as it is.

use super::Lang;

/// `message` (maybe `field.path: message`) in `lang`.
pub(crate) fn in_lang(message: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return message.to_string();
    }
    // A leading field path (`notes[0].text: …`) stays as it is.
    let (path, rest) = match message.split_once(": ") {
        Some((p, r)) if is_path(p) => (Some(p), r),
        _ => (None, message),
    };
    match (path, japanese(rest)) {
        (_, None) => message.to_string(),
        (Some(p), Some(ja)) => format!("{p}: {ja}"),
        (None, Some(ja)) => ja,
    }
}

fn is_path(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '[' | ']' | '-'))
}

/// The Japanese of one known message, `None` for any other.
fn japanese(m: &str) -> Option<String> {
    if let Some(name) = quoted_after(m, "missing field ") {
        return Some(format!("項目 {name} がありません"));
    }
    if let Some(name) = quoted_after(m, "duplicate field ") {
        return Some(format!("項目 {name} が二度書かれています"));
    }
    if let Some(name) = quoted_after(m, "unknown field ") {
        return Some(match one_of(m) {
            Some(list) => format!("知らない項目 {name} です（使える項目: {list}）"),
            None => format!("知らない項目 {name} です"),
        });
    }
    if let Some(value) = quoted_after(m, "unknown value ") {
        return Some(match one_of(m) {
            Some(list) => format!("{value} は使えない値です（{list} のどれか）"),
            None => format!("{value} は使えない値です"),
        });
    }
    if let Some(ja) = date_time(m) {
        return Some(ja.to_string());
    }
    let (got, want) = m.split_once(", expected ")?;
    let want = wanted(want)?;
    Some(match got.strip_prefix("invalid length ") {
        Some(n) => format!("長さ {n} は合いません（{want}にしてください）"),
        None => {
            let got = found(got);
            // A value read (整数 3) stands apart from the words after it.
            let gap = if got.contains(' ') { " " } else { "" };
            format!("{got}{gap}ではなく{want}にしてください")
        }
    })
}

/// The name in backquotes after `lead` at the start of `m`.
fn quoted_after<'a>(m: &'a str, lead: &str) -> Option<&'a str> {
    let rest = m.strip_prefix(lead)?.strip_prefix('`')?;
    rest.split_once('`').map(|(name, _)| name)
}

/// The choices of "…, expected one of `a`, `b`" (or "expected `a` or
/// `b`", "expected `a`") as `a, b`.
fn one_of(m: &str) -> Option<String> {
    let (_, list) = m.split_once(", expected ")?;
    let list = list.strip_prefix("one of ").unwrap_or(list);
    let names: Vec<&str> = list
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, n)| n)
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// What the file held: "integer `3`" → 整数 3.
fn found(got: &str) -> String {
    let inner = |s: &str| s.trim_matches('`').to_string();
    for (en, ja) in [
        ("integer ", "整数 "),
        ("floating point ", "小数 "),
        ("boolean ", "真偽値 "),
        ("string ", "文字列 "),
        ("character ", "文字 "),
    ] {
        if let Some(v) = got.strip_prefix(en) {
            return format!("{ja}{}", inner(v));
        }
    }
    match got {
        "map" => "オブジェクト".into(),
        "sequence" => "リスト".into(),
        "null" | "unit value" => "null".into(),
        other => other.to_string(),
    }
}

/// What the format wants, as the object of 「…にしてください」.
fn wanted(want: &str) -> Option<&'static str> {
    Some(match want {
        "a string" | "a borrowed string" | "a string or a number" => "文字列",
        "a whole number from 0" => "0以上の整数",
        "a whole number" => "整数",
        "a list" => "リスト",
        "an object" => "オブジェクト",
        "true or false" => "true か false",
        "a number" | "f64" | "f32" => "数",
        "a character" => "1 文字",
        "an RFC 3339 formatted date and time string" => {
            "日時の文字列（例: 2026-01-20T14:00:00+09:00）"
        }
        _ => return None,
    })
}

/// chrono's words for a date and time it could not read.
fn date_time(m: &str) -> Option<&'static str> {
    Some(match m {
        "input contains invalid characters" => {
            "日時として読めない文字があります（例: 2026-01-20T14:00:00+09:00）"
        }
        "premature end of input" => "日時が途中で切れています（例: 2026-01-20T14:00:00+09:00）",
        "trailing input" => "日時の後ろに余計な文字があります",
        "input is out of range" => "ありえない日時です（範囲外）",
        "no possible date and time matching input" => "ありえない日時です",
        "input is not enough for unique date and time" => {
            "日時が足りません（例: 2026-01-20T14:00:00+09:00）"
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ja(m: &str) -> String {
        in_lang(m, Lang::Ja)
    }

    #[test]
    fn the_parsers_shape_words_are_said_in_japanese() {
        assert_eq!(ja("missing field `session`"), "項目 session がありません");
        assert_eq!(
            ja("notes[0].text: integer `3`, expected a string"),
            "notes[0].text: 整数 3 ではなく文字列にしてください"
        );
        assert_eq!(
            ja("string \"x\", expected a whole number from 0"),
            "文字列 \"x\" ではなく0以上の整数にしてください"
        );
        assert_eq!(
            ja("kind: unknown value `memo`, expected one of `opinion`, `action`"),
            "kind: memo は使えない値です（opinion, action のどれか）"
        );
        assert_eq!(
            ja("unknown field `colour`, expected `color`"),
            "知らない項目 colour です（使える項目: color）"
        );
        assert_eq!(
            ja("current.started: input contains invalid characters"),
            "current.started: 日時として読めない文字があります（例: 2026-01-20T14:00:00+09:00）"
        );
        assert_eq!(
            ja("map, expected a list"),
            "オブジェクトではなくリストにしてください"
        );
        assert_eq!(
            ja("invalid length 3, expected a list"),
            "長さ 3 は合いません（リストにしてください）"
        );
    }

    #[test]
    fn english_and_unknown_messages_stay_as_they_are() {
        let m = "notes[0].text: integer `3`, expected a string";
        assert_eq!(in_lang(m, Lang::En), m);
        assert_eq!(ja("something new: a thing"), "something new: a thing");
        assert_eq!(ja("a, expected a spaceship"), "a, expected a spaceship");
    }
}
