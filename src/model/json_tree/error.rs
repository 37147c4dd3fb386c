//! Why a text is not JSON, and where reading stopped.

use super::Pos;

/// Why the text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    /// Where reading stopped.
    pub(crate) pos: Pos,
    /// What was wrong there.
    pub(crate) kind: SyntaxErrorKind,
}

/// The kinds of JSON syntax problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// The file holds no JSON value at all.
    Empty,
    /// The text ended in the middle of a value.
    UnexpectedEnd,
    /// A character that cannot stand here.
    Unexpected(char),
    /// A string holds this raw control character (write it as `\n`, `\t`, …).
    ControlInString(char),
    /// A backslash escape that JSON does not define.
    BadEscape,
    /// A number that is not written as JSON numbers are.
    BadNumber,
    /// Arrays and objects nested deeper than [`MAX_DEPTH`](super::MAX_DEPTH).
    TooDeep,
    /// Something follows the single top-level value.
    TrailingText,
    /// An object names the same key twice.
    DuplicateKey(String),
    /// A comma right before `]` or `}`.
    TrailingComma,
}
