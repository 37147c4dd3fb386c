//! `bunkakai export --all [--since D] [--until D]`: several sittings in one
//! document, days read and refused as `bunkakai search` reads them.

use std::process::{Command, Output};

fn bunkakai(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bunkakai"))
        .args(["--sessions", "tests/fixtures/archive"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("BUNKAKAI_SESSIONS")
        .env("BUNKAKAI_CACHE_DIR", "")
        .env(
            "BUNKAKAI_LOG_DIR",
            std::env::temp_dir().join("bunkakai-test-logs"),
        )
        .env("LANG", "ja_JP.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn every_sitting_oldest_first_and_since_keeps_the_later_one() {
    let all = bunkakai(&["export", "--all", "--format", "md"]);
    // Both fixture sittings have a file that cannot be used: exit 2.
    assert_eq!(all.status.code(), Some(2), "{all:?}");
    let text = stdout(&all);
    let nine = text.find("# 第9回").expect("jichitai-09");
    let ten = text.find("# 第10回").expect("jichitai-10");
    assert!(nine < ten, "oldest first");
    assert!(text.contains("\n---\n"));
    let since = bunkakai(&["export", "--all", "--since", "2026-02-01", "--format", "md"]);
    let text = stdout(&since);
    assert!(!text.contains("# 第9回"), "{text}");
    assert!(text.contains("# 第10回"));
    // jichitai-09 is left out, but its open action is still carried in.
    assert!(
        text.contains("## 前回のアクション（2026-01-20 第9回"),
        "{text}"
    );
    let until = bunkakai(&[
        "export",
        "--all",
        "--until",
        "2026-01-31",
        "--format",
        "csv",
    ]);
    let text = stdout(&until);
    assert!(text.contains("第9回") && !text.contains("第10回"), "{text}");
    assert_eq!(text.matches('\u{FEFF}').count(), 1, "one BOM");
}

#[test]
fn a_bad_day_is_refused_in_the_words_of_search() {
    let export = bunkakai(&["export", "--all", "--since", "2026-02-30", "--format", "md"]);
    let search = bunkakai(&["search", "KPI", "--since", "2026-02-30"]);
    assert_eq!(export.status.code(), Some(2));
    assert_eq!(search.status.code(), Some(2));
    assert!(export.stdout.is_empty());
    assert_eq!(export.stderr, search.stderr);
    let reversed = bunkakai(&[
        "export",
        "--all",
        "--since",
        "2026-03-01",
        "--until",
        "2026-01-01",
        "--format",
        "md",
    ]);
    assert_eq!(reversed.status.code(), Some(2));
    let err = String::from_utf8(reversed.stderr).unwrap();
    assert!(err.contains("--since 2026-03-01"), "{err}");
    let none = bunkakai(&["export", "--all", "--since", "2027-01-01", "--format", "md"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
}

#[test]
fn all_is_for_md_csv_and_xlsx_and_since_needs_all() {
    let json = bunkakai(&["export", "--all", "--format", "json"]);
    assert_eq!(json.status.code(), Some(2));
    assert!(json.stdout.is_empty());
    let err = String::from_utf8(json.stderr).unwrap();
    assert!(err.contains("json"), "{err}");
    let lone = bunkakai(&[
        "export",
        "jichitai-09",
        "--since",
        "2026-01-01",
        "--format",
        "md",
    ]);
    assert_eq!(
        lone.status.code(),
        Some(2),
        "clap refuses --since without --all"
    );
    let both = bunkakai(&["export", "jichitai-09", "--all", "--format", "md"]);
    assert_eq!(
        both.status.code(),
        Some(2),
        "a sitting and --all are exclusive"
    );
}
