//! Planned against actual time per agenda block, from the run history: the
//! timing table of the sitting screen and of the Markdown report.

use super::archive::Sitting;

/// One agenda block's planned and actual time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TimingRow {
    /// The block's title (its id when the plan does not know it).
    pub(crate) title: String,
    /// Planned minutes.
    pub(crate) planned_minutes: u32,
    /// Seconds it actually ran; `None` when it never finished.
    pub(crate) actual_seconds: Option<i64>,
    /// True when the facilitator skipped it.
    pub(crate) skipped: bool,
}

impl TimingRow {
    /// Seconds over (positive) or under (negative) the plan.
    pub(crate) fn over_seconds(&self) -> Option<i64> {
        self.actual_seconds
            .filter(|_| !self.skipped)
            .map(|a| a - i64::from(self.planned_minutes) * 60)
    }

    /// True when the block ran longer than planned.
    pub(crate) fn overran(&self) -> bool {
        self.over_seconds().is_some_and(|s| s > 0)
    }
}

/// The blocks in plan order, each with what the run history says about
/// it; blocks the history has but the plan does not are added at the end.
/// `None` when the sitting has no run history.
pub(crate) fn rows(sitting: &Sitting) -> Option<Vec<TimingRow>> {
    let run = sitting.run.as_ref()?;
    let mut rows: Vec<(String, TimingRow)> = sitting
        .plan
        .iter()
        .flat_map(|p| p.agenda.iter())
        .map(|b| {
            let row = TimingRow {
                title: b.title.clone(),
                planned_minutes: b.minutes,
                actual_seconds: None,
                skipped: false,
            };
            (b.id.clone(), row)
        })
        .collect();
    for done in &run.history {
        let at = match rows.iter().position(|(id, _)| *id == done.run.block) {
            Some(at) => at,
            None => {
                let row = TimingRow {
                    title: done.run.block.clone(),
                    planned_minutes: done.planned_minutes,
                    actual_seconds: None,
                    skipped: false,
                };
                rows.push((done.run.block.clone(), row));
                rows.len() - 1
            }
        };
        let row = &mut rows[at].1;
        // A block run twice (restarted) counts both runs.
        let before = row.actual_seconds.unwrap_or(0);
        row.actual_seconds = Some(before + done.actual_seconds.max(0));
        row.skipped = done.skipped && before == 0;
    }
    Some(rows.into_iter().map(|(_, r)| r).collect())
}

/// Seconds as `m:ss` (`-m:ss` when negative).
pub(crate) fn clock(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    format!("{sign}{}:{:02}", s / 60, s % 60)
}

/// A difference as `+m:ss`, `-m:ss` or `±0:00`.
pub(crate) fn diff(seconds: i64) -> String {
    match seconds {
        0 => "±0:00".to_string(),
        s if s > 0 => format!("+{}", clock(s)),
        s => clock(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clocks_and_differences() {
        assert_eq!(clock(390), "6:30");
        assert_eq!(clock(2880), "48:00");
        assert_eq!(diff(90), "+1:30");
        assert_eq!(diff(-30), "-0:30");
        assert_eq!(diff(0), "±0:00");
        let row = TimingRow {
            title: "x".into(),
            planned_minutes: 5,
            actual_seconds: Some(290),
            skipped: false,
        };
        assert_eq!(row.over_seconds(), Some(-10));
        assert!(!row.overran());
        let skipped = TimingRow {
            skipped: true,
            actual_seconds: Some(0),
            ..row
        };
        assert_eq!(skipped.over_seconds(), None);
    }
}
