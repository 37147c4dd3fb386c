use super::*;
use crate::tui::keys::footer_text;

fn sitting() -> View {
    View::Sitting {
        sitting: 0,
        tab: 0,
        scroll: 0,
        focus: None,
    }
}

fn compare() -> View {
    View::Compare {
        theme: 0,
        question: 0,
        scroll: 0,
    }
}

fn actions() -> View {
    View::Actions {
        selected: 0,
        open_only: false,
    }
}

/// The footer row of a terminal `columns` wide (less its left margin).
fn text(view: &View, at_root: bool, lang: Lang, columns: usize) -> String {
    let place = Place {
        view,
        at_root,
        one_tab: false,
    };
    let (hints, tail) = footer(place, lang, columns - 1);
    footer_text(&hints, &tail, columns - 1)
}

/// The keys a footer shows (`d/x/o 状態` shows d, x and o).
fn keys(text: &str) -> Vec<String> {
    text.split("  ")
        .filter_map(|h| h.split_once(' '))
        .flat_map(|(k, _)| match k {
            "/" => vec![k.to_string()],
            _ => k.split('/').map(str::to_string).collect(),
        })
        .collect()
}

/// Each view as the reviewer meets it, with the keys its footer must show
/// at 80 columns.
fn views() -> Vec<(View, bool, &'static [&'static str])> {
    vec![
        (
            View::List { selected: 0 },
            true,
            &["Enter", "t", "/", "a", "?", "q"][..],
        ),
        (
            View::Themes { selected: 0 },
            false,
            &["Enter", "Esc", "/", "a", "?", "q"],
        ),
        (sitting(), false, &["Tab", "Esc", "t", "/", "a", "?", "q"]),
        (compare(), false, &["Esc", "f", "c", "/", "a", "?", "q"]),
        (
            actions(),
            false,
            &["d", "x", "o", "Esc", "f", "w", "/", "?", "q"],
        ),
    ]
}

#[test]
fn the_footer_keeps_the_focused_views_keys_at_80_columns() {
    for lang in [Lang::Ja, Lang::En] {
        for (view, root, want) in views() {
            let text = text(&view, root, lang, 80);
            let shown = keys(&text);
            for key in want {
                assert!(
                    shown.iter().any(|k| k == key),
                    "{lang:?} {view:?}: {key} missing from {text:?}"
                );
            }
        }
    }
}

#[test]
fn search_actions_help_and_quit_stay_at_60_columns() {
    for lang in [Lang::Ja, Lang::En] {
        for (view, root, _) in views() {
            let text = text(&view, root, lang, 60);
            let shown = keys(&text);
            // The action items need no key to reach them from themselves.
            let kept: &[&str] = if matches!(view, View::Actions { .. }) {
                &["/", "?", "q"]
            } else {
                &["/", "a", "?", "q"]
            };
            assert!(
                shown.ends_with(&kept.iter().map(|k| k.to_string()).collect::<Vec<_>>()),
                "{lang:?} {view:?}: {kept:?} not kept at the end of {text:?}"
            );
            // And the view's first key, so the way on (or back) is there.
            let first = match view {
                View::List { .. } | View::Themes { .. } => "Enter",
                View::Sitting { .. } => "Tab",
                View::Compare { .. } => "Esc",
                _ => "d",
            };
            assert_eq!(shown[0], first, "{lang:?} {view:?}: {text:?}");
            assert!(crate::tui::text::width(&text) <= 59, "{text:?}");
        }
    }
}

#[test]
fn narrow_footers_shorten_the_least_important_words_first() {
    // At 100 columns only the last of the action items' keys is shortened.
    assert_eq!(
        text(&actions(), false, Lang::Ja, 100),
        "d 完了  x 取りやめ  o 未完了  Esc 戻る  f 未完了のみ  w 担当  t 比較  / 検索  ? ヘルプ  q 終了"
    );
    // At 80 the status keys share one word, and every key stays.
    assert_eq!(
        text(&actions(), false, Lang::Ja, 80),
        "d/x/o 状態  Esc 戻る  f 未完のみ  w 担当  t 比較  / 検索  ? ヘルプ  q 終了"
    );
    // At 60 the filters go, the way back stays.
    assert_eq!(
        text(&actions(), false, Lang::Ja, 60),
        "d/x/o 状態  Esc 戻る  f 未完のみ  / 検索  ? ヘルプ  q 終了"
    );
    assert_eq!(
        text(&View::List { selected: 0 }, true, Lang::Ja, 60),
        "Enter 開く  t 比較  / 検索  a アクション  ? ヘルプ  q 終了"
    );
    assert_eq!(
        text(&sitting(), false, Lang::En, 60),
        "Tab groups  Esc back  / search  a actions  ? help  q quit"
    );
}

#[test]
fn the_way_back_stays_at_60_columns_in_every_view_but_the_first() {
    for lang in [Lang::Ja, Lang::En] {
        for (view, root, _) in views() {
            let text = text(&view, root, lang, 60);
            assert_eq!(
                keys(&text).contains(&"Esc".to_string()),
                !root,
                "{lang:?} {view:?}: {text:?}"
            );
        }
    }
    // The list of themes in Japanese: the help key takes its short word
    // (the help's title is 「キー操作」) so that Esc fits; at 80 it is whole.
    let themes = View::Themes { selected: 0 };
    assert_eq!(
        text(&themes, false, Lang::Ja, 60),
        "Enter 開く  Esc 戻る  / 検索  a アクション  ? 操作  q 終了"
    );
    assert_eq!(
        text(&themes, false, Lang::Ja, 80),
        "Enter 開く  Esc 戻る  / 検索  a アクション  ? ヘルプ  q 終了"
    );
    assert_eq!(
        text(&themes, false, Lang::En, 60),
        "Enter open  Esc back  / search  a actions  ? help  q quit"
    );
}

#[test]
fn keys_that_do_nothing_here_are_not_shown() {
    let list = text(&View::List { selected: 0 }, true, Lang::En, 120);
    assert!(!keys(&list).contains(&"Esc".to_string()), "{list}");
    let themes = text(&View::Themes { selected: 0 }, false, Lang::En, 120);
    assert!(!keys(&themes).contains(&"t".to_string()), "{themes}");
    assert!(keys(&themes).contains(&"Esc".to_string()), "{themes}");
    let items = text(&actions(), false, Lang::En, 120);
    assert!(!keys(&items).contains(&"a".to_string()), "{items}");
}
