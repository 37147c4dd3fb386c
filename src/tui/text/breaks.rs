//! Where an editor's line breaks into screen rows: the same rule as
//! [`super::wrap`] (a row never starts with 。、」） and the like; an ASCII
//! word is kept whole when its row has a space to break at; a number is
//! never broken, nor cut from its sign), but every
//! character stays where it is — nothing is dropped or indented — so that a
//! caret can be mapped to its cell exactly.

use unicode_width::UnicodeWidthChar;

use super::{NO_LINE_START, carried_down, number_tail};

/// The char index at which each screen row of `line` starts (the first is
/// 0) when it is wrapped at `width` cells.
pub(crate) fn row_starts(line: &str, width: usize) -> Vec<usize> {
    let chars: Vec<char> = line.chars().collect();
    let width = width.max(2);
    let mut starts = vec![0];
    let mut used = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let w = c.width().unwrap_or(0);
        let start = *starts.last().unwrap_or(&0);
        if used + w > width && i > start {
            let mut at = i;
            if let Some(n) = number_tail(&chars[start..i], c)
                && chars[start..i - n].iter().any(|c| !c.is_whitespace())
            {
                // Never `-` | `86400`: the whole number goes down.
                at = i - n;
            } else if c.is_ascii_alphanumeric() && chars[i - 1].is_ascii_alphanumeric() {
                // Back to just after the row's last space, if it has words before it.
                if let Some(p) = (start..i).rev().find(|&p| chars[p] == ' ')
                    && chars[start..p].iter().any(|c| !c.is_whitespace())
                {
                    at = p + 1;
                }
            } else if NO_LINE_START.contains(c) {
                // The characters before come down with it (「。」 together).
                at = i - carried_down(&chars[start..i], c);
            }
            starts.push(at);
            used = chars[at..i].iter().map(|c| c.width().unwrap_or(0)).sum();
            continue;
        }
        used += w;
        i += 1;
    }
    starts
}

/// The screen row (counted within the line) and cell of the caret before
/// char `col` of `line` wrapped at `width`. A caret after a row filled to
/// its last cell is at the start of the next row (where typing goes on).
pub(crate) fn caret_cell(line: &str, starts: &[usize], col: usize, width: usize) -> (usize, usize) {
    let row = starts.iter().rposition(|&s| s <= col).unwrap_or(0);
    let x: usize = line
        .chars()
        .skip(starts[row])
        .take(col - starts[row])
        .map(|c| c.width().unwrap_or(0))
        .sum();
    if x >= width.max(2) {
        (row + 1, 0)
    } else {
        (row, x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(line: &str, width: usize) -> Vec<String> {
        let chars: Vec<char> = line.chars().collect();
        let starts = row_starts(line, width);
        let mut out = Vec::new();
        for (k, &s) in starts.iter().enumerate() {
            let e = starts.get(k + 1).copied().unwrap_or(chars.len());
            out.push(chars[s..e].iter().collect());
        }
        out
    }

    #[test]
    fn no_row_starts_with_closing_punctuation_and_nothing_is_lost() {
        assert_eq!(rows("まとめました。", 12), ["まとめまし", "た。"]);
        assert_eq!(
            rows("行動変容（実践）を促す", 14),
            ["行動変容（実", "践）を促す"]
        );
        // A run of closing punctuation (。」) comes down whole.
        assert_eq!(rows("あいう。」です", 8), ["あい", "う。」で", "す"]);
        assert_eq!(rows("「はい。」）と", 10), ["「は", "い。」）と"]);
        assert_eq!(rows("KPI and targets", 10), ["KPI and ", "targets"]);
        assert_eq!(rows("連携", 10), ["連携"]);
        assert_eq!(rows("", 10), [""]);
        for w in 4..30 {
            let text =
                "雲南市では、庁内の連携会議を年4回開催しているが、各課の目標設定がばらばら。";
            let r = rows(text, w);
            assert_eq!(r.concat(), text);
            for row in &r[1..] {
                assert!(!"、。".contains(row.chars().next().unwrap()), "{w}: {r:?}");
            }
            assert!(
                r.iter().all(|row| super::super::width(row) <= w),
                "{w}: {r:?}"
            );
        }
    }

    #[test]
    fn the_caret_after_a_full_row_is_on_the_next() {
        let line = "気仙沼市";
        let starts = row_starts(line, 8);
        assert_eq!(caret_cell(line, &starts, 4, 8), (1, 0));
        assert_eq!(caret_cell(line, &starts, 3, 8), (0, 6));
        let starts = row_starts(line, 6);
        assert_eq!(starts, [0, 3]);
        assert_eq!(caret_cell(line, &starts, 3, 6), (1, 0));
        assert_eq!(caret_cell(line, &starts, 4, 6), (1, 2));
    }
}
