//! How the timing tables of the sitting screen and of the Markdown report
//! write durations: `m:ss` and signed differences from the plan.

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
    }
}
