//! The group's roster as the note-taker keeps it: attendance marks, the
//! speaking order, each member's speaking turns, and the fair-share hint
//! that keeps a 45-minute exchange of seven municipalities fair.
//!
//! Everything here is a pure function of the notes file and `now`.

use chrono::{DateTime, Duration, Utc};

use crate::model::Stamp;
use crate::model::notes::{Attendance, GroupNotes, Presence, Turn, after};

/// The next attendance mark in the cycle 出席 → 遅刻 → 欠席 → 出席.
pub(crate) fn next_presence(p: Option<Presence>) -> Presence {
    match p {
        None | Some(Presence::Absent) => Presence::Present,
        Some(Presence::Present) => Presence::Late,
        Some(Presence::Late) => Presence::Absent,
    }
}

/// Marks `member`'s attendance at `at`, replacing their earlier mark.
pub(crate) fn mark(doc: &mut GroupNotes, member: &str, status: Presence, at: Stamp) {
    let prev = doc
        .attendance
        .iter()
        .find(|a| a.member == member)
        .map(|a| a.at);
    let at = after(prev, at);
    doc.attendance.retain(|a| a.member != member);
    doc.attendance.push(Attendance {
        member: member.to_string(),
        status,
        at,
    });
}

/// The speaking order: the saved one, with roster members it lacks added in
/// roster order and names no longer on the roster left out.
pub(crate) fn order(doc: &GroupNotes, members: &[String]) -> Vec<String> {
    let mut out: Vec<String> = doc
        .speaking
        .order
        .iter()
        .filter(|m| members.contains(m))
        .cloned()
        .collect();
    for m in members {
        if !out.contains(m) {
            out.push(m.clone());
        }
    }
    out
}

/// Moves `member` one place earlier (`up`) or later in the speaking order.
pub(crate) fn move_member(
    doc: &mut GroupNotes,
    members: &[String],
    member: &str,
    up: bool,
    at: Stamp,
) {
    let mut list = order(doc, members);
    let Some(i) = list.iter().position(|m| m == member) else {
        return;
    };
    let j = if up {
        i.checked_sub(1)
    } else {
        (i + 1 < list.len()).then_some(i + 1)
    };
    if let Some(j) = j {
        list.swap(i, j);
        doc.speaking.order = list;
        doc.speaking.order_updated = Some(after(doc.speaking.order_updated, at));
    }
}

/// The member speaking now (the open turn), if any.
pub(crate) fn speaking_now(doc: &GroupNotes) -> Option<&str> {
    let turns: Vec<&Turn> = doc.speaking.live_turns().collect();
    turns
        .into_iter()
        .rev()
        .find(|t| t.end.is_none())
        .map(|t| t.member.as_str())
}

/// Ends every open turn at `at`.
pub(crate) fn stop(doc: &mut GroupNotes, at: Stamp) {
    for t in doc.speaking.turns.iter_mut().filter(|t| t.end.is_none()) {
        t.end = Some(at);
    }
}

/// Starts `member`'s turn at `at`, ending the one before.
pub(crate) fn start(doc: &mut GroupNotes, member: &str, at: Stamp) {
    stop(doc, at);
    doc.speaking.turns.push(Turn::new(member, at, None));
}

/// Who speaks next: the first member after the current (or last) speaker in
/// the speaking order who is not marked absent, wrapping around.
pub(crate) fn next_speaker(doc: &GroupNotes, members: &[String]) -> Option<String> {
    let list = order(doc, members);
    let present: Vec<&String> = list
        .iter()
        .filter(|m| doc.presence(m) != Some(Presence::Absent))
        .collect();
    if present.is_empty() {
        return None;
    }
    let last = doc.speaking.live_turns().last().map(|t| t.member.as_str());
    let after = last
        .and_then(|l| present.iter().position(|m| m.as_str() == l))
        .map_or(0, |i| (i + 1) % present.len());
    Some(present[after].clone())
}

/// The total time `member` has spoken up to `now`.
pub(crate) fn spoken(doc: &GroupNotes, member: &str, now: DateTime<Utc>) -> Duration {
    doc.speaking
        .live_turns()
        .filter(|t| t.member == member)
        .map(|t| {
            let end = t.end.map_or(now, |e| e.to_utc());
            (end - t.start.to_utc()).max(Duration::zero())
        })
        .sum()
}

/// Speaking time below this (an F6 pressed by mistake and undone by the
/// next one) does not count as having spoken.
pub(crate) const MIN_TURN_SECS: i64 = 5;

