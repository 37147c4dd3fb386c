//! The live state of a sitting (`run.json`, `bunkakai.run/1`), written only by
//! the facilitator console and read by every other screen.
//!
//! Everything here is absolute: the instant a block started, each pause, each
//! extension or cut, each alert fired. No counter is stored, so any process
//! derives the same remaining time from the file and the clock (see
//! [`crate::timer`]), and a console restarted after a crash resumes the block
//! where it was. Fields this program does not know are kept in `extra`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::Stamp;
use super::plan::Plan;

pub(crate) use super::run_moves::MemberMove;

/// The format tag kind of a run file.
pub(crate) const RUN_KIND: &str = "bunkakai.run";
/// The newest run format version this program reads and writes.
pub(crate) const RUN_VERSION: u32 = 1;
/// The file name of the run state inside a sitting's folder.
pub const RUN_FILE: &str = "run.json";

/// How far ahead of this machine's clock run.json may be stamped before the
/// room is warned that the two clocks disagree.
pub(crate) const SKEW_TOLERANCE_SECS: i64 = 2;

/// How many whole seconds `saved` lies ahead of `now`, when beyond the
/// tolerance: the writer's clock runs ahead of this one.
pub(crate) fn skew_ahead(saved: Option<Stamp>, now: Stamp) -> Option<i64> {
    let ahead = (saved? - now).num_seconds();
    (ahead > SKEW_TOLERANCE_SECS).then_some(ahead)
}

/// The live state of one sitting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunState {
    /// `"bunkakai.run/1"`.
    pub(crate) format: String,
    /// The sitting's id.
    pub(crate) session: String,
    /// The block on the clock; `None` once the whole agenda is done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<BlockRun>,
    /// When the last block was finished and the sitting ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) ended: Option<Stamp>,
    /// Blocks finished or skipped, in the order it happened.
    #[serde(default)]
    pub(crate) history: Vec<FinishedBlock>,
    /// Members moved from one group to another during the sitting.
    #[serde(default)]
    pub(crate) moves: Vec<MemberMove>,
    /// The theme whose prompt card the facilitator put on the shared display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) shown_theme: Option<String>,
    /// The note-takers' flags the facilitator has acknowledged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) acks: Vec<FlagAck>,
    /// A short message to the room the facilitator put on the shared display
    /// (「休憩中 14:30 再開」), shown large until taken down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) room_message: Option<String>,
    /// The reference card (its id, else its title) the facilitator put on the
    /// shared display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) shown_reference: Option<String>,
    /// When the facilitator console wrote this file, by its machine's clock;
    /// other machines compare it with theirs to warn of clock skew.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub saved: Option<Stamp>,
    /// Fields written by a newer bunkakai, kept as they were.
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

/// One run of an agenda block: when it started, its pauses, extensions and
/// the alerts already given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlockRun {
    /// The block's id in the plan.
    pub block: String,
    /// When the block was started; `None` while it waits to be started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<Stamp>,
    /// Every pause, in order; the last may still be open.
    #[serde(default)]
    pub(crate) pauses: Vec<Pause>,
    /// Extensions (positive) and cuts (negative) of the block's length.
    #[serde(default)]
    pub adjustments: Vec<Adjustment>,
    /// Alerts already given in this run of the block; each is given once.
    #[serde(default)]
    pub(crate) alerts: Vec<FiredAlert>,
    /// In a report-back round: when each group's turn began.
    #[serde(default)]
    pub turns: Vec<ReportTurn>,
    /// Fields written by a newer bunkakai.
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

/// A pause of the block's clock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Pause {
    /// When the clock was paused.
    pub(crate) from: Stamp,
    /// When it was resumed; `None` while paused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) to: Option<Stamp>,
    /// True when the clock stood still because the facilitator had gone to
    /// another block (`b`/`n`) and came back to this one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(crate) left: bool,
    /// Fields written by a newer bunkakai.
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

/// An extension or a cut of the running block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Adjustment {
    /// When the facilitator made it.
    pub at: Stamp,
    /// Seconds added (negative: removed).
    pub seconds: i64,
    /// Fields written by a newer bunkakai.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// An alert the console has given, so that it is never given twice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FiredAlert {
    /// Minutes before the end it marks; 0 is "time is up".
    pub(crate) minutes: u32,
    /// When it was given.
    pub(crate) at: Stamp,
    /// When an extension took the remaining time back above its threshold,
    /// so that it rings again at the next crossing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) rearmed: Option<Stamp>,
    /// Fields written by a newer bunkakai.
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

/// The facilitator's acknowledgement of a flag a note-taker raised.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct FlagAck {
    /// The group whose flag it is.
    pub(crate) group: String,
    /// When the flag acknowledged was raised (its `at` in the notes file).
    pub(crate) raised: Stamp,
    /// When the facilitator acknowledged it.
    pub(crate) at: Stamp,
}

