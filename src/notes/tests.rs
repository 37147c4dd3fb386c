//! Tests of `update`: the console driven by actions and an injected clock,
//! without a terminal or a disk.

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::model::notes::NoteKind;
use crate::notes::draft::DRAFT_DEBOUNCE_MS;

use crate::model::test_sitting::plan;

pub(crate) fn state_b() -> State {
    let plan = plan();
    let group = plan.group("B").unwrap().clone();
    let doc = GroupNotes::new("jichitai-09", "B");
    State::new(Lang::Ja, &plan, &group, doc, "t".into())
}

pub(crate) fn t0() -> DateTime<Utc> {
    "2026-01-20T05:10:00Z".parse().unwrap()
}

pub(crate) fn press(
    s: &mut State,
    code: KeyCode,
    m: KeyModifiers,
    now: DateTime<Utc>,
) -> Vec<Effect> {
    update(s, Action::Key(KeyEvent::new(code, m)), now)
}

/// The save of the notes file among `fx`: what it writes and its generation.
pub(crate) fn save_in(fx: &[Effect]) -> Option<(GroupNotes, u64)> {
    fx.iter().find_map(|f| match f {
        Effect::SaveNotes { doc, generation } => Some(((**doc).clone(), *generation)),
        _ => None,
    })
}

/// The save of `doc` with this generation comes back done: `doc` is what
/// the notes file now holds.
pub(crate) fn saved(
    s: &mut State,
    (doc, generation): (GroupNotes, u64),
    now: DateTime<Utc>,
) -> Vec<Effect> {
    let result = Ok(doc);
    update(s, Action::Saved { generation, result }, now)
}

pub(crate) fn type_text(s: &mut State, text: &str, now: DateTime<Utc>) {
    for c in text.chars() {
        press(s, KeyCode::Char(c), KeyModifiers::NONE, now);
    }
}

#[test]
fn committing_a_note_saves_it_and_shows_it_pending_until_on_disk() {
    let mut s = state_b();
    let now = t0();
    press(&mut s, KeyCode::Char('2'), KeyModifiers::ALT, now);
    press(&mut s, KeyCode::F(3), KeyModifiers::SHIFT, now);
    press(&mut s, KeyCode::F(3), KeyModifiers::SHIFT, now);
    type_text(&mut s, "気仙沼市の課題", now);
    let fx = press(&mut s, KeyCode::Enter, KeyModifiers::NONE, now);
    let note = &s.doc.notes[0];
    assert_eq!(note.text, "気仙沼市の課題");
    assert_eq!(note.speaker.as_deref(), Some("気仙沼市"));
    assert_eq!(note.kind, NoteKind::Issue);
    assert_eq!(note.created.to_rfc3339(), "2026-01-20T14:10:00+09:00");
    assert!(s.saving.is_pending(&note.id));
    assert!(s.editor.is_blank());
    assert_eq!(
        s.editor.speaker.as_deref(),
        Some("気仙沼市"),
        "speaker stays"
    );
    let (doc, generation) = match &fx[..] {
        [Effect::SaveNotes { doc, generation }, Effect::SaveDraft(d)] => {
            assert!(d.note.text.is_empty(), "the draft drops the committed text");
            ((**doc).clone(), *generation)
        }
        other => panic!("{other:?}"),
    };
    let id = note.id.clone();
    saved(&mut s, (doc, generation), now);
    assert!(!s.saving.is_pending(&id));
}

#[test]
fn alt_enter_and_ctrl_j_break_lines_and_blank_notes_are_not_committed() {
    let mut s = state_b();
    let now = t0();
    assert!(press(&mut s, KeyCode::Enter, KeyModifiers::NONE, now).is_empty());
    type_text(&mut s, "一", now);
    press(&mut s, KeyCode::Enter, KeyModifiers::ALT, now);
    type_text(&mut s, "二", now);
    press(&mut s, KeyCode::Char('j'), KeyModifiers::CONTROL, now);
    type_text(&mut s, "三", now);
    assert_eq!(s.editor.text(), "一\n二\n三");
    // Ctrl+U is the editor's undo.
    press(&mut s, KeyCode::Char('u'), KeyModifiers::CONTROL, now);
    assert_ne!(s.editor.text(), "一\n二\n三");
}

