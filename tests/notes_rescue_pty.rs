//! Quitting while saves fail, in a real pseudo-terminal: the console asks,
//! writes the unsaved notes to a rescue copy outside the sitting folder,
//! says where, exits non-zero, and offers them back at the next start.
//! Saves are made to fail with the debug builds' injection hook
//! (`BUNKAKAI_TEST_FAIL_SAVES`): the test machines run as root, for whom a
//! read-only folder is no obstacle.

mod common;

use std::path::Path;

use common::pty::NOTES_B;
use common::{Console, sitting};

fn notes_in(path: &Path) -> Vec<String> {
    // The file with its journal, as every reader sees it.
    let doc = bunkakai::store::notes_file::load(path, "jichitai-09", "B").unwrap();
    doc.notes.into_iter().map(|n| n.text).collect()
}

fn rescue_files(dir: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default()
}

#[test]
fn quitting_while_saves_fail_rescues_the_notes_and_the_next_start_brings_them_back() {
    if !cfg!(debug_assertions) {
        return; // the failure hook exists in debug builds only
    }
    let (tmp, dir) = sitting();
    let trigger = tmp.path().join("fail-saves");
    let rescue = tmp.path().join("rescue");
    let env = [
        ("BUNKAKAI_TEST_FAIL_SAVES", trigger.to_str().unwrap()),
        ("BUNKAKAI_RESCUE_DIR", rescue.to_str().unwrap()),
    ];
    let mut c = Console::spawn(&NOTES_B, tmp.path(), 100, 30, "ja", &env);
    c.wait_for("名簿", 10);
    c.send("最初のメモ\r");
    c.wait_for("保存済 (1)", 10);
    std::fs::write(&trigger, b"").unwrap();
    c.send("読み取り専用中のメモ1\r");
    c.wait_for("保存失敗", 10);
    c.send("読み取り専用中のメモ2\r");
    c.wait_for("読み取り専用中のメモ2", 5);
    c.send("\x03"); // Ctrl+C
    c.wait_for("未保存のメモが2件あります", 5);
    c.send("\x03"); // a second Ctrl+C does not leave
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(c.contents().contains("未保存のメモが2件あります"));
    c.send("q");
    assert_eq!(
        c.wait_code(10),
        Some(1),
        "not everything is where it belongs"
    );
    std::thread::sleep(std::time::Duration::from_millis(200));
    let said = c.contents();
    let files = rescue_files(&rescue);
    assert_eq!(files.len(), 1, "{files:?}");
    let name = files[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        said.contains("退避コピー") && said.contains(&name),
        "{said}"
    );
    let copy = std::fs::read_to_string(&files[0]).unwrap();
    assert!(copy.contains("読み取り専用中のメモ1"), "{copy}");
    assert!(copy.contains("読み取り専用中のメモ2"), "{copy}");
    assert_eq!(notes_in(&dir.join("notes/B.json")), ["最初のメモ"]);

    // The disk is back: the next start offers the notes back.
    std::fs::remove_file(&trigger).unwrap();
    let mut c = Console::spawn(&NOTES_B, tmp.path(), 100, 30, "ja", &env);
    c.wait_for("保存できなかったメモ2件", 10);
    c.send("y");
    c.wait_for("保存済 (3)", 10);
    assert_eq!(
        notes_in(&dir.join("notes/B.json")),
        [
            "最初のメモ",
            "読み取り専用中のメモ1",
            "読み取り専用中のメモ2"
        ]
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while !rescue_files(&rescue).is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(rescue_files(&rescue).is_empty(), "the copy goes once saved");
    c.send("\x11"); // Ctrl+Q: everything saved, leaves at once
    assert_eq!(c.wait_code(10), Some(0));
}

#[test]
fn sigterm_and_sighup_while_saves_fail_write_the_rescue_copy_too() {
    if !cfg!(debug_assertions) {
        return;
    }
    for (i, sig) in [libc::SIGTERM, libc::SIGHUP].into_iter().enumerate() {
        let (tmp, _dir) = sitting();
        let trigger = tmp.path().join("fail-saves");
        let rescue = tmp.path().join("rescue");
        std::fs::write(&trigger, b"").unwrap();
        let env = [
            ("BUNKAKAI_TEST_FAIL_SAVES", trigger.to_str().unwrap()),
            ("BUNKAKAI_RESCUE_DIR", rescue.to_str().unwrap()),
        ];
        let mut c = Console::spawn(&NOTES_B, tmp.path(), 80, 24, "ja", &env);
        c.wait_for("名簿", 10);
        c.send(&format!("シグナル前のメモ{i}\r"));
        c.wait_for("保存失敗", 10);
        c.signal(sig);
        assert_eq!(c.wait_code(10), Some(1), "signal {sig}");
        let files = rescue_files(&rescue);
        assert_eq!(files.len(), 1, "signal {sig}: {files:?}");
        let copy = std::fs::read_to_string(&files[0]).unwrap();
        assert!(copy.contains(&format!("シグナル前のメモ{i}")), "{copy}");
    }
}
