//! The rules a `run.json` must follow beyond its JSON shape, checked by the
//! one reader every command uses (see `store::run_file`): numbers within the
//! range every clock computation can take, stamps in a sane year, and, when
//! the plan is known, the file being this sitting's and naming a block the
//! plan has. A file that breaks one is reported with its field path (and,
//! by the store, its line and column) instead of reaching the clock.

use super::Plan;
use super::Stamp;
use super::file_check::{FieldProblem, FieldRule, stamp_in_range};
use super::plan_read::MAX_MINUTES;
use super::run::{BlockRun, RunState};

/// The largest single extension or cut, in seconds (a day).
pub(crate) const MAX_ADJUST_SECONDS: i64 = 24 * 60 * 60;
/// The largest total of a block's extensions and cuts, in seconds (a week).
pub(crate) const MAX_TOTAL_ADJUST_SECONDS: i64 = 7 * 24 * 60 * 60;

/// Checks a run read from run.json; `plan` when the sitting's plan is known.
pub(crate) fn check_run(run: &RunState, plan: Option<&Plan>) -> Result<(), FieldProblem> {
    if let Some(plan) = plan {
        if run.session != plan.id {
            return Err(FieldProblem::rule(
                "session",
                FieldRule::OtherSitting {
                    found: run.session.clone(),
                    sitting: plan.id.clone(),
                },
            ));
        }
        if let Some(c) = &run.current
            && plan.agenda.iter().all(|b| b.id != c.block)
        {
            return Err(FieldProblem::rule(
                "current.block",
                FieldRule::UnknownBlock(c.block.clone()),
            ));
        }
    }
    stamp("ended", run.ended.as_ref())?;
    stamp("saved", run.saved.as_ref())?;
    if let Some(c) = &run.current {
        block_run("current", c)?;
    }
    for (i, h) in run.history.iter().enumerate() {
        let at = format!("history[{i}]");
        block_run(&at, &h.run)?;
        stamp(&format!("{at}.ended"), Some(&h.ended))?;
        if h.planned_minutes > MAX_MINUTES {
            return Err(range(
                &format!("{at}.planned_minutes"),
                0,
                i64::from(MAX_MINUTES),
            ));
        }
        if !(0..=MAX_TOTAL_ADJUST_SECONDS + i64::from(MAX_MINUTES) * 60).contains(&h.actual_seconds)
        {
            return Err(range(
                &format!("{at}.actual_seconds"),
                0,
                MAX_TOTAL_ADJUST_SECONDS + i64::from(MAX_MINUTES) * 60,
            ));
        }
    }
    for (i, m) in run.moves.iter().enumerate() {
        stamp(&format!("moves[{i}].at"), Some(&m.at))?;
    }
    for (i, a) in run.acks.iter().enumerate() {
        stamp(&format!("acks[{i}].raised"), Some(&a.raised))?;
        stamp(&format!("acks[{i}].at"), Some(&a.at))?;
    }
    Ok(())
}

fn block_run(at: &str, b: &BlockRun) -> Result<(), FieldProblem> {
    stamp(&format!("{at}.started"), b.started.as_ref())?;
    for (i, p) in b.pauses.iter().enumerate() {
        stamp(&format!("{at}.pauses[{i}].from"), Some(&p.from))?;
        stamp(&format!("{at}.pauses[{i}].to"), p.to.as_ref())?;
    }
    let mut total: i64 = 0;
    for (i, a) in b.adjustments.iter().enumerate() {
        let here = format!("{at}.adjustments[{i}]");
        stamp(&format!("{here}.at"), Some(&a.at))?;
        if !(-MAX_ADJUST_SECONDS..=MAX_ADJUST_SECONDS).contains(&a.seconds) {
            return Err(range(
                &format!("{here}.seconds"),
                -MAX_ADJUST_SECONDS,
                MAX_ADJUST_SECONDS,
            ));
        }
        total += a.seconds;
        if total.abs() > MAX_TOTAL_ADJUST_SECONDS {
            return Err(FieldProblem::rule(
                format!("{here}.seconds"),
                FieldRule::ExtensionsTooLong {
                    days: MAX_TOTAL_ADJUST_SECONDS / 86_400,
                },
            ));
        }
    }
    for (i, a) in b.alerts.iter().enumerate() {
        stamp(&format!("{at}.alerts[{i}].at"), Some(&a.at))?;
        if a.minutes > MAX_MINUTES {
            return Err(range(
                &format!("{at}.alerts[{i}].minutes"),
                0,
                i64::from(MAX_MINUTES),
            ));
        }
    }
    for (i, t) in b.turns.iter().enumerate() {
        stamp(&format!("{at}.turns[{i}].at"), Some(&t.at))?;
    }
    Ok(())
}

fn range(path: &str, min: i64, max: i64) -> FieldProblem {
    FieldProblem::rule(path, FieldRule::OutOfRange { min, max })
}

fn stamp(path: &str, s: Option<&Stamp>) -> Result<(), FieldProblem> {
    match s {
        Some(s) if !stamp_in_range(s) => Err(FieldProblem::rule(path, FieldRule::StampYears)),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(json: &str) -> RunState {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_huge_adjustment_is_out_of_range_with_its_path() {
        let r = run(
            r#"{"format":"bunkakai.run/1","session":"s","current":{"block":"b",
            "adjustments":[{"at":"2026-01-20T14:00:00+09:00","seconds":60},
                           {"at":"2026-01-20T14:00:00+09:00","seconds":9000000000000}]}}"#,
        );
        let p = check_run(&r, None).unwrap_err();
        assert_eq!(p.path, "current.adjustments[1].seconds");
        assert!(p.message.contains("out of range"), "{}", p.message);
    }

    #[test]
    fn a_good_run_passes() {
        let r = run(
            r#"{"format":"bunkakai.run/1","session":"s","current":{"block":"b",
            "started":"2026-01-20T14:00:00+09:00",
            "adjustments":[{"at":"2026-01-20T14:00:00+09:00","seconds":-300}]}}"#,
        );
        assert_eq!(check_run(&r, None), Ok(()));
    }
}
