//! The theme comparison keeps the origin (date, sitting, group) of the
//! notes at the top of its answers pane in view while paging (M8), and the
//! timing tab lists each group's report turn under its block (M6).

mod common;

use bunkakai::i18n::Lang;
use bunkakai::review::Archive;
use common::review::{press, review, review_with, screen};
use crossterm::event::KeyCode;

#[test]
fn paging_the_comparison_keeps_the_sitting_and_group_on_top() {
    let mut state = review(Lang::Ja, 80, 16);
    press(
        &mut state,
        &[KeyCode::Char('t'), KeyCode::Enter, KeyCode::Down],
    );
    press(&mut state, &[KeyCode::PageDown, KeyCode::PageDown]);
    let shown = screen(&state);
    insta::assert_snapshot!("compare_paged_pinned_ja_80x16", shown);
    // Paged past the heading of jichitai-10's group A: its notes are on
    // top, and so is the line saying whose they are.
    let first = shown.lines().nth(2).unwrap();
    let answers = first.split('|').nth(1).unwrap();
    assert!(
        answers.starts_with("2026-02-17 第10回 自治体勉強会（各論編⑤） / A（①）"),
        "{shown}"
    );
}

#[test]
fn the_timing_tab_shows_each_report_turn_and_the_total() {
    let mut state = review(Lang::Ja, 120, 35);
    press(
        &mut state,
        &[KeyCode::Down, KeyCode::Enter, KeyCode::Char('T')],
    );
    let shown = screen(&state);
    insta::assert_snapshot!("timing_record_ja_120x35", shown);
    let turn_a = shown
        .lines()
        .find(|l| l.contains("報告 A（①）"))
        .expect("group A's report turn");
    assert!(turn_a.contains("3:00") && turn_a.contains("4:00") && turn_a.contains("+1:00"));
    assert!(
        shown
            .lines()
            .any(|l| l.contains("合計") && l.contains("62:00"))
    );
    assert!(shown.contains("見附市") && shown.contains("発言なし"));
}

#[test]
fn the_comparison_starts_with_counts_by_kind_and_every_groups_summary() {
    let mut state = review(Lang::Ja, 80, 24);
    press(
        &mut state,
        &[KeyCode::Char('t'), KeyCode::Enter, KeyCode::Down],
    );
    let shown = screen(&state);
    let answers: Vec<&str> = shown
        .lines()
        .filter_map(|l| l.split('|').nth(1))
        .map(str::trim_end)
        .collect();
    // ◆ q2 of theme 1: 2 notes in jichitai-10's A, 4 in jichitai-09's A.
    assert!(
        answers.contains(&"2会・2グループ 6件: 課題 1・工夫・事例 3・アクション 2"),
        "{shown}"
    );
    let summary = answers
        .iter()
        .position(|l| *l == "まとめ")
        .expect("summaries");
    let first_note = answers.iter().position(|l| l.contains("栃木県")).unwrap();
    assert!(summary < first_note, "summaries before the notes");
    assert!(answers[summary + 1].starts_with(" 2026-02-17 A（①）: 県と市町村"));
}

#[test]
fn groups_without_a_summary_are_named_on_one_line() {
    let mut archive = Archive::load(&common::archive_dir());
    let nine = archive.sittings.iter_mut().find(|s| s.id == "jichitai-09");
    let a = nine
        .unwrap()
        .groups
        .iter_mut()
        .find(|g| g.id == "A")
        .unwrap();
    a.notes.as_mut().unwrap().summary = None;
    let mut state = review_with(archive, Lang::Ja, 80, 24);
    press(
        &mut state,
        &[KeyCode::Char('t'), KeyCode::Enter, KeyCode::Down],
    );
    let shown = screen(&state);
    assert!(
        shown.contains("| 2026-01-20 まとめはありません: A（①）"),
        "{shown}"
    );
    assert!(shown.contains("| 2026-02-17 A（①）: 県と市町村"), "{shown}");
}