/// The fair-share hint: the time left divided among the members present who
/// have not spoken yet (the one speaking now counts as not yet done). `None`
/// when nobody is left or no time is known.
pub(crate) fn fair_share(
    doc: &GroupNotes,
    members: &[String],
    time_left: Option<Duration>,
    now: DateTime<Utc>,
) -> Option<Duration> {
    let left = time_left?;
    let now_speaking = speaking_now(doc);
    let waiting = members
        .iter()
        .filter(|m| doc.presence(m) != Some(Presence::Absent))
        .filter(|m| {
            Some(m.as_str()) == now_speaking
                || spoken(doc, m, now) < Duration::seconds(MIN_TURN_SECS)
        })
        .count();
    if waiting == 0 || left <= Duration::zero() {
        return None;
    }
    Some(left / waiting as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(min: i64) -> Stamp {
        let base: Stamp = "2026-01-20T14:05:00+09:00".parse().unwrap();
        base + Duration::minutes(min)
    }

    fn group_b() -> (GroupNotes, Vec<String>) {
        let members = ["函館市", "気仙沼市", "新潟県", "妙高市", "浜松市", "焼津市"];
        (
            GroupNotes::new("jichitai-09", "B"),
            members.iter().map(|m| m.to_string()).collect(),
        )
    }

    #[test]
    fn attendance_cycles_and_keeps_one_timestamped_mark_per_member() {
        let (mut doc, _) = group_b();
        let mut p = None;
        for (i, want) in [Presence::Present, Presence::Late, Presence::Absent]
            .into_iter()
            .enumerate()
        {
            let next = next_presence(p);
            assert_eq!(next, want);
            mark(&mut doc, "函館市", next, at(i as i64));
            p = doc.presence("函館市");
        }
        assert_eq!(doc.attendance.len(), 1);
        assert_eq!(doc.attendance[0].at, at(2));
        assert_eq!(next_presence(p), Presence::Present);
    }

    #[test]
    fn next_speaker_follows_the_order_skips_the_absent_and_wraps() {
        let (mut doc, members) = group_b();
        assert_eq!(next_speaker(&doc, &members).unwrap(), "函館市");
        mark(&mut doc, "気仙沼市", Presence::Absent, at(0));
        start(&mut doc, "函館市", at(0));
        assert_eq!(next_speaker(&doc, &members).unwrap(), "新潟県");
        start(&mut doc, "焼津市", at(5));
        assert_eq!(next_speaker(&doc, &members).unwrap(), "函館市");
        assert_eq!(
            doc.speaking.turns[0].end,
            Some(at(5)),
            "starting one ends the other"
        );
        assert_eq!(speaking_now(&doc), Some("焼津市"));
    }

    #[test]
    fn reordering_moves_one_place_and_stamps_the_order() {
        let (mut doc, members) = group_b();
        move_member(&mut doc, &members, "浜松市", true, at(1));
        assert_eq!(order(&doc, &members)[3], "浜松市");
        assert_eq!(doc.speaking.order_updated, Some(at(1)));
        move_member(&mut doc, &members, "函館市", true, at(2));
        assert_eq!(
            doc.speaking.order_updated,
            Some(at(1)),
            "first cannot move up"
        );
        assert_eq!(next_speaker(&doc, &members).unwrap(), "函館市");
    }

    #[test]
    fn speaking_time_adds_turns_and_counts_the_open_one_up_to_now() {
        let (mut doc, members) = group_b();
        start(&mut doc, "函館市", at(0));
        start(&mut doc, "気仙沼市", at(4));
        start(&mut doc, "函館市", at(10));
        let now = at(12).to_utc();
        assert_eq!(spoken(&doc, "函館市", now), Duration::minutes(6));
        assert_eq!(spoken(&doc, "気仙沼市", now), Duration::minutes(6));
        assert_eq!(spoken(&doc, "新潟県", now), Duration::zero());
        // 30 minutes left; 函館市 (speaking) and the 4 who have not spoken.
        let hint = fair_share(&doc, &members, Some(Duration::minutes(30)), now);
        assert_eq!(hint, Some(Duration::minutes(6)));
        stop(&mut doc, at(12));
        let hint = fair_share(&doc, &members, Some(Duration::minutes(30)), now);
        assert_eq!(hint, Some(Duration::seconds(450)));
        assert_eq!(fair_share(&doc, &members, None, now), None);
    }

    #[test]
    fn an_accidental_half_second_turn_does_not_count_as_having_spoken() {
        let (mut doc, members) = group_b();
        let t = at(0);
        start(&mut doc, "函館市", t);
        start(&mut doc, "気仙沼市", t + Duration::milliseconds(500));
        stop(&mut doc, t + Duration::milliseconds(600));
        let now = at(1).to_utc();
        // All six still wait: 30 minutes / 6.
        let hint = fair_share(&doc, &members, Some(Duration::minutes(30)), now);
        assert_eq!(hint, Some(Duration::minutes(5)));
    }
}
