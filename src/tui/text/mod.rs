//! The one text layer of every screen: text measured in terminal cells
//! (full-width Japanese takes two cells, so every cut, pad and wrap goes by
//! display width and never cuts a wide character in half), one sanitizer
//! ([`sanitize`]: control and bidi characters from files shown inert, also
//! for text outputs), one wrapper with the Japanese line-start rule (禁則:
//! no 。、」）・ at the start of a line), plain here and styled in
//! [`styled`], and one truncation policy: a cut line ends with [`CUT`].

pub(crate) mod breaks;
pub(crate) mod sanitize;
pub(crate) mod styled;

pub use sanitize::inert;
pub(crate) use sanitize::is_unsafe;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What a cut line ends with. ASCII, because `…` is ambiguous-width and
/// takes two cells in many Japanese terminals.
pub(crate) const CUT: &str = "~";

/// Cells the text takes.
pub(crate) fn width(s: &str) -> usize {
    s.width()
}

/// The text cut to at most `max` cells, ending with [`CUT`] when cut.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    let s = inert(s);
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
pub(crate) fn fit(s: &str, w: usize) -> String {
    let mut out = truncate(s, w);
    let pad = w.saturating_sub(out.width());
    out.extend(std::iter::repeat_n(' ', pad));
    out
}

/// The text broken into lines of at most `max` cells. Line breaks in the
/// text are kept; Japanese breaks between any two characters (but never
/// before 。、」） and the like), a run of ASCII letters at a space when it
/// can; `indent` starts the continuation lines.
pub(crate) fn wrap(s: &str, max: usize, indent: &str) -> Vec<String> {
    let indent: Vec<(char, ())> = indent.chars().map(|c| (c, ())).collect();
    let mut lines = Vec::new();
    for para in s.split('\n') {
        let cells: Vec<(char, ())> = inert(para).chars().map(|c| (c, ())).collect();
        for line in wrap_cells(&cells, max, &indent) {
            lines.push(line.into_iter().map(|(c, ())| c).collect());
        }
    }
    lines
}

/// The wrapping rule itself, over characters carrying anything (a style):
/// one paragraph into lines of at most `max` cells, continuation lines
/// starting with `indent`, trailing spaces dropped.
pub(crate) fn wrap_cells<S: Copy>(
    para: &[(char, S)],
    max: usize,
    indent: &[(char, S)],
) -> Vec<Vec<(char, S)>> {
    let cells = |l: &[(char, S)]| l.iter().map(|(c, _)| c.width().unwrap_or(0)).sum::<usize>();
    let max = max.max(cells(indent) + 2);
    let mut lines = Vec::new();
    let mut line: Vec<(char, S)> = Vec::new();
    let mut used = 0;
    for &(c, style) in para {
        let w = c.width().unwrap_or(0);
        if used + w > max {
            let chars: Vec<char> = line.iter().map(|(c, _)| *c).collect();
            let (head, tail) = match number_tail(&chars, c) {
                // The line is full just before a space: it breaks there,
                // the last word staying whole where it is.
                _ if c == ' ' => (&line[..], &[][..]),
                // Never `-` | `86400`: the whole number goes down.
                Some(n) if chars[..chars.len() - n].iter().any(|c| !c.is_whitespace()) => {
                    line.split_at(line.len() - n)
                }
                _ => split_at_space(&line),
            };
            let (head, carried) = if tail.iter().all(|(c, _)| c.is_whitespace()) {
                keep_off_line_start(head, c)
            } else {
                (head, &[][..])
            };
            let mut next = indent.to_vec();
            next.extend_from_slice(carried);
            next.extend(tail.iter().skip_while(|(c, _)| c.is_whitespace()));
            lines.push(trim_end(head).to_vec());
            line = next;
            used = cells(&line);
            // The space the line broke at starts nothing.
            if c == ' ' {
                continue;
            }
        }
        line.push((c, style));
        used += w;
    }
    lines.push(trim_end(&line).to_vec());
    lines
}

