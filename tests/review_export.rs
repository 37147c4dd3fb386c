//! The exports of the fixture sitting compared byte for byte with golden
//! files (BOM and CRLF included). Run with `UPDATE_GOLDEN=1` to rewrite the
//! golden files after a deliberate change, then read the diff.

use std::path::{Path, PathBuf};

use bunkakai::i18n::Lang;
use bunkakai::review::Archive;
use bunkakai::review::Sitting;
use bunkakai::review::export::{ExportFormat, Part, render, render_part};
use bunkakai::store::archive::read_sitting;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn export(id: &str, format: ExportFormat, lang: Lang) -> Vec<u8> {
    // A relative folder, as a user would type it, so paths in the output
    // do not depend on where the repository is.
    std::env::set_current_dir(root()).unwrap();
    let files = read_sitting(
        Path::new("tests/fixtures/archive").join(id).as_path(),
        id.into(),
    );
    // Read within its archive, as `bunkakai export` reads it, so that the
    // actions carried in from the previous sitting are part of it.
    let archive = Archive::load(Path::new("tests/fixtures/archive"));
    let sitting = archive.sitting(id).unwrap();
    let via_archive = render_part(&Part::in_archive(&archive, sitting), &files, format, lang);
    let alone = render(&Sitting::parse(&files), &files, format, lang);
    if id == "jichitai-09" {
        assert_eq!(via_archive, alone, "jichitai-09 follows no sitting");
    }
    via_archive
}

fn golden(name: &str, actual: &[u8]) {
    let path = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let want = std::fs::read(&path).unwrap_or_default();
    if want != actual {
        panic!(
            "{name} differs from its golden file; got:\n{}",
            String::from_utf8_lossy(actual)
        );
    }
}

#[test]
fn markdown_report_matches_golden() {
    golden(
        "jichitai-09.ja.md",
        &export("jichitai-09", ExportFormat::Md, Lang::Ja),
    );
    golden(
        "jichitai-10.en.md",
        &export("jichitai-10", ExportFormat::Md, Lang::En),
    );
}

#[test]
fn csv_sheet_matches_golden_with_bom_and_crlf() {
    let csv = export("jichitai-09", ExportFormat::Csv, Lang::Ja);
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM first");
    let text = String::from_utf8(csv.clone()).unwrap();
    assert!(text.ends_with("\r\n"));
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "CRLF only"
    );
    assert!(
        text.contains(",\"'=HYPERLINK(\"\"http://example.invalid\"\","),
        "{text}"
    );
    assert!(text.contains(",'-5%でも"), "{text}");
    golden("jichitai-09.ja.csv", &csv);
    golden(
        "jichitai-10.en.csv",
        &export("jichitai-10", ExportFormat::Csv, Lang::En),
    );
}

#[test]
fn markdown_has_no_escape_sequences_and_escapes_markup() {
    let md = String::from_utf8(export("jichitai-09", ExportFormat::Md, Lang::Ja)).unwrap();
    assert!(
        !md.chars().any(|c| c.is_control() && c != '\n'),
        "no control characters"
    );
    assert!(md.contains("-5%でも前年比で改善と言える（赤字で強調）"));
}

#[test]
fn json_merges_plan_run_and_notes_and_lists_problems() {
    let json = export("jichitai-10", ExportFormat::Json, Lang::En);
    let doc: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(doc["format"], "bunkakai.export/1");
    assert_eq!(doc["plan"]["title"], "第10回 自治体勉強会（各論編⑤）");
    assert_eq!(doc["run"]["history"][2]["skipped"], true);
    assert_eq!(doc["notes"]["A"]["notes"].as_array().unwrap().len(), 4);
    assert_eq!(
        doc["notes"]["B"]["summary"]["text"],
        "告知は経済団体のメルマガ。行動変容の測り方が次の課題。"
    );
    assert!(
        doc["notes"].get("C").is_none(),
        "a newer-format file is not merged"
    );
    let problems = doc["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .as_str()
            .unwrap()
            .starts_with("notes/C.json: written by a newer bunkakai")
    );
}
