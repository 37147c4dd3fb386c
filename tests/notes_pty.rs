//! The note-taker's console in a real pseudo-terminal: type a Japanese note,
//! commit, kill -9, read the file; type a draft, hang up, start again.

mod common;

use common::{Console, cell_after, sitting};

/// F3: the next note kind (from 意見: 要望, アクション, その他, 課題).
const F3: &str = "\x1bOR";

#[test]
fn a_committed_note_survives_kill_9_and_a_draft_survives_a_hangup() {
    let (tmp, dir) = sitting();
    let mut c = Console::start(tmp.path(), 100, 30, "ja");
    c.wait_for("名簿", 10);
    c.send("\x1b2"); // Alt+2: 気仙沼市
    for _ in 0..4 {
        c.send(F3);
    }
    c.wait_for("発言:気仙沼市 種別:課題", 5);
    c.send("気仙沼市の課題");
    c.wait_for("│気仙沼市の課題", 5);
    // The real cursor is where the IME composes: right after the text.
    // (The frame's cursor move comes after its cells: wait for it.)
    let screen = c.contents();
    let after = cell_after(&screen, "│気仙沼市の課題").unwrap();
    assert!(c.wait_until(2, |c| c.cursor() == after), "{screen}");
    c.send("\r");
    // Shown as saved only once it is on disk.
    c.wait_for("保存済 (1)", 10);
    c.signal(libc::SIGKILL);
    assert!(c.wait_exit(5));
    // In the journal beside the file, which every reader replays.
    let path = dir.join("notes/B.json");
    let doc = bunkakai::store::notes_file::load(&path, "jichitai-09", "B").unwrap();
    assert_eq!(doc.notes.len(), 1, "{doc:?}");
    let note = &doc.notes[0];
    assert_eq!(note.text, "気仙沼市の課題");
    assert_eq!(note.speaker.as_deref(), Some("気仙沼市"));
    assert_eq!(note.kind, bunkakai::model::notes::NoteKind::Issue);

    // A draft typed and not committed, then the ssh connection drops.
    let mut c = Console::start(tmp.path(), 100, 30, "ja");
    c.wait_for("気仙沼市の課題", 10);
    c.send("商工会議所と連携");
    c.wait_for("│商工会議所と連携", 5);
    c.signal(libc::SIGHUP);
    assert!(c.wait_exit(5), "the console ends on SIGHUP");
    let c = Console::start(tmp.path(), 100, 30, "ja");
    c.wait_for("前回の下書きを復元しました", 10);
    c.wait_for("│商工会議所と連携", 5);
    let draft = std::fs::read_to_string(dir.join("notes/B.json.draft")).unwrap();
    assert!(draft.contains("商工会議所と連携"), "{draft}");
    c.signal(libc::SIGTERM);
    assert!(c.wait_exit(5), "the console ends on SIGTERM");
}

#[test]
fn a_tiny_terminal_gets_a_message_and_sigint_ends_the_console() {
    let (tmp, _dir) = sitting();
    let c = Console::start(tmp.path(), 50, 12, "en");
    c.wait_for("too small", 10);
    c.signal(libc::SIGINT);
    assert!(c.wait_exit(5));
}

#[test]
fn a_window_made_larger_shows_the_console_and_made_smaller_the_message() {
    let (tmp, _dir) = sitting();
    let mut c = Console::start(tmp.path(), 50, 12, "en");
    c.wait_for("too small", 10);
    c.resize(80, 24);
    assert!(
        c.wait_until(10, |c| !c.contents().contains("too small")
            && c.row(23).contains("F1")),
        "not redrawn at 80x24:\n{}",
        c.contents()
    );
    c.resize(50, 12);
    c.wait_for("too small", 10);
    c.signal(libc::SIGINT);
    assert!(c.wait_exit(5));
}

#[test]
#[cfg_attr(
    not(debug_assertions),
    ignore = "the test panic (F12) exists in debug builds only"
)]
fn a_panic_keeps_the_draft_and_gives_the_terminal_back() {
    let (tmp, dir) = sitting();
    let mut c = Console::start_with(tmp.path(), 80, 24, "ja", &[("BUNKAKAI_TEST_PANIC", "1")]);
    c.wait_for("名簿", 10);
    assert!(c.on_alternate_screen());
    // Text and F12 in one write: the panic comes long before the draft's
    // 300 ms debounce, so only the panic hook can have written the draft.
    c.send("パニック前の下書き\x1b[24~");
    assert!(c.wait_exit(5));
    let draft = std::fs::read_to_string(dir.join("notes/B.json.draft")).unwrap();
    assert!(draft.contains("パニック前の下書き"), "{draft}");
    assert!(
        c.wait_until(2, |c| !c.on_alternate_screen()),
        "the terminal is restored"
    );
}

/// SIGHUP (a closing multiplexer, `kill -HUP`) and SIGQUIT (Ctrl+\\ where
/// raw mode is off) leave like SIGTERM: the terminal restored when it still
/// exists, and the draft saved.
#[test]
fn hang_up_and_quit_signals_restore_the_terminal_and_keep_the_draft() {
    for (sig, text) in [
        (libc::SIGHUP, "切断前の下書き"),
        (libc::SIGQUIT, "終了前の下書き"),
    ] {
        let (tmp, dir) = sitting();
        let mut c = Console::start(tmp.path(), 80, 24, "ja");
        c.wait_for("名簿", 10);
        c.send(text);
        c.wait_for(text, 5);
        c.signal(sig);
        assert!(c.wait_exit(5), "the console ends on signal {sig}");
        assert!(
            c.wait_until(2, |c| !c.on_alternate_screen() && !c.cursor_hidden()),
            "signal {sig}: the terminal is restored"
        );
        let draft = std::fs::read_to_string(dir.join("notes/B.json.draft")).unwrap();
        assert!(draft.contains(text), "signal {sig}: {draft}");
    }
}

#[test]
fn a_group_id_typed_in_lower_case_opens_that_group() {
    let (tmp, _dir) = sitting();
    let c = Console::spawn(
        &["notes", "jichitai-09", "--group", "b"],
        tmp.path(),
        100,
        30,
        "en",
        &[],
    );
    c.wait_for("気仙沼市", 10);
    assert!(c.contents().contains("Group B"), "{}", c.contents());
    c.signal(libc::SIGINT);
    assert!(c.wait_exit(5));
}
