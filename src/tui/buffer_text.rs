//! A drawn screen as plain text, the way a terminal shows it: one line per
//! row, each wide character once (the cell it covers is skipped). Screen
//! tests and snapshots read frames through this.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// The buffer's rows as text, each ending with a line break.
pub fn text_of(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x + buf.area.x, y + buf.area.y)].symbol();
            out.push_str(sym);
            skip = sym.width().saturating_sub(1);
        }
        out.push('\n');
    }
    out
}
