//! Escape sequences for the terminal itself: OSC 52 (clipboard), OSC 9 and
//! OSC 777 (desktop notices). Text from the plan goes through `clean` first,
//! so it can never end the sequence early or start another one.

/// Control characters and `;` (the OSC 777 field separator) removed.
pub(crate) fn clean(s: &str) -> String {
    s.chars().filter(|c| !c.is_control() && *c != ';').collect()
}

/// Puts `text` on the clipboard of the terminal (and of the machine the
/// terminal runs on, over ssh too): OSC 52, as crossterm writes it.
pub(crate) fn copy(text: &str) -> Vec<u8> {
    use crossterm::Command;
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = crossterm::clipboard::CopyToClipboard::to_clipboard_from(text).write_ansi(&mut out);
    out.into_bytes()
}

/// A desktop notice, in the two forms terminals understand.
pub(crate) fn notify(title: &str, body: &str) -> Vec<u8> {
    let (title, body) = (clean(title), clean(body));
    format!("\x1b]9;{body}\x07\x1b]777;notify;{title};{body}\x07").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clipboard_gets_the_text_in_base64() {
        assert_eq!(copy("残り"), b"\x1b]52;c;5q6L44KK\x1b\\");
        assert_eq!(copy("f"), b"\x1b]52;c;Zg==\x1b\\");
    }

    #[test]
    fn text_cannot_break_out_of_a_sequence() {
        let bytes = notify("t\x1b]52;c;x\x07", "a;b\x1b\\");
        let s = String::from_utf8(bytes).unwrap();
        assert_eq!(s.matches('\x1b').count(), 2);
        assert_eq!(s.matches('\x07').count(), 2);
        assert!(s.contains("notify;t]52cx;ab\\"));
    }
}
