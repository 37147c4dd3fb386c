//! Escape sequences for the terminal itself: OSC 52 (clipboard), OSC 9 and
//! OSC 777 (desktop notices). Text from the plan goes through `clean` first,
//! so it can never end the sequence early or start another one.

/// Control characters and `;` (the OSC 777 field separator) removed.
pub(crate) fn clean(s: &str) -> String {
    s.chars().filter(|c| !c.is_control() && *c != ';').collect()
}

/// Puts `text` on the clipboard of the terminal (and of the machine the
/// terminal runs on, over ssh too).
pub(crate) fn copy(text: &str) -> Vec<u8> {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes())).into_bytes()
}

/// A desktop notice, in the two forms terminals understand.
pub(crate) fn notify(title: &str, body: &str) -> Vec<u8> {
    let (title, body) = (clean(title), clean(body));
    format!("\x1b]9;{body}\x07\x1b]777;notify;{title};{body}\x07").into_bytes()
}

/// Standard base64 with padding.
pub(crate) fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("残り".as_bytes()), "5q6L44KK");
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
