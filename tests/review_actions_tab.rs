//! The review's actions tab: every action item of the archive with its
//! status, set from the screen with keys and saved into the notes file
//! through the merge, so a note-taker saving at the same time loses nothing.

mod common;

use bunkakai::i18n::Lang;
use bunkakai::model::actions::ActionState;
use bunkakai::previous_actions::StatusChange;
use bunkakai::review::screen::run::save_status;
use bunkakai::review::screen::{Action, Effect, View, update};
use bunkakai::store::notes_file;
use common::review::{keys, review, review_of, screen};
use common::{archive_copy, archive_dir};

fn change(effects: &[Effect]) -> &StatusChange {
    match effects {
        [Effect::SetStatus(c)] => c,
        other => panic!("expected one status change, got {other:?}"),
    }
}

#[test]
fn keys_set_the_selected_items_status_as_an_effect() {
    let dir = archive_dir();
    let mut state = review_of(&dir, Lang::Ja, 100, 30);
    assert!(keys(&mut state, "a").is_empty());
    assert!(matches!(state.view(), View::Actions { selected: 0, .. }));
    // The first item (newest sitting first) is jichitai-10's n24, open.
    let c = change(&keys(&mut state, "d")).clone();
    assert_eq!(c.status, ActionState::Done);
    assert_eq!(c.note, "n24");
    assert_eq!(c.group, "A");
    assert_eq!(c.session, "jichitai-10");
    assert_eq!(c.file, dir.join("jichitai-10/notes/A.json"));
    assert_eq!(change(&keys(&mut state, "x")).status, ActionState::Dropped);
    // Already open: nothing to save.
    assert!(keys(&mut state, "o").is_empty());
    // n15 (jichitai-09, group B) is done already: d does nothing, o
    // reopens it.
    keys(&mut state, "↓↓");
    let archive = state.data.as_ref().unwrap().archive.clone();
    let items = bunkakai::review::actions::items(&archive, &Default::default());
    let second = &items[2];
    assert_eq!(second.state(), ActionState::Done, "{:?}", second.note.id);
    assert!(keys(&mut state, "d").is_empty());
    let effects = keys(&mut state, "o");
    let c = change(&effects);
    assert_eq!(
        (c.note.as_str(), c.status),
        (second.note.id.as_str(), ActionState::Open)
    );
}

/// The review's status change is the note-taker's: one type, which names
/// who gave the status (the review's `--name`, else the login name), and
/// is saved by the same function.
#[test]
fn the_reviews_status_change_is_the_note_takers_and_names_who_gave_it() {
    let (_tmp, dir) = archive_copy(&[]);
    let mut state = review_of(&dir, Lang::Ja, 100, 30);
    // No name known: the change says so.
    let effects = keys(&mut state, "ad");
    assert_eq!(change(&effects).by, None);
    state.by = Some("事務局 山田".into());
    let c: StatusChange = change(&keys(&mut state, "x")).clone();
    assert_eq!(c.by.as_deref(), Some("事務局 山田"));
    assert_eq!(c.status, ActionState::Dropped);
    // Saved as a note-taker's console saves a status, who gave it beside.
    save_status(&c, "2026-03-01T10:00:00+09:00".parse().unwrap()).unwrap();
    let disk = notes_file::load(&c.file, "jichitai-10", "A").unwrap();
    let mark = disk.action_mark("n24").unwrap();
    assert_eq!(disk.action_state("n24"), ActionState::Dropped);
    assert_eq!(mark.by.as_deref(), Some("事務局 山田"));
}

#[test]
fn the_tab_filters_the_open_ones_and_keeps_the_selection_inside() {
    let mut state = review(Lang::Ja, 100, 30);
    keys(&mut state, "a↓↓↓");
    assert!(matches!(
        state.view(),
        View::Actions {
            selected: 2,
            open_only: false
        }
    ));
    keys(&mut state, "f");
    assert!(matches!(
        state.view(),
        View::Actions {
            selected: 0,
            open_only: true
        }
    ));
    keys(&mut state, "↓↓↓");
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
    keys(&mut state, "\x1b");
    assert!(matches!(state.view(), View::List { .. }));
}

#[test]
fn a_saved_status_reloads_and_a_failure_is_shown_not_reloaded() {
    let mut state = review(Lang::Ja, 100, 30);
    keys(&mut state, "a");
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
    keys(&mut state, "↓");
    assert!(screen(&state).contains("d 完了  x 取りやめ"));
}

#[test]
fn actions_tab_ja_100x30() {
    let mut state = review(Lang::Ja, 100, 30);
    keys(&mut state, "a");
    insta::assert_snapshot!("actions_tab_ja_100x30", screen(&state));
}

#[test]
fn a_status_set_from_the_screen_lands_in_the_file_and_survives_a_concurrent_save() {
    let (_tmp, dir) = archive_copy(&[]);
    let file = dir.join("jichitai-10/notes/A.json");
    // A note-taker has the file open with its notes and adds one.
    let mut taker = notes_file::load(&file, "jichitai-10", "A").unwrap();
    let mut added = taker.notes[0].clone();
    added.id = "n99".into();
    added.text = "追加のメモ".into();
    taker.notes.push(added);

    let mut state = review_of(&dir, Lang::Ja, 100, 30);
    state.by = Some("事務局 山田".into());
    let effects = keys(&mut state, "ad");
    let at = "2026-03-01T10:00:00+09:00".parse().unwrap();
    save_status(change(&effects), at).unwrap();
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
    keys(&mut state, "af");
    let text = screen(&state);
    assert!(text.contains("アクション一覧 (1)"), "{text}");

    // And the other way round: the screen was read before a note-taker
    // saved, and sets a status after.
    let mut state = review_of(&dir, Lang::Ja, 100, 30);
    let effects = keys(&mut state, "ax");
    let c = change(&effects).clone();
    let mut taker = notes_file::load(&file, "jichitai-10", "A").unwrap();
    taker.notes[0].text.push_str("（追記）");
    notes_file::commit(&file, &taker).unwrap();
    save_status(&c, "2026-03-01T11:00:00+09:00".parse().unwrap()).unwrap();
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
    save_status(&c, "2026-03-01T12:00:00+09:00".parse().unwrap()).unwrap();
    writer.join().unwrap().unwrap();
    let disk = notes_file::load(&c.file, "jichitai-10", "A").unwrap();
    assert_eq!(disk.action_state("n24"), ActionState::Dropped);
    assert!(disk.notes[1].text.ends_with("（同時）"));
    assert!(disk.notes.iter().any(|n| n.id == "n99"));
}
