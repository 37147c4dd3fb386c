//! Files the review, `search` and `export` cannot use (or use only in
//! part), said in the user's language with the words the consoles and
//! `check` use, and read to the same verdict as the consoles: a run.json
//! breaking a rule, a notes file naming another group, a notes file cut
//! short, lines of a notes file's journal left out, a journal without its
//! notes file.

mod common;

use std::path::{Path, PathBuf};

use bunkakai::i18n::Lang;
use bunkakai::review::Archive;
use bunkakai::review::archive::Sitting;
use bunkakai::review::files::FileFault;
use bunkakai::review::screen::run::to_action;
use bunkakai::review::screen::{Action, Loaded, ReviewView, State, update};
use bunkakai::store::archive::read_sitting;
use bunkakai::store::notes_file;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use common::cli::{archive_sitting, run, texts};

/// The archive's sitting with three broken files: run.json with an
/// adjustment of 1e16 s, B.json saying it is group C, C.json cut short.
fn broken_sitting() -> (tempfile::TempDir, PathBuf) {
    let (tmp, dir) = archive_sitting();
    let run_path = dir.join("run.json");
    let mut run: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&run_path).unwrap()).unwrap();
    run["current"] = serde_json::json!({
        "block": "exchange", "started": "2026-01-20T14:07:00+09:00", "pauses": [],
        "adjustments": [{"at": "2026-01-20T14:12:00+09:00", "seconds": 10_000_000_000_000_000_i64}],
        "alerts": [], "turns": []
    });
    std::fs::write(&run_path, serde_json::to_vec_pretty(&run).unwrap()).unwrap();
    let b = dir.join("notes/B.json");
    let text = std::fs::read_to_string(&b).unwrap();
    std::fs::write(&b, text.replacen("\"group\": \"B\"", "\"group\": \"C\"", 1)).unwrap();
    std::fs::write(
        dir.join("notes/C.json"),
        "{\"format\": \"bunkakai.notes/1\", \"session\": \"jichitai-09\", \"group\": \"C\", \"notes\": [{\"text\": \"途中",
    )
    .unwrap();
    (tmp, dir)
}

const JA: [&str; 3] = [
    "current.adjustments[0].seconds: 範囲外です。-86400～86400 の整数にしてください",
    "group: ファイルの中では班 \"C\" ですが、ファイル名は B.json です。どちらかを直してください",
    "JSON の途中でファイルが終わっています",
];
const EN: [&str; 3] = [
    "current.adjustments[0].seconds: out of range: must be from -86400 to 86400",
    "group: the file says it is group \"C\" but is named B.json; correct one of them",
    "the file ends in the middle of a value",
];

fn says_in(err: &str, lang: &str) {
    let (said, other) = if lang == "ja" { (JA, EN) } else { (EN, JA) };
    for s in said {
        assert!(err.contains(s), "{lang}: {s:?} missing from:\n{err}");
    }
    for s in other {
        assert!(!err.contains(s), "{lang}: {s:?} in:\n{err}");
    }
    assert!(!err.contains("EOF while parsing"), "serde's words: {err}");
}

#[test]
fn search_and_export_say_the_rule_broken_in_the_users_language() {
    let (tmp, _) = broken_sitting();
    for lang in ["ja", "en"] {
        let o = run(
            tmp.path(),
            &["export", "jichitai-09", "--format", "csv", "--lang", lang],
        );
        assert_eq!(o.status.code(), Some(2), "{}", texts(&o).1);
        says_in(&texts(&o).1, lang);
        // Twice: building the search cache, then reading it.
        for _ in 0..2 {
            let o = run(tmp.path(), &["search", "連携", "--lang", lang]);
            says_in(&texts(&o).1, lang);
        }
    }
}

