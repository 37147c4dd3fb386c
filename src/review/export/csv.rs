//! The CSV sheet of a sitting's notes, made for Excel in Japan: UTF-8 with a
//! byte-order mark, CRLF line ends, RFC 4180 quoting, and cells that a
//! spreadsheet would run as a formula neutralised with a leading `'`.

use crate::i18n::Lang;
use crate::i18n::review::{ReviewText as T, kind_label};
use crate::review::archive::Sitting;
use crate::review::report::group_report;
use crate::tui::text::sanitize::strip_escapes;

/// The sheet: a header row, then one row per note, group by group,
/// oldest first within a group.
pub(crate) fn sheet(s: &Sitting, lang: Lang) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    let header = [
        T::Title,
        T::Date,
        T::Group,
        T::Theme,
        T::Question,
        T::Speaker,
        T::Kind,
        T::Owner,
        T::At,
        T::Text,
    ];
    row(&mut out, header.iter().map(|h| h.text(lang).to_string()));
    let date = s.date().map(|d| d.to_string()).unwrap_or_default();
    for g in &s.groups {
        let report = group_report(s, &g.id, lang);
        for (t, q, n) in report.notes_by_time() {
            row(
                &mut out,
                [
                    s.title().to_string(),
                    date.clone(),
                    g.id.clone(),
                    t.theme.map(|t| t.title.clone()).unwrap_or_default(),
                    q.question.map(|q| q.text.clone()).unwrap_or_default(),
                    n.speaker.clone().unwrap_or_default(),
                    kind_label(n.kind, lang).to_string(),
                    n.owner.clone().unwrap_or_default(),
                    s.local(&n.created).format("%H:%M").to_string(),
                    n.text.clone(),
                ]
                .into_iter(),
            );
        }
    }
    out.into_bytes()
}

fn row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell_text(&cell));
    }
    out.push_str("\r\n");
}

/// One cell: escape sequences and control characters (but line breaks)
/// dropped, neutralised when a spreadsheet would read it as a formula,
/// quoted when it holds a comma, a quote or a line break.
pub(crate) fn cell_text(value: &str) -> String {
    let value = &strip_escapes(value);
    let risky = value.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);
    let value = if risky {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::cell_text;

    #[test]
    fn formula_injection_is_neutralised() {
        let cases = [
            ("=1+1", "'=1+1"),
            ("+81 3", "'+81 3"),
            ("-5%でも改善", "'-5%でも改善"),
            ("@事務局", "'@事務局"),
            ("\tタブ", "'\tタブ"),
            ("\r改行", "\"'\r改行\""),
            ("\u{1b}[31m=赤", "'=赤"),
            (
                "=HYPERLINK(\"http://x\",\"a\")",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\"",
            ),
            ("＝全角", "'＝全角"),
            ("普通の文", "普通の文"),
            ("a=b", "a=b"),
            ("カンマ, あり", "\"カンマ, あり\""),
            ("2行\n目", "\"2行\n目\""),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(cell_text(input), want, "{input:?}");
        }
    }
}
