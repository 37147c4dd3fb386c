//! Which column of a registration sheet holds what: found by its Japanese or
//! English header after NFKC folding (「自治体名」, 「ﾒｰﾙｱﾄﾞﾚｽ」, 「Prefecture」),
//! or named by `--map 列=field`.

use unicode_normalization::UnicodeNormalization;

/// What a column of the sheet says about a registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Field {
    /// 自治体名 / 団体名: what is grouped.
    Municipality,
    /// 都道府県.
    Prefecture,
    /// 段階 / ステージ of the 取組サイクル.
    Stage,
    /// 班 / グループ, when the secretariat already split the groups.
    Group,
    /// 氏名: the attendee.
    Name,
    /// ふりがな of the municipality.
    Reading,
    /// 所属 / 部署.
    Affiliation,
    /// 役職.
    Role,
    /// メール.
    Email,
}

impl Field {
    /// Every field, in the order the preview lists them.
    pub(crate) const ALL: [Field; 9] = [
        Field::Municipality,
        Field::Prefecture,
        Field::Stage,
        Field::Group,
        Field::Name,
        Field::Reading,
        Field::Affiliation,
        Field::Role,
        Field::Email,
    ];

    /// The name used in `--map` and in `roster.json`.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Field::Municipality => "municipality",
            Field::Prefecture => "prefecture",
            Field::Stage => "stage",
            Field::Group => "group",
            Field::Name => "name",
            Field::Reading => "reading",
            Field::Affiliation => "affiliation",
            Field::Role => "role",
            Field::Email => "email",
        }
    }

    /// Headers that name this field, already folded.
    fn headers(self) -> &'static [&'static str] {
        match self {
            Field::Municipality => &[
                "自治体名",
                "自治体",
                "団体名",
                "団体",
                "市区町村名",
                "市区町村",
                "市町村名",
                "市町村",
                "municipality",
                "organization",
                "organisation",
            ],
            Field::Prefecture => &["都道府県名", "都道府県", "prefecture"],
            Field::Stage => &["取組段階", "段階", "ステージ", "取組サイクル", "stage"],
            Field::Group => &["グループ", "班名", "班", "group", "room"],
            Field::Name => &[
                "氏名",
                "名前",
                "参加者名",
                "参加者",
                "担当者名",
                "担当者",
                "name",
            ],
            Field::Reading => &[
                "ふりがな",
                "フリガナ",
                "よみがな",
                "読み",
                "reading",
                "kana",
            ],
            Field::Affiliation => &[
                "所属部署",
                "所属",
                "部署名",
                "部署",
                "課名",
                "affiliation",
                "department",
            ],
            Field::Role => &["役職名", "役職", "職名", "role", "position"],
            Field::Email => &[
                "メールアドレス",
                "メール",
                "eメール",
                "e-mail",
                "email",
                "mail",
            ],
        }
    }

    /// Reads a field name as typed in `--map` (English key or a Japanese header).
    pub(crate) fn parse(s: &str) -> Option<Field> {
        let f = fold(s);
        Field::ALL
            .into_iter()
            .find(|field| field.key() == f || field.headers().contains(&f.as_str()))
    }
}

/// NFKC, lower case, no spaces of any width and no brackets: how headers
/// and `--map` names are compared.
pub(crate) fn fold(s: &str) -> String {
    s.nfkc()
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace() && !"()（）[]【】「」*※:：".contains(*c))
        .collect()
}

/// Trims spaces of every width (全角スペース included) and line breaks.
pub(crate) fn clean(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
        .to_string()
}

/// The field a header names, if any: an exact header wins, else the
/// longest known header it contains (「担当者メールアドレス」 → email).
pub(crate) fn field_of_header(header: &str) -> Option<Field> {
    let h = fold(header);
    if h.is_empty() {
        return None;
    }
    if let Some(f) = Field::ALL
        .into_iter()
        .find(|f| f.key() == h || f.headers().contains(&h.as_str()))
    {
        return Some(f);
    }
    Field::ALL
        .into_iter()
        .flat_map(|f| f.headers().iter().map(move |k| (f, *k)))
        .filter(|(_, k)| k.chars().count() >= 2 && h.contains(k))
        .max_by_key(|(_, k)| k.chars().count())
        .map(|(f, _)| f)
}