fn trim_end<S>(line: &[(char, S)]) -> &[(char, S)] {
    let n = line.len()
        - line
            .iter()
            .rev()
            .take_while(|(c, _)| c.is_whitespace())
            .count();
    &line[..n]
}

/// A line cut in two: what stays, what moves to the next line.
type Split<'a, S> = (&'a [(char, S)], &'a [(char, S)]);

/// Punctuation that must not start a line in Japanese (禁則処理).
pub(crate) const NO_LINE_START: &str =
    "、。，．,.)）」』】〕〉》ー・：；！？!?ぁぃぅぇぉっゃゅょァィゥェォッャュョ";

/// When `next` may not start a line, moves characters of `head` down with
/// it until the next line starts with one that may (「。」 and 」） come
/// down together), at most [`MAX_CARRY`], never emptying `head`.
fn keep_off_line_start<S>(head: &[(char, S)], next: char) -> Split<'_, S> {
    let chars: Vec<char> = head.iter().map(|(c, _)| *c).collect();
    let n = carried_down(&chars, next);
    head.split_at(head.len() - n)
}

/// The most characters carried down to keep punctuation off a line start.
const MAX_CARRY: usize = 3;

/// How many characters at the end of `row` go down to the next row with
/// `next` so that the next row does not start with 。、」） and the like:
/// 0 when `next` may start a row, else enough to reach a character that
/// may, at most [`MAX_CARRY`], and never all of `row`'s visible text.
pub(crate) fn carried_down(row: &[char], next: char) -> usize {
    let mut first = next;
    let mut n = 0;
    while NO_LINE_START.contains(first) && n < MAX_CARRY {
        let i = row.len() - n;
        match i.checked_sub(1) {
            Some(j) if j > 0 && row[..j].iter().any(|c| !c.is_whitespace()) => {
                n += 1;
                first = row[j];
            }
            _ => break,
        }
    }
    n
}

/// How many characters at the end of `line` belong to a number that `next`
/// continues — its digits, the separators between them (`3.5`, `1,200`,
/// `12:34`, `2026-01-20`, `1/20`) and a leading sign (`-86400`) — so that a line never breaks
/// inside it. `None` when `next` does not continue a number, or the number
/// is part of an ASCII word (`v2`), whose own rule applies.
pub(crate) fn number_tail(line: &[char], next: char) -> Option<usize> {
    if !next.is_ascii_digit() {
        return None;
    }
    let digit_at = |i: usize| {
        line.get(i)
            .map_or(next.is_ascii_digit(), char::is_ascii_digit)
    };
    let mut i = line.len();
    while i > 0 {
        let c = line[i - 1];
        let separator =
            ".,:-/".contains(c) && i >= 2 && line[i - 2].is_ascii_digit() && digit_at(i);
        if !c.is_ascii_digit() && !separator {
            break;
        }
        i -= 1;
    }
    if i > 0
        && "-+\u{2212}".contains(line[i - 1])
        && (i == 1 || !line[i - 2].is_ascii_alphanumeric())
    {
        i -= 1;
    }
    if i > 0 && line[i - 1].is_ascii_alphanumeric() {
        return None;
    }
    let n = line.len() - i;
    (n > 0).then_some(n)
}