/// The start of one group's turn in a report-back round.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportTurn {
    /// The reporting group's id.
    pub group: String,
    /// When its turn began.
    pub(crate) at: Stamp,
    /// Extensions and cuts of this turn (`+`/`-` while it reports); the
    /// block was extended or cut by the same amount.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) adjustments: Vec<Adjustment>,
    /// The turn's time-up, once it rang (minutes 0).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alerts: Vec<FiredAlert>,
    /// Seconds the turn ran (pauses excluded), once the next turn began or
    /// the block was left.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) actual_seconds: Option<i64>,
    /// Fields written by a newer bunkakai.
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

/// A block that is over: planned against actual time, for the review screens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct FinishedBlock {
    /// The run of the block as it stood when it was left.
    #[serde(flatten)]
    pub(crate) run: BlockRun,
    /// When the facilitator moved on.
    pub(crate) ended: Stamp,
    /// The planned length in minutes.
    pub(crate) planned_minutes: u32,
    /// Seconds the clock actually ran (pauses excluded).
    pub(crate) actual_seconds: i64,
    /// True when the block was never started.
    #[serde(default)]
    pub(crate) skipped: bool,
    /// True when the facilitator restarted the block (`R`): this run was
    /// set aside and the block began again from waiting.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(crate) restarted: bool,
}

impl BlockRun {
    /// A block waiting to be started.
    pub fn ready(block: &str) -> BlockRun {
        BlockRun {
            block: block.to_string(),
            started: None,
            pauses: Vec::new(),
            adjustments: Vec::new(),
            alerts: Vec::new(),
            turns: Vec::new(),
            extra: Map::new(),
        }
    }

    /// True while the clock is paused.
    pub(crate) fn is_paused(&self) -> bool {
        self.pauses.last().is_some_and(|p| p.to.is_none())
    }

    /// True when the alert at `minutes` before the end was already given
    /// and no extension has re-armed it since.
    pub(crate) fn alert_fired(&self, minutes: u32) -> bool {
        fired(&self.alerts, minutes)
    }

    /// Total extension (negative: cut) in seconds; saturates rather than
    /// overflows on absurd values (run.json is checked on reading, see
    /// [`crate::model::run_read`]).
    pub(crate) fn adjusted_seconds(&self) -> i64 {
        self.adjustments
            .iter()
            .fold(0i64, |sum, a| sum.saturating_add(a.seconds))
    }
}

/// True when `alerts` holds the alert at `minutes`, given and not re-armed.
pub(crate) fn fired(alerts: &[FiredAlert], minutes: u32) -> bool {
    alerts
        .iter()
        .any(|a| a.minutes == minutes && a.rearmed.is_none())
}

impl ReportTurn {
    /// The turn's extensions and cuts in seconds.
    pub(crate) fn adjusted_seconds(&self) -> i64 {
        self.adjustments.iter().map(|a| a.seconds).sum()
    }
}

impl RunState {
    /// True when the facilitator acknowledged `group`'s flag raised at `raised`.
    pub(crate) fn acknowledged(&self, group: &str, raised: Stamp) -> bool {
        self.acks
            .iter()
            .any(|a| a.group == group && a.raised == raised)
    }

    /// The state of a sitting nobody has run yet: the first block waits.
    pub fn new(plan: &Plan) -> RunState {
        RunState {
            format: format!("{RUN_KIND}/{RUN_VERSION}"),
            session: plan.id.clone(),
            current: plan.agenda.first().map(|b| BlockRun::ready(&b.id)),
            ended: None,
            history: Vec::new(),
            moves: Vec::new(),
            shown_theme: None,
            acks: Vec::new(),
            room_message: None,
            shown_reference: None,
            saved: None,
            extra: Map::new(),
        }
    }

    /// The index in the plan's agenda of the block on the clock.
    pub(crate) fn current_index(&self, plan: &Plan) -> Option<usize> {
        let run = self.current.as_ref()?;
        plan.agenda.iter().position(|b| b.id == run.block)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::test_sitting::plan;

    #[test]
    fn new_run_waits_on_the_first_block() {
        let plan = plan();
        let run = RunState::new(&plan);
        assert_eq!(run.format, "bunkakai.run/1");
        assert_eq!(run.current_index(&plan), Some(0));
        assert!(run.current.as_ref().unwrap().started.is_none());
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let text = r#"{"format":"bunkakai.run/1","session":"s","mood":"calm",
          "current":{"block":"b","started":"2026-01-20T14:00:00+09:00","colour":"red",
            "pauses":[{"from":"2026-01-20T14:01:00+09:00","why":"mic"}]},
          "history":[{"block":"a","ended":"2026-01-20T14:00:00+09:00","planned_minutes":5,
            "actual_seconds":290,"note":"x"}]}"#;
        let run: RunState = serde_json::from_str(text).unwrap();
        assert!(run.current.as_ref().unwrap().is_paused());
        let back = serde_json::to_value(&run).unwrap();
        assert_eq!(back["mood"], "calm");
        assert_eq!(back["current"]["colour"], "red");
        assert_eq!(back["current"]["pauses"][0]["why"], "mic");
        assert_eq!(back["history"][0]["note"], "x");
        assert_eq!(back["history"][0]["block"], "a");
        assert_eq!(back["current"]["started"], "2026-01-20T14:00:00+09:00");
    }
}
