//! Text measured in terminal cells: full-width Japanese takes two cells, so
//! every cut, pad and wrap goes by display width (unicode-width) and never
//! cuts a wide character in half. Control characters from files are dropped
//! here, before they can reach the terminal.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What a cut line ends with. ASCII, because `…` is ambiguous-width and
/// takes two cells in many Japanese terminals.
pub const CUT: &str = "~";

/// The text with control characters removed (tabs become a space).
pub fn clean(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Cells the text takes.
pub fn width(s: &str) -> usize {
    s.width()
}

/// The text cut to at most `max` cells, ending with [`CUT`] when cut.
pub fn truncate(s: &str, max: usize) -> String {
    let s = clean(s);
    if s.width() <= max {
        return s;
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - CUT.len() {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push_str(CUT);
    out
}

/// The text cut to `w` cells and padded with spaces to exactly `w` cells.
pub fn fit(s: &str, w: usize) -> String {
    let mut out = truncate(s, w);
    let pad = w.saturating_sub(out.width());
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// The text broken into lines of at most `max` cells. Line breaks in the
/// text are kept; Japanese breaks between any two characters, a run of
/// ASCII letters at a space when it can; `indent` starts the continuation
/// lines.
pub fn wrap(s: &str, max: usize, indent: &str) -> Vec<String> {
    let max = max.max(indent.width() + 2);
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let para = clean(para);
        let mut line = String::new();
        let mut used = 0;
        for c in para.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > max {
                let (head, tail) = split_at_space(&line);
                lines.push(head.trim_end().to_string());
                line = format!("{indent}{}", tail.trim_start());
                used = line.width();
            }
            line.push(c);
            used += w;
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Splits a full line so that an ASCII word is not cut: at the last space
/// when the line ends inside an ASCII word, else not at all.
fn split_at_space(line: &str) -> (&str, &str) {
    if line.ends_with(|c: char| c.is_ascii_alphanumeric())
        && let Some(i) = line.rfind(' ')
        && line[..i].trim().width() > 0
    {
        return (&line[..i], &line[i + 1..]);
    }
    (line, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_never_cuts_a_wide_character() {
        assert_eq!(truncate("気仙沼市", 8), "気仙沼市");
        assert_eq!(truncate("気仙沼市", 7), "気仙沼~");
        assert_eq!(truncate("気仙沼市", 6), "気仙~");
        assert_eq!(width(&truncate("気仙沼市", 6)), 5);
        assert_eq!(fit("気仙沼市", 6), "気仙~ ");
        assert_eq!(fit("A", 3), "A  ");
    }

    #[test]
    fn control_characters_never_pass() {
        assert_eq!(clean("a\x1b[31mb\x07\tc"), "a[31mb c");
        assert_eq!(truncate("\x1b]52;c;x\x07", 20), "]52;c;x");
    }

    #[test]
    fn wrap_by_cells() {
        let lines = wrap("取組の立ち上げや開始に課題", 10, "  ");
        assert_eq!(lines, vec!["取組の立ち", "  上げや開", "  始に課題"]);
        assert!(lines.iter().all(|l| width(l) <= 10));
        assert_eq!(wrap("KPI and targets", 10, ""), vec!["KPI and", "targets"]);
        assert_eq!(wrap("a\nb", 10, ""), vec!["a", "b"]);
    }
}
