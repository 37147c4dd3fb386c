//! Messages of `bunkakai new` and `bunkakai roster`: what was done, what was
//! understood from a registration sheet, and what is wrong with it.

use super::Lang;
use crate::prepare::columns::Field;
use crate::prepare::new_sitting::Change;
use crate::prepare::registration::RowFault;
use crate::prepare::table::{Encoding, TableError};

/// A field's name as the preview shows it.
pub fn field_name(f: Field, lang: Lang) -> &'static str {
    use Field::*;
    match f {
        Municipality => lang.pick("自治体名", "municipality"),
        Prefecture => lang.pick("都道府県", "prefecture"),
        Stage => lang.pick("段階", "stage"),
        Group => lang.pick("グループ", "group"),
        Name => lang.pick("氏名", "name"),
        Reading => lang.pick("ふりがな", "reading"),
        Affiliation => lang.pick("所属", "affiliation"),
        Role => lang.pick("役職", "role"),
        Email => lang.pick("メール", "email"),
    }
}

/// What `new --from` did to the title, date and groups.
pub fn change(c: &Change, lang: Lang) -> String {
    match (c, lang) {
        (Change::Numbered { from, to }, Lang::Ja) => {
            format!("題名の回数を進めました: {from} → {to}")
        }
        (Change::Numbered { from, to }, Lang::En) => {
            format!("title numbered on: {from} → {to}")
        }
        (Change::TitleCopied(t), Lang::Ja) => {
            format!("題名に「第N回」がないためそのまま写しました: {t}（--title で変えられます）")
        }
        (Change::TitleCopied(t), Lang::En) => {
            format!("title copied as it was (no 第N回 to number on): {t}; use --title to change it")
        }
        (Change::TitleGiven(t), _) => format!("{}: {t}", lang.pick("題名", "title")),
        (Change::Date(d), _) => format!("{}: {d}", lang.pick("日付", "date")),
        (Change::NoDate, Lang::Ja) => {
            "日付は写していません。--date YYYY-MM-DD で指定してください".into()
        }
        (Change::NoDate, Lang::En) => {
            "the date was not copied; give it with --date YYYY-MM-DD".into()
        }
        (Change::GroupsKept(n), Lang::Ja) => format!("グループ {n} 件をそのまま残しました"),
        (Change::GroupsKept(n), Lang::En) => format!("kept the {n} groups as they were"),
        (Change::GroupsEmptied(n), Lang::Ja) => format!(
            "前回のグループ {n} 件は写していません。次は roster import / roster assign です（--keep-groups で残せます）"
        ),
        (Change::GroupsEmptied(n), Lang::En) => format!(
            "left out the past {n} groups; next: roster import, then roster assign (--keep-groups keeps them)"
        ),
    }
}

/// The detected encoding of a CSV file.
pub fn encoding(e: Encoding, lang: Lang) -> &'static str {
    match e {
        Encoding::Utf8 => "UTF-8",
        Encoding::Utf8Bom => lang.pick("UTF-8（BOM付き）", "UTF-8 with BOM"),
        Encoding::ShiftJis => lang.pick(
            "Shift_JIS（CP932）と判定して読みました",
            "Shift_JIS (CP932), detected",
        ),
    }
}

/// Why a sheet could not be read at all.
pub fn table_error(e: &TableError, lang: Lang) -> String {
    match (e, lang) {
        (TableError::Unreadable(d), Lang::Ja) => format!("読めませんでした: {d}"),
        (TableError::Unreadable(d), Lang::En) => format!("cannot be read: {d}"),
        (TableError::UnknownKind, Lang::Ja) => {
            ".xlsx / .xls / .ods / .csv のファイルを指定してください".into()
        }
        (TableError::UnknownKind, Lang::En) => "give an .xlsx, .xls, .ods or .csv file".into(),
        (TableError::NoSheet { wanted, available }, Lang::Ja) => format!(
            "シート「{wanted}」がありません。あるシート: {}",
            available.join(", ")
        ),
        (TableError::NoSheet { wanted, available }, Lang::En) => format!(
            "no sheet \"{wanted}\"; the sheets are: {}",
            available.join(", ")
        ),
        (TableError::Empty, Lang::Ja) => "シートがありません".into(),
        (TableError::Empty, Lang::En) => "the workbook has no sheets".into(),
        (TableError::Encoding { line }, Lang::Ja) => format!(
            "{line}行目: UTF-8 でも Shift_JIS でもありません。Excel で「CSV UTF-8」として保存し直してください"
        ),
        (TableError::Encoding { line }, Lang::En) => format!(
            "line {line}: neither UTF-8 nor Shift_JIS; save it again from Excel as \"CSV UTF-8\""
        ),
        (TableError::Csv { row, detail }, Lang::Ja) => {
            format!("{row}行目: CSV として読めません（{detail}）")
        }
        (TableError::Csv { row, detail }, Lang::En) => {
            format!("row {row}: not valid CSV ({detail})")
        }
    }
}

/// What is wrong with one row.
pub fn row_fault(f: &RowFault, lang: Lang) -> String {
    match (f, lang) {
        (RowFault::NoNameColumn, Lang::Ja) => {
            "自治体名（または氏名）の列が見つかりません。--map 列名=municipality で指定してください"
                .into()
        }
        (RowFault::NoNameColumn, Lang::En) => {
            "no municipality (or name) column found; name it with --map COLUMN=municipality".into()
        }
        (RowFault::NoName, Lang::Ja) => "自治体名が空です。記入するか行を削除してください".into(),
        (RowFault::NoName, Lang::En) => {
            "the municipality is blank; fill it in or delete the row".into()
        }
        (RowFault::BadEmail(e), Lang::Ja) => format!("「{e}」はメールアドレスではありません"),
        (RowFault::BadEmail(e), Lang::En) => format!("\"{e}\" is not an e-mail address"),
        (RowFault::BadGroup(g), Lang::Ja) => {
            format!("グループ「{g}」は ID にできません。A、B、1 のような半角英数字にしてください")
        }
        (RowFault::BadGroup(g), Lang::En) => {
            format!("group \"{g}\" cannot be a group id; use letters or digits such as A, B, 1")
        }
        (
            RowFault::StageConflict {
                name,
                first_row,
                first,
            },
            Lang::Ja,
        ) => format!("{name} は R{first_row} では段階「{first}」です。どちらかに揃えてください"),
        (
            RowFault::StageConflict {
                name,
                first_row,
                first,
            },
            Lang::En,
        ) => format!("{name} has stage \"{first}\" on R{first_row}; make them agree"),
        (
            RowFault::GroupConflict {
                name,
                first_row,
                first,
            },
            Lang::Ja,
        ) => format!("{name} は R{first_row} ではグループ {first} です。どちらかに揃えてください"),
        (
            RowFault::GroupConflict {
                name,
                first_row,
                first,
            },
            Lang::En,
        ) => format!("{name} is in group {first} on R{first_row}; make them agree"),
    }
}
