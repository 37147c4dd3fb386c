//! The console's own view of time: stamps in the sitting's time zone, the
//! facilitator's clock from run.json, the time left for the fair-share
//! hint, and when the console must wake up next.

use chrono::{DateTime, Duration, Utc};

use super::{State, roster};
use crate::model::Stamp;
use crate::timer::{Clock, ClockView, Status};

impl State {
    /// `now` as written in files: in the sitting's time zone, with its offset.
    pub(crate) fn stamp(&self, now: DateTime<Utc>) -> Stamp {
        use chrono::SubsecRound;
        now.trunc_subsecs(3).with_timezone(&self.tz).fixed_offset()
    }

    /// The facilitator's clock at `now`, when run.json exists.
    pub(crate) fn clock(&self, now: DateTime<Utc>) -> Option<ClockView<'_>> {
        let run = self.run.as_ref()?;
        Some(Clock::at(&self.plan, run, self.stamp(now)))
    }

    /// The agenda block on the facilitator's clock, once started.
    pub(crate) fn block_id(&self, now: DateTime<Utc>) -> Option<String> {
        let clock = self.clock(now)?;
        match clock.status {
            Status::Running | Status::Paused => clock.block.map(|b| b.id.clone()),
            _ => None,
        }
    }

    /// Time left for the fair-share hint: the running block's, else the
    /// planned breakout minus what has been spoken.
    pub(crate) fn time_left(&self, now: DateTime<Utc>) -> Option<Duration> {
        if let Some(clock) = self.clock(now)
            && matches!(clock.status, Status::Running | Status::Paused)
        {
            return Some(Duration::seconds(clock.remaining));
        }
        let planned = Duration::minutes(i64::from(self.breakout_minutes?));
        let spoken: Duration = self
            .members
            .iter()
            .map(|m| roster::spoken(&self.doc, m, now))
            .sum();
        Some(planned - spoken)
    }

    /// The next instant something on screen or on disk is due to change:
    /// the next whole second (stopwatch, timer), a draft save, a retry.
    pub(crate) fn next_wake(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        let millis = now.timestamp_subsec_millis();
        let mut wake = now + Duration::milliseconds(i64::from(1000 - millis.min(999)));
        if let Some(due) = self.draft_due() {
            wake = wake.min(due.max(now));
        }
        if let Some(retry) = self.saving.retry_at {
            wake = wake.min(retry.max(now));
        }
        wake
    }
}