#[test]
fn a_failed_save_keeps_the_note_shows_the_error_and_retries() {
    let mut s = state_b();
    let now = t0();
    type_text(&mut s, "メモ", now);
    let fx = press(&mut s, KeyCode::Enter, KeyModifiers::NONE, now);
    let Some(Effect::SaveNotes { generation, .. }) = fx.first() else {
        panic!("{fx:?}")
    };
    let fx = update(
        &mut s,
        Action::Saved {
            generation: *generation,
            result: Err("No space left on device".into()),
        },
        now,
    );
    assert!(fx.iter().all(|f| !matches!(f, Effect::SaveNotes { .. })));
    assert_eq!(s.saving.error.as_deref(), Some("No space left on device"));
    assert_eq!(s.doc.notes.len(), 1);
    let fx = update(&mut s, Action::Tick, now + Duration::seconds(3));
    assert!(matches!(fx.first(), Some(Effect::SaveNotes { .. })));
}

#[test]
fn draft_is_saved_within_a_second_of_the_last_keystroke() {
    let mut s = state_b();
    let now = t0();
    type_text(&mut s, "下書き", now);
    assert!(update(&mut s, Action::Tick, now + Duration::milliseconds(100)).is_empty());
    let wake = s.next_wake(now + Duration::milliseconds(100));
    assert!(wake <= now + Duration::milliseconds(DRAFT_DEBOUNCE_MS));
    let fx = update(&mut s, Action::Tick, wake);
    match &fx[..] {
        [Effect::SaveDraft(d)] => assert_eq!(d.note.text, "下書き"),
        other => panic!("{other:?}"),
    }
    // Typing without pause still saves within the maximum wait.
    let mut saved_at = None;
    for ms in (0..2000).step_by(50) {
        let t = wake + Duration::milliseconds(ms);
        let mut fx = update(&mut s, Action::DraftSaved(Ok(())), t);
        type_text(&mut s, "あ", t);
        fx.extend(update(&mut s, Action::Tick, t));
        if fx.iter().any(|f| matches!(f, Effect::SaveDraft(_))) {
            saved_at = Some(ms);
            break;
        }
    }
    assert!(saved_at.unwrap() <= 1000);
}

#[test]
fn hangup_exits_without_drawing_and_keeps_draft_and_unsaved_notes() {
    let mut s = state_b();
    let now = t0();
    type_text(&mut s, "記録", now);
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE, now);
    type_text(&mut s, "書きかけ", now);
    let fx = update(&mut s, Action::Terminate { hangup: true }, now);
    assert_eq!(
        fx,
        [Effect::Exit {
            restore_terminal: false
        }]
    );
    // What the last saves write comes from the state.
    assert_eq!(s.draft(now).note.text, "書きかけ");
    assert!(s.saving.dirty());
    assert_eq!(s.doc.notes[0].text, "記録");
}

#[test]
fn delete_is_a_tombstone_and_undo_brings_it_back() {
    let mut s = state_b();
    let now = t0();
    type_text(&mut s, "消すメモ", now);
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE, now);
    for _ in 0..3 {
        press(&mut s, KeyCode::Tab, KeyModifiers::NONE, now);
    }
    assert_eq!(s.mode, Mode::List);
    let later = now + Duration::seconds(5);
    press(&mut s, KeyCode::Delete, KeyModifiers::NONE, later);
    assert_eq!(s.doc.notes.len(), 1, "kept in the file");
    assert!(s.doc.notes[0].deleted);
    assert_eq!(s.doc.live_notes().count(), 0);
    assert_eq!(s.doc.notes[0].updated, s.stamp(later));
    press(&mut s, KeyCode::Char('u'), KeyModifiers::NONE, later);
    assert!(!s.doc.notes[0].deleted);
}

