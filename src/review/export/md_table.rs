//! The Markdown report's tables: a header row with each column's alignment,
//! then one line a row, cells already escaped for Markdown.

use std::fmt::{Display, Write};

/// Writes a table's header: the column titles, then the alignment row, one
/// letter a column in `align` (`l` left, `r` right).
pub(crate) fn header(out: &mut String, align: &str, titles: &[&str]) {
    debug_assert_eq!(align.len(), titles.len(), "one alignment a column");
    let titles: Vec<&dyn Display> = titles.iter().map(|t| t as &dyn Display).collect();
    row(out, &titles);
    for a in align.chars() {
        out.push_str(if a == 'r' { "|---:" } else { "|---" });
    }
    out.push_str("|\n");
}

/// Writes one row.
pub(crate) fn row(out: &mut String, cells: &[&dyn Display]) {
    out.push('|');
    for cell in cells {
        let _ = write!(out, " {cell} |");
    }
    out.push('\n');
}
