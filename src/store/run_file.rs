//! run.json on disk: the one reader every command uses (facilitator,
//! display, note-takers, review, search, export), so each reaches the same
//! verdict on the same file; and the check, before the facilitator saves,
//! that the file on disk is not one this version must leave alone.

use std::path::Path;

use super::error::{IoOp, StoreError};
use super::format::{FormatError, check_format};
use super::{field_error, parse_json};
use crate::model::Plan;
use crate::model::run::{RUN_KIND, RUN_VERSION, RunState};
use crate::model::run_read::check_run;

/// Reads run.json; `plan` when the sitting's plan is known, to check that
/// the file is this sitting's and names a block the plan has.
pub fn load(path: &Path, plan: Option<&Plan>) -> Result<RunState, StoreError> {
    let bytes = std::fs::read(path).map_err(|e| StoreError::io(path, IoOp::Read, e))?;
    parse(path, &bytes, plan)
}

/// [`load`] on bytes already read.
pub fn parse(path: &Path, bytes: &[u8], plan: Option<&Plan>) -> Result<RunState, StoreError> {
    let run: RunState = parse_json(path, bytes, RUN_KIND, RUN_VERSION)?;
    check_run(&run, plan).map_err(|p| field_error(path, bytes, &p))?;
    Ok(run)
}

/// True when the error is about what the file holds (its rules, a block or
/// sitting the plan does not know), not its JSON, its format or the disk:
/// the facilitator can open on such a file and start the block afresh.
pub(crate) fn is_content_error(e: &StoreError) -> bool {
    matches!(e, StoreError::Parse { .. })
}

/// Refuses to save over a run.json that a newer bunkakai wrote, or that is
/// some other kind of file: its contents would be lost. A missing, damaged
/// or older file may be replaced (the facilitator is its only writer).
pub(crate) fn may_replace(path: &Path) -> Result<(), StoreError> {
    let Ok(bytes) = std::fs::read(path) else {
        return Ok(());
    };
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(text) else {
        return Ok(());
    };
    match check_format(&value, RUN_KIND, RUN_VERSION) {
        Err(error @ (FormatError::Newer { .. } | FormatError::OtherKind { .. })) => {
            Err(StoreError::Format {
                path: path.to_path_buf(),
                error,
            })
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_adjustment_is_reported_at_its_line_column_and_path() {
        let text = "{\"format\":\"bunkakai.run/1\",\"session\":\"s\",\n\"current\":{\"block\":\"b\",\n\"adjustments\":[{\"at\":\"2026-01-20T14:00:00+09:00\",\"seconds\":9000000000000}]}}";
        let e = parse(Path::new("run.json"), text.as_bytes(), None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "run.json:3:60: current.adjustments[0].seconds: out of range: must be from -86400 to 86400"
        );
    }

    #[test]
    fn a_newer_file_is_never_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("run.json");
        assert!(may_replace(&path).is_ok());
        std::fs::write(&path, r#"{"format":"bunkakai.run/2","x_new":1}"#).unwrap();
        assert!(may_replace(&path).is_err());
        std::fs::write(&path, r#"{"format":"bunkakai.run/1"}"#).unwrap();
        assert!(may_replace(&path).is_ok());
    }
}
