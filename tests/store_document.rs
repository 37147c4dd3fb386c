//! Versioned JSON documents: refusing wrong formats, BOM, parse positions, unknown fields.

use std::fs;
use std::path::Path;

use bunkakai::store::{Extra, FormatError, FormatTag, StoreError, load_json, save_json};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

const KIND: &str = "bunkakai.notes";

#[derive(Debug, Serialize, Deserialize)]
struct Notes {
    format: FormatTag,
    group: String,
    #[serde(default)]
    lines: Vec<Line>,
    #[serde(flatten)]
    extra: Extra,
}

#[derive(Debug, Serialize, Deserialize)]
struct Line {
    text: String,
    #[serde(flatten)]
    extra: Extra,
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_newer_file_is_refused_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = b"{\"format\": \"bunkakai.notes/2\", \"group\": 5, \"new_thing\": true}";
    let path = write(dir.path(), "A.json", bytes);

    // Refused on the format, before the wrong type of `group` is looked at.
    let err = load_json::<Notes>(&path, KIND, 1).unwrap_err();
    match &err {
        StoreError::Format {
            path: p,
            error:
                FormatError::Newer {
                    found: 2,
                    supported: 1,
                    ..
                },
        } => assert_eq!(p, &path),
        other => panic!("expected Format/Newer, got {other:?}"),
    }
    let message = err.to_string();
    assert!(
        message.contains("A.json") && message.contains("newer bunkakai"),
        "{message}"
    );
    assert_eq!(fs::read(&path).unwrap(), bytes);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn missing_format_and_other_kinds_are_refused_with_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let missing = write(dir.path(), "A.json", b"{\"group\": \"A\"}");
    let run = write(dir.path(), "run.json", b"{\"format\": \"bunkakai.run/1\"}");
    assert!(matches!(
        load_json::<Notes>(&missing, KIND, 1),
        Err(StoreError::Format { error: FormatError::Missing { .. }, path }) if path == missing
    ));
    assert!(matches!(
        load_json::<Notes>(&run, KIND, 1),
        Err(StoreError::Format { error: FormatError::OtherKind { .. }, path }) if path == run
    ));
}

#[test]
fn a_byte_order_mark_and_crlf_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "A.json",
        "\u{feff}{\r\n  \"format\": \"bunkakai.notes/1\",\r\n  \"group\": \"Ａ班\"\r\n}\r\n"
            .as_bytes(),
    );
    let notes: Notes = load_json(&path, KIND, 1).unwrap();
    assert_eq!(notes.group, "Ａ班");
}

#[test]
fn syntax_errors_carry_path_line_and_character_column() {
    let dir = tempfile::tempdir().unwrap();
    // Line 3: `  "group": "班", x` — `x` is the 17th character but the 19th byte.
    let text = "\u{feff}{\n  \"format\": \"bunkakai.notes/1\",\n  \"group\": \"班\", x\n}\n";
    let path = write(dir.path(), "A.json", text.as_bytes());
    match load_json::<Notes>(&path, KIND, 1).unwrap_err() {
        StoreError::Parse {
            path: p,
            line,
            column,
            message,
            ..
        } => {
            assert_eq!(p, path);
            assert_eq!((line, column), (3, 17), "{message}");
            assert!(
                !message.contains("at line"),
                "position is not repeated: {message}"
            );
        }
        other => panic!("expected Parse, got {other:?}"),
    }
}

#[test]
fn shape_errors_carry_a_position_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "A.json",
        b"{\n  \"format\": \"bunkakai.notes/1\",\n  \"group\": 5\n}\n",
    );
    let err = load_json::<Notes>(&path, KIND, 1).unwrap_err();
    match &err {
        StoreError::Parse { line, .. } => assert!(*line >= 3, "{err}"),
        other => panic!("expected Parse, got {other:?}"),
    }
    assert!(
        err.to_string().starts_with(&format!("{}:", path.display())),
        "{err}"
    );
}

#[test]
fn a_missing_file_is_an_io_error_that_says_not_found() {
    let dir = tempfile::tempdir().unwrap();
    let err = load_json::<Notes>(&dir.path().join("A.json"), KIND, 1).unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    assert_eq!(err.path(), dir.path().join("A.json"));
}

#[test]
fn fields_unknown_to_this_program_survive_load_modify_save() {
    let dir = tempfile::tempdir().unwrap();
    let written_by_newer = r#"{
  "format": "bunkakai.notes/1",
  "colour": "blue",
  "group": "A",
  "lines": [{"text": "first", "speaker": "佐野市"}],
  "attendance": {"present": ["白鷹町"], "late": []}
}"#;
    let path = write(dir.path(), "A.json", written_by_newer.as_bytes());

    let mut notes: Notes = load_json(&path, KIND, 1).unwrap();
    notes.group = "B".into();
    notes.lines.push(Line {
        text: "second".into(),
        extra: Extra::new(),
    });
    save_json(&path, &notes).unwrap();

    let saved: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(
        saved,
        json!({
            "format": "bunkakai.notes/1",
            "group": "B",
            "lines": [{"text": "first", "speaker": "佐野市"}, {"text": "second"}],
            "colour": "blue",
            "attendance": {"present": ["白鷹町"], "late": []}
        })
    );
    // And the rewritten file loads again.
    let again: Notes = load_json(&path, KIND, 1).unwrap();
    assert_eq!(again.extra["colour"], "blue");
}

#[test]
fn save_writes_two_space_pretty_json_with_a_final_newline_and_no_temp() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("run.json");
    save_json(
        &path,
        &json!({"format": "bunkakai.run/1", "blocks": [1], "名前": "第9回"}),
    )
    .unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(
        text,
        "{\n  \"format\": \"bunkakai.run/1\",\n  \"blocks\": [\n    1\n  ],\n  \"名前\": \"第9回\"\n}\n"
    );
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn an_unencodable_value_is_an_encode_error_and_the_file_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "run.json", b"{}\n");
    let mut map = std::collections::HashMap::new();
    map.insert((1, 2), "tuple keys are not JSON object keys");
    let err = save_json(&path, &map).unwrap_err();
    assert!(matches!(err, StoreError::Encode { .. }), "{err:?}");
    assert_eq!(fs::read(&path).unwrap(), b"{}\n");
}
