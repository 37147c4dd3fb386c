//! The review's actions tab: every action item of the archive with its
//! status, set from the screen with keys and saved into the notes file
//! through the merge, so a note-taker saving at the same time loses nothing.

use std::path::{Path, PathBuf};

use bunkakai::i18n::Lang;
use bunkakai::model::actions::ActionState;
use bunkakai::review::Archive;
use bunkakai::review::screen::actions_tab::StatusChange;
use bunkakai::review::screen::run::{save_status, to_action};
use bunkakai::review::screen::{Action, Effect, Loaded, ReviewView, State, View, update};
use bunkakai::store::notes_file;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn review_of(dir: &Path, lang: Lang, w: u16, h: u16) -> State {
    let (mut state, _) = State::new(lang, (w, h));
    let mut archive = Archive::load(dir);
    archive.dir = dir.to_path_buf();
    update(&mut state, Action::Loaded(Box::new(Loaded::new(archive))));
    state
}

/// Presses keys; returns the effects of the last one.
fn press(state: &mut State, keys: &[char]) -> Vec<Effect> {
    let mut effects = Vec::new();
    for c in keys {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            '↓' => KeyCode::Down,
            c => KeyCode::Char(*c),
        };
        let ev = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        effects = to_action(state, ev)
            .map(|a| update(state, a))
            .unwrap_or_default();
    }
    effects
}

fn screen(state: &State) -> String {
    let (w, h) = state.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let frame = terminal
        .draw(|f| f.render_widget(&ReviewView(state), f.area()))
        .unwrap();
    bunkakai::tui::buffer_text::text_of(frame.buffer)
}

fn change(effects: &[Effect]) -> &StatusChange {
    match effects {
        [Effect::SetStatus(c)] => c,
        other => panic!("expected one status change, got {other:?}"),
    }
}

#[test]
fn keys_set_the_selected_items_status_as_an_effect() {
    let dir = fixtures();
    let mut state = review_of(&dir, Lang::Ja, 100, 30);
    assert!(press(&mut state, &['a']).is_empty());
    assert!(matches!(state.view(), View::Actions { selected: 0, .. }));
    // The first item (newest sitting first) is jichitai-10's n24, open.
    let c = change(&press(&mut state, &['d'])).clone();
    assert_eq!(c.status, ActionState::Done);
    assert_eq!(c.note, "n24");
    assert_eq!(c.group, "A");
    assert_eq!(c.session, "jichitai-10");
    assert_eq!(c.file, dir.join("jichitai-10/notes/A.json"));
    assert_eq!(
        change(&press(&mut state, &['x'])).status,
        ActionState::Dropped
    );
    // Already open: nothing to save.
    assert!(press(&mut state, &['o']).is_empty());
    // n15 (jichitai-09, group B) is done already: d does nothing, o
    // reopens it.
    press(&mut state, &['↓', '↓']);
    let archive = state.data.as_ref().unwrap().archive.clone();
    let items = bunkakai::review::actions::items(&archive, &Default::default());
    let second = &items[2];
    assert_eq!(second.state(), ActionState::Done, "{:?}", second.note.id);
    assert!(press(&mut state, &['d']).is_empty());
    let effects = press(&mut state, &['o']);
    let c = change(&effects);
    assert_eq!(
        (c.note.as_str(), c.status),
        (second.note.id.as_str(), ActionState::Open)
    );
}

#[test]
fn the_tab_filters_the_open_ones_and_keeps_the_selection_inside() {
    let mut state = review_of(&fixtures(), Lang::Ja, 100, 30);
    press(&mut state, &['a', '↓', '↓', '↓']);
    assert!(matches!(
        state.view(),
        View::Actions {
            selected: 2,
            open_only: false
        }
    ));
    press(&mut state, &['f']);
    assert!(matches!(
        state.view(),
        View::Actions {
            selected: 0,
            open_only: true
        }
    ));
    press(&mut state, &['↓', '↓', '↓']);
    assert!(
        matches!(
            state.view(),
            View::Actions {
                selected: 1,
                open_only: true
            }
        ),
        "two open items: {:?}",
        state.view()
    );
    let text = screen(&state);
    assert!(text.contains("アクション一覧 (2)  [未完了のみ]"), "{text}");
    // The footer names the key `d 完了`; the rows above it name no item done.
    let rows: Vec<&str> = text.lines().collect();
    let listed = rows[..rows.len() - 1].join("\n");
    assert!(!listed.contains(" 完了 "), "no done item listed: {text}");
    // Esc goes back to the list of sittings.
    press(&mut state, &['\x1b']);
    assert!(matches!(state.view(), View::List { .. }));
}

