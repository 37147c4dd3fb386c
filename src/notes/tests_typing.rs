//! Typed text never vanishes and plain letters never destroy (a speaker is
//! started from the roster, then what they say is typed), and keys that
//! arrive in one burst all apply.

use chrono::Duration;
use crossterm::event::{KeyCode, KeyModifiers};

use super::tests::{press, save_in, saved, state_b, t0, type_text};
use super::*;

const NONE: KeyModifiers = KeyModifiers::NONE;

#[test]
fn after_starting_a_speaker_in_the_roster_the_next_words_go_to_the_editor() {
    let mut s = state_b();
    let now = t0();
    press(&mut s, KeyCode::Tab, NONE, now);
    press(&mut s, KeyCode::Down, NONE, now);
    press(&mut s, KeyCode::Enter, NONE, now);
    assert_eq!(s.mode, Mode::Write, "the keyboard is back in the editor");
    assert_eq!(s.editor.speaker.as_deref(), Some("気仙沼市"));
    type_text(&mut s, "住民アンケートを毎年実施", now);
    assert_eq!(s.editor.text(), "住民アンケートを毎年実施");
}

#[test]
fn text_typed_or_pasted_in_any_pane_goes_to_the_editor_and_letters_never_delete() {
    let now = t0();
    for pane in [Mode::Roster, Mode::Card, Mode::List] {
        let mut s = state_b();
        type_text(&mut s, "残すメモ", now);
        press(&mut s, KeyCode::Enter, NONE, now);
        s.mode = pane;
        let before = (s.doc.attendance.clone(), s.doc.live_notes().count());
        type_text(&mut s, "雲南市の発言do", now);
        assert_eq!(s.mode, Mode::Write, "{pane:?}");
        assert_eq!(s.editor.text(), "雲南市の発言do", "{pane:?}");
        assert_eq!(
            (s.doc.attendance.clone(), s.doc.live_notes().count()),
            before,
            "{pane:?}: nothing changed by typing"
        );
        s.mode = pane;
        update(&mut s, Action::Paste("、貼り付け".into()), now);
        assert_eq!(s.mode, Mode::Write);
        assert_eq!(s.editor.text(), "雲南市の発言do、貼り付け");
    }
    // Typing "and" / "do" in the roster or the list changes nothing.
    let mut s = state_b();
    s.mode = Mode::Roster;
    type_text(&mut s, "a", now);
    assert!(s.doc.attendance.is_empty());
}

#[test]
fn a_tab_inside_an_unbracketed_paste_stays_text_and_a_pressed_tab_moves() {
    let mut s = state_b();
    let now = t0();
    // The terminal delivers the pasted characters and the TAB in one read.
    type_text(&mut s, "項目", now);
    press(&mut s, KeyCode::Tab, NONE, now + Duration::milliseconds(1));
    type_text(&mut s, "値", now + Duration::milliseconds(2));
    assert_eq!(s.mode, Mode::Write);
    assert_eq!(s.editor.text(), "項目 値");
    // A Tab pressed by a finger after a pause moves to the roster.
    press(
        &mut s,
        KeyCode::Tab,
        NONE,
        now + Duration::milliseconds(400),
    );
    assert_eq!(s.mode, Mode::Roster);
}

#[test]
fn two_roster_moves_in_one_burst_both_survive_the_save_of_the_first() {
    let mut s = state_b();
    let now = t0();
    press(&mut s, KeyCode::Tab, NONE, now);
    for _ in 0..5 {
        press(&mut s, KeyCode::Down, NONE, now);
    }
    let last = roster::order(&s.doc, &s.members)[5].clone();
    // Both keys within the same millisecond; the first starts a save.
    let fx = press(&mut s, KeyCode::Char('['), NONE, now);
    let (first, generation) = save_in(&fx).unwrap();
    press(&mut s, KeyCode::Char('['), NONE, now);
    // The first save comes back holding only the first move.
    saved(&mut s, (first, generation), now);
    let order = roster::order(&s.doc, &s.members);
    assert_eq!(order[3], last, "{order:?}");
    assert_eq!(
        order[s.roster_sel], last,
        "the selection follows the member"
    );

    // Attendance: three presses in one burst end where three presses go.
    let mut s = state_b();
    s.mode = Mode::Roster;
    let fx = press(&mut s, KeyCode::Char(' '), NONE, now);
    let (first, generation) = save_in(&fx).unwrap();
    press(&mut s, KeyCode::Char(' '), NONE, now);
    press(&mut s, KeyCode::Char(' '), NONE, now);
    saved(&mut s, (first, generation), now);
    assert_eq!(
        s.doc.presence("函館市"),
        Some(crate::model::notes::Presence::Absent)
    );
}