#[test]
fn editing_a_saved_note_changes_it_in_place() {
    let mut s = state_b();
    let now = t0();
    type_text(&mut s, "旧", now);
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE, now);
    s.mode = Mode::List;
    press(&mut s, KeyCode::Char('e'), KeyModifiers::NONE, now);
    assert_eq!(s.mode, Mode::Write);
    press(&mut s, KeyCode::Backspace, KeyModifiers::NONE, now);
    type_text(&mut s, "新", now);
    let later = now + Duration::seconds(9);
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE, later);
    assert_eq!(s.doc.notes.len(), 1);
    assert_eq!(s.doc.notes[0].text, "新");
    assert_eq!(s.doc.notes[0].created, s.stamp(now));
    assert_eq!(s.doc.notes[0].updated, s.stamp(later));
}

#[test]
fn speaker_picker_type_ahead_and_roster_stopwatch() {
    let mut s = state_b();
    let now = t0();
    press(&mut s, KeyCode::F(2), KeyModifiers::NONE, now);
    assert_eq!(s.mode, Mode::Picker);
    type_text(&mut s, "浜", now);
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE, now);
    assert_eq!(s.editor.speaker.as_deref(), Some("浜松市"));
    press(&mut s, KeyCode::F(2), KeyModifiers::NONE, now);
    type_text(&mut s, "6", now);
    assert_eq!(
        s.editor.speaker.as_deref(),
        Some("焼津市"),
        "one digit picks"
    );
    assert_eq!(s.mode, Mode::Write);
    press(&mut s, KeyCode::F(6), KeyModifiers::NONE, now);
    assert_eq!(roster::speaking_now(&s.doc), Some("函館市"));
    assert_eq!(s.editor.speaker.as_deref(), Some("函館市"));
    press(
        &mut s,
        KeyCode::F(6),
        KeyModifiers::NONE,
        now + Duration::seconds(90),
    );
    let spoken = roster::spoken(&s.doc, "函館市", now + Duration::seconds(200));
    assert_eq!(spoken, Duration::seconds(90));
    // The 45-minute breakout, 90 s spoken, 5 members still waiting or speaking.
    let hint = roster::fair_share(
        &s.doc,
        &s.members,
        s.time_left(now + Duration::seconds(90)),
        now + Duration::seconds(90),
    );
    assert_eq!(hint, Some(Duration::seconds((45 * 60 - 90) / 5)));
}

#[test]
fn attendance_and_covered_questions_are_saved() {
    let mut s = state_b();
    let now = t0();
    press(&mut s, KeyCode::Tab, KeyModifiers::NONE, now);
    press(&mut s, KeyCode::Down, KeyModifiers::NONE, now);
    let fx = press(&mut s, KeyCode::Char(' '), KeyModifiers::NONE, now);
    assert_eq!(
        s.doc.presence("気仙沼市"),
        Some(crate::model::notes::Presence::Present)
    );
    assert!(matches!(fx.first(), Some(Effect::SaveNotes { .. })));
    press(&mut s, KeyCode::Esc, KeyModifiers::NONE, now);
    press(&mut s, KeyCode::F(4), KeyModifiers::NONE, now);
    assert_eq!(s.editor.question, Some(("2".into(), "q1".into())));
    press(&mut s, KeyCode::F(5), KeyModifiers::NONE, now);
    assert!(s.doc.is_covered("2", "q1"));
    type_text(&mut s, "集客", now);
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE, now);
    assert_eq!(s.doc.notes[0].question.as_deref(), Some("q1"));
    assert_eq!(s.doc.notes[0].theme.as_deref(), Some("2"));
}

#[test]
fn another_consoles_note_appears_and_a_restored_draft_comes_back() {
    let mut s = state_b();
    let now = t0();
    let mut other = state_b();
    other.id_prefix = "o".into();
    type_text(&mut other, "共同記録", now);
    press(&mut other, KeyCode::Enter, KeyModifiers::NONE, now);
    update(&mut s, Action::FileChanged(other.doc.clone()), now);
    assert_eq!(s.doc.notes[0].text, "共同記録");
    assert!(!s.saving.is_pending(&s.doc.notes[0].id));
    type_text(&mut s, "途中", now);
    let draft = s.draft(now);
    let mut fresh = state_b();
    fresh.restore(&draft);
    assert_eq!(fresh.editor.text(), "途中");
}

