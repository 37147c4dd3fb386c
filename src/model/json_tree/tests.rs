//! The JSON reader against what JSON allows and forbids.

use super::*;

fn kind(text: &str) -> SyntaxErrorKind {
    parse(text).unwrap_err().kind
}

#[test]
fn positions_count_characters_not_bytes() {
    let node = parse("{\n  \"題\": \"白鷹町\", \"n\": 5}").unwrap();
    let Value::Object(members) = node.value else {
        panic!("object")
    };
    assert_eq!(members[0].key_pos, Pos { line: 2, col: 3 });
    assert_eq!(members[1].node.pos, Pos { line: 2, col: 20 });
    assert_eq!(members[1].node.value, Value::Number("5".into()));
}

#[test]
fn crlf_lines_are_counted_once() {
    let err = parse("{\r\n\"a\": 1,\r\n\"b\" 2}").unwrap_err();
    assert_eq!(err.pos, Pos { line: 3, col: 5 });
    assert_eq!(err.kind, SyntaxErrorKind::Unexpected('2'));
}

#[test]
fn escapes_and_surrogate_pairs() {
    let node = parse(r#""a\n\u3042\ud83d\ude00\"""#).unwrap();
    assert_eq!(node.value, Value::String("a\nあ😀\"".into()));
    assert_eq!(kind(r#""\ud83d""#), SyntaxErrorKind::BadEscape);
    assert_eq!(kind(r#""\x""#), SyntaxErrorKind::BadEscape);
}

#[test]
fn rejects_what_json_rejects() {
    assert_eq!(kind(""), SyntaxErrorKind::Empty);
    assert_eq!(kind("  \n "), SyntaxErrorKind::Empty);
    assert_eq!(kind("[1,]"), SyntaxErrorKind::TrailingComma);
    assert_eq!(kind("{\"a\":1,}"), SyntaxErrorKind::TrailingComma);
    assert_eq!(kind("01"), SyntaxErrorKind::BadNumber);
    assert_eq!(kind("1 2"), SyntaxErrorKind::TrailingText);
    assert_eq!(kind("1.e3"), SyntaxErrorKind::BadNumber);
    assert_eq!(kind("[1 2]"), SyntaxErrorKind::Unexpected('2'));
    assert_eq!(kind("\"a\tb\""), SyntaxErrorKind::ControlInString('\t'));
    assert_eq!(
        kind("{\"a\":1,\"a\":2}"),
        SyntaxErrorKind::DuplicateKey("a".into())
    );
    assert_eq!(kind("{\"a\":"), SyntaxErrorKind::UnexpectedEnd);
    assert_eq!(kind("nul"), SyntaxErrorKind::UnexpectedEnd);
    assert_eq!(kind("\0"), SyntaxErrorKind::Unexpected('\0'));
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    assert_eq!(kind(&deep), SyntaxErrorKind::TooDeep);
    let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
    assert!(parse(&ok).is_ok());
}

#[test]
fn finds_nodes_by_field_path() {
    let root = parse("{\"agenda\": [{\"id\": \"a\"}, {\"minutes\": [7, 8]}]}").unwrap();
    let n = root.find("agenda[1].minutes[1]").unwrap();
    assert_eq!(n.value, Value::Number("8".into()));
    assert_eq!(root.find("").unwrap().pos, Pos { line: 1, col: 1 });
    assert!(root.find("agenda[2]").is_none());
    assert!(root.find("agenda.id").is_none());
}

#[test]
fn numbers_are_kept_as_written() {
    for n in ["0", "-0", "45", "1.5", "2e3", "-1E-2"] {
        assert_eq!(parse(n).unwrap().value, Value::Number(n.into()), "{n}");
    }
}
