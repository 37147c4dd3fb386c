//! Messages of `bunkakai new` and `bunkakai roster`: what was done, what was
//! understood from a registration sheet, and what is wrong with it.

use super::columns::Field;
use super::new_sitting::Change;
use super::registration::RowFault;
use super::table::{Encoding, TableError};
use crate::i18n::Lang;

crate::labels! {
    /// Fixed words of `bunkakai new` and `bunkakai roster`.
    pub(crate) enum PrepText {
        /// Before the municipalities `--format zoom` had no e-mail for.
        NoEmail => "メールアドレスがなく Zoom の割り当てに入らない自治体", "no e-mail, left out of the Zoom file";
        /// An Excel list cannot go to the terminal.
        XlsxNeedsOutput => "-o ファイル名.xlsx を指定してください", "give -o FILE.xlsx";
        /// Before the path of a file just written.
        Written => "書き込み:", "written:";
        /// A group got no theme because no theme lists its stage.
        NoThemeForStage => "※ テーマ「-」: その段階を stages に持つテーマがありません（themes[].stages を確認してください）", "note: themes \"-\": no theme lists that stage in its stages (see themes[].stages)";
        /// Before the sittings `--avoid-repeat` looked at.
        PairsCountedFrom => "最近同席の組は次の回から数えました", "pairs who sat together counted from";
        /// Why running assign again gives the same groups.
        Deterministic => "同じ申込からは同じグループになります（--seed N で別の組み合わせ）", "the same registrations always give these groups (--seed N for another draw)";
        /// A `--map` entry was not COLUMN=FIELD.
        MapFormat => "「列=項目」の形で、項目は次のどれかです", "write COLUMN=FIELD, FIELD one of";
        /// The sheet has no cells.
        EmptySheet => "空のシートです", "the sheet is empty";
        /// A `--map` column is not in the header row.
        NoSuchColumn => "見出し行にその列がありません", "no such column in the header row";
        /// Before the file and sheet being read.
        Reading => "読み込み:", "reading:";
        /// Before a CSV file's detected encoding.
        Encoding => "文字コード", "encoding";
        /// Before the row taken as the header.
        HeaderRow => "見出し行", "header row";
        /// A column whose header names no field.
        NotUsed => "（使いません）", "(not used)";
        /// Some rows could not be used, so the import wrote nothing.
        BadRowsNothingWritten => "使えない行があるため何も書いていません。直して再実行するか、--skip-bad で使える行だけ取り込んでください", "nothing was written because some rows cannot be used; fix them and run again, or import the usable rows with --skip-bad";
        /// The sheet had no row to import.
        NoUsableRows => "取り込める行がありません", "no usable rows";
        /// `--dry-run` showed the result only.
        DryRun => "--dry-run: 何も書いていません", "--dry-run: nothing written";
        /// A change was refused; every file is as it was.
        NothingWritten => "何も書いていません", "nothing was written";
        /// The plan's groups came from the sheet's group column.
        GroupsFromSheet => "シートのグループで。前の計画は", "groups from the sheet; the previous plan is in";
        /// The sheet has no group column; assign comes next.
        NoGroupColumn => "シートにグループの列がないため計画は変えていません。次は bunkakai roster assign でグループを作ります", "the sheet has no group column, so the plan is unchanged; next, bunkakai roster assign forms the groups";
        /// Before the count of municipalities per stage.
        ByStage => "段階別", "by stage";
        /// `--size` was not a range.
        SizeFormat => "「5-7」のように最小-最大で指定してください", "give MIN-MAX, e.g. 5-7";
        /// `roster assign` found no registrations and no members.
        NoOneToAssign => "参加者がいません。先に bunkakai roster import で申込を取り込んでください", "no one to assign; import the registrations first with bunkakai roster import";
        /// Before the backup that undoes `roster assign`.
        ToUndo => "元に戻すには", "to undo, restore";
        /// Heading of the check summary that ends each command.
        Check => "検査 (check)", "check";
        /// Before the check's problems when the only ones are missing groups.
        GroupsLater => "グループ未設定のため、次の問題は roster import / assign の後で解消します", "No groups yet: the problems below go away after roster import / assign";
        /// `new` never overwrites a sitting.
        Exists => "この会はもうあります。上書きはしません。別の ID を指定してください", "this sitting exists already and is not overwritten; choose another id";
        /// What to do with the starter plan.
        StarterWritten => "記入例の計画を書きました。題名・日付・議事・テーマ・グループを書き換え、bunkakai check で確かめてください（項目の説明は docs/formats.md）", "wrote a starter plan (the format's complete example); replace the title, date, agenda, themes and groups, then run bunkakai check (fields are described in docs/formats.md)";
        /// Before the path of the new sitting's plan.
        NewWritten => "新しい会を作りました:", "new sitting written:";
        /// Title of the group list (班分け表).
        GroupList => "班分け表", "Groups";
    }
}

