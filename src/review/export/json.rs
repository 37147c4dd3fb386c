//! The sitting merged into one JSON document: the plan, the run history and
//! every group's notes exactly as their files hold them (fields this
//! program does not know included), and the files that could not be read.

use serde_json::{Map, Value, json};

use super::relative;
use crate::i18n::Lang;
use crate::i18n::review::file_problem;
use crate::review::archive::Sitting;
use crate::store::archive::{FileBytes, SittingFiles};
use crate::tui::text::is_unsafe;

/// The format tag of the merged document.
pub(crate) const EXPORT_FORMAT: &str = "bunkakai.export/1";

/// The merged document, pretty-printed, ending with a line break.
pub(crate) fn merged(s: &Sitting, files: &SittingFiles, lang: Lang) -> String {
    let broken = |f: &FileBytes| {
        s.problems
            .iter()
            .any(|p| p.path == f.path && p.fault.whole_file())
    };
    let value = |f: &FileBytes| -> Value {
        let bytes = match &f.bytes {
            Ok(b) if !broken(f) => b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b),
            _ => return Value::Null,
        };
        serde_json::from_slice(bytes).unwrap_or(Value::Null)
    };
    let mut notes = Map::new();
    for f in files.notes.iter().filter(|f| !broken(f)) {
        if let Value::Object(doc) = value(f) {
            let group = doc
                .get("group")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            notes.insert(group, Value::Object(doc));
        }
    }
    let problems: Vec<String> = s
        .problems
        .iter()
        .map(|p| file_problem(&relative(s, p), lang))
        .collect();
    let doc = json!({
        "format": EXPORT_FORMAT,
        "session": s.id,
        "plan": value(&files.plan),
        "run": files.run.as_ref().map_or(Value::Null, value),
        "notes": notes,
        "problems": problems,
    });
    let mut text = inert_json(&serde_json::to_string_pretty(&doc).unwrap_or_default());
    text.push('\n');
    text
}

/// JSON text with every character a terminal could act on written as a
/// `\uXXXX` escape: C1 controls, DEL, bidi controls and line/paragraph
/// separators (serde_json escapes only U+0000–U+001F). Such characters
/// can only stand inside strings, so the result is the same JSON value.
pub(crate) fn inert_json(text: &str) -> String {
    // C0 needs no care: serde_json escapes it inside strings, and outside
    // them it is only the JSON's own whitespace.
    let risky = |c: char| is_unsafe(c) && !matches!(c, '\0'..='\u{1F}');
    if !text.chars().any(risky) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if risky(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c1_bidi_and_del_are_escaped_and_the_value_is_kept() {
        let value = serde_json::json!({"t": "C1\u{9b}2J 請求書\u{202e}exe デル\u{7f} \u{2028}"});
        let text = inert_json(&value.to_string());
        assert!(
            !text
                .chars()
                .any(|c| ('\u{7f}'..='\u{9f}').contains(&c) || c == '\u{202e}')
        );
        assert!(
            text.contains("\\u009b") && text.contains("\\u202e"),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