/// The review's screen at 80×24 after `keys`, without its spaces and line
/// ends (a problem wraps).
fn review_screen(sessions: &Path, lang: Lang, keys: &[KeyCode]) -> String {
    let (mut state, _) = State::new(lang, (80, 24));
    let archive = Archive::load(sessions);
    update(&mut state, Action::Loaded(Box::new(Loaded::new(archive))));
    for code in keys {
        let ev = Event::Key(KeyEvent::new(*code, KeyModifiers::NONE));
        if let Some(action) = to_action(&state, ev) {
            update(&mut state, action);
        }
    }
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let frame = terminal
        .draw(|f| f.render_widget(&ReviewView(&state), f.area()))
        .unwrap();
    let text = bunkakai::tui::buffer_text::text_of(frame.buffer);
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_review_lists_the_rule_broken_in_the_users_language() {
    let (tmp, _) = broken_sitting();
    let ja = review_screen(tmp.path(), Lang::Ja, &[]);
    assert!(
        ja.contains("範囲外です。-86400～86400の整数にしてください"),
        "{ja}"
    );
    assert!(ja.contains("ファイルの中では班\"C\"ですが"), "{ja}");
    assert!(
        !ja.contains("outofrange") && !ja.contains("thefilesays"),
        "{ja}"
    );
    let en = review_screen(tmp.path(), Lang::En, &[]);
    assert!(en.contains("outofrange:mustbefrom-86400"), "{en}");
    // The sitting's screen: its run.json on the timing tab, group B's
    // file on its tab.
    let sitting = review_screen(tmp.path(), Lang::Ja, &[KeyCode::Enter, KeyCode::Char('T')]);
    assert!(sitting.contains("範囲外です"), "{sitting}");
    let group_b = review_screen(tmp.path(), Lang::Ja, &[KeyCode::Enter, KeyCode::Tab]);
    assert!(
        group_b.contains("ファイルの中では班\"C\"ですが"),
        "{group_b}"
    );
}

/// A journal line: the change with its checksum.
fn line(change: &str) -> String {
    format!(
        "{{\"crc32\":\"{:08x}\",\"change\":{change}}}\n",
        crc32fast::hash(change.as_bytes())
    )
}

/// A journal line whose checksum does not match its change.
fn damaged(change: &str) -> String {
    format!(
        "{{\"crc32\":\"{:08x}\",\"change\":{change}}}\n",
        crc32fast::hash(change.as_bytes()) ^ 1
    )
}

fn change(id: &str, text: &str, format: &str) -> String {
    format!(
        r#"{{"format":"{format}","session":"jichitai-09","group":"A","notes":[{{"id":"{id}","created":"2026-01-20T14:40:00+09:00","updated":"2026-01-20T14:40:00+09:00","kind":"issue","text":"{text}"}}]}}"#
    )
}

fn ids(doc: &bunkakai::model::notes::GroupNotes) -> Vec<&str> {
    doc.notes.iter().map(|n| n.id.as_str()).collect()
}

#[test]
fn a_journal_line_of_another_format_costs_that_line_only_and_is_listed_at_the_journal() {
    let (tmp, dir) = archive_sitting();
    let json = dir.join("notes/A.json");
    let journal = dir.join("notes/A.journal");
    let lines = [
        line(&change("j1", "一件目", "bunkakai.notes/1")),
        line(&change("j2", "別の形式", "bunkakai.run/1")),
        damaged(&change("j3", "三件目", "bunkakai.notes/1")),
        line(&change("j4", "四件目", "bunkakai.notes/1")),
    ];
    std::fs::write(&journal, lines.concat()).unwrap();
    // The consoles' reader and the review's give the same notes.
    let doc = notes_file::load(&json, "jichitai-09", "A").unwrap();
    assert!(ids(&doc).contains(&"j1") && ids(&doc).contains(&"j4"));
    assert!(!ids(&doc).contains(&"j2"));
    let sitting = Sitting::parse(&read_sitting(&dir, "jichitai-09".into()));
    assert_eq!(ids(sitting.notes_of("A").unwrap()), ids(&doc));
    let listed: Vec<_> = sitting
        .problems
        .iter()
        .filter(|p| p.path == journal)
        .collect();
    assert_eq!(listed.len(), 2, "{:?}", sitting.problems);
    assert!(listed.iter().all(|p| !p.fault.whole_file()));
    assert!(matches!(
        listed[0].fault,
        FileFault::NoteLeftOut { line: 2, .. }
    ));
    let said = |lang| bunkakai::i18n::review::file_problem(listed[1], lang);
    assert!(
        said(Lang::Ja).ends_with(
            "A.journal:3:1: 壊れた変更です（チェックサムが合いません）。この変更は除きました"
        ),
        "{}",
        said(Lang::Ja)
    );
    assert!(said(Lang::En).contains("checksum does not match"));
    // So say export and search.
    let o = run(
        tmp.path(),
        &["export", "jichitai-09", "--format", "csv", "--lang", "ja"],
    );
    let (out, err) = texts(&o);
    assert!(out.contains("四件目") && !out.contains("別の形式"), "{out}");
    assert!(
        err.contains("A.journal:2:1: 形式の違う変更のため除きました"),
        "{err}"
    );
}

#[test]
fn a_journal_without_its_notes_file_is_read_by_review_search_and_export() {
    let (tmp, dir) = archive_sitting();
    let json = dir.join("notes/A.json");
    std::fs::remove_file(&json).unwrap();
    std::fs::write(
        dir.join("notes/A.journal"),
        line(&change("j1", "ジャーナルだけのメモ", "bunkakai.notes/1")),
    )
    .unwrap();
    // The note-taker's console reads the group from its journal …
    let doc = notes_file::load(&json, "jichitai-09", "A").unwrap();
    assert_eq!(ids(&doc), ["j1"]);
    // … and so do the review, export and search.
    let sitting = Sitting::parse(&read_sitting(&dir, "jichitai-09".into()));
    assert_eq!(ids(sitting.notes_of("A").expect("group A")), ["j1"]);
    assert!(sitting.problems.is_empty(), "{:?}", sitting.problems);
    let o = run(tmp.path(), &["export", "jichitai-09", "--format", "csv"]);
    assert!(
        texts(&o).0.contains("ジャーナルだけのメモ"),
        "{}",
        texts(&o).1
    );
    // Twice: building the search cache, then reading it.
    for _ in 0..2 {
        let o = run(tmp.path(), &["search", "ジャーナルだけ"]);
        assert_eq!(o.status.code(), Some(0), "{}", texts(&o).1);
        assert!(texts(&o).0.contains("ジャーナルだけのメモ"));
    }
}

/// A's journal with one change kept and two left out (another kind of
/// change, a damaged line); A itself is read.
fn two_journal_lines_left_out(dir: &Path) {
    let lines = [
        line(&change("j1", "一件目", "bunkakai.notes/1")),
        line(&change("j2", "別の形式", "bunkakai.run/1")),
        damaged(&change("j3", "三件目", "bunkakai.notes/1")),
    ];
    std::fs::write(dir.join("notes/A.journal"), lines.concat()).unwrap();
}

#[test]
fn the_problems_heading_counts_files_and_lines_apart() {
    let (tmp, dir) = archive_sitting();
    two_journal_lines_left_out(&dir);
    let heading = |lang| {
        let state = common::review::review_of(tmp.path(), lang, 80, 24);
        let text = common::review::screen(&state);
        // The heading is the row above the first problem (` ! path…`).
        let rows: Vec<&str> = text.lines().collect();
        let row = rows
            .windows(2)
            .find(|w| w[1].starts_with(" ! jichitai-09/"))
            .unwrap_or_else(|| panic!("no problems heading: {text}"))[0]
            .trim()
            .to_string();
        (row, text)
    };
    let (ja, text) = heading(Lang::Ja);
    assert_eq!(ja, "読めない行 (2)", "{text}");
    assert!(text.contains("A.journal:2:1"), "{text}");
    let (en, text) = heading(Lang::En);
    assert_eq!(en, "Lines left out (2)", "{text}");
    // And a whole file that cannot be read: counted apart.
    std::fs::write(dir.join("notes/B.json"), "{\"format\": ").unwrap();
    let (ja, text) = heading(Lang::Ja);
    assert_eq!(ja, "読めないファイル (1)・読めない行 (2)", "{text}");
    let (en, text) = heading(Lang::En);
    assert_eq!(
        en, "Files that could not be read (1) · lines left out (2)",
        "{text}"
    );
    // The files alone say only files, as before.
    std::fs::remove_file(dir.join("notes/A.journal")).unwrap();
    let (ja, text) = heading(Lang::Ja);
    assert_eq!(ja, "読めないファイル (1)", "{text}");
}

#[test]
fn the_markdown_export_heads_its_problems_as_the_review_does() {
    let (tmp, dir) = archive_sitting();
    two_journal_lines_left_out(&dir);
    std::fs::write(dir.join("notes/B.json"), "{\"format\": ").unwrap();
    // The one sitting and the whole record, in both languages.
    let cases = [
        ("ja", "## 読めないファイル (1)・読めない行 (2)"),
        (
            "en",
            "## Files that could not be read (1) · lines left out (2)",
        ),
    ];
    for (lang, want) in cases {
        for what in [&["jichitai-09"][..], &["--all"]] {
            let mut args = vec!["--lang", lang, "export"];
            args.extend(what);
            args.extend(["--format", "md"]);
            let (md, _) = texts(&run(tmp.path(), &args));
            let heads: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
            assert!(heads.contains(&want), "{lang} {what:?}: {heads:?}");
            assert!(md.contains("A.journal:2:1"), "{md}");
        }
    }
    // Lines alone are not called files.
    std::fs::remove_file(dir.join("notes/B.json")).unwrap();
    let (md, _) = texts(&run(
        tmp.path(),
        &["--lang", "ja", "export", "jichitai-09", "--format", "md"],
    ));
    assert!(md.lines().any(|l| l == "## 読めない行 (2)"), "{md}");
    assert!(!md.contains("読めないファイル"), "{md}");
}

/// A notes file with a note of the wrong shape and a run.json with a start
/// time that is not a date: the parser's words are said in Japanese for a
/// Japanese user (they were English inside the Japanese sentence), and stay
/// the parser's in English.
#[test]
fn the_parsers_shape_words_are_said_in_the_users_language() {
    let (tmp, dir) = archive_sitting();
    let a = dir.join("notes/A.json");
    let mut notes: serde_json::Value = serde_json::from_slice(&std::fs::read(&a).unwrap()).unwrap();
    notes["notes"][0]["text"] = serde_json::json!(3);
    std::fs::write(&a, serde_json::to_vec_pretty(&notes).unwrap()).unwrap();
    let run_path = dir.join("run.json");
    let mut run_file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&run_path).unwrap()).unwrap();
    run_file["current"]["started"] = serde_json::json!("午後2時");
    std::fs::write(&run_path, serde_json::to_vec_pretty(&run_file).unwrap()).unwrap();
    let said = |lang: &str| {
        let o = run(
            tmp.path(),
            &["export", "jichitai-09", "--format", "md", "--lang", lang],
        );
        format!("{}{}", texts(&o).0, texts(&o).1)
    };
    let ja = said("ja");
    for s in [
        "整数 3 ではなく文字列にしてください",
        "current.started: 日時として読めない文字があります",
    ] {
        assert!(ja.contains(s), "{s:?} missing from:\n{ja}");
    }
    for s in ["expected a string", "invalid characters"] {
        assert!(!ja.contains(s), "{s:?} in:\n{ja}");
    }
    let en = said("en");
    for s in [
        "integer `3`, expected a string",
        "input contains invalid characters",
    ] {
        assert!(en.contains(s), "{s:?} missing from:\n{en}");
    }
}
