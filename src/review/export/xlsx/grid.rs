//! The cells of a workbook sheet: one font, text always written as a
//! string, widths that count full-width characters as two columns, and a
//! frozen header row.

use rust_xlsxwriter::{Format, FormatAlign, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use crate::tui::text::sanitize::strip_escapes;

/// The font the workbook is set in: present on Windows and macOS with
/// Office, and with Japanese glyphs.
pub(crate) const FONT: &str = "Yu Gothic";

/// The widest a column is made, in character cells.
const MAX_WIDTH: usize = 60;

/// The longest text Excel keeps in one cell.
const MAX_CELL: usize = 32_767;

/// A sheet being filled: its cell formats and the widest text per column.
pub(super) struct Grid<'a> {
    pub(super) sheet: &'a mut Worksheet,
    plain: Format,
    head: Format,
    wrap: Format,
    widths: Vec<usize>,
}

impl<'a> Grid<'a> {
    pub(super) fn new(sheet: &'a mut Worksheet, headers: &[&str]) -> Result<Grid<'a>, XlsxError> {
        let plain = Format::new()
            .set_font_name(FONT)
            .set_align(FormatAlign::Top);
        let mut g = Grid {
            sheet,
            head: plain.clone().set_bold(),
            wrap: plain.clone().set_text_wrap(),
            plain,
            widths: Vec::new(),
        };
        for (c, h) in headers.iter().enumerate() {
            g.head(0, c, h)?;
        }
        Ok(g)
    }

    fn note_width(&mut self, col: usize, text: &str) {
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0);
        }
        let w = text.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
        self.widths[col] = self.widths[col].max(w);
    }

    pub(super) fn head(&mut self, row: u32, col: usize, text: &str) -> Result<(), XlsxError> {
        let text = cell(text);
        self.note_width(col, &text);
        // A heading of two lines (sitting, then group) wraps.
        let format = match text.contains('\n') {
            true => self.head.clone().set_text_wrap(),
            false => self.head.clone(),
        };
        self.sheet
            .write_string_with_format(row, col as u16, &text, &format)?;
        Ok(())
    }

    pub(super) fn text(&mut self, row: u32, col: usize, text: &str) -> Result<(), XlsxError> {
        let text = cell(text);
        self.note_width(col, &text);
        let format = if text.contains('\n') || text.width() > MAX_WIDTH {
            &self.wrap
        } else {
            &self.plain
        };
        self.sheet
            .write_string_with_format(row, col as u16, &text, format)?;
        Ok(())
    }

    pub(super) fn number(&mut self, row: u32, col: usize, value: f64) -> Result<(), XlsxError> {
        self.note_width(col, &value.to_string());
        self.sheet
            .write_number_with_format(row, col as u16, value, &self.plain)?;
        Ok(())
    }

    /// Sizes the columns to their text and freezes the header row.
    pub(super) fn finish(self) -> Result<(), XlsxError> {
        for (c, w) in self.widths.iter().enumerate() {
            let w = (*w).clamp(4, MAX_WIDTH) as f64 + 2.0;
            self.sheet.set_column_width(c as u16, w)?;
        }
        self.sheet.set_freeze_panes(1, 0)?;
        Ok(())
    }
}

/// Text as a cell holds it: escape sequences and control characters (but
/// line breaks and tabs) dropped, cut to what Excel keeps.
pub(super) fn cell(text: &str) -> String {
    let text = strip_escapes(text)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    match text.char_indices().nth(MAX_CELL) {
        Some((at, _)) => text[..at].to_string(),
        None => text,
    }
}

/// A sheet name Excel accepts: none of `[]:*?/\`, at most 31 characters.
pub(super) fn sheet_name(name: &str) -> String {
    let name: String = name
        .chars()
        .map(|c| match c {
            '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
            c if c.is_control() => ' ',
            c => c,
        })
        .take(31)
        .collect();
    let name = name.trim().trim_matches('\'').to_string();
    if name.is_empty() { "-".into() } else { name }
}
