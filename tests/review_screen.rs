//! The review screen drawn on a test terminal at 80×24 after real key
//! presses: the sittings list, a sitting, the timing table, a theme
//! comparison, search results, the help and the too-small message.

mod common;

use bunkakai::i18n::Lang;
use bunkakai::review::Archive;
use bunkakai::review::screen::run::to_action;
use bunkakai::review::screen::{Action, update};
use common::review::{keys, load, press, review, review_of, screen};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

#[test]
fn sittings_list_newest_first_with_unreadable_files() {
    let state = review(Lang::Ja, 80, 24);
    insta::assert_snapshot!("list_ja_80x24", screen(&state));
}

#[test]
fn a_sitting_group_by_group_then_its_timing() {
    let mut state = review(Lang::Ja, 80, 24);
    press(&mut state, &[KeyCode::Down, KeyCode::Enter, KeyCode::Tab]);
    insta::assert_snapshot!("sitting_group_b_ja_80x24", screen(&state));
    press(&mut state, &[KeyCode::Char('T')]);
    insta::assert_snapshot!("sitting_timing_ja_80x24", screen(&state));
}

#[test]
fn theme_comparison_across_sittings() {
    let mut state = review(Lang::Ja, 80, 24);
    press(
        &mut state,
        &[KeyCode::Char('t'), KeyCode::Enter, KeyCode::Down],
    );
    insta::assert_snapshot!("compare_theme1_q2_ja_80x24", screen(&state));
}

#[test]
fn search_as_you_type_then_open_the_hit() {
    let mut state = review(Lang::Ja, 80, 24);
    press(&mut state, &[KeyCode::Char('/')]);
    keys(&mut state, "ｋｐｉ 設定");
    insta::assert_snapshot!("search_kpi_ja_80x24", screen(&state));
    press(&mut state, &[KeyCode::Down, KeyCode::Down, KeyCode::Enter]);
    insta::assert_snapshot!("search_opened_hit_ja_80x24", screen(&state));
}

#[test]
fn english_list_and_help_and_too_small() {
    let mut state = review(Lang::En, 100, 30);
    press(&mut state, &[KeyCode::Char('?')]);
    insta::assert_snapshot!("help_en_100x30", screen(&state));
    let small = review(Lang::Ja, 59, 16);
    insta::assert_snapshot!("too_small_59x16", screen(&small));
}

#[test]
fn a_bad_filter_is_explained_and_q_types_in_the_box() {
    let mut state = review(Lang::En, 80, 24);
    press(&mut state, &[KeyCode::Char('/')]);
    keys(&mut state, "q k:feelings");
    let text = screen(&state);
    assert!(text.contains("Search: q k:feelings"), "{text}");
    assert!(text.contains("k:feelings: no such kind"), "{text}");
}

#[test]
fn ctrl_and_alt_chords_never_type_into_the_search_box() {
    let mut state = review(Lang::Ja, 80, 24);
    press(&mut state, &[KeyCode::Char('/')]);
    keys(&mut state, "集客");
    for m in [KeyModifiers::CONTROL, KeyModifiers::ALT] {
        for c in ['w', 'a', 'e', 'k'] {
            if let Some(action) = to_action(&state, Event::Key(KeyEvent::new(KeyCode::Char(c), m)))
            {
                update(&mut state, action);
            }
        }
    }
    let text = screen(&state);
    assert!(text.contains("検索: 集客 "), "{text}");
    assert!(!text.contains("集客w") && !text.contains("集客a"), "{text}");
    assert!(
        text.contains("Ctrl+C 終了"),
        "the footer names the key that quits here: {text}"
    );
}

#[test]
fn a_long_query_scrolls_so_the_caret_stays_on_screen() {
    let mut state = review(Lang::Ja, 60, 16);
    press(&mut state, &[KeyCode::Char('/')]);
    keys(&mut state, &"ワークショップの集客".repeat(6));
    keys(&mut state, "末尾");
    let text = screen(&state);
    let line = text.lines().nth(1).unwrap();
    assert!(line.contains("末尾"), "{line}");
    let (x, y) = bunkakai::review::screen::view::cursor(&state).unwrap();
    assert_eq!(y, 1);
    assert!(x < 60, "caret inside the screen: {x}");
}

