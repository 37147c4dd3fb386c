//! The theme comparison narrows by sitting range, stage and kind, typed on
//! a filter line as in the search box, shows the filter while it is set,
//! clears it with one key, and counts each question's notes (M8).

mod common;

use bunkakai::i18n::Lang;
use bunkakai::review::screen::State;
use common::review::{keys, press, review, screen};
use crossterm::event::KeyCode;

fn compare_first_theme() -> State {
    let mut state = review(Lang::Ja, 80, 24);
    press(&mut state, &[KeyCode::Char('t'), KeyCode::Enter]);
    state
}

#[test]
fn a_filter_narrows_the_comparison_and_its_counts() {
    let mut state = compare_first_theme();
    let before = screen(&state);
    assert!(before.contains("2 ◆ 取組の"), "{before}");
    assert!(before.contains("6 ◆ これまで"), "{before}");
    press(&mut state, &[KeyCode::Char('f')]);
    // Letters are text while typing: `c` and `q` do not clear or quit.
    keys(&mut state, "from:jichitai-10 k:課題");
    press(&mut state, &[KeyCode::Enter]);
    let shown = screen(&state);
    insta::assert_snapshot!("compare_filtered_ja_80x24", shown);
    assert!(
        shown.contains("絞り込み: 日付=2026-02-17〜  種類=課題"),
        "{shown}"
    );
    assert!(shown.contains("1 ◆ 取組の"), "{shown}");
    assert!(shown.contains("0 ◆ これまで"), "{shown}");
    assert!(!shown.contains("2026-01-20"), "jichitai-09 is out: {shown}");
    // One key clears it.
    press(&mut state, &[KeyCode::Char('c')]);
    assert_eq!(screen(&state), before);
}

#[test]
fn a_wrong_filter_says_why_and_esc_goes_back() {
    let mut state = compare_first_theme();
    press(&mut state, &[KeyCode::Char('f')]);
    keys(&mut state, "stage:③");
    press(&mut state, &[KeyCode::Enter]);
    let kept = screen(&state);
    assert!(kept.contains("段階=③"), "{kept}");
    assert!(
        kept.contains("0 ◆ 取組の"),
        "theme 1 is for stage ①: {kept}"
    );
    press(&mut state, &[KeyCode::Char('f')]);
    keys(&mut state, " k:感想");
    press(&mut state, &[KeyCode::Enter]);
    let wrong = screen(&state);
    assert!(wrong.contains("k:感想: その種類はありません"), "{wrong}");
    assert!(
        wrong.contains("絞り込み> stage:③ k:感想"),
        "still typing: {wrong}"
    );
    press(&mut state, &[KeyCode::Esc]);
    assert_eq!(screen(&state), kept, "Esc brings back the filter kept");
    press(&mut state, &[KeyCode::Esc]);
    assert!(
        matches!(state.view(), bunkakai::review::screen::View::Themes { .. }),
        "Esc outside typing goes back"
    );
}

/// The style of the first cell of each row of the questions pane.
fn question_styles(state: &State) -> Vec<(String, ratatui::style::Style)> {
    use bunkakai::review::screen::ReviewView;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let (w, h) = state.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let frame = terminal
        .draw(|f| f.render_widget(&ReviewView(state), f.area()))
        .unwrap();
    let buf = frame.buffer;
    (3..h - 1)
        .map(|y| {
            let row: String = (0..24).map(|x| buf[(x, y)].symbol().to_string()).collect();
            (row, buf[(0, y)].style())
        })
        .filter(|(row, _)| !row.trim().is_empty())
        .collect()
}

#[test]
fn questions_with_no_notes_after_a_filter_are_dimmed_and_still_selectable() {
    use ratatui::style::Color;
    let mut state = compare_first_theme();
    press(&mut state, &[KeyCode::Char('f')]);
    keys(&mut state, "from:jichitai-10 k:課題");
    press(&mut state, &[KeyCode::Enter]);
    let rows = question_styles(&state);
    assert_eq!(rows.len(), 4, "{rows:?}");
    for (row, style) in &rows[1..] {
        assert!(row.starts_with('0'), "{row}");
        assert_eq!(style.fg, Some(Color::DarkGray), "{row}: {style:?}");
    }
    // Down goes onto the first question with no note: it is selected (so a
    // report can say nobody spoke to it) and says so on the right.
    press(&mut state, &[KeyCode::Down]);
    let rows = question_styles(&state);
    assert_eq!(rows[0].1.fg, Some(Color::Cyan), "{rows:?}");
    assert_eq!(rows[1].1.fg, Some(Color::DarkGray), "{rows:?}");
    assert!(
        rows[1]
            .1
            .add_modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
    let shown = screen(&state);
    assert!(shown.contains("◆ これまでの勉強会では"), "{shown}");
    insta::assert_snapshot!("compare_empty_question_ja_80x24", shown);
}

#[test]
fn sittings_are_chosen_by_the_number_the_list_shows() {
    let state = review(Lang::Ja, 80, 24);
    let list = screen(&state);
    let rows: Vec<&str> = list.lines().collect();
    assert!(rows[1].starts_with("   # 日付"), "{list}");
    assert!(rows[2].starts_with("   2 2026-02-17"), "{list}");
    assert!(rows[3].starts_with("   1 2026-01-20"), "{list}");
    let mut state = compare_first_theme();
    press(&mut state, &[KeyCode::Char('f')]);
    keys(&mut state, "１ k:課題");
    press(&mut state, &[KeyCode::Enter]);
    let shown = screen(&state);
    insta::assert_snapshot!("compare_sitting_one_ja_80x24", shown);
    assert!(shown.contains("絞り込み: 会=1  種類=課題"), "{shown}");
    assert!(
        shown.contains("2026-01-20") && !shown.contains("2026-02-17"),
        "{shown}"
    );
    // A number past the list says which numbers there are.
    press(&mut state, &[KeyCode::Char('f')]);
    keys(&mut state, " 3");
    assert!(
        screen(&state).contains("3: 会の番号は 1〜2"),
        "{}",
        screen(&state)
    );
}
