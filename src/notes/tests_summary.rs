//! Two note-takers on one group's summary (まとめ): a console that has not
//! touched it follows the other's; one being edited keeps its text and
//! merges on recording.

use crossterm::event::{KeyCode, KeyModifiers};

use super::tests::{press, save_in, saved, state_b, t0, type_text};
use super::*;
use crate::model::notes::Summary;

const NONE: KeyModifiers = KeyModifiers::NONE;

fn file_with_summary(s: &State, text: &str, min: i64) -> GroupNotes {
    let mut doc = s.doc.clone();
    doc.summary = Some(Summary {
        text: text.into(),
        updated: s.stamp(t0() + chrono::Duration::minutes(min)),
        base: None,
        conflict: false,
    });
    doc
}

#[test]
fn a_console_without_summary_edits_shows_the_other_consoles_summary() {
    let mut s = state_b();
    press(&mut s, KeyCode::F(9), NONE, t0());
    let other = file_with_summary(&s, "・もう一人のまとめ", 1);
    update(&mut s, Action::FileChanged(other), t0());
    assert_eq!(s.summary.lines().join("\n"), "・もう一人のまとめ");
    assert!(!s.summary_dirty);
}

#[test]
fn recording_after_the_other_console_recorded_keeps_both_lines() {
    let mut s = state_b();
    let now = t0();
    let start = file_with_summary(&s, "・定例会の設置が有効", 0);
    update(&mut s, Action::FileChanged(start), now);
    press(&mut s, KeyCode::F(9), NONE, now);
    press(&mut s, KeyCode::Char('j'), KeyModifiers::CONTROL, now);
    type_text(&mut s, "・一人目の追記", now);
    // The other console records its line meanwhile.
    let other = file_with_summary(&s, "・定例会の設置が有効\n・二人目の追記", 1);
    update(&mut s, Action::FileChanged(other.clone()), now);
    assert_eq!(
        s.summary.lines().join("\n"),
        "・定例会の設置が有効\n・一人目の追記",
        "the text being edited stays"
    );
    assert!(
        s.notice
            .as_ref()
            .unwrap()
            .text
            .contains("他の端末がまとめを更新")
    );
    let later = now + chrono::Duration::minutes(2);
    let fx = press(&mut s, KeyCode::Enter, NONE, later);
    let (doc, generation) = save_in(&fx).unwrap();
    // What the store does under its lock: merge into the file as it is.
    let mut disk = other;
    crate::model::notes_merge::merge_into(&mut disk, &doc);
    let want = "・定例会の設置が有効\n・二人目の追記\n・一人目の追記";
    assert_eq!(disk.summary.as_ref().unwrap().text, want);
    saved(&mut s, (disk, generation), later);
    assert_eq!(
        s.summary.lines().join("\n"),
        want,
        "the editor shows the merge"
    );
    assert_eq!(s.doc.summary.as_ref().unwrap().base, None);
    assert!(s.notice.as_ref().unwrap().text.contains("統合"));
    // Later changes from the other console are followed again.
    let next = file_with_summary(&s, &format!("{want}\n・三行目"), 9);
    update(&mut s, Action::FileChanged(next), later);
    assert!(s.summary.lines().join("\n").ends_with("・三行目"));
}
