//! Format tags: parsing `kind/version` and checking a document's `format` field.

use bunkakai::store::{FormatError, FormatTag, check_format};
use serde_json::{Value, json};

const KIND: &str = "bunkakai.notes";

#[test]
fn format_tags_parse_and_print() {
    let tag: FormatTag = "bunkakai.notes/1".parse().unwrap();
    assert_eq!(tag, FormatTag::new("bunkakai.notes", 1));
    assert_eq!(tag.to_string(), "bunkakai.notes/1");
    assert_eq!("bunkakai.run/12".parse::<FormatTag>().unwrap().version, 12);
    for bad in [
        "",
        "bunkakai.notes",
        "bunkakai.notes/",
        "/1",
        "bunkakai.notes/0",
        "bunkakai.notes/1/2",
        "bunkakai.notes/v1",
        "bunkakai.notes/+1",
        "bunkakai.notes/-1",
        "bunkakai notes/1",
        "bunkakai.notes/99999999999",
    ] {
        assert!(
            matches!(bad.parse::<FormatTag>(), Err(FormatError::Malformed { .. })),
            "{bad:?} should be malformed"
        );
    }
    assert_eq!(
        serde_json::to_value(&tag).unwrap(),
        json!("bunkakai.notes/1")
    );
    assert!(serde_json::from_value::<FormatTag>(json!("nope")).is_err());
}

#[test]
fn check_format_tells_each_problem_apart() {
    let check = |v: Value| check_format(&v, KIND, 2);
    assert_eq!(check(json!({"format": "bunkakai.notes/1"})), Ok(1));
    assert_eq!(check(json!({"format": "bunkakai.notes/2"})), Ok(2));
    assert_eq!(check(json!([1, 2])), Err(FormatError::NotAnObject));
    assert!(matches!(
        check(json!({"group": "A"})),
        Err(FormatError::Missing { .. })
    ));
    assert_eq!(check(json!({"format": 1})), Err(FormatError::NotAString));
    assert!(matches!(
        check(json!({"format": "notes"})),
        Err(FormatError::Malformed { .. })
    ));
    assert_eq!(
        check(json!({"format": "bunkakai.run/1"})),
        Err(FormatError::OtherKind {
            expected: KIND.into(),
            found: "bunkakai.run".into()
        })
    );
    let newer = check(json!({"format": "bunkakai.notes/3"})).unwrap_err();
    assert_eq!(
        newer,
        FormatError::Newer {
            kind: KIND.into(),
            found: 3,
            supported: 2
        }
    );
    assert!(newer.to_string().contains("newer bunkakai"), "{newer}");
}
