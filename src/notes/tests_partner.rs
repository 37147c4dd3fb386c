//! A turn the co-note-taker's console opened, when that console dies while
//! this one goes on: looked for while the turn is open, ended at the last
//! moment the partner was seen running, and said on the status line.

use chrono::Duration;
use crossterm::event::{KeyCode, KeyModifiers};

use super::tests::{press, state_b, t0};
use super::*;
use crate::notes::roster::{speaking_now, start};

fn secs(n: i64) -> chrono::DateTime<chrono::Utc> {
    t0() + Duration::seconds(n)
}

fn checks(fx: &[Effect]) -> usize {
    fx.iter().filter(|e| **e == Effect::CheckPartner).count()
}

/// Group B's console, and the partner's file with 気仙沼市 speaking since t0.
fn with_partners_turn() -> State {
    let mut s = state_b();
    let mut theirs = s.doc.clone();
    start(&mut theirs, "気仙沼市", s.stamp(t0()));
    update(&mut s, Action::FileChanged(theirs), secs(0));
    s
}

#[test]
fn a_turn_the_dead_partner_opened_is_ended_when_it_was_last_seen_running() {
    let mut s = with_partners_turn();
    assert_eq!(speaking_now(&s.doc), Some("気仙沼市"));
    // Looked for at once, then every two seconds while an answer is in.
    let fx = update(&mut s, Action::Tick, secs(1));
    assert_eq!(checks(&fx), 0, "asked already when the turn came in");
    update(&mut s, Action::PartnerChecked(true), secs(1));
    assert_eq!(checks(&update(&mut s, Action::Tick, secs(2))), 1);
    assert_eq!(
        checks(&update(&mut s, Action::Tick, secs(3))),
        0,
        "one at a time"
    );
    let fx = update(&mut s, Action::PartnerChecked(true), secs(3));
    assert_eq!(checks(&fx), 0);
    assert_eq!(checks(&update(&mut s, Action::Tick, secs(4))), 1);
    assert_eq!(
        speaking_now(&s.doc),
        Some("気仙沼市"),
        "alive: it counts on"
    );
    // Killed between the look at 3 s and the one at 4 s.
    let fx = update(&mut s, Action::PartnerChecked(false), secs(4));
    assert_eq!(speaking_now(&s.doc), None);
    let turn = s.doc.speaking.turns.last().unwrap();
    assert_eq!(turn.end, Some(s.stamp(secs(3))), "{turn:?}");
    let notice = &s.notice.as_ref().unwrap().text;
    assert!(
        notice.contains("気仙沼市の発言を") && notice.contains("別の端末が停止"),
        "{notice}"
    );
    // One row at 80 columns.
    assert!(crate::tui::text::width(notice) <= 80, "{notice}");
    // The end goes into the file, and nothing more is looked for.
    assert!(
        fx.iter().any(|e| matches!(e, Effect::SaveNotes { .. })),
        "{fx:?}"
    );
    assert_eq!(checks(&update(&mut s, Action::Tick, secs(9))), 0);
    assert!(
        s.notice.is_some(),
        "the notice stays long enough to be read"
    );
}

#[test]
fn this_consoles_own_turn_is_never_ended_for_a_missing_partner() {
    let mut s = state_b();
    press(&mut s, KeyCode::F(6), KeyModifiers::NONE, t0());
    let mine = speaking_now(&s.doc).unwrap().to_string();
    for n in 1..10 {
        let fx = update(&mut s, Action::Tick, secs(n));
        assert_eq!(checks(&fx), 0, "nothing to look for: the turn is ours");
    }
    // Even when told that nobody else runs.
    update(&mut s, Action::PartnerChecked(false), secs(10));
    assert_eq!(speaking_now(&s.doc), Some(mine.as_str()));
}

#[test]
fn a_turn_taken_over_here_stops_the_looking() {
    let mut s = with_partners_turn();
    update(&mut s, Action::PartnerChecked(true), secs(1));
    // F7 here ends the partner's turn: nothing left to watch.
    press(&mut s, KeyCode::F(7), KeyModifiers::NONE, secs(2));
    assert_eq!(speaking_now(&s.doc), None);
    assert_eq!(checks(&update(&mut s, Action::Tick, secs(5))), 0);
    // The next speaker, started here, is this console's own.
    press(&mut s, KeyCode::F(6), KeyModifiers::NONE, secs(6));
    assert!(speaking_now(&s.doc).is_some());
    assert_eq!(checks(&update(&mut s, Action::Tick, secs(9))), 0);
}
