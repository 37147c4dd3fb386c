//! The `format` field every data file carries: `FormatTag`, `check_format`, `FormatError`.
//!
//! A format tag is a string `"<kind>/<version>"`, e.g. `"bunkakai.notes/1"`. The
//! kind says what the file is (plan, run state, notes), the version says which
//! revision of that kind's layout wrote it. A program reads every version up to
//! the newest it knows and refuses newer ones, so that it never misreads (or,
//! worse, rewrites and truncates) a file written by a newer bunkakai.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// The name of the field that holds the format tag.
pub(crate) const FORMAT_FIELD: &str = "format";

/// A parsed format tag such as `bunkakai.notes/1`.
///
/// It serializes as its string form, so a typed document can hold it directly
/// in its `format` field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FormatTag {
    /// What the file is, e.g. `bunkakai.notes`.
    pub(crate) kind: String,
    /// The layout revision, 1 or more.
    pub version: u32,
}

impl FormatTag {
    /// A tag for `kind` at `version`.
    pub fn new(kind: impl Into<String>, version: u32) -> Self {
        FormatTag {
            kind: kind.into(),
            version,
        }
    }
}

impl fmt::Display for FormatTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.kind, self.version)
    }
}

impl FromStr for FormatTag {
    type Err = FormatError;

    /// Parses `"<kind>/<version>"`: exactly one `/`, a non-empty kind without
    /// whitespace, and a version of ASCII digits that is at least 1.
    fn from_str(s: &str) -> Result<Self, FormatError> {
        let malformed = || FormatError::Malformed {
            found: s.to_string(),
        };
        let (kind, version) = s.split_once('/').ok_or_else(malformed)?;
        if kind.is_empty()
            || kind.contains('/')
            || kind.chars().any(|c| c.is_whitespace() || c.is_control())
            || version.is_empty()
            || !version.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(malformed());
        }
        let version: u32 = version.parse().map_err(|_| malformed())?;
        if version == 0 {
            return Err(malformed());
        }
        Ok(FormatTag::new(kind, version))
    }
}

impl Serialize for FormatTag {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FormatTag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// What is wrong with a document's `format` field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// The document is not a JSON object, so it cannot carry a `format` field.
    #[error("not a bunkakai file: expected a JSON object with a \"format\" field")]
    NotAnObject,

    /// The object has no `format` field.
    #[error("no \"format\" field; expected e.g. \"format\": \"{expected_kind}/1\"")]
    Missing {
        /// The kind the caller expected.
        expected_kind: String,
    },

    /// `format` is there but is not a string.
    #[error("the \"format\" field must be a string like \"bunkakai.notes/1\"")]
    NotAString,

    /// `format` is a string but not of the form `<kind>/<version>`.
    #[error(
        "the \"format\" field {found:?} is not of the form \"<kind>/<version>\", e.g. \"bunkakai.notes/1\""
    )]
    Malformed {
        /// The string found.
        found: String,
    },

    /// The file is of another kind, e.g. a run file where notes were expected.
    #[error("this is a {found} file, not a {expected} file")]
    OtherKind {
        /// The kind the caller expected.
        expected: String,
        /// The kind the file says it is.
        found: String,
    },

    /// A newer bunkakai wrote this file; this program must not read or rewrite it.
    #[error(
        "written by a newer bunkakai (format {kind}/{found}; this program reads up to version {supported}); update bunkakai to open it"
    )]
    Newer {
        /// The file's kind.
        kind: String,
        /// The file's version.
        found: u32,
        /// The newest version this program knows.
        supported: u32,
    },
}

/// Checks the `format` field of a parsed document.
///
/// Returns the file's version (at most `max_version`; older versions are
/// returned, not refused, so the caller can migrate them). `kind` is the full
/// kind, e.g. `"bunkakai.notes"`.
pub fn check_format(value: &Value, kind: &str, max_version: u32) -> Result<u32, FormatError> {
    let object = value.as_object().ok_or(FormatError::NotAnObject)?;
    let field = object
        .get(FORMAT_FIELD)
        .ok_or_else(|| FormatError::Missing {
            expected_kind: kind.to_string(),
        })?;
    let text = field.as_str().ok_or(FormatError::NotAString)?;
    let tag: FormatTag = text.parse()?;
    if tag.kind != kind {
        return Err(FormatError::OtherKind {
            expected: kind.to_string(),
            found: tag.kind,
        });
    }
    if tag.version > max_version {
        return Err(FormatError::Newer {
            kind: tag.kind,
            found: tag.version,
            supported: max_version,
        });
    }
    Ok(tag.version)
}
