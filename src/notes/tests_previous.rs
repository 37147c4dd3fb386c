//! Tests of 「前回のアクション」 in the note-taker's console: opening the list,
//! marking an item in the meeting (shown at once, saved into the previous
//! sitting's file with the note-taker's name), undo, failures and reloads.

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::model::actions::ActionState;
use crate::previous_actions::Previous;

const ALT: KeyModifiers = KeyModifiers::ALT;
const NONE: KeyModifiers = KeyModifiers::NONE;

fn fixtures() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive")
}

fn plan_of(id: &str) -> Plan {
    let bytes = std::fs::read(fixtures().join(id).join("session.json")).unwrap();
    crate::model::read_plan(&bytes, id).plan.unwrap()
}

/// jichitai-09 as the previous sitting, read from the fixtures.
pub(crate) fn previous() -> Previous {
    let dir = fixtures().join("jichitai-09");
    crate::store::previous_sitting::read(dir, plan_of("jichitai-09")).into()
}

/// Group A of jichitai-10, where 佐野 (listed without 市) and 函館市 now sit.
pub(crate) fn state_a10(lang: Lang) -> State {
    let mut plan = plan_of("jichitai-10");
    let group = &mut plan.groups[0];
    group.members.insert(1, crate::model::Member::named("佐野"));
    group.members.push(crate::model::Member::named("函館市"));
    let group = group.clone();
    let mut s = State::new(
        lang,
        &plan,
        &group,
        GroupNotes::new("jichitai-10", "A"),
        "t".into(),
    );
    s.previous.by = Some("田中".into());
    s
}

pub(crate) fn now() -> DateTime<Utc> {
    "2026-02-17T05:20:00Z".parse().unwrap()
}

fn key(s: &mut State, code: KeyCode, m: KeyModifiers) -> Vec<Effect> {
    update(s, Action::Key(KeyEvent::new(code, m)), now())
}

fn opened() -> State {
    let mut s = state_a10(Lang::Ja);
    let fx = key(&mut s, KeyCode::Char('p'), ALT);
    assert_eq!(s.mode, Mode::Previous);
    assert!(fx.contains(&Effect::LoadPrevious), "{fx:?}");
    update(
        &mut s,
        Action::PreviousLoaded(Some(Box::new(previous()))),
        now(),
    );
    s
}

fn state_of(s: &State, id: &str) -> ActionState {
    s.carried()
        .into_iter()
        .find(|c| c.note == id)
        .unwrap()
        .state
}

fn states(s: &State) -> Vec<(String, ActionState)> {
    s.carried().into_iter().map(|c| (c.note, c.state)).collect()
}

#[test]
fn the_list_shows_the_members_actions_open_ones_first() {
    let s = opened();
    assert_eq!(
        states(&s),
        [
            ("n05".into(), ActionState::Open),
            ("n15".into(), ActionState::Done)
        ]
    );
    // Esc and Alt+P both close it, back to typing.
    let mut s = opened();
    key(&mut s, KeyCode::Esc, NONE);
    assert_eq!(s.mode, Mode::Write);
    let mut s = opened();
    key(&mut s, KeyCode::Char('p'), ALT);
    assert_eq!(s.mode, Mode::Write);
}

#[test]
fn marking_done_shows_at_once_and_saves_into_the_previous_sitting_with_the_name() {
    let mut s = opened();
    let fx = key(&mut s, KeyCode::Char('d'), NONE);
    let Some(Effect::SaveMark { change, at }) = fx.first() else {
        panic!("{fx:?}");
    };
    assert!(
        change.file.ends_with("jichitai-09/notes/A.json"),
        "{change:?}"
    );
    assert_eq!(
        (
            change.session.as_str(),
            change.group.as_str(),
            change.note.as_str()
        ),
        ("jichitai-09", "A", "n05")
    );
    assert_eq!(change.status, ActionState::Done);
    assert_eq!(change.by.as_deref(), Some("田中"));
    assert_eq!(at.to_rfc3339(), "2026-02-17T14:20:00+09:00");
    // Shown done before the save ends, with who and when.
    let n05 = s.carried().into_iter().find(|c| c.note == "n05").unwrap();
    assert_eq!(n05.state, ActionState::Done);
    assert_eq!(n05.by.as_deref(), Some("田中"));
    assert!(s.notice.as_ref().unwrap().text.contains("KPI設定シート"));
    // The selection follows the item as the list reorders.
    assert_eq!(s.carried()[s.previous.sel].note, "n05");
    // Marking it done again changes nothing.
    assert!(key(&mut s, KeyCode::Char('d'), NONE).is_empty());
}

