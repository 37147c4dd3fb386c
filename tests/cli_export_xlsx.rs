//! `bunkakai export --format xlsx`: the workbook read back cell by cell.

mod common;

use std::path::Path;
use std::process::Output;

use calamine::{Data, DataType, Range, Reader, Xlsx};

fn bunkakai(args: &[&str]) -> Output {
    common::cli::in_archive(args)
}

fn workbook(dir: &Path, id: &str) -> Xlsx<std::io::BufReader<std::fs::File>> {
    let file = dir.join(format!("{id}.xlsx"));
    let out = bunkakai(&[
        "export",
        id,
        "--format",
        "xlsx",
        "-o",
        file.to_str().unwrap(),
    ]);
    // jichitai-09's C.json is broken: written without it, exit 2.
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty());
    calamine::open_workbook(&file).unwrap()
}

fn text(sheet: &Range<Data>, r: usize, c: usize) -> String {
    match sheet.get((r, c)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => panic!("({r},{c}) is not text: {other:?}"),
    }
}

fn row(sheet: &Range<Data>, r: usize) -> Vec<String> {
    (0..sheet.width()).map(|c| text(sheet, r, c)).collect()
}

#[test]
fn workbook_has_notes_themes_actions_attendance_and_timing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut book = workbook(tmp.path(), "jichitai-09");
    let names = book.sheet_names();
    assert_eq!(names[0], "メモ");
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("テーマ1 庁内の体制構築")),
        "{names:?}"
    );
    assert_eq!(
        names[names.len() - 5..],
        [
            "アクション",
            "出席",
            "時間（予定と実績）",
            "発言時間",
            "席の移動"
        ]
    );

    let notes = book.worksheet_range("メモ").unwrap();
    assert_eq!(
        row(&notes, 0),
        [
            "会",
            "グループ",
            "テーマ",
            "質問",
            "種類",
            "発言者",
            "内容",
            "時刻"
        ]
    );
    let known = (1..notes.height())
        .find(|&r| text(&notes, r, 6).starts_with("専任の職員がおらず"))
        .expect("note n01 of group A is on the notes sheet");
    let n01 = row(&notes, known);
    assert_eq!(n01[0], "2026-01-20 第9回 自治体勉強会（各論編④）");
    assert!(n01[1].starts_with('A'), "{n01:?}");
    assert!(n01[2].starts_with("1 庁内の体制構築"), "{n01:?}");
    assert!(n01[3].starts_with('◆'), "{n01:?}");
    assert_eq!(n01[4..6], ["課題", "白鷹町"]);
    assert_eq!(n01[7], "14:10");

    let theme = names
        .iter()
        .find(|n| n.starts_with("テーマ1"))
        .unwrap()
        .clone();
    let compare = book.worksheet_range(&theme).unwrap();
    assert_eq!(text(&compare, 0, 0), "質問");
    assert!(text(&compare, 0, 1).starts_with('A'), "groups across");
    assert_eq!(text(&compare, 1, 0), "まとめ");
    assert_eq!(
        text(&compare, 1, 1),
        "立ち上げの壁は人員と部署間連携。KPIは転出超過数など具体的な数値にすると庁内で共有しやすい。"
    );
    assert!(text(&compare, 2, 0).starts_with('◆'), "questions down");
    let cells: Vec<String> = (2..compare.height())
        .map(|r| text(&compare, r, 1))
        .collect();
    assert!(
        cells
            .iter()
            .any(|c| c.contains("白鷹町〔課題〕専任の職員がおらず")),
        "{cells:?}"
    );

    let actions = book.worksheet_range("アクション").unwrap();
    assert_eq!(
        row(&actions, 0)[..5],
        ["会", "グループ", "担当", "内容", "状況"]
    );
    let a = (1..actions.height())
        .map(|r| row(&actions, r))
        .find(|r| r[3] == "KPI設定シートを次回までに共有する")
        .expect("group A's action");
    assert_eq!(a[2], "佐野市");
    assert_eq!(a[4], "未完了");

    let attendance = book.worksheet_range("出席").unwrap();
    assert_eq!(
        row(&attendance, 0),
        ["会", "グループ", "氏名・団体", "出席"]
    );
    assert!(attendance.height() > 1);

    let timing = book.worksheet_range("時間（予定と実績）").unwrap();
    assert_eq!(text(&timing, 0, 1), "議事");
    assert_eq!(text(&timing, 1, 1), "事務局からの情報提供");
    assert!(
        matches!(timing.get((1, 2)), Some(Data::Float(_) | Data::Int(_))),
        "planned minutes are a number"
    );
    let last = timing.height() - 1;
    assert_eq!(text(&timing, last, 1), "合計");
    // Report turns sit under their block and are not part of the sum.
    let planned: f64 = (1..last)
        .filter(|&r| text(&timing, r, 9) != "報告の時間")
        .filter_map(|r| timing.get((r, 2)).and_then(|d| d.get_float()))
        .sum();
    assert_eq!(
        timing.get((last, 2)).and_then(|d| d.get_float()),
        Some(planned)
    );
    assert!(planned > 0.0);
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    let tmp = tempfile::tempdir().unwrap();
    let sessions = tmp.path().join("s");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive/jichitai-09");
    let dst = sessions.join("jichitai-09");
    std::fs::create_dir_all(dst.join("notes")).unwrap();
    std::fs::copy(src.join("session.json"), dst.join("session.json")).unwrap();
    let a = std::fs::read_to_string(src.join("notes/A.json")).unwrap();
    let a = a.replace(
        "専任の職員がおらず、兼務で回しているため立ち上げが遅れている",
        "=HYPERLINK(\\\"http://x\\\",\\\"a\\\")",
    );
    std::fs::write(dst.join("notes/A.json"), a).unwrap();
    let file = tmp.path().join("out.xlsx");
    let out = common::cli::cmd(
        &sessions,
        &["export", "jichitai-09", "--format", "xlsx", "-o"],
    )
    .arg(&file)
    .env("LANG", "ja_JP.UTF-8")
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let mut book: Xlsx<_> = calamine::open_workbook(&file).unwrap();
    let notes = book.worksheet_range("メモ").unwrap();
    let hit = (1..notes.height()).any(|r| text(&notes, r, 6) == "=HYPERLINK(\"http://x\",\"a\")");
    assert!(hit, "the note is a string cell, word for word");
    let formulas = book.worksheet_formula("メモ").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formula"
    );
}

#[test]
fn a_workbook_is_not_written_to_the_terminal_and_is_refused_first() {
    for args in [
        &["export", "jichitai-09", "--format", "xlsx"][..],
        &["export", "--all", "--format", "xlsx"],
        // Refused before the sitting or the days are looked at.
        &["export", "no-such-sitting", "--format", "xlsx"],
        &[
            "export",
            "--all",
            "--since",
            "yesterday",
            "--format",
            "xlsx",
        ],
    ] {
        let out = bunkakai(
            &["--lang", "en"]
                .iter()
                .chain(args)
                .copied()
                .collect::<Vec<_>>(),
        );
        let err = common::cli::stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(
            err.trim_end(),
            "--format xlsx needs -o FILE.xlsx (a workbook is not written to the terminal)",
            "{args:?}"
        );
    }
}
