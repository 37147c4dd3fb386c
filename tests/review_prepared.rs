//! A sitting prepared for next time (`bunkakai new --from`, before `roster
//! assign`): its plan is good but for having no groups yet. The review,
//! search and `export --all` show it as a sitting not held yet, not as a
//! file that could not be read; a plan broken in any other way still is.

mod common;

use std::path::Path;

use bunkakai::i18n::Lang;
use bunkakai::review::Archive;
use common::archive_copy;
use common::cli::{run, stderr, stdout};
use common::review::{keys, review_of, screen};

/// A copy of the archive fixture without its two broken notes files, and
/// jichitai-11 prepared from jichitai-10 as the secretariat does it.
fn prepared() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, dir) = archive_copy(&["jichitai-09/notes/C.json", "jichitai-10/notes/C.json"]);
    let out = run(&dir, &["new", "jichitai-11", "--from", "jichitai-10"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    (tmp, dir)
}

/// The list's row of the sitting whose title has `title`.
fn row<'a>(text: &'a str, title: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(title))
        .unwrap_or_else(|| panic!("no row with {title} in\n{text}"))
}

#[test]
fn a_prepared_sitting_is_listed_as_not_held_yet_not_as_a_broken_file() {
    let (_tmp, dir) = prepared();
    let archive = Archive::load(&dir);
    assert_eq!(
        archive.problems().count(),
        0,
        "{:?}",
        archive.problems().collect::<Vec<_>>()
    );
    assert_eq!(archive.sittings[0].id, "jichitai-11");

    let ja = screen(&review_of(&dir, Lang::Ja, 80, 24));
    let row_ja = row(&ja, "第11回");
    assert!(row_ja.contains("［準備中］第11回"), "{ja}");
    assert!(!row_ja.trim_end().ends_with('!'), "{ja}");
    // Undated, after the two sittings held: numbered 3, nothing renumbered.
    assert!(row_ja.trim_start().starts_with("3 -"), "{ja}");
    assert!(
        row(&ja, "第10回 自治体")
            .trim_start()
            .starts_with("2 2026-02-17"),
        "{ja}"
    );
    assert!(!ja.contains("読めないファイル ("), "{ja}");
    assert!(!ja.contains("読めない行"), "{ja}");

    let en = screen(&review_of(&dir, Lang::En, 80, 24));
    assert!(row(&en, "第11回").contains("[preparing] 第11回"), "{en}");
    assert!(!en.contains("could not be read ("), "{en}");

    // Opened, it says what it is and shows the themes its plan has.
    let mut state = review_of(&dir, Lang::Ja, 80, 24);
    keys(&mut state, "\n");
    let open = screen(&state);
    assert!(
        open.contains("準備中の会です。まだ開かれていません"),
        "{open}"
    );
    assert!(open.contains("テーマ 1 庁内の体制構築"), "{open}");
    assert!(open.contains("◆ "), "{open}");
    assert!(!open.contains("groups が空"), "{open}");
    // It has its timing tab alone: the footer offers no Tab to other groups.
    let foot = open.lines().last().unwrap_or_default();
    assert!(!foot.contains("Tab"), "{foot}");
    assert!(foot.contains("Esc 戻る"), "{foot}");
    // A held sitting's footer does.
    keys(&mut state, "\x1b");
    keys(&mut state, "↓\n");
    let held = screen(&state);
    assert!(
        held.lines()
            .last()
            .unwrap_or_default()
            .contains("Tab 次の班"),
        "{held}"
    );
    let mut state = review_of(&dir, Lang::En, 80, 24);
    keys(&mut state, "\n");
    let open = screen(&state);
    assert!(
        open.contains("A sitting in preparation, not held yet"),
        "{open}"
    );
}

#[test]
fn search_and_export_all_do_not_report_a_prepared_sitting() {
    let (_tmp, dir) = prepared();
    let search = run(&dir, &["--lang", "ja", "search", "KPI"]);
    assert_eq!(search.status.code(), Some(0), "{}", stderr(&search));
    assert!(
        !stderr(&search).contains("jichitai-11"),
        "{}",
        stderr(&search)
    );
    let all = run(&dir, &["--lang", "ja", "export", "--all", "--format", "md"]);
    assert_eq!(all.status.code(), Some(0), "{}", stderr(&all));
    assert!(!stderr(&all).contains("jichitai-11"), "{}", stderr(&all));
    assert!(!stdout(&all).contains("読めない"), "{}", stdout(&all));
    // Its own report says what it is.
    let one = run(
        &dir,
        &["--lang", "ja", "export", "jichitai-11", "--format", "md"],
    );
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert!(stdout(&one).contains("準備中の会です"), "{}", stdout(&one));
}

/// Replaces `from` by `to` in the plan of `sitting`.
fn edit_plan(dir: &Path, sitting: &str, from: &str, to: &str) {
    let file = dir.join(sitting).join("session.json");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(from), "{text}");
    std::fs::write(&file, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_plan_without_groups_and_with_another_error_is_still_flagged() {
    let (_tmp, dir) = prepared();
    // A block's minutes that are not a number: check refuses it, groups or not.
    edit_plan(&dir, "jichitai-11", "\"minutes\": 5", "\"minutes\": \"5\"");
    let archive = Archive::load(&dir);
    let problems: Vec<_> = archive.problems().collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    let ja = screen(&review_of(&dir, Lang::Ja, 80, 24));
    assert!(row(&ja, "jichitai-11").trim_end().ends_with('!'), "{ja}");
    assert!(!ja.contains("準備中"), "{ja}");
    assert!(ja.contains("読めないファイル (1)"), "{ja}");
}
