//! A registration sheet read into rows of text: `.xlsx`/`.xls`/`.ods` through
//! calamine, `.csv`/`.tsv`/`.txt` through the csv crate in UTF-8 (with or
//! without a BOM) or Shift_JIS (CP932), whichever the bytes are.

use std::path::Path;

use calamine::{Data, Reader};

/// The text encoding a CSV file turned out to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (what Excel writes for "CSV UTF-8").
    Utf8Bom,
    /// Shift_JIS / CP932 (what Excel writes for plain "CSV" in Japan).
    ShiftJis,
}

/// A sheet's cells as text, with where they came from.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    /// The file's name as given, for messages.
    pub(crate) file: String,
    /// The sheet's name (`csv` for a CSV file).
    pub(crate) sheet: String,
    /// Every row, each a list of cells; `rows[0]` is row 1 of the sheet.
    pub(crate) rows: Vec<Vec<String>>,
    /// Row number (1-based) of `rows[0]` in the sheet.
    pub(crate) first_row: usize,
    /// Column number (1-based) of the first cell of each row.
    pub(crate) first_col: usize,
    /// For CSV files, the encoding detected.
    pub(crate) encoding: Option<Encoding>,
}

/// Why a sheet could not be read at all.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TableError {
    /// The file could not be opened or read.
    Unreadable(String),
    /// The extension is not one bunkakai reads.
    UnknownKind,
    /// The workbook has no sheet of that name.
    NoSheet {
        /// The name asked for.
        wanted: String,
        /// The sheets it has.
        available: Vec<String>,
    },
    /// The workbook has no sheets.
    Empty,
    /// The bytes are neither UTF-8 nor Shift_JIS; the line of the first bad byte.
    Encoding {
        /// 1-based line of the first byte that is not text.
        line: usize,
    },
    /// The CSV is malformed at this row.
    Csv {
        /// 1-based row.
        row: usize,
        /// What the CSV reader said.
        detail: String,
    },
}

/// Reads a registration file by its extension.
pub(crate) fn read_table(path: &Path, sheet: Option<&str>) -> Result<Table, TableError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" | "xlsb" => read_workbook(path, file, sheet),
        "csv" | "tsv" | "txt" => {
            let bytes = std::fs::read(path).map_err(|e| TableError::Unreadable(e.to_string()))?;
            read_csv(&bytes, file)
        }
        _ => Err(TableError::UnknownKind),
    }
}

fn read_workbook(path: &Path, file: String, sheet: Option<&str>) -> Result<Table, TableError> {
    let mut book =
        calamine::open_workbook_auto(path).map_err(|e| TableError::Unreadable(e.to_string()))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted || n.trim() == wanted.trim())
            .cloned()
            .ok_or_else(|| TableError::NoSheet {
                wanted: wanted.to_string(),
                available: names.clone(),
            })?,
        None => names.first().cloned().ok_or(TableError::Empty)?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| TableError::Unreadable(e.to_string()))?;
    let (first_row, first_col) = range
        .start()
        .map_or((1, 1), |(r, c)| (r as usize + 1, c as usize + 1));
    let rows = range
        .rows()
        .map(|row| row.iter().map(cell_text).collect())
        .collect();
    Ok(Table {
        file,
        sheet: name,
        rows,
        first_row,
        first_col,
        encoding: None,
    })
}

fn cell_text(cell: &Data) -> String {
    match cell {
        // A stage typed as 1 comes back as 1.0 from some writers.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string(),
    }
}

/// Decodes CSV bytes (UTF-8 ± BOM, else Shift_JIS) and splits them into rows.
pub(crate) fn read_csv(bytes: &[u8], file: String) -> Result<Table, TableError> {
    let (text, encoding) = decode(bytes)?;
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.contains('\t') && !first_line.contains(',') {
        b'\t'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| TableError::Csv {
            row: e.position().map_or(i + 1, |p| p.line() as usize),
            detail: e.to_string(),
        })?;
        rows.push(record.iter().map(str::to_string).collect());
    }
    Ok(Table {
        file,
        sheet: "csv".into(),
        rows,
        first_row: 1,
        first_col: 1,
        encoding: Some(encoding),
    })
}

fn decode(bytes: &[u8]) -> Result<(String, Encoding), TableError> {
    if let Some(body) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(body) {
            Ok(s) => Ok((s.to_string(), Encoding::Utf8Bom)),
            Err(e) => Err(TableError::Encoding {
                line: line_of(body, e.valid_up_to()),
            }),
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), Encoding::Utf8));
    }
    let (text, _, had_errors) = encoding_rs::SHIFT_JIS.decode(bytes);
    if !had_errors {
        return Ok((text.into_owned(), Encoding::ShiftJis));
    }
    let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
    Err(TableError::Encoding {
        line: line_of(bytes, valid),
    })
}

fn line_of(bytes: &[u8], upto: usize) -> usize {
    bytes[..upto.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf8_with_and_without_bom_and_shift_jis() {
        let text = "自治体名,段階\n白鷹町,①\n";
        let plain = read_csv(text.as_bytes(), "a.csv".into()).unwrap();
        assert_eq!(plain.encoding, Some(Encoding::Utf8));
        assert_eq!(plain.rows[1], ["白鷹町", "①"]);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        let bom = read_csv(&bom, "a.csv".into()).unwrap();
        assert_eq!(bom.encoding, Some(Encoding::Utf8Bom));
        assert_eq!(bom.rows[0][0], "自治体名");
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(text);
        let sjis = read_csv(&sjis, "a.csv".into()).unwrap();
        assert_eq!(sjis.encoding, Some(Encoding::ShiftJis));
        assert_eq!(sjis.rows, plain.rows);
    }

    #[test]
    fn binary_is_refused_with_its_line() {
        let bytes = b"a,b\n\xff\xfe\x00\x81\n";
        assert_eq!(
            read_csv(bytes, "x.csv".into()),
            Err(TableError::Encoding { line: 2 })
        );
    }

    #[test]
    fn tabs_separate_when_there_are_no_commas() {
        let t = read_csv("自治体名\t段階\n見附市\t1\n".as_bytes(), "a.tsv".into()).unwrap();
        assert_eq!(t.rows[1], ["見附市", "1"]);
    }
}
