//! Drafts other consoles of the group left behind, brought back at start.

use chrono::Duration;

use crossterm::event::{KeyCode, KeyModifiers};

use super::tests::{press, state_b, t0, type_text};
use super::*;
use crate::model::notes_draft::DraftNote;

fn leftover(text: &str) -> Draft {
    let note = DraftNote {
        text: text.into(),
        ..Default::default()
    };
    Draft::new(
        "jichitai-09",
        "B",
        "2026-01-20T14:00:00+09:00".parse().unwrap(),
        note,
        None,
    )
}

#[test]
fn a_leftover_draft_is_restored_with_a_notice_and_removed_once_saved() {
    let mut s = state_b();
    let now = t0();
    let path = std::path::PathBuf::from("notes/B.json.draft2");
    s.adopt_leftover_drafts(vec![(path.clone(), leftover("二台目で打った"))], now);
    assert_eq!(s.editor.to_draft().text, "二台目で打った");
    let notice = s.notice.as_ref().expect("a notice").text.clone();
    assert!(
        notice.contains("別の端末の下書き1件を復元しました"),
        "{notice}"
    );
    // Its own draft is written, then the leftover goes.
    let later = now + Duration::seconds(2);
    let fx = update(&mut s, Action::Tick, later);
    assert!(
        fx.iter()
            .any(|f| matches!(f, Effect::SaveDraft(d) if d.note.text == "二台目で打った"))
    );
    let fx = update(&mut s, Action::DraftSaved(Ok(())), later);
    assert!(
        fx.iter()
            .any(|f| matches!(f, Effect::RemoveRescue(p) if *p == path))
    );
}

#[test]
fn a_leftover_draft_that_cannot_be_taken_is_kept_and_named() {
    let mut s = state_b();
    let now = t0();
    type_text(&mut s, "自分の下書き", now);
    let path = std::path::PathBuf::from("notes/B.json.draft2");
    s.adopt_leftover_drafts(vec![(path, leftover("二台目で打った"))], now);
    assert_eq!(s.editor.to_draft().text, "自分の下書き");
    let notice = s.notice.as_ref().expect("a notice").text.clone();
    assert!(notice.contains("B.json.draft2"), "{notice}");
    let fx = update(&mut s, Action::DraftSaved(Ok(())), now);
    assert!(!fx.iter().any(|f| matches!(f, Effect::RemoveRescue(_))));
    // Once the note-taker records their own text, the leftover comes in.
    let later = now + Duration::seconds(1);
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE, later);
    assert_eq!(s.editor.to_draft().text, "二台目で打った");
    let notice = s.notice.as_ref().expect("a notice").text.clone();
    assert!(
        notice.contains("別の端末の下書き1件を復元しました"),
        "{notice}"
    );
    assert!(s.leftover_waiting.is_empty());
}
