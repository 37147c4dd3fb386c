//! Keys as terminals really send them, into the note-taker's console in a
//! pseudo-terminal: the Shift+F3 forms of tmux/xterm (`ESC [ 1 ; 2 R`) and
//! of SS3 terminals (`ESC O 2 R`) step the note kind back and never type an
//! `R`; keys that arrive together in one read (a burst over ssh) all apply.

mod common;

use common::{Console, sitting};

/// Shift+F3 as tmux and xterm send it.
const SHIFT_F3_CSI: &str = "\x1b[1;2R";
/// Shift+F3 as SS3 terminals send it.
const SHIFT_F3_SS3: &str = "\x1bO2R";

/// Group B's notes as every reader sees them: the file with its journal.
fn notes_file(dir: &std::path::Path) -> serde_json::Value {
    let path = dir.join("notes/B.json");
    let doc = bunkakai::store::notes_file::load(&path, "jichitai-09", "B").unwrap();
    serde_json::to_value(&doc).unwrap()
}

#[test]
fn shift_f3_as_tmux_and_xterm_send_it_steps_the_kind_back() {
    let (tmp, _dir) = sitting();
    let mut c = Console::start(tmp.path(), 80, 24, "ja");
    c.wait_for("種別:意見", 10);
    c.send(SHIFT_F3_CSI);
    c.wait_for("種別:工夫・事例", 5);
    // Twice in one read: two steps back.
    c.send(&format!("{SHIFT_F3_CSI}{SHIFT_F3_CSI}"));
    c.wait_for("種別:その他", 5);
    c.signal(libc::SIGTERM);
    assert!(c.wait_exit(5));
}

#[test]
fn shift_f3_in_its_ss3_form_never_types_an_r() {
    let (tmp, dir) = sitting();
    let mut c = Console::start(tmp.path(), 80, 24, "ja");
    c.wait_for("種別:意見", 10);
    // Shift+F3 and the note's text in one read, as a fast typist's keys.
    c.send(&format!("{SHIFT_F3_SS3}予算を確保"));
    c.wait_for("予算を確保", 5);
    let screen = c.contents();
    assert!(!screen.contains("R予算"), "{screen}");
    c.wait_for("種別:工夫・事例", 5);
    // Both forms together, then Enter.
    c.send(&format!("{SHIFT_F3_SS3}{SHIFT_F3_CSI}\r"));
    c.wait_for("保存済 (1)", 10);
    let file = notes_file(&dir);
    let note = &file["notes"][0];
    assert_eq!(note["text"], "予算を確保", "{file}");
    assert_eq!(note["kind"], "other", "{file}");
    c.signal(libc::SIGTERM);
    assert!(c.wait_exit(5));
}

/// The roster shows 焼津市 (it keeps its number 6) fourth, after 新潟県.
fn yaizu_is_fourth(screen: &str) -> bool {
    let rows: Vec<&str> = screen.lines().collect();
    rows.windows(2)
        .any(|w| w[0].contains("│ 3 新潟県") && w[1].contains("│ 6 焼津市"))
}

#[test]
fn roster_keys_arriving_in_one_read_all_apply() {
    let (tmp, dir) = sitting();
    let mut c = Console::start(tmp.path(), 80, 24, "ja");
    c.wait_for("名簿", 10);
    // To the roster, then onto its last member (6 焼津市), key by key.
    // (Keys are handled in the order they come: no need to wait for the
    // focus to move.)
    c.send("\t");
    for _ in 0..5 {
        c.send("\x1b[B");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    // Down (stays on the last) and two moves up, in one write.
    c.send("\x1b[B[[");
    assert!(
        c.wait_until(5, |c| yaizu_is_fourth(&c.contents())),
        "{}",
        c.contents()
    );
    // Two attendance presses in one write: 出席, then 遅刻.
    c.send("  ");
    c.wait_until(5, |c| c.contents().contains("遅刻"));
    let screen = c.contents();
    assert!(yaizu_is_fourth(&screen), "{screen}");
    assert!(c.wait_until(5, |_| {
        let file = notes_file(&dir);
        file["speaking"]["order"][3] == "焼津市"
            && file["attendance"].as_array().is_some_and(|a| {
                a.iter()
                    .any(|m| m["member"] == "焼津市" && m["status"] == "late")
            })
    }));
    c.signal(libc::SIGTERM);
    assert!(c.wait_exit(5));
}
