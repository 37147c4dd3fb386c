//! The sitting unit tests run on: the plan of `jichitai-09` as the tests
//! know it (a frozen copy in `tests/fixtures/sittings/`, not the bundled,
//! user-editable `sessions/`) and instants on its day.

use super::{Plan, Stamp};

/// The plan of `jichitai-09`, read.
pub(crate) fn plan() -> Plan {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sittings/jichitai-09/session.json"
    );
    let bytes = std::fs::read(file).unwrap();
    super::read_plan(&bytes, "jichitai-09")
        .plan
        .expect("the fixture plan is valid")
}

/// 14:00:00 Japan time on the day of the sitting (2026-01-20), plus `secs`.
pub(crate) fn at(secs: i64) -> Stamp {
    chrono::DateTime::parse_from_rfc3339("2026-01-20T14:00:00+09:00").unwrap()
        + chrono::Duration::seconds(secs)
}