#[test]
fn a_saved_status_reloads_and_a_failure_is_shown_not_reloaded() {
    let mut state = review_of(&fixtures(), Lang::Ja, 100, 30);
    press(&mut state, &['a']);
    assert_eq!(
        update(&mut state, Action::StatusSet(Ok(()))),
        vec![Effect::Load]
    );
    assert!(screen(&state).contains("状況を保存しました"));
    let effects = update(
        &mut state,
        Action::StatusSet(Err("locked by another console".into())),
    );
    assert!(effects.is_empty());
    let text = screen(&state);
    assert!(
        text.contains("状況を保存できませんでした: locked by another console"),
        "{text}"
    );
    // The next key brings the footer of keys back.
    press(&mut state, &['↓']);
    assert!(screen(&state).contains("d 完了  x 取りやめ"));
}

#[test]
fn actions_tab_ja_100x30() {
    let mut state = review_of(&fixtures(), Lang::Ja, 100, 30);
    press(&mut state, &['a']);
    insta::assert_snapshot!("actions_tab_ja_100x30", screen(&state));
}

#[test]
fn a_status_set_from_the_screen_lands_in_the_file_and_survives_a_concurrent_save() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    copy_dir(&fixtures(), &dir);
    let file = dir.join("jichitai-10/notes/A.json");
    // A note-taker has the file open with its notes and adds one.
    let mut taker = notes_file::load(&file, "jichitai-10", "A").unwrap();
    let mut added = taker.notes[0].clone();
    added.id = "n99".into();
    added.text = "追加のメモ".into();
    taker.notes.push(added);

    let mut state = review_of(&dir, Lang::Ja, 100, 30);
    let effects = press(&mut state, &['a', 'd']);
    let at = "2026-03-01T10:00:00+09:00".parse().unwrap();
    save_status(change(&effects), Some("事務局 山田"), at).unwrap();
    // Then the note-taker saves its version, which has no status mark.
    notes_file::commit(&file, &taker).unwrap();

    let disk = notes_file::load(&file, "jichitai-10", "A").unwrap();
    assert_eq!(disk.action_state("n24"), ActionState::Done);
    // Who set it is recorded beside it.
    let mark = disk.action_mark("n24").unwrap();
    assert_eq!(mark.by.as_deref(), Some("事務局 山田"));
    assert!(
        disk.notes.iter().any(|n| n.id == "n99"),
        "the note-taker's note is kept"
    );
    // Read again, the screen lists it as done.
    let mut state = review_of(&dir, Lang::Ja, 100, 30);
    press(&mut state, &['a', 'f']);
    let text = screen(&state);
    assert!(text.contains("アクション一覧 (1)"), "{text}");

    // And the other way round: the screen was read before a note-taker
    // saved, and sets a status after.
    let mut state = review_of(&dir, Lang::Ja, 100, 30);
    let effects = press(&mut state, &['a', 'x']);
    let c = change(&effects).clone();
    let mut taker = notes_file::load(&file, "jichitai-10", "A").unwrap();
    taker.notes[0].text.push_str("（追記）");
    notes_file::commit(&file, &taker).unwrap();
    save_status(&c, None, "2026-03-01T11:00:00+09:00".parse().unwrap()).unwrap();
    let disk = notes_file::load(&file, "jichitai-10", "A").unwrap();
    assert_eq!(disk.action_state("n24"), ActionState::Dropped);
    assert!(
        disk.notes[0].text.ends_with("（追記）"),
        "the later edit is kept"
    );
    assert!(disk.notes.iter().any(|n| n.id == "n99"));

    // And at the same moment, on two threads.
    taker.notes[1].text.push_str("（同時）");
    let writer = std::thread::spawn(move || notes_file::commit(&file, &taker).map(|_| ()));
    save_status(&c, None, "2026-03-01T12:00:00+09:00".parse().unwrap()).unwrap();
    writer.join().unwrap().unwrap();
    let disk = notes_file::load(&c.file, "jichitai-10", "A").unwrap();
    assert_eq!(disk.action_state("n24"), ActionState::Dropped);
    assert!(disk.notes[1].text.ends_with("（同時）"));
    assert!(disk.notes.iter().any(|n| n.id == "n99"));
}
