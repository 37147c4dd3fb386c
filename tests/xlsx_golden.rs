//! The Excel workbooks of the fixture archive read back cell by cell
//! (calamine) into a text form, compared with golden files: jichitai-10
//! alone (the action carried in from jichitai-09 on its actions sheet) and
//! `--all` (both sittings, the full record of jichitai-09). Run with
//! `UPDATE_GOLDEN=1` to rewrite them after a deliberate change, then read
//! the diff.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn export(args: &[&str], file: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_bunkakai"))
        .args(["--sessions", "tests/fixtures/archive", "export"])
        .args(args)
        .args(["--format", "xlsx", "-o"])
        .arg(file)
        .current_dir(root())
        .env_remove("BUNKAKAI_SESSIONS")
        .env("BUNKAKAI_LOG_DIR", file.with_extension("logs"))
        .env("LANG", "ja_JP.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    // Both sittings have a notes file that cannot be used: exit 2.
    assert_eq!(out.status.code(), Some(2), "{out:?}");
}

/// Every non-empty cell as `A1 = value` (`"text"` or a number), sheet by
/// sheet in workbook order.
fn cells(file: &Path) -> String {
    let mut book: Xlsx<_> = calamine::open_workbook(file).unwrap();
    let mut out = String::new();
    for name in book.sheet_names() {
        let _ = writeln!(out, "== {name}");
        let range = book.worksheet_range(&name).unwrap();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, v) in range.used_cells() {
            let (r, c) = (r as u32 + r0, c as u32 + c0);
            let col = char::from(b'A' + c as u8);
            let v = match v {
                Data::String(s) => format!("{s:?}"),
                Data::Float(f) => format!("{f}"),
                Data::Int(i) => format!("{i}"),
                other => panic!("{name}!{col}{}: unexpected {other:?}", r + 1),
            };
            let _ = writeln!(out, "{col}{} = {v}", r + 1);
        }
    }
    out
}

fn golden(name: &str, actual: &str) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        want == actual,
        "{name} differs from its golden file; got:\n{actual}"
    );
}

#[test]
fn the_workbook_of_jichitai_10_matches_its_golden_cells() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("j10.xlsx");
    export(&["jichitai-10"], &file);
    let got = cells(&file);
    // The action carried in from jichitai-09, still open.
    assert!(got.contains("\"前回のアクション: 2026-01-20 第9回 自治体勉強会（各論編④）\""));
    golden("jichitai-10.ja.xlsx.txt", &got);
}

#[test]
fn the_workbook_of_every_sitting_matches_its_golden_cells() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("all.xlsx");
    export(&["--all", "--since", "2026-01-01"], &file);
    let got = cells(&file);
    golden("all.ja.xlsx.txt", &got);
}