/// One `--map` entry: a column (its header, its letter `C` or its number
/// `3`) and the field it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MapEntry {
    /// The column as the user named it.
    pub(crate) column: String,
    /// The field.
    pub(crate) field: Field,
}

/// Reads `列=field`.
pub(crate) fn parse_map(s: &str) -> Result<MapEntry, String> {
    let (column, field) = s
        .rsplit_once('=')
        .or_else(|| s.rsplit_once('＝'))
        .ok_or_else(|| s.to_string())?;
    let field = Field::parse(field).ok_or_else(|| field.to_string())?;
    Ok(MapEntry {
        column: column.trim().to_string(),
        field,
    })
}

/// Which column (0-based, within the row) holds each field.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct ColumnMap {
    /// `(field, column index)`, in field order.
    pub(crate) found: Vec<(Field, usize)>,
    /// Headers that named no field, with their column index.
    pub(crate) ignored: Vec<(usize, String)>,
    /// `--map` entries whose column is not in the header row.
    pub(crate) unmatched: Vec<String>,
}

impl ColumnMap {
    /// The column of a field.
    pub(crate) fn col(&self, field: Field) -> Option<usize> {
        self.found
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| *c)
    }
}

/// Matches a header row, `--map` entries first. A field named by two
/// headers takes the first one; the other is listed as ignored.
pub(crate) fn match_headers(header: &[String], map: &[MapEntry]) -> ColumnMap {
    let mut out = ColumnMap::default();
    let mut taken = vec![false; header.len()];
    for entry in map {
        match column_index(header, &entry.column) {
            Some(i) => {
                out.found.retain(|(f, _)| *f != entry.field);
                out.found.push((entry.field, i));
                taken[i] = true;
            }
            None => out.unmatched.push(entry.column.clone()),
        }
    }
    for (i, h) in header.iter().enumerate() {
        if taken[i] {
            continue;
        }
        match field_of_header(h) {
            Some(f) if out.col(f).is_none() => out.found.push((f, i)),
            _ if clean(h).is_empty() => {}
            _ => out.ignored.push((i, clean(h))),
        }
    }
    out.found.sort();
    out
}

fn column_index(header: &[String], column: &str) -> Option<usize> {
    let folded = fold(column);
    if let Some(i) = header.iter().position(|h| fold(h) == folded) {
        return Some(i);
    }
    if let Ok(n) = folded.parse::<usize>() {
        return (1..=header.len()).contains(&n).then(|| n - 1);
    }
    let upper = folded.to_ascii_uppercase();
    if !upper.is_empty() && upper.len() <= 3 && upper.chars().all(|c| c.is_ascii_uppercase()) {
        let n = upper
            .chars()
            .fold(0usize, |n, c| n * 26 + (c as usize - 'A' as usize + 1));
        return (1..=header.len()).contains(&n).then(|| n - 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn japanese_and_english_headers_are_found_after_nfkc() {
        let header = row(&[
            "No.",
            "自治体名",
            "都道府県　",
            "取組段階（①～④）",
            "ﾒｰﾙｱﾄﾞﾚｽ",
            "氏名",
            "所属部署",
            "Role",
            "備考",
        ]);
        let m = match_headers(&header, &[]);
        assert_eq!(m.col(Field::Municipality), Some(1));
        assert_eq!(m.col(Field::Prefecture), Some(2));
        assert_eq!(m.col(Field::Stage), Some(3));
        assert_eq!(m.col(Field::Email), Some(4));
        assert_eq!(m.col(Field::Name), Some(5));
        assert_eq!(m.col(Field::Affiliation), Some(6));
        assert_eq!(m.col(Field::Role), Some(7));
        assert_eq!(m.ignored, [(0, "No.".to_string()), (8, "備考".to_string())]);
    }

    #[test]
    fn map_names_a_column_by_header_letter_or_number() {
        let header = row(&["団体", "区分", "連絡先"]);
        let map = [
            parse_map("区分=stage").unwrap(),
            parse_map("C=メール").unwrap(),
            parse_map("9=group").unwrap(),
        ];
        let m = match_headers(&header, &map);
        assert_eq!(m.col(Field::Municipality), Some(0));
        assert_eq!(m.col(Field::Stage), Some(1));
        assert_eq!(m.col(Field::Email), Some(2));
        assert_eq!(m.unmatched, ["9"]);
        assert!(parse_map("区分").is_err());
        assert_eq!(parse_map("区分=colour"), Err("colour".to_string()));
    }
}
