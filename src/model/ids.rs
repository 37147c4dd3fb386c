//! Ids of sessions, groups, blocks and themes: they become file names, so they
//! are held to a portable, harmless alphabet.

/// Why a string cannot be an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdError {
    /// The id is empty.
    Empty,
    /// Longer than 64 characters.
    TooLong(usize),
    /// `.` or `..`, which name folders rather than files.
    Dots,
    /// `/` or `\`, which would point into another folder.
    Separator(char),
    /// A control character, invisible and unsafe in file names.
    Control(char),
    /// A name Windows reserves for devices (CON, NUL, COM1 …).
    Reserved(String),
    /// Any other character outside `A–Z a–z 0–9 _ -`.
    Char(char),
}

/// The longest id accepted.
pub(crate) const MAX_ID_LEN: usize = 64;

const RESERVED: [&str; 4] = ["CON", "PRN", "AUX", "NUL"];

/// Checks that `id` is 1–64 characters of `A–Z a–z 0–9 _ -` and not a
/// reserved device name, naming the first reason it is not.
pub(crate) fn check_id(id: &str) -> Result<(), IdError> {
    if id.is_empty() {
        return Err(IdError::Empty);
    }
    if id == "." || id == ".." || id.contains("..") {
        return Err(IdError::Dots);
    }
    for c in id.chars() {
        match c {
            '/' | '\\' => return Err(IdError::Separator(c)),
            c if c.is_control() => return Err(IdError::Control(c)),
            'A'..='Z' | 'a'..='z' | '0'..='9' | '_' | '-' => {}
            c => return Err(IdError::Char(c)),
        }
    }
    let n = id.chars().count();
    if n > MAX_ID_LEN {
        return Err(IdError::TooLong(n));
    }
    let upper = id.to_ascii_uppercase();
    let device = RESERVED.contains(&upper.as_str())
        || ((upper.starts_with("COM") || upper.starts_with("LPT"))
            && upper.len() == 4
            && matches!(upper.as_bytes()[3], b'1'..=b'9'));
    if device {
        return Err(IdError::Reserved(id.to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_portable_ids() {
        for id in ["A", "jichitai-09", "group_1", "1", &"x".repeat(64)] {
            assert_eq!(check_id(id), Ok(()), "{id}");
        }
    }

    #[test]
    fn rejects_each_kind_with_its_reason() {
        let cases: &[(&str, IdError)] = &[
            ("", IdError::Empty),
            ("..", IdError::Dots),
            ("a..b", IdError::Dots),
            ("a/b", IdError::Separator('/')),
            ("a\\b", IdError::Separator('\\')),
            ("a\nb", IdError::Control('\n')),
            ("a\u{1b}", IdError::Control('\u{1b}')),
            ("con", IdError::Reserved("con".into())),
            ("LPT1", IdError::Reserved("LPT1".into())),
            ("グループ", IdError::Char('グ')),
            ("a b", IdError::Char(' ')),
            ("a.json", IdError::Char('.')),
        ];
        for (id, want) in cases {
            assert_eq!(check_id(id).as_ref(), Err(want), "{id:?}");
        }
        assert_eq!(check_id(&"x".repeat(65)), Err(IdError::TooLong(65)));
        assert_eq!(check_id("COM0"), Ok(()));
        assert_eq!(check_id("CONSOLE"), Ok(()));
    }
}
