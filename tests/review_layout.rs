//! The review's layout at 80×24, 120×35 and 60×16 in Japanese: a sitting of
//! twenty groups keeps every tab reachable and shows where one is, the
//! timing table keeps its header while paging, and the help scrolls.

mod common;

use std::path::{Path, PathBuf};

use bunkakai::i18n::Lang;
use bunkakai::review::screen::State;
use common::review::{press, review_of, screen};
use crossterm::event::KeyCode;

fn fixtures() -> PathBuf {
    common::archive_dir()
}

fn open(dir: &Path, w: u16, h: u16) -> State {
    review_of(dir, Lang::Ja, w, h)
}

/// A sessions folder with one sitting of twenty groups of thirty members
/// (A–T, each at a stage of the 取組サイクル), made from the fixture's plan.
fn twenty_groups() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let plan = fixtures().join("jichitai-10/session.json");
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(plan).unwrap()).unwrap();
    let groups: Vec<serde_json::Value> = (0..20u8)
        .map(|g| {
            let id = char::from(b'A' + g).to_string();
            let members: Vec<String> = (1..=30).map(|m| format!("{id}市{m}")).collect();
            let label = ["①", "②", "③", "④"][usize::from(g % 4)];
            serde_json::json!({ "id": id, "label": label, "themes": ["1"], "members": members })
        })
        .collect();
    plan["groups"] = serde_json::Value::Array(groups);
    plan.as_object_mut().unwrap().remove("follows");
    let dir = tmp.path().join("big-01");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("session.json"),
        serde_json::to_string_pretty(&plan).unwrap(),
    )
    .unwrap();
    tmp
}

fn tab_row(state: &State) -> String {
    screen(state).lines().nth(1).unwrap().to_string()
}

#[test]
fn twenty_groups_at_80_columns_every_tab_reachable_and_marked() {
    let tmp = twenty_groups();
    let mut state = open(tmp.path(), 80, 24);
    press(&mut state, &[KeyCode::Enter]);
    insta::assert_snapshot!("twenty_groups_first_ja_80x24", screen(&state));
    let first = tab_row(&state);
    assert!(first.trim_end().ends_with('›'), "{first}");
    assert!(!first.contains('‹'), "{first}");
    // Tab through every group: the selected one is always on the bar.
    for g in 0..20u8 {
        let id = char::from(b'A' + g);
        let row = tab_row(&state);
        assert!(row.contains(&format!(" {id}（")), "{id}: {row}");
        let body = screen(&state);
        assert!(
            body.contains(&format!("{id}市1")) || body.contains("まだメモ"),
            "{body}"
        );
        press(&mut state, &[KeyCode::Tab]);
    }
    // Past the last group: the timing tab, the first groups hidden.
    let row = tab_row(&state);
    assert!(row.contains("時間（予定と実績）"), "{row}");
    assert!(row.starts_with('‹') && row.contains(" T（"), "{row}");
    insta::assert_snapshot!("twenty_groups_timing_ja_80x24", screen(&state));
    // In the middle both sides are marked.
    press(&mut state, &[KeyCode::Tab; 11]);
    let row = tab_row(&state);
    assert!(
        row.starts_with('‹') && row.trim_end().ends_with('›'),
        "{row}"
    );
    assert!(row.contains(" K（"), "{row}");
}

#[test]
fn twenty_groups_at_60x16_and_120x35() {
    let tmp = twenty_groups();
    let mut state = open(tmp.path(), 60, 16);
    press(
        &mut state,
        &[
            KeyCode::Enter,
            KeyCode::BackTab,
            KeyCode::BackTab,
            KeyCode::BackTab,
        ],
    );
    insta::assert_snapshot!("twenty_groups_s_ja_60x16", screen(&state));
    let row = tab_row(&state);
    assert!(row.contains(" S（"), "{row}");
    let mut state = open(tmp.path(), 120, 35);
    press(&mut state, &[KeyCode::Enter, KeyCode::Tab]);
    insta::assert_snapshot!("twenty_groups_b_ja_120x35", screen(&state));
}

#[test]
fn the_timing_table_keeps_its_header_while_paging() {
    let mut state = open(&fixtures(), 80, 16);
    press(
        &mut state,
        &[KeyCode::Down, KeyCode::Enter, KeyCode::Char('T')],
    );
    press(&mut state, &[KeyCode::Down; 3]);
    let shown = screen(&state);
    insta::assert_snapshot!("timing_header_pinned_ja_80x16", shown);
    let top = shown.lines().nth(2).unwrap();
    assert!(top.starts_with(" 議事") && top.contains("予定"), "{shown}");
    // Scrolled past the block rows, not past the header row only.
    assert!(!shown.contains("事務局からの情報提供"), "{shown}");
}

#[test]
fn paging_the_timing_table_shows_every_line_once_at_least() {
    let mut state = open(&fixtures(), 60, 16);
    press(
        &mut state,
        &[KeyCode::Down, KeyCode::Enter, KeyCode::Char('T')],
    );
    let mut seen = String::new();
    for _ in 0..6 {
        seen.push_str(&screen(&state));
        press(&mut state, &[KeyCode::PageDown]);
    }
    for name in [
        "合計",
        "席の移動",
        "14:40 雲南市",
        "白鷹町",
        "佐野市",
        "見附市",
        "函館市",
        "浜松市",
    ] {
        assert!(seen.contains(name), "{name} never shown");
    }
    insta::assert_snapshot!("timing_end_ja_60x16", screen(&state));
}

#[test]
fn the_help_fits_and_scrolls_at_60x16() {
    let mut state = open(&fixtures(), 60, 16);
    press(
        &mut state,
        &[KeyCode::Down, KeyCode::Enter, KeyCode::Char('?')],
    );
    let first = screen(&state);
    insta::assert_snapshot!("help_sitting_ja_60x16", first);
    let rows: Vec<&str> = first.lines().collect();
    // The whole frame is on screen: its top and bottom borders.
    assert!(rows.iter().any(|r| r.contains('┌')), "{first}");
    assert!(rows.iter().any(|r| r.contains('└')), "{first}");
    assert!(first.contains("Up/Down 1-"), "{first}");
    // Down scrolls to the end (and no further); the last key is shown.
    press(&mut state, &[KeyCode::Down; 40]);
    assert!(state.help, "scrolling keeps the help open");
    let last = screen(&state);
    insta::assert_snapshot!("help_sitting_end_ja_60x16", last);
    assert!(last.contains("読み直す"), "{last}");
    assert_ne!(first, last);
    // Any other key closes it.
    press(&mut state, &[KeyCode::Esc]);
    assert!(!state.help);
    assert!(!screen(&state).contains("ヘルプ ─"));
}

#[test]
fn the_comparisons_help_says_how_to_write_a_filter() {
    let mut state = open(&fixtures(), 80, 24);
    press(
        &mut state,
        &[KeyCode::Char('t'), KeyCode::Enter, KeyCode::F(1)],
    );
    press(&mut state, &[KeyCode::PageDown; 3]);
    let shown = screen(&state);
    insta::assert_snapshot!("help_compare_end_ja_80x24", shown);
    assert!(shown.contains("2-5"), "{shown}");
    assert!(shown.contains("会の番号"), "{shown}");
}