#[test]
fn delete_and_undo_in_one_burst_leave_the_note_restored() {
    let mut s = state_b();
    let now = t0();
    type_text(&mut s, "消して戻すメモ", now);
    press(&mut s, KeyCode::Enter, NONE, now);
    s.mode = Mode::List;
    press(&mut s, KeyCode::Delete, NONE, now);
    press(&mut s, KeyCode::Char('u'), NONE, now);
    let mut deleted = s.doc.clone();
    deleted.notes[0].deleted = true;
    deleted.notes[0].updated = s.stamp(now);
    update(&mut s, Action::FileChanged(deleted), now);
    assert_eq!(s.doc.live_notes().count(), 1);
}

#[test]
fn the_question_cycle_comes_back_to_none() {
    let mut s = state_b();
    let now = t0();
    let n = card::questions(&s.themes).len();
    for _ in 0..n {
        press(&mut s, KeyCode::F(4), NONE, now);
        assert!(s.editor.question.is_some());
    }
    press(&mut s, KeyCode::F(4), NONE, now);
    assert_eq!(s.editor.question, None, "F4 after the last: 未選択");
    press(&mut s, KeyCode::F(4), KeyModifiers::SHIFT, now);
    assert!(
        s.editor.question.is_some(),
        "Shift+F4 from 未選択: the last"
    );
    press(&mut s, KeyCode::F(4), NONE, now);
    assert_eq!(s.editor.question, None);
}

#[test]
fn ctrl_l_asks_for_a_full_redraw_from_any_pane() {
    for pane in [Mode::Write, Mode::Summary, Mode::Roster, Mode::List] {
        let mut s = state_b();
        s.mode = pane;
        let fx = press(&mut s, KeyCode::Char('l'), KeyModifiers::CONTROL, t0());
        assert!(fx.contains(&Effect::Redraw), "{pane:?}");
        assert!(s.editor.is_blank());
    }
}

#[test]
fn roster_numbers_stay_when_the_facilitator_moves_a_member_out_and_in() {
    let mut s = state_b();
    let plan = s.plan.clone();
    let mut run = crate::model::run::RunState::new(&plan);
    let moved = |member: &str, from: &str, to: &str| crate::model::run::MemberMove {
        member: member.into(),
        from: from.into(),
        to: to.into(),
        at: s.stamp(t0()),
        extra: Default::default(),
    };
    // 気仙沼市 (2) leaves, 奈良県 comes in from C.
    run.moves.push(moved("気仙沼市", "B", "C"));
    run.moves.push(moved("奈良県", "C", "B"));
    update(&mut s, Action::RunChanged(Some(Box::new(run))), t0());
    assert_eq!(s.number_of("新潟県"), Some(3), "numbers do not shift up");
    assert_eq!(
        s.number_of("奈良県"),
        Some(7),
        "a newcomer gets the next number"
    );
    assert_eq!(
        s.member_no(2),
        None,
        "a member who left is not picked by number"
    );
    press(&mut s, KeyCode::Char('3'), KeyModifiers::ALT, t0());
    assert_eq!(s.editor.speaker.as_deref(), Some("新潟県"));
    press(&mut s, KeyCode::Char('7'), KeyModifiers::ALT, t0());
    assert_eq!(s.editor.speaker.as_deref(), Some("奈良県"));
}

#[test]
fn a_speaker_outside_the_roster_is_taken_as_typed() {
    let mut s = state_b();
    press(&mut s, KeyCode::F(2), NONE, t0());
    type_text(&mut s, "事務局", t0());
    press(&mut s, KeyCode::Enter, NONE, t0());
    assert_eq!(s.editor.speaker.as_deref(), Some("事務局"));
    assert_eq!(s.mode, Mode::Write);
}

#[test]
fn esc_on_a_changed_recorded_note_asks_before_dropping_the_change() {
    let mut s = state_b();
    let now = t0();
    type_text(&mut s, "記録したメモ", now);
    press(&mut s, KeyCode::Enter, NONE, now);
    s.mode = Mode::List;
    press(&mut s, KeyCode::Char('e'), NONE, now);
    type_text(&mut s, "（修正）", now);
    press(&mut s, KeyCode::Esc, NONE, now);
    assert_eq!(s.ask, Some(super::quit::Ask::DropEdit));
    assert_eq!(
        s.editor.text(),
        "記録したメモ（修正）",
        "nothing dropped yet"
    );
    press(&mut s, KeyCode::Esc, NONE, now);
    assert_eq!(s.ask, None);
    assert_eq!(s.editor.text(), "記録したメモ（修正）", "Esc keeps editing");
    press(&mut s, KeyCode::Esc, NONE, now);
    press(&mut s, KeyCode::Char('y'), NONE, now);
    assert!(s.editor.editing.is_none() && s.editor.is_blank());
    assert_eq!(s.doc.notes[0].text, "記録したメモ");
    // Unchanged: Esc leaves at once.
    s.mode = Mode::List;
    press(&mut s, KeyCode::Char('e'), NONE, now);
    press(&mut s, KeyCode::Esc, NONE, now);
    assert_eq!(s.ask, None);
    assert!(s.editor.editing.is_none());
}
