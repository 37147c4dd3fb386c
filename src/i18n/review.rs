//! Words of the review screen, `bunkakai search` and `bunkakai export`.

use super::Lang;
use crate::labels;
use crate::model::ProblemKind;
use crate::model::file_check::FieldProblem;
use crate::model::file_problem::{FileFault, FileProblem};
use crate::model::notes::{NoteKind, Presence};

labels! {
    /// Labels of the review screens, the search output and the exports.
    pub(crate) enum ReviewText {
        /// Title of the sittings list.
        Sittings => "会の一覧", "Sittings";
        /// Column: date.
        Date => "日付", "Date";
        /// Column: sitting title.
        Title => "会", "Sitting";
        /// Column: number of groups.
        Groups => "班", "Grp";
        /// Column: number of notes.
        Notes => "メモ", "Notes";
        /// Column: actual against planned minutes.
        Time => "実績/予定", "Actual/plan";
        /// A group.
        Group => "グループ", "Group";
        /// How many groups.
        GroupCount => "グループ", "Groups";
        /// A theme.
        Theme => "テーマ", "Theme";
        /// A question.
        Question => "質問", "Question";
        /// Who spoke.
        Speaker => "発言者", "Speaker";
        /// Kind of note.
        Kind => "種類", "Kind";
        /// Who takes an action.
        Owner => "担当", "Owner";
        /// Time of a note.
        At => "時刻", "Time";
        /// Where an action item stands.
        Status => "状況", "Status";
        /// The note's text.
        Text => "内容", "Text";
        /// The group summary.
        Summary => "まとめ", "Summary";
        /// Attendance.
        Attendance => "出席", "Attendance";
        /// Action items.
        Actions => "アクション", "Action items";
        /// Questions nobody covered.
        Uncovered => "扱わなかった質問", "Questions not covered";
        /// Notes without a question.
        NoQuestion => "質問の指定なし", "No question given";
        /// Notes without a theme.
        NoTheme => "テーマ未指定", "No theme given";
        /// The timing table.
        Timing => "時間（予定と実績）", "Time (planned and actual)";
        /// An agenda block.
        Block => "議事", "Block";
        /// Planned minutes.
        Planned => "予定", "Planned";
        /// Actual minutes.
        Actual => "実績", "Actual";
        /// Difference of actual and planned.
        Diff => "差", "Diff";
        /// A block that was skipped.
        Skipped => "省略", "skipped";
        /// No run record.
        NoRun => "進行の記録はありません（run.json なし）", "No record of the run (no run.json)";
        /// The run record exists but cannot be used.
        RunUnreadable => "進行の記録 run.json を読めません（「読めないファイル」を参照）", "The record of the run (run.json) cannot be read (see \"Files that could not be read\")";
        /// No summary written.
        NoSummary => "まとめはありません", "No summary";
        /// No notes.
        NoNotes => "メモはありません", "No notes";
        /// The group's notes file is missing or unreadable.
        NoFile => "メモのファイルがないか、読めません", "No notes file, or it could not be read";
        /// The group has no notes file: its note-taker has recorded nothing
        /// yet (a file that cannot be read is reported as such instead).
        NoNotesYet => "まだメモがありません（メモのファイルなし）", "No notes yet (no notes file)";
        /// An attendance not marked.
        Unmarked => "未記録", "not marked";
        /// All questions covered.
        AllCovered => "すべて扱いました", "All covered";
        /// Present.
        Present => "出席", "present";
        /// Absent.
        Absent => "欠席", "absent";
        /// Late.
        Late => "遅刻", "late";
        /// Files that could not be used.
        Problems => "読めないファイル", "Files that could not be read";
        /// Lines of a file (notes of a notes file, changes of its journal)
        /// that could not be used and were left out, the rest being read.
        ProblemLines => "読めない行", "lines left out";
        /// The mark of a sitting being prepared (no groups yet, not held).
        Preparing => "［準備中］", "[preparing] ";
        /// What a sitting being prepared is, when it is opened.
        PreparingNote => "準備中の会です。まだ開かれていません（班は roster import / assign で決まります）",
                         "A sitting in preparation, not held yet (its groups come from roster import / assign)";
        /// What the marks of the sittings list mean.
        ListLegend => " 末尾の ! = 読めないファイルか行がある会　赤字 = 予定より長くかかった会", " ! at the end = a file or a line could not be read   red = ran over its plan";
        /// What the list says while the notes files are being read.
        ListLegendLoading => " 読み込み中…　末尾の ? = まだ確かめていない会（問題があれば ! に変わる）", " reading notes…   ? at the end = not checked yet (turns to ! on a problem)";
        /// A theme comparison.
        Compare => "テーマ比較", "Theme comparison";
        /// Search.
        Search => "検索", "Search";
        /// Hits.
        Hits => "件", "hits";
        /// The hint of the search box.
        SearchHint => "語をスペースで区切るとすべてを含むメモ。g:班 t:テーマ k:種類 s:発言者 from:/to:日付",
                      "Words separated by spaces must all appear. g:group t:theme k:kind s:speaker from:/to:date";
        /// Nothing found.
        NoHits => "見つかりません", "Nothing found";
        /// The terminal is too small.
        /// Loading.
        Loading => "読み込み中…", "Loading…";
        /// No sittings in the folder.
        Empty => "この場所に会はありません", "No sittings here";
        /// Help title.
        Help => "キー操作", "Keys";
        /// Used in, for a theme.
        UsedIn => "回で使用", "sitting(s)";
        /// Minutes suffix.
        Min => "分", " min";
        /// Title of the list of action items across the archive.
        ActionList => "アクション一覧", "Action items";
        /// The actions list shows only the open ones.
        OpenOnly => "未完了のみ", "open only";
        /// The actions list shows every state.
        AllStates => "すべて", "all";
        /// No action items.
        NoActions => "アクションはありません", "No action items";
        /// Column: sitting.
        Sitting => "会", "Sitting";
        /// A status could not be saved.
        StatusFailed => "状況を保存できませんでした", "Could not save the status";
        /// A status was saved.
        StatusSaved => "状況を保存しました", "Status saved";
    }
}

