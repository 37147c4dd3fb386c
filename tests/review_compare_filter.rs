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
