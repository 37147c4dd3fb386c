//! 「前回のアクション」 end to end, on the archive fixtures: jichitai-10 follows
//! jichitai-09, and 佐野 (listed without 市) now sits in its group A. The
//! note-taker of that group sees 佐野市's open action of jichitai-09 on the
//! notes list's border, opens the list (Alt+P), marks it done (d); the mark
//! lands in jichitai-09's notes file with the note-taker's name, and
//! `bunkakai actions` lists it done by them.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{BIN, Console};

/// A sessions folder with copies of jichitai-09 and jichitai-10, where 佐野
/// joins jichitai-10's group A.
fn sessions() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive");
    for s in ["jichitai-09", "jichitai-10"] {
        let to = tmp.path().join(s);
        std::fs::create_dir_all(to.join("notes")).unwrap();
        for f in ["session.json", "run.json", "notes/A.json", "notes/B.json"] {
            std::fs::copy(src.join(s).join(f), to.join(f)).unwrap();
        }
    }
    let plan_path = tmp.path().join("jichitai-10/session.json");
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&plan_path).unwrap()).unwrap();
    plan["groups"][0]["members"]
        .as_array_mut()
        .unwrap()
        .insert(1, "佐野".into());
    std::fs::write(&plan_path, serde_json::to_string_pretty(&plan).unwrap()).unwrap();
    let root = tmp.path().to_path_buf();
    (tmp, root)
}

fn mark_of(root: &Path) -> Option<serde_json::Value> {
    let text = std::fs::read_to_string(root.join("jichitai-09/notes/A.json")).ok()?;
    let file: serde_json::Value = serde_json::from_str(&text).ok()?;
    file["action_status"]
        .as_array()?
        .iter()
        .find(|m| m["note"] == "n05")
        .cloned()
}

#[test]
fn a_note_taker_marks_the_previous_sittings_action_done_with_their_name() {
    let (_tmp, root) = sessions();
    let args = ["notes", "jichitai-10", "--group", "A", "--name", "田中"];
    let mut c = Console::spawn(&args, &root, 80, 24, "ja", &[]);
    c.wait_for("前回のアクション 未完了1 Alt+P", 10);
    c.send("\x1bp"); // Alt+P
    c.wait_for("[未完了] 佐野市", 5);
    c.wait_for("KPI設定シートを次回までに共有する", 5);
    c.send("d");
    c.wait_for("[完了] 佐野市  田中", 5);
    assert!(
        c.wait_until(5, |_| mark_of(&root).is_some()),
        "the mark never reached jichitai-09/notes/A.json"
    );
    let mark = mark_of(&root).unwrap();
    assert_eq!(mark["status"], "done");
    assert_eq!(mark["by"], "田中");
    // The notes of the previous sitting are all still there, unchanged.
    let notes = |path: &Path| {
        let text = std::fs::read_to_string(path).unwrap();
        let file: serde_json::Value = serde_json::from_str(&text).unwrap();
        let notes = file["notes"].as_array().unwrap().clone();
        notes
            .iter()
            .map(|n| {
                (
                    n["id"].to_string(),
                    n["text"].to_string(),
                    n["updated"].to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/archive/jichitai-09/notes/A.json");
    assert_eq!(
        notes(&root.join("jichitai-09/notes/A.json")),
        notes(&fixture)
    );
    // Closed, the badge says nothing is open any more.
    c.send("\x1b");
    assert!(
        c.wait_until(5, |c| !c.contents().contains("Esc 閉じる")),
        "{}",
        c.contents()
    );
    c.wait_for("前回のアクション Alt+P", 5);
    assert!(!c.contents().contains("未完了1"));
    c.send("\x11"); // Ctrl+Q
    assert_eq!(c.wait_code(10), Some(0), "{}", c.contents());

    let out = Command::new(BIN)
        .args(["--sessions"])
        .arg(&root)
        .args(["--lang", "ja", "actions", "--owner", "佐野", "--json"])
        .env("BUNKAKAI_LOG_DIR", &root)
        .output()
        .unwrap();
    let line = String::from_utf8(out.stdout).unwrap();
    let item: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(item["id"], "n05");
    assert_eq!(item["status"], "done");
    assert_eq!(item["status_by"], "田中");
}

/// The facilitator's card for group A (80×24, Japanese) follows a
/// note-taker's mark at once: 「前回1」 on the card's border goes when 佐野市's
/// action is marked done, without `u`. With `--poll 1` the mark shows within
/// the poll interval and a little.
fn the_facilitator_follows_a_mark(poll: &[&str], within: u64) {
    let (_tmp, root) = sessions();
    // A sitting not yet run: the card, not the finished sitting's record.
    std::fs::remove_file(root.join("jichitai-10/run.json")).unwrap();
    let mut args = vec!["run", "jichitai-10"];
    args.extend_from_slice(poll);
    let run = Console::spawn(&args, &root, 80, 24, "ja", &[]);
    run.wait_for("前回1", 10);
    let args = ["notes", "jichitai-10", "--group", "A", "--name", "田中"];
    let mut notes = Console::spawn(&args, &root, 80, 24, "ja", &[]);
    notes.wait_for("前回のアクション 未完了1 Alt+P", 10);
    notes.send("\x1bp"); // Alt+P
    notes.wait_for("[未完了] 佐野市", 5);
    notes.send("d");
    assert!(
        notes.wait_until(5, |_| mark_of(&root).is_some()),
        "the mark never reached jichitai-09/notes/A.json"
    );
    let marked = std::time::Instant::now();
    assert!(
        run.wait_until(within, |c| !c.contents().contains("前回1")),
        "the facilitator still shows the action open:\n{}",
        run.contents()
    );
    eprintln!("the card followed the mark after {:?}", marked.elapsed());
    assert!(run.contents().contains("班A 名簿"), "{}", run.contents());
    notes.send("\x1b");
    // Esc and a key in one write would read as Alt+key.
    std::thread::sleep(std::time::Duration::from_millis(300));
    notes.send("\x11"); // Ctrl+Q
    assert_eq!(notes.wait_code(10), Some(0), "{}", notes.contents());
}

#[test]
fn the_facilitator_follows_a_note_takers_mark_within_a_second() {
    the_facilitator_follows_a_mark(&[], 1);
}

#[test]
fn the_facilitator_follows_a_note_takers_mark_when_polling() {
    the_facilitator_follows_a_mark(&["--poll", "1"], 2);
}

/// Two note-takers on group A: one marks 佐野市's action done, and the
/// other's badge stops counting it open within a second, without reopening
/// the list.
#[test]
fn a_co_note_taker_sees_the_mark_at_once() {
    let (_tmp, root) = sessions();
    let args = ["notes", "jichitai-10", "--group", "A", "--name", "鈴木"];
    let other = Console::spawn(&args, &root, 80, 24, "ja", &[]);
    other.wait_for("前回のアクション 未完了1 Alt+P", 10);
    let args = ["notes", "jichitai-10", "--group", "A", "--name", "田中"];
    let mut marks = Console::spawn(&args, &root, 80, 24, "ja", &[]);
    marks.wait_for("前回のアクション 未完了1 Alt+P", 10);
    marks.send("\x1bp"); // Alt+P
    marks.wait_for("[未完了] 佐野市", 5);
    marks.send("d");
    assert!(
        marks.wait_until(5, |_| mark_of(&root).is_some()),
        "the mark never reached jichitai-09/notes/A.json"
    );
    assert!(
        other.wait_until(1, |c| !c.contents().contains("未完了1")),
        "{}",
        other.contents()
    );
    other.wait_for("前回のアクション Alt+P", 1);
}
