//! The wait until the screen can next change: the displayed second (or
//! minute) turns over at a known instant, so the event loop sleeps until
//! then instead of redrawing at a fixed frame rate.

use std::time::Duration;

use chrono::{DateTime, TimeZone};

/// A few milliseconds past the boundary, so that the clock read on waking is
/// surely in the new second even if the system clock and the timer disagree
/// slightly.
pub(crate) const MARGIN: Duration = Duration::from_millis(5);

/// How long to sleep from `now` until `next` (plus [`MARGIN`]); zero when
/// `next` is already past.
pub(crate) fn delay_until<A: TimeZone, B: TimeZone>(
    next: &DateTime<A>,
    now: &DateTime<B>,
) -> Duration {
    let gap = next.clone().signed_duration_since(now.clone());
    gap.to_std().unwrap_or(Duration::ZERO) + MARGIN
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sleeps_to_just_past_the_boundary() {
        let now = DateTime::parse_from_rfc3339("2026-01-20T14:00:00.300+09:00").unwrap();
        let next = DateTime::parse_from_rfc3339("2026-01-20T14:00:01+09:00").unwrap();
        assert_eq!(delay_until(&next, &now), Duration::from_millis(705));
        assert_eq!(delay_until(&now, &next), MARGIN);
    }
}
