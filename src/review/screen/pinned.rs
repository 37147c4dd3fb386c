//! Headings that stay in view while a long body is paged: the timing
//! table's header row, or the section and group a speaking-time row
//! belongs to. A body marks its heading lines with a level (1 a section,
//! 2 a part of it); the last heading of each level scrolled past is drawn
//! on top, and paging steps by the rows left under them so that no line
//! is skipped.

/// The headings pinned on top when the body starts at line `scroll`: the
/// last level-1 heading above it, then the last level-2 heading under
/// that one. None when the first line shown is itself a heading of that
/// level or above (it heads what follows).
pub(crate) fn heads(levels: &[Option<u8>], scroll: usize) -> Vec<usize> {
    let at = |i: usize| levels.get(i).copied().flatten();
    let here = at(scroll);
    let mut out = Vec::new();
    if here == Some(1) {
        return out;
    }
    let above = levels.len().min(scroll);
    let one = (0..above).rev().find(|&i| at(i) == Some(1));
    if let Some(h) = one {
        out.push(h);
    }
    if here == Some(2) {
        return out;
    }
    let from = one.map_or(0, |h| h + 1);
    if let Some(h) = (from..above).rev().find(|&i| at(i) == Some(2)) {
        out.push(h);
    }
    out
}

/// How many lines of the body fit under the pinned headings.
pub(crate) fn room(levels: &[Option<u8>], scroll: usize, rows: usize) -> usize {
    rows.saturating_sub(heads(levels, scroll).len()).max(1)
}

/// The furthest the body scrolls: the last line just in view.
pub(crate) fn max_scroll(levels: &[Option<u8>], rows: usize) -> usize {
    let len = levels.len();
    let mut s = len.saturating_sub(rows);
    while s < len && s + room(levels, s, rows) < len {
        s += 1;
    }
    s
}

/// Where the body starts after a page down: at the first line not yet
/// shown.
pub(crate) fn page_down(levels: &[Option<u8>], scroll: usize, rows: usize) -> usize {
    (scroll + room(levels, scroll, rows)).min(max_scroll(levels, rows))
}

/// Where the body starts after a page up: the page above, keeping a line
/// in common however many headings are pinned there.
pub(crate) fn page_up(levels: &[Option<u8>], scroll: usize, rows: usize) -> usize {
    let pinned = if levels.iter().any(Option::is_some) {
        2
    } else {
        0
    };
    scroll.saturating_sub(rows.saturating_sub(pinned).max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A header, 5 rows; a section, a group of 3, a group of 3.
    fn body() -> Vec<Option<u8>> {
        let mut v = vec![Some(1)];
        v.extend([None; 5]);
        v.push(Some(1));
        for _ in 0..2 {
            v.push(Some(2));
            v.extend([None; 3]);
        }
        v
    }

    #[test]
    fn the_last_heading_of_each_level_scrolled_past_is_pinned() {
        let b = body();
        assert_eq!(heads(&b, 0), Vec::<usize>::new());
        assert_eq!(heads(&b, 3), vec![0]);
        // The next section's own heading on top: nothing pinned.
        assert_eq!(heads(&b, 6), Vec::<usize>::new());
        // A group's line on top: only its section.
        assert_eq!(heads(&b, 7), vec![6]);
        assert_eq!(heads(&b, 9), vec![6, 7]);
        assert_eq!(heads(&b, 12), vec![6, 11]);
    }

    #[test]
    fn the_speaking_time_pins_its_heading_and_the_group() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive");
        let archive = crate::review::Archive::load(&dir);
        let s = archive.sitting("jichitai-09").unwrap();
        let lines = super::super::record_lines::timing_lines(s, crate::i18n::Lang::Ja, 80);
        let levels: Vec<Option<u8>> = lines
            .iter()
            .map(super::super::record_lines::level)
            .collect();
        let text =
            |i: usize| -> String { lines[i].spans.iter().map(|s| s.content.as_ref()).collect() };
        let at = |needle: &str| {
            (0..lines.len())
                .find(|&i| text(i).contains(needle))
                .unwrap()
        };
        // In the block table: its header row.
        let pinned = heads(&levels, at("自治体間の意見交換"));
        assert_eq!(pinned.len(), 1);
        assert!(text(pinned[0]).starts_with(" 議事"), "{}", text(pinned[0]));
        // Among group B's speakers: the section and group B.
        let pinned: Vec<String> = heads(&levels, at("気仙沼市"))
            .into_iter()
            .map(text)
            .collect();
        assert_eq!(pinned.len(), 2, "{pinned:?}");
        assert_eq!(pinned[0].trim(), "発言時間");
        assert!(pinned[1].starts_with("  B（③）  合計"), "{pinned:?}");
    }

    #[test]
    fn paging_down_skips_no_line_and_reaches_the_end() {
        let b = body();
        let rows = 4;
        let mut seen = vec![false; b.len()];
        let mut s = 0;
        loop {
            let r = room(&b, s, rows);
            for x in seen.iter_mut().skip(s).take(r) {
                *x = true;
            }
            let next = page_down(&b, s, rows);
            if next == s {
                break;
            }
            s = next;
        }
        assert!(seen.iter().all(|x| *x), "{seen:?}");
        assert_eq!(s, max_scroll(&b, rows));
        assert!(s + room(&b, s, rows) >= b.len());
    }
}
