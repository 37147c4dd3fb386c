//! The review's first screen: the list of sittings is drawn from the
//! outline (plans and run files, note counts from the search cache) before
//! the notes files are read, and says honestly what it does not know yet.

mod common;

use bunkakai::i18n::Lang;
use bunkakai::review::Archive;
use bunkakai::review::screen::{Action, Loaded, State, update};
use common::review::{press, screen};
use crossterm::event::KeyCode;

/// The fixture archive copied: jichitai-09 with only its good notes files,
/// jichitai-10 still with its notes file of a newer version.
fn archive() -> (tempfile::TempDir, std::path::PathBuf) {
    common::archive_copy(&["jichitai-09/notes/C.json"])
}

/// The list's line of a sitting.
fn row<'a>(screen: &'a str, title: &str) -> &'a str {
    screen.lines().find(|l| l.contains(title)).unwrap()
}

#[test]
fn the_list_comes_first_from_the_outline_and_problems_show_once_known() {
    let (tmp, dir) = archive();
    // SAFETY: the only test of this file; nothing else reads the variable.
    unsafe { std::env::set_var("BUNKAKAI_CACHE_DIR", tmp.path().join("cache")) };

    // No cache yet: nothing is known of the notes files.
    let outline = Loaded::outline(&dir);
    let whole = Archive::load(&dir);
    let ids = |a: &Archive| a.sittings.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&outline.archive), ids(&whole));
    assert!(outline.archive.sittings.iter().all(|s| s.note_count() == 0));
    let (mut state, _) = State::new(Lang::Ja, (80, 24));
    update(&mut state, Action::Loaded(Box::new(outline)));
    let first = screen(&state);
    assert!(first.contains("メモ …"), "{first}");
    assert!(
        row(&first, "第10回").trim_end().ends_with("… 50/59分 ?"),
        "{first}"
    );
    assert!(
        row(&first, "第9回").trim_end().ends_with("… 62/59分 ?"),
        "{first}"
    );
    assert!(
        first.contains("末尾の ? = まだ確かめていない会（問題があれば ! に変わる）"),
        "{first}"
    );

    // The reviewer moves and opens a sitting while the notes are read: it
    // says it is loading, never that the groups have no notes.
    press(&mut state, &[KeyCode::Down, KeyCode::Enter]);
    let opened = screen(&state);
    assert!(opened.contains("読み込み中…"), "{opened}");
    assert!(opened.contains("第9回"), "{opened}");

    // The notes arrive: the place is kept, the broken file is marked.
    update(&mut state, Action::Loaded(Box::new(Loaded::new(whole))));
    let notes = screen(&state);
    assert!(!notes.contains("読み込み中…"), "{notes}");
    assert!(notes.contains("佐野市"), "{notes}");
    press(&mut state, &[KeyCode::Esc]);
    let list = screen(&state);
    assert!(
        row(&list, "第10回").trim_end().ends_with("8 50/59分 !"),
        "{list}"
    );
    assert!(
        row(&list, "第9回").trim_end().ends_with("62/59分"),
        "{list}"
    );
    assert!(
        list.contains("末尾の ! = 読めないファイルか行がある会"),
        "{list}"
    );

    // Once the search cache holds a sitting, the outline knows its count
    // and that it has no problem; the sitting with a broken file is never
    // cached, so it stays "not checked yet" until its files are read.
    bunkakai::review::cache::with_cache(&dir, |_| ()).unwrap();
    let outline = Loaded::outline(&dir);
    let counts = outline.outline.clone().unwrap();
    let whole = Archive::load(&dir);
    let i09 = whole
        .sittings
        .iter()
        .position(|s| s.id == "jichitai-09")
        .unwrap();
    let i10 = whole
        .sittings
        .iter()
        .position(|s| s.id == "jichitai-10")
        .unwrap();
    assert_eq!(counts[i09], Some(whole.sittings[i09].note_count()));
    assert_eq!(counts[i10], None);
    let (mut state, _) = State::new(Lang::Ja, (80, 24));
    update(&mut state, Action::Loaded(Box::new(outline)));
    let first = screen(&state);
    let n09 = whole.sittings[i09].note_count().to_string();
    assert!(
        row(&first, "第9回")
            .trim_end()
            .ends_with(&format!("{n09} 62/59分")),
        "{first}"
    );
    assert!(
        row(&first, "第10回").trim_end().ends_with("… 50/59分 ?"),
        "{first}"
    );

    // A notes file changed since: its count is not trusted any more.
    std::fs::remove_file(dir.join("jichitai-09/notes/B.json")).unwrap();
    let outline = Loaded::outline(&dir);
    assert_eq!(outline.outline.unwrap()[i09], None);
}
