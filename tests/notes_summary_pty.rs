//! Two note-takers write one group's summary (まとめ) at once, each in a
//! real pseudo-terminal: both lines end in the file and on both screens.

mod common;

use common::{Console, sitting};

const F9: &str = "\x1b[20~";

#[test]
fn two_consoles_recording_the_summary_keep_both_lines() {
    let (tmp, dir) = sitting();
    let mut a = Console::start(tmp.path(), 100, 30, "ja");
    a.wait_for("名簿", 10);
    let mut b = Console::start(tmp.path(), 100, 30, "ja");
    b.wait_for("名簿", 10);
    a.send(F9);
    b.send(F9);
    a.wait_for("グループのまとめ", 5);
    b.wait_for("グループのまとめ", 5);
    a.send("・一人目の追記");
    b.send("・二人目の追記");
    a.wait_for("・一人目の追記", 5);
    b.wait_for("・二人目の追記", 5);
    a.send("\r");
    a.wait_for("まとめを記録しました", 5);
    // b is still writing when a's summary reaches the file.
    b.wait_for("他の端末がまとめを更新しました", 5);
    b.send("\r");
    for c in [&a, &b] {
        c.wait_for("・一人目の追記", 5);
        c.wait_for("・二人目の追記", 5);
    }
    // The file with its journal, as every reader sees it.
    let path = dir.join("notes/B.json");
    let doc = bunkakai::store::notes_file::load(&path, "jichitai-09", "B").unwrap();
    let summary = doc.summary.as_ref().map(|s| s.text.as_str());
    assert_eq!(summary, Some("・一人目の追記\n・二人目の追記"), "{doc:?}");
    for c in [a, b] {
        c.signal(libc::SIGTERM);
        assert!(c.wait_exit(5));
    }
}
