//! A sitting's tab bar: its groups, then the timing table. When they do
//! not all fit (twenty groups at 80 columns), the bar scrolls to keep the
//! selected tab in view, centred as far as it can be, and `‹` / `›` say
//! that tabs are hidden on that side.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::tui::text::width;

/// The marker of tabs hidden on the left.
pub(crate) const LEFT: &str = "‹";
/// The marker of tabs hidden on the right.
pub(crate) const RIGHT: &str = "›";

/// The tabs shown, `first..end`, of tabs `widths` cells wide in `room`
/// cells, with `selected` among them. A marker (one cell) takes room only
/// on a side where tabs are hidden.
pub(crate) fn window(widths: &[usize], selected: usize, room: usize) -> (usize, usize) {
    let n = widths.len();
    if n == 0 {
        return (0, 0);
    }
    let selected = selected.min(n - 1);
    let cost = |lo: usize, hi: usize| -> usize {
        widths[lo..hi].iter().sum::<usize>() + usize::from(lo > 0) + usize::from(hi < n)
    };
    let (mut lo, mut hi) = (selected, selected + 1);
    // Grow right then left in turn, so the selected tab stays near the
    // middle; once one side is full the other takes what is left.
    loop {
        let right = hi < n && cost(lo, hi + 1) <= room;
        if right {
            hi += 1;
        }
        let left = lo > 0 && cost(lo - 1, hi) <= room;
        if left {
            lo -= 1;
        }
        if !right && !left {
            return (lo, hi);
        }
    }
}

/// The bar as a line: each tab padded by a space, the selected one
/// reversed, markers where tabs are hidden.
pub(crate) fn bar(labels: &[String], selected: usize, room: usize) -> Line<'static> {
    let tabs: Vec<String> = labels.iter().map(|l| format!(" {l} ")).collect();
    let widths: Vec<usize> = tabs.iter().map(|t| width(t)).collect();
    let (first, end) = window(&widths, selected, room);
    let marker = Style::new().add_modifier(Modifier::BOLD);
    let mut spans = Vec::new();
    if first > 0 {
        spans.push(Span::styled(LEFT, marker));
    }
    for (i, tab) in tabs.into_iter().enumerate().take(end).skip(first) {
        let style = if i == selected {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new()
        };
        spans.push(Span::styled(tab, style));
    }
    if end < labels.len() {
        spans.push(Span::styled(RIGHT, marker));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(l: &Line) -> String {
        l.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn every_tab_fits_when_there_is_room() {
        assert_eq!(window(&[3, 3, 20], 2, 80), (0, 3));
        let l = bar(&["A".into(), "B".into()], 0, 80);
        assert_eq!(text(&l), " A  B ");
    }

    #[test]
    fn the_selected_tab_is_always_shown_with_markers_for_the_hidden() {
        // Twenty groups of 3 cells and a timing tab of 20 in 40 cells.
        let mut widths = vec![3; 20];
        widths.push(20);
        for selected in 0..widths.len() {
            let (lo, hi) = window(&widths, selected, 40);
            assert!(lo <= selected && selected < hi, "{selected}: {lo}..{hi}");
            let used: usize = widths[lo..hi].iter().sum::<usize>()
                + usize::from(lo > 0)
                + usize::from(hi < widths.len());
            assert!(used <= 40, "{selected}: {used}");
        }
        // The first tab: the bar starts at the left, hidden ones on the right.
        assert_eq!(window(&widths, 0, 40), (0, 13));
        // The timing tab: the last groups before it, the first ones hidden.
        assert_eq!(window(&widths, 20, 40), (14, 21));
        // In the middle: centred, markers both sides.
        assert_eq!(window(&widths, 10, 40), (5, 17));
    }

    #[test]
    fn the_bar_names_what_is_hidden() {
        let labels: Vec<String> = (0..20)
            .map(|i| char::from(b'A' + i).to_string())
            .chain(["時間（予定と実績）".to_string()])
            .collect();
        let l = bar(&labels, 19, 40);
        let t = text(&l);
        assert!(t.starts_with('‹') && !t.ends_with('›'), "{t}");
        assert!(t.contains(" T ") && t.contains("時間"), "{t}");
        assert!(width(&t) <= 40, "{t}");
        let l = bar(&labels, 0, 40);
        let t = text(&l);
        assert!(t.starts_with(" A ") && t.ends_with('›'), "{t}");
    }
}
