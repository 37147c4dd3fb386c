//! The sitting merged into one JSON document: the plan, the run history and
//! every group's notes exactly as their files hold them (fields this
//! program does not know included), and the files that could not be read.

use serde_json::{Map, Value, json};

use super::relative;
use crate::i18n::Lang;
use crate::i18n::review::file_problem;
use crate::review::archive::Sitting;
use crate::store::archive::{FileBytes, SittingFiles};

/// The format tag of the merged document.
pub const EXPORT_FORMAT: &str = "bunkakai.export/1";

/// The merged document, pretty-printed, ending with a line break.
pub fn merged(s: &Sitting, files: &SittingFiles, lang: Lang) -> String {
    let broken = |f: &FileBytes| s.problems.iter().any(|p| p.path == f.path);
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
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}