/// The label of a kind of note.
/// The heading of the problems under the list of sittings: how many files
/// could not be read, and apart from them how many lines were left out of
/// files otherwise read (「読めないファイル (1)・読めない行 (2)」), each
/// only when there are some.
pub(crate) fn problems_heading(files: usize, lines: usize, lang: Lang) -> String {
    let files = (files > 0).then(|| format!("{} ({files})", ReviewText::Problems.text(lang)));
    let lines = (lines > 0).then(|| format!("{} ({lines})", ReviewText::ProblemLines.text(lang)));
    match (files, lines) {
        (Some(f), Some(l)) => format!("{f}{}{l}", lang.pick("・", " · ")),
        (Some(f), None) => f,
        (None, Some(l)) => capitalized(&l),
        (None, None) => String::new(),
    }
}

/// `l` with its first letter upper-case (English words alone in a heading).
fn capitalized(l: &str) -> String {
    let mut c = l.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

pub(crate) fn kind_label(kind: NoteKind, lang: Lang) -> &'static str {
    match kind {
        NoteKind::Issue => lang.pick("課題", "issue"),
        NoteKind::Practice => lang.pick("工夫・事例", "practice"),
        NoteKind::Opinion => lang.pick("意見", "opinion"),
        NoteKind::Request => lang.pick("要望", "request"),
        NoteKind::Action => lang.pick("アクション", "action"),
        NoteKind::Other => lang.pick("その他", "other"),
    }
}

/// The label of an action item's status.
pub(crate) fn action_state_label(
    state: crate::model::actions::ActionState,
    lang: Lang,
) -> &'static str {
    use crate::model::actions::ActionState;
    match state {
        ActionState::Open => lang.pick("未完了", "open"),
        ActionState::Done => lang.pick("完了", "done"),
        ActionState::Dropped => lang.pick("取りやめ", "dropped"),
    }
}