#[test]
fn summary_is_edited_committed_and_kept_in_the_draft_meanwhile() {
    let mut s = state_b();
    let now = t0();
    press(&mut s, KeyCode::F(9), KeyModifiers::NONE, now);
    assert_eq!(s.mode, Mode::Summary);
    type_text(&mut s, "集客は商工会経由", now);
    assert_eq!(s.draft(now).summary.as_deref(), Some("集客は商工会経由"));
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE, now);
    assert_eq!(s.doc.summary.as_ref().unwrap().text, "集客は商工会経由");
    assert_eq!(s.draft(now).summary, None);
    assert_eq!(
        s.summary.lines().join(""),
        "集客は商工会経由",
        "stays on screen"
    );
}

#[test]
fn roster_moves_recorded_by_the_facilitator_show_in_the_roster() {
    let mut s = state_b();
    let plan = s.plan.clone();
    let mut run = crate::model::run::RunState::new(&plan);
    run.moves.push(crate::model::run::MemberMove {
        member: "奈良県".into(),
        from: "C".into(),
        to: "B".into(),
        at: s.stamp(t0()),
        extra: Default::default(),
    });
    run.moves.push(crate::model::run::MemberMove {
        member: "焼津市".into(),
        from: "B".into(),
        to: "C".into(),
        at: s.stamp(t0()),
        extra: Default::default(),
    });
    update(&mut s, Action::RunChanged(Some(Box::new(run))), t0());
    assert!(s.members.contains(&"奈良県".to_string()));
    assert!(!s.members.contains(&"焼津市".to_string()));
    assert_eq!(s.members.len(), 6);
    // A run.json removed mid-sitting keeps the last good state, with a warning.
    update(&mut s, Action::RunChanged(None), t0());
    assert!(!s.members.contains(&"焼津市".to_string()));
    assert!(s.run.is_some());
    assert!(s.file_warnings.contains_key("run.json"));
}

#[test]
fn an_action_gets_its_owner_and_other_kinds_do_not() {
    let mut s = state_b();
    let now = t0();
    while s.editor.kind != NoteKind::Action {
        press(&mut s, KeyCode::F(3), KeyModifiers::NONE, now);
    }
    press(&mut s, KeyCode::F(8), KeyModifiers::NONE, now);
    type_text(&mut s, "5", now);
    assert_eq!(s.editor.owner.as_deref(), Some("浜松市"));
    type_text(&mut s, "合同研修の案を共有", now);
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE, now);
    assert_eq!(s.doc.notes[0].owner.as_deref(), Some("浜松市"));
    press(&mut s, KeyCode::F(8), KeyModifiers::NONE, now);
    type_text(&mut s, "1", now);
    press(&mut s, KeyCode::F(3), KeyModifiers::NONE, now);
    type_text(&mut s, "意見", now);
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE, now);
    assert_eq!(s.doc.notes[1].owner, None);
}

#[test]
fn an_unsent_note_survives_editing_another_and_keeps_its_labels() {
    let mut s = state_b();
    let now = t0();
    type_text(&mut s, "旧", now);
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE, now);
    press(&mut s, KeyCode::Char('1'), KeyModifiers::ALT, now);
    let speaker = s.editor.speaker.clone();
    type_text(&mut s, "書きかけのメモ", now);
    // Edit the saved note, then cancel: the unsent one is back.
    s.mode = Mode::List;
    press(&mut s, KeyCode::Char('e'), KeyModifiers::NONE, now);
    assert_eq!(s.editor.text(), "旧");
    press(&mut s, KeyCode::Esc, KeyModifiers::NONE, now);
    assert_eq!(s.editor.text(), "書きかけのメモ");
    assert_eq!(s.editor.speaker, speaker);
    // Edit and commit: the unsent one is back too, and nothing else changed.
    s.mode = Mode::List;
    press(&mut s, KeyCode::Char('e'), KeyModifiers::NONE, now);
    type_text(&mut s, "追記", now);
    press(&mut s, KeyCode::Enter, KeyModifiers::NONE, now);
    assert_eq!(s.doc.notes.len(), 1);
    assert_eq!(s.doc.notes[0].text, "旧追記");
    assert_eq!(s.editor.text(), "書きかけのメモ");
    assert_eq!(s.editor.speaker, speaker);
}
