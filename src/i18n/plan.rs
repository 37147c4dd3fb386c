//! Messages about plan files: what is wrong and what to do, in one sentence.

use super::Lang;
use crate::model::ids::{IdError, MAX_ID_LEN};
use crate::model::json_tree::SyntaxErrorKind;
use crate::model::problem::{Expected, ProblemKind};

fn expected(e: Expected, lang: Lang) -> &'static str {
    use Expected::*;
    match e {
        String => lang.pick("文字列", "a string"),
        WholeNumber => lang.pick("整数", "a whole number"),
        Bool => lang.pick("true か false", "true or false"),
        Array => lang.pick("リスト [ … ]", "a list [ … ]"),
        Object => lang.pick("オブジェクト { … }", "an object { … }"),
        MemberEntry => lang.pick(
            "名前の文字列か {\"name\": …} のオブジェクト",
            "a name string or an object with \"name\"",
        ),
        QuestionEntry => lang.pick(
            "質問の文字列か {\"text\": …} のオブジェクト",
            "a question string or an object with \"text\"",
        ),
    }
}

fn syntax(kind: &SyntaxErrorKind, lang: Lang) -> String {
    use SyntaxErrorKind::*;
    match (kind, lang) {
        (Empty, Lang::Ja) => "ファイルが空です。JSON の { … } を書いてください".into(),
        (Empty, Lang::En) => "the file is empty; it should hold a JSON object { … }".into(),
        (UnexpectedEnd, Lang::Ja) => {
            "JSON の途中でファイルが終わっています。閉じ括弧や引用符が足りません".into()
        }
        (UnexpectedEnd, Lang::En) => {
            "the file ends in the middle of a value; a closing bracket or quote is missing".into()
        }
        (Unexpected(c), Lang::Ja) => format!(
            "ここに {} は書けません。直前のカンマや引用符を確認してください",
            shown(*c)
        ),
        (Unexpected(c), Lang::En) => format!(
            "unexpected {} here; check the comma or quote before it",
            shown(*c)
        ),
        (ControlInString('\n' | '\r' | '\t'), Lang::Ja) => {
            "文字列の中に改行やタブがそのまま入っています。\\n や \\t と書いてください".into()
        }
        (ControlInString('\n' | '\r' | '\t'), Lang::En) => {
            "a raw line break or tab inside a string; write it as \\n or \\t".into()
        }
        (ControlInString(c), Lang::Ja) => format!(
            "文字列の中に制御文字 {} がそのまま入っています。取り除くか \\u{:04x} と書いてください",
            control_name(*c),
            *c as u32
        ),
        (ControlInString(c), Lang::En) => format!(
            "a raw control character {} inside a string; remove it or write it as \\u{:04x}",
            control_name(*c),
            *c as u32
        ),
        (BadEscape, Lang::Ja) => "文字列の \\ の使い方が JSON として正しくありません".into(),
        (BadEscape, Lang::En) => "invalid backslash escape in a string".into(),
        (BadNumber, Lang::Ja) => "数値の書き方が正しくありません".into(),
        (BadNumber, Lang::En) => "this number is not written as JSON numbers are".into(),
        (TooDeep, Lang::Ja) => "括弧の入れ子が深すぎます".into(),
        (TooDeep, Lang::En) => "brackets are nested too deeply".into(),
        (TrailingText, Lang::Ja) => "JSON の後に余分な文字があります".into(),
        (TrailingText, Lang::En) => "extra text after the JSON value".into(),
        (DuplicateKey(k), Lang::Ja) => format!("\"{k}\" が同じオブジェクトに2回書かれています"),
        (DuplicateKey(k), Lang::En) => format!("\"{k}\" appears twice in the same object"),
        (TrailingComma, Lang::Ja) => "閉じ括弧の直前のカンマを削除してください".into(),
        (TrailingComma, Lang::En) => "remove the comma before the closing bracket".into(),
    }
}

/// Shows a character so that control characters are visible in a message.
fn shown(c: char) -> String {
    if invisible(c) {
        format!("U+{:04X}", c as u32)
    } else {
        format!("'{c}'")
    }
}

