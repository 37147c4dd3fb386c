//! `bunkakai search` gives the same hits, lines, problems and exit codes
//! with the search cache as without it: when the cache is built, when it is
//! reused, after a notes file changes, and when the cache file is damaged.

mod common;

use std::path::Path;
use std::process::Output;

use common::cli::cmd;
use common::{archive_dir, copy_dir};

/// Runs a search; `cache` is the cache folder, or `None` for no cache.
fn search(sessions: &Path, cache: Option<&Path>, args: &[&str]) -> Output {
    cmd(sessions, &[&["search"], args].concat())
        .env(
            "BUNKAKAI_CACHE_DIR",
            cache.map_or("".as_ref(), Path::as_os_str),
        )
        .env("LANG", "ja_JP.UTF-8")
        .output()
        .unwrap()
}

const QUERIES: &[&[&str]] = &[
    &["ＫＰＩ", "--color", "never"],
    &["kpi", "--color", "always"],
    &["強調", "--color", "always"],
    &["強調", "--color", "never"],
    &["連携"],
    &["わーくしょっぷ", "--color", "always"],
    &["", "--group", "a", "--color", "never"],
    &["", "--kind", "アクション", "--color", "never"],
    &["", "--speaker", "新潟", "--theme", "体制構築"],
    &["", "--theme", "2"],
    &["の", "--since", "2026-02-01", "--color", "always"],
    &["の", "--until", "2026-02-01"],
    &["KPI 設定"],
    &["存在しない語"],
    &["--lang", "en"],
];

fn same_everywhere(sessions: &Path, cache: &Path) -> usize {
    let mut hits = 0;
    for q in QUERIES {
        let plain = search(sessions, None, q);
        let built = search(sessions, Some(cache), q);
        let reused = search(sessions, Some(cache), q);
        for (what, out) in [("building the cache", &built), ("reusing it", &reused)] {
            assert_eq!(out.status.code(), plain.status.code(), "{q:?} {what}");
            assert_eq!(
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&plain.stdout),
                "{q:?} {what}"
            );
            assert_eq!(
                String::from_utf8_lossy(&out.stderr),
                String::from_utf8_lossy(&plain.stderr),
                "{q:?} {what}"
            );
        }
        hits += plain.stdout.iter().filter(|b| **b == b'\n').count();
    }
    hits
}

fn cache_file(cache: &Path) -> std::path::PathBuf {
    let files: Vec<_> = std::fs::read_dir(cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

#[test]
fn the_cache_changes_nothing_but_the_speed() {
    let tmp = tempfile::tempdir().unwrap();
    let fixtures = archive_dir();
    // As it is: every sitting has an unusable file, reported each time.
    let broken = tmp.path().join("broken");
    copy_dir(&fixtures, &broken);
    assert!(same_everywhere(&broken, &tmp.path().join("c1")) > 20);

    // Without the unusable files every sitting is served from the cache.
    let good = tmp.path().join("good");
    copy_dir(&fixtures, &good);
    for s in ["jichitai-09", "jichitai-10"] {
        std::fs::remove_file(good.join(s).join("notes/C.json")).unwrap();
    }
    let cache = tmp.path().join("c2");
    same_everywhere(&good, &cache);
    let file = cache_file(&cache);
    assert!(std::fs::metadata(&file).unwrap().len() > 1000);

    // A changed notes file: its sitting is read again.
    let notes = good.join("jichitai-10/notes/A.json");
    let text = std::fs::read_to_string(&notes).unwrap();
    let changed = text.replacen("連携が難しい", "連携がﾄﾞﾛｰﾝ配送で難しい", 1);
    assert_ne!(text, changed);
    std::fs::write(&notes, changed).unwrap();
    let out = search(&good, Some(&cache), &["どろーん", "--color", "never"]);
    assert_eq!(out.status.code(), Some(0));
    // Shown composed, as without the cache.
    assert!(String::from_utf8_lossy(&out.stdout).contains("ドローン配送"));
    same_everywhere(&good, &cache);

    // A new sitting folder, and one removed.
    copy_dir(&good.join("jichitai-09"), &good.join("jichitai-11"));
    same_everywhere(&good, &cache);
    std::fs::remove_dir_all(good.join("jichitai-11")).unwrap();
    same_everywhere(&good, &cache);

    // A cut or foreign cache reads as no cache and is rebuilt; a cache
    // with flipped bits never crashes the search.
    let bytes = std::fs::read(&file).unwrap();
    let q = ["の", "--color", "always"];
    for damaged in [bytes[..bytes.len() / 2].to_vec(), b"not a cache".to_vec()] {
        std::fs::write(&file, damaged).unwrap();
        let plain = search(&good, None, &q);
        let out = search(&good, Some(&cache), &q);
        assert_eq!(out.status.code(), plain.status.code());
        assert_eq!(out.stdout, plain.stdout);
    }
    for step in [97, 13, 5] {
        let flipped: Vec<u8> = bytes
            .iter()
            .enumerate()
            .map(|(i, b)| if i % step == step / 2 { b ^ 0x5a } else { *b })
            .collect();
        std::fs::write(&file, flipped).unwrap();
        let out = search(&good, Some(&cache), &q);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    }
}