#[test]
fn undo_gives_the_earlier_status_back_through_a_new_save() {
    let mut s = opened();
    key(&mut s, KeyCode::Char('x'), NONE);
    assert_eq!(state_of(&s, "n05"), ActionState::Dropped);
    let fx = key(&mut s, KeyCode::Char('u'), NONE);
    let Some(Effect::SaveMark { change, .. }) = fx.first() else {
        panic!("{fx:?}");
    };
    assert_eq!(
        (change.note.as_str(), change.status),
        ("n05", ActionState::Open)
    );
    assert_eq!(states(&s)[0], ("n05".into(), ActionState::Open));
    // Nothing left to take back.
    assert!(key(&mut s, KeyCode::Char('u'), NONE).is_empty());
    // An item done before the sitting can be reopened, and that undone.
    key(&mut s, KeyCode::Down, NONE);
    key(&mut s, KeyCode::Char('o'), NONE);
    assert!(states(&s).iter().all(|(_, st)| *st == ActionState::Open));
    key(&mut s, KeyCode::Char('u'), NONE);
    assert_eq!(state_of(&s, "n15"), ActionState::Done);
}

#[test]
fn a_read_that_lands_before_the_save_keeps_the_mark_and_a_failure_reloads() {
    let mut s = opened();
    key(&mut s, KeyCode::Char('d'), NONE);
    // The file as it was before the save (no mark yet) comes back late.
    update(
        &mut s,
        Action::PreviousLoaded(Some(Box::new(previous()))),
        now(),
    );
    assert_eq!(state_of(&s, "n05"), ActionState::Done);
    // The save fails: said, and what is on disk is read again.
    let fx = update(&mut s, Action::MarkSaved(Err("disk full".into())), now());
    assert!(fx.contains(&Effect::LoadPrevious), "{fx:?}");
    assert!(s.notice.as_ref().unwrap().text.contains("disk full"));
    update(
        &mut s,
        Action::PreviousLoaded(Some(Box::new(previous()))),
        now(),
    );
    assert_eq!(states(&s)[0], ("n05".into(), ActionState::Open));
}

#[test]
fn without_a_previous_sitting_or_owned_actions_nothing_is_offered() {
    let mut s = state_a10(Lang::Ja);
    update(&mut s, Action::PreviousLoaded(None), now());
    assert!(s.carried().is_empty());
    key(&mut s, KeyCode::Char('p'), ALT);
    assert!(key(&mut s, KeyCode::Char('d'), NONE).is_empty());
    // jichitai-10's group A as planned owns nothing of jichitai-09.
    let plan = plan_of("jichitai-10");
    let mut s = State::new(
        Lang::Ja,
        &plan,
        &plan.groups[0],
        GroupNotes::new("jichitai-10", "A"),
        "t".into(),
    );
    update(
        &mut s,
        Action::PreviousLoaded(Some(Box::new(previous()))),
        now(),
    );
    assert!(s.carried().is_empty());
}

#[test]
fn other_letters_in_the_list_are_text_for_the_note() {
    let mut s = opened();
    key(&mut s, KeyCode::Char('あ'), NONE);
    assert_eq!(s.mode, Mode::Write);
    assert_eq!(s.editor.text(), "あ");
    assert_eq!(states(&s)[0].1, ActionState::Open, "nothing marked");
    // A paste is text too, never dropped.
    let mut s = opened();
    update(&mut s, Action::Paste("貼り付け".into()), now());
    assert_eq!(s.mode, Mode::Write);
    assert_eq!(s.editor.text(), "貼り付け");
}

#[test]
fn a_mark_given_elsewhere_reads_the_previous_sitting_again() {
    let mut s = state_a10(Lang::Ja);
    update(
        &mut s,
        Action::PreviousLoaded(Some(Box::new(previous()))),
        now(),
    );
    let dir = s.previous.sitting.as_ref().unwrap().dir.clone();
    let fx = update(
        &mut s,
        Action::FilesChanged(vec![
            dir.join("notes/A.journal"),
            dir.join("notes/A.json"),
            dir.join("run.json"),
        ]),
        now(),
    );
    // Once, and not taken for this sitting's group A or run.json.
    assert_eq!(fx, vec![Effect::LoadPrevious]);
}
