//! What the console found at start goes through `update` (Action::Opened):
//! the draft with its labels, the notice, and turns a dead console left open.

use chrono::Duration;
use crossterm::event::{KeyCode, KeyModifiers};

use super::opening::Opening;
use super::tests::{press, state_b, t0};
use super::*;

fn draft_of(s: &State, at: chrono::DateTime<chrono::Utc>) -> Draft {
    s.draft(at)
}

#[test]
fn the_draft_comes_back_with_its_speaker_and_the_notice_through_update() {
    let mut before = state_b();
    press(&mut before, KeyCode::Char('2'), KeyModifiers::ALT, t0());
    let labels_only = draft_of(&before, t0());
    let mut s = state_b();
    update(
        &mut s,
        Action::Opened(Box::new(Opening {
            draft: Some(labels_only),
            ..Opening::default()
        })),
        t0(),
    );
    assert_eq!(
        s.editor.speaker.as_deref(),
        Some("気仙沼市"),
        "labels without text"
    );
    assert!(s.notice.is_none(), "no text, nothing to announce");
    super::tests::type_text(&mut before, "人手不足", t0());
    let mut s = state_b();
    let opening = Opening {
        draft: Some(draft_of(&before, t0())),
        ..Opening::default()
    };
    update(&mut s, Action::Opened(Box::new(opening)), t0());
    assert_eq!(s.editor.text(), "人手不足");
    assert_eq!(s.editor.speaker.as_deref(), Some("気仙沼市"));
    assert!(s.notice.as_ref().unwrap().text.contains("下書きを復元"));
}

#[test]
fn a_turn_left_open_is_ended_at_the_last_known_moment_only_when_alone() {
    let mut dead = state_b();
    press(&mut dead, KeyCode::F(6), KeyModifiers::NONE, t0());
    let alive = t0() + Duration::seconds(40);
    let draft = draft_of(&dead, alive);
    let restart = t0() + Duration::minutes(20);
    // Another console of the group still runs: its turn is not touched.
    let mut s = state_b();
    s.doc = dead.doc.clone();
    s.recount();
    let opening = Opening {
        draft: Some(draft.clone()),
        alone: false,
        ..Opening::default()
    };
    update(&mut s, Action::Opened(Box::new(opening)), restart);
    assert!(roster::speaking_now(&s.doc).is_some());
    let mut s = state_b();
    s.doc = dead.doc.clone();
    s.recount();
    let opening = Opening {
        draft: Some(draft),
        alone: true,
        ..Opening::default()
    };
    let fx = update(&mut s, Action::Opened(Box::new(opening)), restart);
    assert_eq!(roster::speaking_now(&s.doc), None);
    let who = s.doc.speaking.turns[0].member.clone();
    assert_eq!(roster::spoken(&s.doc, &who, restart), Duration::seconds(40));
    assert!(
        fx.iter().any(|f| matches!(f, Effect::SaveNotes { .. })),
        "{fx:?}"
    );
    assert!(
        s.notice
            .as_ref()
            .unwrap()
            .text
            .contains("14:10:40 で終えました")
    );
}
