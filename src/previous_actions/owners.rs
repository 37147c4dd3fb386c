//! Telling whether an action's owner is one of a group's members.
//!
//! Owners are typed by hand during a sitting (「佐野市」「佐野」「函館市・事務局」
//! 「ｻﾉ市（田中）」), members come from the plan. An owner names a member when
//! one of its parts, brought to one form, is the member's name or
//! affiliation in that form, or differs from it only by the municipal
//! suffix one of them leaves out:
//!
//! - the owner is split at ・、,，/／;；&＆ and brackets, and tried whole too;
//! - NFKC (full-width and half-width letters, digits and kana are one),
//!   lower case, spaces dropped;
//! - 「佐野」 names 佐野市 and 「佐野市」 names a member listed as 佐野, but 新潟県
//!   never names 新潟市: a suffix (都道府県市区町村) is only ever left out on one
//!   side. An owner written without its suffix can name two members
//!   (「新潟」: 新潟県 and 新潟市); both are shown, as the note-taker cannot tell
//!   which was meant either.

use unicode_normalization::UnicodeNormalization;

use crate::model::Member;

/// The suffixes of a municipality or prefecture that people leave out.
const SUFFIXES: [char; 8] = ['都', '道', '府', '県', '市', '区', '町', '村'];

/// Characters that separate several owners in one field.
fn separator(c: char) -> bool {
    matches!(
        c,
        '・' | '、'
            | ','
            | '，'
            | '/'
            | '／'
            | ';'
            | '；'
            | '&'
            | '＆'
            | '('
            | ')'
            | '（'
            | '）'
            | '['
            | ']'
            | '「'
            | '」'
            | '【'
            | '】'
            | '･'
    )
}

/// The one form names are compared in.
pub(crate) fn key(name: &str) -> String {
    name.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// `key` without its municipal suffix, when it has one and more before it.
fn stem(key: &str) -> Option<&str> {
    let last = key.chars().last()?;
    let rest = &key[..key.len() - last.len_utf8()];
    (!rest.is_empty() && SUFFIXES.contains(&last)).then_some(rest)
}

/// True when the names `a` and `b` (already in [`key`] form) are the same
/// place: equal, or equal once the suffix of one of them is left out.
fn same_place(a: &str, b: &str) -> bool {
    !a.is_empty() && (a == b || stem(a) == Some(b) || stem(b) == Some(a))
}

/// The parts of an owner field, each in [`key`] form, the whole first.
pub(crate) fn parts(owner: &str) -> Vec<String> {
    let mut out = vec![key(owner)];
    // The NFKC form first, so that a half-width ･ or full-width ／ splits too.
    let normal: String = owner.nfkc().collect();
    for part in normal.split(separator) {
        let k = key(part);
        if !k.is_empty() && !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

/// True when the owner field `owner` names `member` (by name or affiliation).
pub(crate) fn names(owner: &str, member: &Member) -> bool {
    let wanted: Vec<String> = std::iter::once(&member.name)
        .chain(member.affiliation.as_ref())
        .map(|n| key(n))
        .collect();
    parts(owner)
        .iter()
        .any(|p| wanted.iter().any(|w| same_place(p, w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(name: &str) -> Member {
        Member::named(name)
    }

    #[test]
    fn owners_name_members_by_name_width_and_a_left_out_suffix() {
        let cases: &[(&str, &str, bool)] = &[
            ("佐野市", "佐野市", true),
            ("佐野", "佐野市", true),
            ("佐野市", "佐野", true),
            (" 佐野市 ", "佐野市", true),
            ("佐野 市", "佐野市", true),
            ("函館市・事務局", "函館市", true),
            ("事務局・函館", "函館市", true),
            ("函館市、気仙沼市", "気仙沼市", true),
            ("佐野市（田中）", "佐野市", true),
            ("ｻﾉ市", "サノ市", true),
            ("ＫＰＩ町", "kpi町", true),
            ("白鷹", "白鷹町", true),
            ("東成瀬", "東成瀬村", true),
            ("新潟", "新潟県", true),
            ("新潟", "新潟市", true),
            // Never two different suffixes.
            ("新潟県", "新潟市", false),
            ("新潟市", "新潟県", false),
            ("佐野市", "函館市", false),
            ("佐", "佐野市", false),
            ("事務局", "函館市", false),
            ("", "函館市", false),
            ("市", "市", true),
            ("市", "佐野市", false),
            // "ときがわ町" holds と: never a separator.
            ("ときがわ", "ときがわ町", true),
        ];
        for (owner, member, want) in cases {
            assert_eq!(names(owner, &m(member)), *want, "{owner} / {member}");
        }
    }

    #[test]
    fn a_member_is_also_named_by_their_affiliation() {
        let mut person = m("田中");
        person.affiliation = Some("佐野市".into());
        assert!(names("佐野", &person));
        assert!(names("田中", &person));
        assert!(!names("函館", &person));
    }

    #[test]
    fn parts_split_at_separators_and_keep_the_whole() {
        assert_eq!(
            parts("函館市・事務局"),
            ["函館市・事務局", "函館市", "事務局"]
        );
        assert_eq!(parts("佐野市"), ["佐野市"]);
        assert_eq!(parts("A／B"), ["a/b", "a", "b"]);
    }
}
