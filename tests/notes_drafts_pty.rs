//! Drafts of several consoles on one group, in a real pseudo-terminal: text
//! a second console left unsent comes back when one console starts again.

mod common;

use common::{Console, sitting};

#[test]
fn a_second_consoles_unsent_text_comes_back_when_one_console_starts_again() {
    let (tmp, dir) = sitting();
    let mut first = Console::start(tmp.path(), 100, 30, "ja");
    first.wait_for("名簿", 10);
    let mut second = Console::start(tmp.path(), 100, 30, "ja");
    second.wait_for("名簿", 10);
    second.send("二台目で打った途中の文");
    second.wait_for("二台目で打った途中の文", 5);
    second.send("\x03"); // Ctrl+C: nothing failing, it leaves
    assert_eq!(second.wait_code(10), Some(0));
    let draft2 = dir.join("notes/B.json.draft2");
    let kept = std::fs::read_to_string(&draft2).unwrap();
    assert!(kept.contains("二台目で打った途中の文"), "{kept}");
    first.send("\x03");
    assert_eq!(first.wait_code(10), Some(0));

    // One console again: the text is in its editor, with a notice.
    let mut again = Console::start(tmp.path(), 100, 30, "ja");
    again.wait_for("二台目で打った途中の文", 10);
    again.wait_for("別の端末の下書き1件を復元しました", 5);
    // Once it is in this console's own draft, the leftover goes.
    assert!(
        again.wait_until(5, |_| !draft2.exists()),
        "the leftover draft is removed"
    );
    let own = std::fs::read_to_string(dir.join("notes/B.json.draft")).unwrap();
    assert!(own.contains("二台目で打った途中の文"), "{own}");
    again.send("\x03");
    assert_eq!(again.wait_code(10), Some(0));
}
