//! F7: a note shown as saved survives kill -9 however large the group's
//! file is. With 20,000 notes in the group (where the whole-file rewrite
//! lost every note committed just before the kill), each round commits a
//! note, waits for the saved count on screen, kills the console at once,
//! and finds the note with `bunkakai export`.

mod common;

use std::process::Command;

use bunkakai::model::notes::{GroupNotes, Note, NoteKind};
use bunkakai::store::notes_file;
use common::notes::answer;
use common::{Console, at, sitting};

const NOTES: usize = 20_000;

fn note(n: usize) -> Note {
    let text = format!("{n}件目：セミナーの集客は商工会議所経由、参加企業は12社。");
    answer(
        format!("old-{n:05}"),
        at("14:10"),
        "函館市",
        NoteKind::Practice,
        text,
    )
}

#[test]
fn a_note_shown_as_saved_survives_kill_9_in_a_large_group() {
    let (tmp, dir) = sitting();
    let path = notes_file::notes_path(&dir, "B");
    notes_file::prepare_dir(&path).unwrap();
    let mut doc = GroupNotes::new("jichitai-09", "B");
    doc.notes.extend((0..NOTES).map(note));
    notes_file::commit(&path, &doc).unwrap();
    for round in 1..=3 {
        let mut c = Console::start(tmp.path(), 100, 30, "ja");
        c.wait_for(&format!("保存済 ({})", NOTES + round - 1), 60);
        let text = format!("強制終了の直前{round}");
        c.send(&text);
        c.wait_for(&format!("│{text}"), 10);
        c.send("\r");
        c.wait_for(&format!("保存済 ({})", NOTES + round), 20);
        c.signal(libc::SIGKILL);
        assert!(c.wait_exit(5));
        let out = Command::new(env!("CARGO_BIN_EXE_bunkakai"))
            .args(["--sessions"])
            .arg(tmp.path())
            .args(["export", "jichitai-09", "--format", "csv"])
            .env("BUNKAKAI_LOG_DIR", tmp.path().join("logs"))
            .output()
            .unwrap();
        let csv = String::from_utf8_lossy(&out.stdout);
        for r in 1..=round {
            assert!(
                csv.contains(&format!("強制終了の直前{r}")),
                "round {round}: note {r} lost"
            );
        }
    }
}