#[test]
fn keys_do_nothing_behind_the_too_small_message_but_quit() {
    let mut state = review(Lang::Ja, 50, 14);
    let before = format!("{:?}", state.view());
    press(
        &mut state,
        &[KeyCode::Char('t'), KeyCode::Enter, KeyCode::Char('/')],
    );
    assert_eq!(format!("{:?}", state.view()), before);
    let quit = to_action(
        &state,
        Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE)),
    );
    assert!(quit.is_some());
}

#[test]
fn a_bad_date_filter_shows_no_hits_rather_than_ignoring_the_filter() {
    let mut state = review(Lang::Ja, 80, 24);
    press(&mut state, &[KeyCode::Char('/')]);
    keys(&mut state, "KPI");
    assert!(!state.search.hits.is_empty());
    keys(&mut state, " from:2026-13-01");
    assert!(state.search.hits.is_empty());
    assert!(state.search.error.is_some());
}

#[test]
fn a_sitting_with_a_broken_plan_says_so_when_opened() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::create_dir(tmp.path().join("junk")).unwrap();
    std::fs::write(tmp.path().join("junk/session.json"), "{\n\"title\": ").unwrap();
    let mut state = review_of(tmp.path(), Lang::En, 80, 24);
    press(&mut state, &[KeyCode::Enter]);
    let text = screen(&state);
    assert!(text.contains("junk/session.json:2:"), "{text}");
}

/// M3: the review follows the folder. `u` (and a change in the watched
/// folder, which the runtime turns into `Action::Reload`) reads the archive
/// again; a note added meanwhile is shown, and the reviewer stays where
/// they were.
#[test]
fn u_and_folder_changes_read_the_archive_again_keeping_the_place() {
    use bunkakai::review::screen::Effect;
    let (_tmp, dir) =
        common::archive_copy(&["jichitai-09/notes/C.json", "jichitai-10/notes/C.json"]);
    let mut state = review_of(&dir, Lang::Ja, 80, 24);
    press(&mut state, &[KeyCode::Enter]);
    let before = screen(&state);
    assert!(!before.contains("追加されたメモ"), "{before}");
    // `u` asks for the archive again; so does a change in the folder.
    let ev = Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::NONE));
    let action = to_action(&state, ev).expect("u is bound");
    assert_eq!(update(&mut state, action), vec![Effect::Load]);
    assert_eq!(update(&mut state, Action::Reload), vec![Effect::Load]);
    // Another console adds a note to group A of the newest sitting.
    let file = dir.join("jichitai-10/notes/A.json");
    let text = std::fs::read_to_string(&file).unwrap();
    let added = text.replacen(
        "\"notes\": [",
        "\"notes\": [{\"id\":\"new1\",\"created\":\"2026-02-17T14:05:00+09:00\",\"updated\":\"2026-02-17T14:05:00+09:00\",\"kind\":\"opinion\",\"text\":\"追加されたメモ\",\"speaker\":\"新潟市\"},",
        1,
    );
    assert_ne!(added, text);
    std::fs::write(&file, added).unwrap();
    load(&mut state, Archive::load(&dir));
    let after = screen(&state);
    assert!(
        after.contains("追加されたメモ"),
        "still on the sitting, with the note:\n{after}"
    );
    // A new sitting changes the list under the views: back to the list.
    let s11 = dir.join("jichitai-11");
    std::fs::create_dir_all(&s11).unwrap();
    std::fs::copy(
        common::archive_dir().join("jichitai-10/session.json"),
        s11.join("session.json"),
    )
    .unwrap();
    let plan = std::fs::read_to_string(s11.join("session.json")).unwrap();
    std::fs::write(
        s11.join("session.json"),
        plan.replace("2026-02-17", "2026-03-17"),
    )
    .unwrap();
    load(&mut state, Archive::load(&dir));
    let list = screen(&state);
    assert!(list.contains("2026-03-17"), "{list}");
}
