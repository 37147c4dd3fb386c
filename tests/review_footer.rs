//! The review's footer at the smallest size it draws (60×16), in Japanese
//! and English: every view keeps the search, the action items, the help
//! and quit (`/ a ? q`), its own keys shortened or left out first.

mod common;

use bunkakai::i18n::Lang;
use common::review::{keys, review, screen};

/// The footer row of the screen.
fn footer(text: &str) -> String {
    text.lines().last().unwrap().trim_end().to_string()
}

/// The footer's hints as `key word` pairs.
fn hints(row: &str) -> Vec<&str> {
    row.split("  ")
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .collect()
}

#[test]
fn every_view_keeps_search_actions_help_and_quit_at_60x16() {
    // The help may take its short word (`? 操作`) to leave room for Esc.
    let ja = ["/ 検索", "a アクション", "? ", "q 終了"];
    let en = ["/ search", "a actions", "? help", "q quit"];
    for (lang, kept) in [(Lang::Ja, ja), (Lang::En, en)] {
        // The list, a sitting, the themes, a comparison, the action items.
        for typed in ["", "\n", "t", "t\n", "a"] {
            let mut state = review(lang, 60, 16);
            keys(&mut state, typed);
            let text = screen(&state);
            let row = footer(&text);
            let shown = hints(&row);
            // In the action items `a` would open what is open already.
            let want: Vec<&str> = kept
                .iter()
                .copied()
                .filter(|h| typed != "a" || !h.starts_with("a "))
                .collect();
            let end = &shown[shown.len().saturating_sub(want.len())..];
            assert!(
                end.len() == want.len() && end.iter().zip(&want).all(|(h, w)| h.starts_with(w)),
                "{lang:?} after {typed:?}: {want:?} not at the end of {row:?}\n{text}"
            );
            // And the way back, wherever there is one to go back to.
            assert_eq!(
                shown.iter().any(|h| h.starts_with("Esc ")),
                !typed.is_empty(),
                "{lang:?} after {typed:?}: {row:?}"
            );
            assert!(
                shown.len() > want.len(),
                "{lang:?} after {typed:?}: the view's own keys are all gone: {row:?}"
            );
        }
    }
}

#[test]
fn footer_snapshots_at_60x16() {
    for (lang, name) in [(Lang::Ja, "ja"), (Lang::En, "en")] {
        let mut state = review(lang, 60, 16);
        insta::assert_snapshot!(format!("list_{name}_60x16"), screen(&state));
        keys(&mut state, "\n");
        insta::assert_snapshot!(format!("sitting_{name}_60x16"), screen(&state));
        keys(&mut state, "\x1ba");
        insta::assert_snapshot!(format!("actions_{name}_60x16"), screen(&state));
    }
}