/// Splits a full line so that an ASCII word is not cut: at the last space
/// when the line ends inside an ASCII word, else not at all.
fn split_at_space<S>(line: &[(char, S)]) -> Split<'_, S> {
    if line.last().is_some_and(|(c, _)| c.is_ascii_alphanumeric())
        && let Some(i) = line.iter().rposition(|(c, _)| *c == ' ')
        && line[..i]
            .iter()
            .any(|(c, _)| !c.is_whitespace() && c.width().unwrap_or(0) > 0)
    {
        return (&line[..i], &line[i + 1..]);
    }
    (line, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_that_just_fits_stays_and_keeps_the_space_after_it() {
        // "come from" fills the row; the space after it overflows. "from"
        // stays, and "roster" starts the next row, its space not lost.
        let para: Vec<(char, ())> = "its groups come from roster import"
            .chars()
            .map(|c| (c, ()))
            .collect();
        let rows: Vec<String> = wrap_cells(&para, 20, &[(' ', ())])
            .iter()
            .map(|r| r.iter().map(|(c, _)| *c).collect())
            .collect();
        assert_eq!(rows, ["its groups come from", " roster import"]);
    }

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
    fn control_and_bidi_characters_are_shown_inert() {
        assert_eq!(truncate("a\x1b[31mb\x07\tc", 20), "a^[[31mb^G c");
        assert_eq!(truncate("\x1b]52;c;x\x07", 20), "^[]52;c;x^G");
        // The right-to-left override reached every screen but review before.
        assert_eq!(truncate("abc\u{202e}def", 20), "abc<U+202E>def");
        assert_eq!(wrap("x\u{2066}y", 20, ""), vec!["x<U+2066>y"]);
        assert!(wrap("\u{1b}[2J", 20, "")[0].chars().all(|c| !is_unsafe(c)));
    }

    #[test]
    fn wrap_by_cells() {
        let lines = wrap("取組の立ち上げや開始に課題", 10, "  ");
        assert_eq!(lines, vec!["取組の立ち", "  上げや開", "  始に課題"]);
        assert!(lines.iter().all(|l| width(l) <= 10));
        assert_eq!(wrap("KPI and targets", 10, ""), vec!["KPI and", "targets"]);
        assert_eq!(wrap("a\nb", 10, ""), vec!["a", "b"]);
        // A run of closing punctuation (。」) comes down whole: no line starts with 」 or 。.
        assert_eq!(
            wrap("あいう。」です", 8, ""),
            vec!["あい", "う。」で", "す"]
        );
        // A closing bracket never starts a line: the character before it comes along.
        assert_eq!(
            wrap("行動変容（実践）を促す", 14, ""),
            vec!["行動変容（実", "践）を促す"]
        );
        assert_eq!(
            wrap("まとめました。", 12, "  "),
            vec!["まとめまし", "  た。"]
        );
    }

    #[test]
    fn a_number_is_never_cut_from_its_sign_nor_broken() {
        assert_eq!(wrap("from -86400 to", 6, ""), ["from", "-86400", "to"]);
        assert_eq!(
            wrap("範囲外です。-86400～86400", 14, ""),
            ["範囲外です。", "-86400～86400"]
        );
        assert_eq!(wrap("残りは1,200.5円", 12, ""), ["残りは", "1,200.5円"]);
        assert_eq!(wrap("前回 2026-01-20", 12, ""), ["前回", "2026-01-20"]);
        // The broken run.json popup, at every width it can have.
        let messages = [
            "run.json:3:60: current.adjustments[0].seconds: out of range: must be from -86400 to 86400",
            "run.json:3:60: current.adjustments[0].seconds: 範囲外です。-86400～86400 の整数にしてください",
        ];
        for msg in messages {
            for w in 8..90 {
                let lines = wrap(msg, w, "");
                assert!(lines.iter().all(|l| width(l) <= w), "{w}: {lines:?}");
                for pair in lines.windows(2) {
                    let end = pair[0].chars().last().unwrap_or(' ');
                    let start = pair[1].chars().next().unwrap_or(' ');
                    assert!(
                        !((end == '-' || end.is_ascii_digit()) && start.is_ascii_digit()),
                        "{w}: {lines:?}"
                    );
                }
                let joined: String = lines.concat().split_whitespace().collect();
                let want: String = msg.split_whitespace().collect();
                assert_eq!(joined, want, "{w}: nothing lost");
            }
        }
    }

    #[test]
    fn a_digit_glued_to_a_word_follows_the_word_rule() {
        assert_eq!(number_tail(&['v'], '2'), None);
        assert_eq!(number_tail(&[' ', '-'], '8'), Some(1));
        assert_eq!(number_tail(&['A', '-'], '1'), None);
        assert_eq!(number_tail(&['1', '.'], '5'), Some(2));
        assert_eq!(number_tail(&['x'], 'y'), None);
    }
}
