//! The sitting every mutant is put in: the archive fixture's plan and
//! notes of group A, and a run in the middle of the breakout.

use std::path::{Path, PathBuf};

use bunkakai::model::Stamp;
use bunkakai::model::{Plan, read_plan};
use bunkakai::store::archive::{FileBytes, SittingFiles};

pub(crate) const DIR: &str = "/fuzz/jichitai-09";

/// A run in the middle of the breakout: paused once, extended, an alert given.
pub(crate) const RUN: &str = r#"{
  "format": "bunkakai.run/1",
  "session": "jichitai-09",
  "current": {
    "block": "exchange",
    "started": "2026-01-20T14:07:00+09:00",
    "pauses": [{"from": "2026-01-20T14:10:00+09:00", "to": "2026-01-20T14:11:00+09:00"}],
    "adjustments": [{"at": "2026-01-20T14:12:00+09:00", "seconds": 300}],
    "alerts": [{"minutes": 5, "at": "2026-01-20T14:50:00+09:00"}],
    "turns": []
  },
  "history": [{"block": "briefing", "started": "2026-01-20T14:00:10+09:00",
    "ended": "2026-01-20T14:06:40+09:00", "planned_minutes": 5, "actual_seconds": 390}],
  "moves": [{"member": "佐野市", "from": "A", "to": "B", "at": "2026-01-20T14:08:00+09:00"}],
  "saved": "2026-01-20T14:12:00+09:00"
}"#;

pub(crate) struct Base {
    pub(crate) plan_bytes: Vec<u8>,
    pub(crate) plan: Plan,
    pub(crate) run: Vec<u8>,
    pub(crate) notes: Vec<u8>,
}

pub(crate) fn base() -> Base {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let plan_bytes =
        std::fs::read(root.join("tests/fixtures/archive/jichitai-09/session.json")).unwrap();
    let plan = read_plan(&plan_bytes, "jichitai-09").plan.unwrap();
    let notes =
        std::fs::read(root.join("tests/fixtures/archive/jichitai-09/notes/A.json")).unwrap();
    Base {
        plan_bytes,
        plan,
        run: RUN.as_bytes().to_vec(),
        notes,
    }
}

pub(crate) fn stamp(s: &str) -> Stamp {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

pub(crate) fn sitting_files(plan: &[u8], run: &[u8], notes: &[u8]) -> SittingFiles {
    let file = |p: &str, b: &[u8]| FileBytes {
        path: PathBuf::from(DIR).join(p),
        bytes: Ok(b.to_vec()),
    };
    SittingFiles {
        folder: "jichitai-09".into(),
        dir: PathBuf::from(DIR),
        plan: file("session.json", plan),
        run: Some(file("run.json", run)),
        notes: vec![file("notes/A.json", notes)],
    }
}