/// A character a terminal would not show as itself: controls, zero-width
/// and bidi marks, the BOM, the soft hyphen, and spaces other than ' '.
fn invisible(c: char) -> bool {
    c.is_control()
        || (c.is_whitespace() && c != ' ')
        || matches!(c, '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// Text typed or read (an argument, an id) with every invisible character
/// written as `\u{200B}`, so that a message shows what is really there.
pub(crate) fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if invisible(c) {
            out.push_str(&format!("\\u{{{:04X}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// The name of a control character found raw in a string.
fn control_name(c: char) -> String {
    let name = match c {
        '\u{1B}' => Some("ESC"),
        '\u{0}' => Some("NUL"),
        '\u{7}' => Some("BEL"),
        '\u{8}' => Some("BS"),
        '\u{C}' => Some("FF"),
        _ => None,
    };
    match name {
        Some(n) => format!("U+{:04X} ({n})", c as u32),
        None => format!("U+{:04X}", c as u32),
    }
}

fn id_error(e: &IdError, lang: Lang) -> String {
    let why = lang.pick(
        "ID はファイル名になるため、半角英数字・_・- の1～64文字にしてください",
        "ids become file names, so use 1-64 characters of A-Z a-z 0-9 _ -",
    );
    let what = match (e, lang) {
        (IdError::Empty, Lang::Ja) => "ID が空です".to_string(),
        (IdError::Empty, Lang::En) => "the id is empty".to_string(),
        (IdError::TooLong(n), Lang::Ja) => format!("ID が長すぎます（{n}文字、上限{MAX_ID_LEN}）"),
        (IdError::TooLong(n), Lang::En) => {
            format!("the id is too long ({n} characters, at most {MAX_ID_LEN})")
        }
        (IdError::Dots, Lang::Ja) => {
            "ID を \".\" にしたり \"..\" を含めたりはできません（今のフォルダや上のフォルダを指します）".to_string()
        }
        (IdError::Dots, Lang::En) => {
            "an id cannot be \".\" or contain \"..\" (they point to this or a parent folder)".to_string()
        }
        (IdError::Separator(c), Lang::Ja) => {
            format!("ID に {c} は使えません（フォルダの区切りです）")
        }
        (IdError::Separator(c), Lang::En) => {
            format!("an id cannot contain {c} (a folder separator)")
        }
        (IdError::Control(c), Lang::Ja) => format!("ID に制御文字 {} は使えません", shown(*c)),
        (IdError::Control(c), Lang::En) => {
            format!("an id cannot contain the control character {}", shown(*c))
        }
        (IdError::Reserved(s), Lang::Ja) => {
            format!("\"{s}\" は Windows の予約名でファイル名にできません")
        }
        (IdError::Reserved(s), Lang::En) => {
            format!("\"{s}\" is a name Windows reserves and cannot be a file name")
        }
        (IdError::Char(c), Lang::Ja) => format!("ID に {} は使えません", shown(*c)),
        (IdError::Char(c), Lang::En) => format!("an id cannot contain {}", shown(*c)),
    };
    format!("{what}{}{why}", lang.pick("。", ". "))
}

/// `bunkakai.session/0`: the form is right, the version does not exist.
fn version_zero(tag: &str) -> bool {
    tag.rsplit_once('/').is_some_and(|(kind, v)| {
        kind == "bunkakai.session" && !v.is_empty() && v.bytes().all(|b| b == b'0')
    })
}

/// One sentence saying what is wrong and what to do.
pub(crate) fn problem_text(kind: &ProblemKind, lang: Lang) -> String {
    use ProblemKind::*;
    let ja = lang == Lang::Ja;
    match kind {
        NotUtf8 { shift_jis: true } if ja => {
            "UTF-8 ではありません（Shift_JIS のようです）。UTF-8 で保存し直してください".into()
        }
        NotUtf8 { shift_jis: true } => {
            "not UTF-8 (it looks like Shift_JIS); save the file as UTF-8".into()
        }
        NotUtf8 { .. } if ja => "UTF-8 のテキストではありません。UTF-8 で保存してください".into(),
        NotUtf8 { .. } => "not UTF-8 text; save the file as UTF-8".into(),
        Syntax(k) => syntax(k, lang),
        FormatMissing if ja => "\"format\": \"bunkakai.session/1\" がありません".into(),
        FormatMissing => "missing \"format\": \"bunkakai.session/1\"".into(),
        FormatMalformed(s) if version_zero(s) && ja => format!(
            "format \"{}\": 版 0 はありません。\"bunkakai.session/1\" と書いてください",
            escaped(s)
        ),
        FormatMalformed(s) if version_zero(s) => format!(
            "format \"{}\": there is no version 0; write \"bunkakai.session/1\"",
            escaped(s)
        ),
        FormatMalformed(s) if ja => {
            format!("format \"{s}\" は \"bunkakai.session/1\" の形ではありません")
        }
        FormatMalformed(s) => format!("format \"{s}\" is not of the form \"bunkakai.session/1\""),
        FormatOtherKind(s) if ja => format!(
            "これは計画ファイルではなく \"{s}\" のファイルです。session.json を指定してください"
        ),
        FormatOtherKind(s) => {
            format!("this is a \"{s}\" file, not a plan; point to a session.json")
        }
        FormatNewer { found, known } if ja => format!(
            "新しい版の bunkakai が書いたファイルです（形式 {found}、この版は {known} まで）。bunkakai を更新してください。ファイルは変更していません"
        ),
        FormatNewer { found, known } => format!(
            "a newer bunkakai wrote this file (format version {found}; this one reads up to {known}); update bunkakai — the file was not changed"
        ),
        WrongType(e) if ja => format!("{}にしてください", expected(*e, lang)),
        WrongType(e) => format!("should be {}", expected(*e, lang)),
        Missing if ja => "必須の項目がありません".into(),
        Missing => "required field is missing".into(),
        Unknown {
            suggestion: Some(s),
            ..
        } if ja => format!("知らない項目です。\"{s}\" の誤りではありませんか"),
        Unknown {
            suggestion: Some(s),
            ..
        } => format!("unknown field; did you mean \"{s}\"?"),
        Unknown {
            suggestion: None,
            known,
        } if ja => format!("知らない項目です。使える項目: {}", known.join(", ")),
        Unknown {
            suggestion: None,
            known,
        } => format!("unknown field; this object takes: {}", known.join(", ")),
        Blank if ja => "空欄です。内容を書いてください".into(),
        Blank => "is blank; write something".into(),
        EmptyList if ja => "少なくとも1つ必要です".into(),
        EmptyList => "needs at least one entry".into(),
        MinutesRange { min, max } if ja => format!("{min}～{max} の整数（分）にしてください"),
        MinutesRange { min, max } => format!("should be whole minutes from {min} to {max}"),
        BadId(e) => id_error(e, lang),
        DuplicateId { id, first } if ja => {
            format!("ID \"{id}\" が重複しています{}", at_first(*first, lang))
        }
        DuplicateId { id, first } => format!("id \"{id}\" is used twice{}", at_first(*first, lang)),
        UnknownTheme(t) if ja => format!("テーマ \"{t}\" は themes にありません"),
        UnknownTheme(t) => format!("theme \"{t}\" is not among the themes"),
        UnknownGroup(g) if ja => format!("グループ \"{g}\" は groups にありません"),
        UnknownGroup(g) => format!("group \"{g}\" is not among the groups"),
        SegmentsTooLong { sum, block } if ja => {
            format!("区切りの合計 {sum} 分がブロックの {block} 分を超えています")
        }
        SegmentsTooLong { sum, block } => {
            format!("segments add up to {sum} minutes, more than the block's {block}")
        }
        NoGroups if ja => "グループ討議のブロックがありますが groups が空です".into(),
        NoGroups => "this block breaks out into groups, but \"groups\" is empty".into(),
        // In the right form but not on the calendar (2026-02-30).
        BadDate(s) if ja && date_shaped(s) => format!("日付 \"{s}\" は存在しない日です"),
        BadDate(s) if date_shaped(s) => format!("date \"{s}\" does not exist"),
        BadDate(s) if ja => {
            format!("日付 \"{s}\" は YYYY-MM-DD（例 2026-01-20）の形にしてください")
        }
        BadDate(s) => format!("date \"{s}\" should be YYYY-MM-DD, e.g. 2026-01-20"),
        BadTime(s) if ja => format!("時刻 \"{s}\" は HH:MM（例 14:00）の形にしてください"),
        BadTime(s) => format!("time \"{s}\" should be HH:MM, e.g. 14:00"),
        BadTimezone(s) if ja => format!("タイムゾーン \"{s}\" が分かりません（例 Asia/Tokyo）"),
        BadTimezone(s) => format!("unknown time zone \"{s}\" (e.g. Asia/Tokyo)"),
        DuplicateAlert(m) if ja => format!("{m} 分前の通知が重複しています"),
        DuplicateAlert(m) => format!("the {m}-minute alert is listed twice"),
        FollowsItself if ja => {
            "follows には前回の回の ID を書いてください（この回自身の ID になっています）".into()
        }
        FollowsItself => {
            "follows names this sitting itself; write the id of the previous sitting".into()
        }
        DuplicateStage(s) if ja => {
            format!("段階 \"{s}\" が2回書かれています（①と1は同じ段階です）")
        }
        DuplicateStage(s) => format!("stage \"{s}\" is listed twice (① and 1 are the same stage)"),
        BadEmail(s) if ja => {
            format!("\"{s}\" はメールアドレスではありません（例 name@example.jp）")
        }
        BadEmail(s) => format!("\"{s}\" is not an e-mail address (e.g. name@example.jp)"),
        UnknownStage(s) if ja => format!(
            "段階 \"{s}\" はどのテーマの stages にもありません。themes[].stages に加えるか段階を直してください"
        ),
        UnknownStage(s) => format!(
            "stage \"{s}\" is in no theme's stages; add it to a theme's \"stages\" or correct it"
        ),
        MemberInTwoGroups { name, first_group } if ja => {
            format!("{name} はグループ {first_group} にもいます")
        }
        MemberInTwoGroups { name, first_group } => format!("{name} is also in group {first_group}"),
        ReportLongerThanBlock { needed, block } if ja => {
            format!("報告には {needed} 分必要ですがブロックは {block} 分です")
        }
        ReportLongerThanBlock { needed, block } => {
            format!("the reports need {needed} minutes but the block has {block}")
        }
        BroadcastWithoutKey(n) if ja => {
            format!("周知メッセージが {n} 件あります。キー 1～9 で送れるのは最初の 9 件だけです")
        }
        BroadcastWithoutKey(n) => {
            format!("there are {n} broadcast messages; keys 1-9 reach only the first nine")
        }
    }
}

fn at_first(first: Option<crate::model::json_tree::Pos>, lang: Lang) -> String {
    match first {
        Some(p) => lang
            .pick(
                format!("（最初は {p}）").as_str(),
                format!(" (first at {p})").as_str(),
            )
            .to_string(),
        None => String::new(),
    }
}

/// `YYYY-MM-DD` in form (digits and dashes), whether or not the day exists.
pub(crate) fn date_shaped(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}