/// The label of an attendance mark.
pub(crate) fn presence_label(p: Presence, lang: Lang) -> &'static str {
    match p {
        Presence::Present => ReviewText::Present.text(lang),
        Presence::Absent => ReviewText::Absent.text(lang),
        Presence::Late => ReviewText::Late.text(lang),
    }
}

/// What is wrong at a place of a data file: the rule it breaks in `lang`
/// (the words the consoles use), else the reader's own words.
fn detail_text(detail: &str, field: &Option<Box<FieldProblem>>, lang: Lang) -> String {
    field.as_deref().map_or_else(
        || super::shape_words::in_lang(detail, lang),
        |f| super::store::field_text(f, lang),
    )
}

/// Why a text is not JSON: as `check` says it of a plan, else the
/// parser's words.
fn why_text(detail: &str, why: &Option<ProblemKind>, lang: Lang) -> String {
    why.as_ref().map_or_else(
        || super::shape_words::in_lang(detail, lang),
        |k| super::problem_text(k, lang),
    )
}

/// One line for a file that could not be used: `FILE[:LINE:COL]: message`.
pub fn file_problem(p: &FileProblem, lang: Lang) -> String {
    let file = p.path.display();
    match (&p.fault, lang) {
        (FileFault::Unreadable(e), Lang::Ja) => format!("{file}: 読み込めません（{e}）"),
        (FileFault::Unreadable(e), Lang::En) => format!("{file}: cannot be read ({e})"),
        (FileFault::Plan { first, count }, _) => {
            let line = super::problem_line(&file.to_string(), first, lang);
            match (count, lang) {
                (0 | 1, _) => line,
                (n, Lang::Ja) => format!("{line}（ほか {} 件）", n - 1),
                (n, Lang::En) => format!("{line} (and {} more)", n - 1),
            }
        }
        // "Cut short" is the likely cause only when the text ends too soon.
        (
            FileFault::NotJson {
                line,
                col,
                detail,
                why,
            },
            _,
        ) => {
            let what = why_text(detail, why, lang);
            let said = match lang {
                Lang::Ja => format!("JSON として読めません（{what}）"),
                Lang::En => format!("not valid JSON ({what})"),
            };
            let cut = lang.pick(
                "。ファイルが途中で切れていないか確かめてください",
                "; check whether the file was cut short",
            );
            let cut = if detail.contains("EOF") { cut } else { "" };
            format!("{file}:{line}:{col}: {said}{cut}")
        }
        (
            FileFault::NoteLeftOut {
                line,
                col,
                detail,
                field,
            },
            _,
        ) => format!("{file}:{line}:{col}: {}", detail_text(detail, field, lang)),
        (
            FileFault::Shape {
                line,
                col,
                detail,
                field,
            },
            _,
        ) => {
            let what = detail_text(detail, field, lang);
            match lang {
                Lang::Ja => format!("{file}:{line}:{col}: 形式に合いません（{what}）"),
                Lang::En => format!("{file}:{line}:{col}: does not fit the format ({what})"),
            }
        }
        (FileFault::WrongKind { expected, found }, Lang::Ja) => match found {
            Some(f) => format!("{file}: \"{f}\" のファイルです（ここには {expected} が必要です）"),
            None => format!("{file}: format がありません（{expected} のファイルではありません）"),
        },
        (FileFault::WrongKind { expected, found }, Lang::En) => match found {
            Some(f) => format!("{file}: this is a \"{f}\" file ({expected} expected here)"),
            None => format!("{file}: no format field (not a {expected} file)"),
        },
        (FileFault::Newer { found, known }, Lang::Ja) => format!(
            "{file}: 新しい bunkakai が書いたファイルです（{found}、この版は {known} まで）。bunkakai を更新してください"
        ),
        (FileFault::Newer { found, known }, Lang::En) => format!(
            "{file}: written by a newer bunkakai ({found}; this one reads up to version {known}); update bunkakai"
        ),
    }
}
