//! Text read from files is data, never terminal commands or Markdown markup.
//! This is the one sanitizer of every screen and every text output.
//!
//! A note may hold an escape sequence pasted by accident, or written on
//! purpose to repaint someone's terminal. On screen every control character
//! (C0, C1, DEL) is shown inert in caret notation (ESC as `^[`), and
//! characters that flip the direction of text (U+202A–202E, U+2066–2069,
//! U+200E–200F, U+061C) or break lines behind the terminal's back (U+2028,
//! U+2029) are shown as `<U+202E>`; in Markdown escape sequences are dropped
//! and markup characters escaped; in JSON they are written as `\uXXXX`
//! (`review::export::json::inert_json`, with [`is_unsafe`]).

use unicode_normalization::UnicodeNormalization;

/// True for characters that reorder text when displayed (bidi controls)
/// or break a line where the terminal does not (line and paragraph
/// separators).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{2028}' | '\u{2029}')
}

/// True for every character that must never reach a terminal as it is:
/// C0, DEL, C1, bidi controls, line and paragraph separators.
pub(crate) fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// The text as it may be shown on a terminal: one line, every control
/// character and bidi control made visible and harmless. A line break
/// becomes ` ⏎ `, a tab a space.
pub fn inert(text: &str) -> String {
    inert_part(text, text)
}

/// [`inert`] for a piece of `whole` (a note's text cut at a search match):
/// made inert as it would be inside the whole text, so the pieces put
/// together are the whole text made inert, wherever it was cut.
pub(crate) fn inert_part(part: &str, whole: &str) -> String {
    if !whole.chars().any(needs_care) {
        return part.to_string();
    }
    let text = part;
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_halfwidth_kana(c) {
            // A half-width voiced mark is a combining character to the
            // screen library but a cell of its own to the terminal, which
            // misaligns the line: show the kana in their composed form.
            let mut run = String::from(c);
            while let Some(&next) = chars.peek().filter(|n| is_halfwidth_kana(**n)) {
                run.push(next);
                chars.next();
            }
            out.extend(run.nfkc());
        } else {
            push_inert(c, &mut out);
        }
    }
    out
}

fn is_halfwidth_kana(c: char) -> bool {
    ('\u{FF65}'..='\u{FF9F}').contains(&c)
}

fn needs_care(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{FF9E}' | '\u{FF9F}')
}

fn push_inert(c: char, out: &mut String) {
    match c {
        '\n' => out.push_str(" ⏎ "),
        '\r' => {}
        '\t' => out.push(' '),
        '\0'..='\u{1F}' => {
            out.push('^');
            out.push(char::from(b'@' + c as u8));
        }
        '\u{7F}' => out.push_str("^?"),
        c if c.is_control() || is_bidi_control(c) => {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        }
        c => out.push(c),
    }
}

/// The text with escape sequences (CSI, OSC and two-byte ESC sequences)
/// removed and every other control character but the line break dropped;
/// tabs become spaces and `\r\n` becomes `\n`.
pub(crate) fn strip_controls(text: &str) -> String {
    strip(text, false)
}

/// Like [`strip_controls`] but keeping tabs and carriage returns, which a
/// spreadsheet cell may hold.
pub(crate) fn strip_escapes(text: &str) -> String {
    strip(text, true)
}

fn strip(text: &str, keep_tabs: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1B}' => skip_escape(&mut chars),
            '\u{9B}' => skip_csi(&mut chars),
            '\u{9D}' => skip_osc(&mut chars),
            '\n' => out.push('\n'),
            '\t' | '\r' if keep_tabs => out.push(c),
            '\t' => out.push(' '),
            c if c.is_control() || is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']') | Some('P') | Some('_') | Some('^') => skip_osc(chars),
        _ => {}
    }
}

/// A CSI sequence ends at its first byte in `@`..=`~`.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('@'..='~').contains(&c) {
            break;
        }
    }
}

/// An OSC (or DCS, APC, PM) string ends at BEL or at ST (`ESC \`).
fn skip_osc(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9C}' => break,
            '\u{1B}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

/// Inline Markdown: controls stripped, markup characters escaped, line
/// breaks turned into `<br>` so the text stays in one list item or cell.
pub(crate) fn md_inline(text: &str) -> String {
    let clean = strip_controls(text);
    let mut out = String::with_capacity(clean.len() + 8);
    for (i, line) in clean.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        for c in line.trim_end_matches('\r').chars() {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_text_shows_controls_inert() {
        assert_eq!(inert("普通の文"), "普通の文");
        assert_eq!(inert("\u{1b}[2J消す"), "^[[2J消す");
        assert_eq!(inert("a\u{7}b\u{7f}"), "a^Gb^?");
        assert_eq!(inert("1行目\n2行目"), "1行目 ⏎ 2行目");
        assert_eq!(inert("x\u{9b}31m"), "x<U+009B>31m");
        assert_eq!(inert("abc\u{202e}def"), "abc<U+202E>def");
        assert_eq!(
            inert("a\u{2066}b\u{200f}c\u{2028}d"),
            "a<U+2066>b<U+200F>c<U+2028>d"
        );
        assert_eq!(inert("ﾜｰｸｼｮｯﾌﾟで"), "ワークショップで");
        assert_eq!(inert("ｱｲｳ"), "ｱｲｳ", "no voiced mark: left as typed");
        assert!(
            inert("\u{1b}]0;title\u{7}")
                .chars()
                .all(|c| !c.is_control())
        );
    }

    #[test]
    fn markdown_drops_sequences_and_escapes_markup() {
        assert_eq!(strip_controls("\u{1b}[31m赤\u{1b}[0m"), "赤");
        assert_eq!(strip_controls("\u{1b}]0;title\u{7}本文"), "本文");
        assert_eq!(strip_controls("\u{1b}]8;;http://x\u{1b}\\link"), "link");
        assert_eq!(strip_controls("a\u{0}b\r\nc"), "ab\nc");
        assert_eq!(
            md_inline("*強調* と [リンク](x) | 表"),
            "\\*強調\\* と \\[リンク\\](x) \\| 表"
        );
        assert_eq!(md_inline("1行目\n2行目"), "1行目<br>2行目");
        assert_eq!(md_inline("<script>"), "\\<script\\>");
    }
}