/// A field's name as the preview shows it.
pub(crate) fn field_name(f: Field, lang: Lang) -> &'static str {
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
pub(crate) fn change(c: &Change, lang: Lang) -> String {
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
pub(crate) fn encoding(e: Encoding, lang: Lang) -> &'static str {
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
pub(crate) fn table_error(e: &TableError, lang: Lang) -> String {
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
pub(crate) fn row_fault(f: &RowFault, lang: Lang) -> String {
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
        (RowFault::NoGroup, Lang::Ja) => {
            "グループが空です。ほかの行にはグループがあります。記入してください（roster assign に任せるなら列ごと消してください）".into()
        }
        (RowFault::NoGroup, Lang::En) => {
            "the group is blank while other rows have one; fill it in (or delete the column to let roster assign form the groups)".into()
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

/// One stage's pool: 「段階 ③: 11団体 → 2グループ (6, 5)」.
pub(crate) fn pool_line(
    stage: &str,
    count: usize,
    groups: usize,
    sizes: &str,
    lang: Lang,
) -> String {
    match lang {
        Lang::Ja => format!("段階 {stage}: {count}団体 → {groups}グループ ({sizes})"),
        Lang::En => {
            let s = if groups == 1 { "" } else { "s" };
            format!("stage {stage}: {count} municipalities → {groups} group{s} ({sizes})")
        }
    }
}

/// Said after a pool whose count no split fits.
pub(crate) fn cannot_fit(min: usize, max: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("  ※ {min}～{max}名に収まりません"),
        Lang::En => format!("  (cannot fit {min}-{max})"),
    }
}

/// Headings of the table `roster assign` prints (the last, over the
/// members' line, is blank).
pub(crate) fn assign_headings(lang: Lang) -> [&'static str; 7] {
    match lang {
        Lang::Ja => [
            "グループ",
            "段階",
            "人数",
            "テーマ",
            "同県の組",
            "最近同席の組",
            "",
        ],
        Lang::En => [
            "group",
            "stage",
            "size",
            "themes",
            "same pref.",
            "sat together",
            "",
        ],
    }
}

/// Headings of the group list.
pub(crate) fn list_headings(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Ja => ["グループ", "段階", "テーマ", "自治体", "都道府県", "参加者"],
        Lang::En => [
            "Group",
            "Stage",
            "Themes",
            "Municipality",
            "Prefecture",
            "Attendees",
        ],
    }
}

/// How many municipalities a group has.
pub(crate) fn member_count(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{count}団体"),
        Lang::En if count == 1 => "1 member".to_string(),
        Lang::En => format!("{count} members"),
    }
}

/// What a sheet gave: rows, municipalities, blank rows.
pub(crate) fn rows_read(rows: usize, units: usize, blank: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{rows}行 → {units}団体（空行 {blank}）"),
        Lang::En => format!("{rows} rows → {units} municipalities ({blank} blank rows)"),
    }
}

/// A stage mark that is neither a number nor a stage the plan's themes name.
pub(crate) fn unknown_stage(stage: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "注意: 段階「{stage}」は番号（①、3、Ⅲ、段階3 など）でもテーマの stages にもありません。別の段階として扱います"
        ),
        Lang::En => format!(
            "note: stage \"{stage}\" is neither a number (①, 3, Ⅲ, stage 3 …) nor in any theme's stages; it is taken as a stage of its own"
        ),
    }
}

/// After the missing-group problems, instead of "N problems found".
pub(crate) fn groups_later_count(count: usize, lang: Lang) -> String {
    match (lang, count) {
        (Lang::Ja, 1) => "1 件。グループを作ると解消します".into(),
        (Lang::Ja, n) => format!("{n} 件ともグループを作ると解消します"),
        (Lang::En, 1) => "1, gone once the groups are made".into(),
        (Lang::En, 2) => "2, both gone once the groups are made".into(),
        (Lang::En, n) => format!("{n}, all gone once the groups are made"),
    }
}
