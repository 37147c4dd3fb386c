//! Messages of the command line itself: finding sittings, reading files.

use std::path::Path;

use super::Lang;
use crate::store::sessions::LocateError;

/// Why a `<session>` argument names no sitting, and what to do.
pub fn locate_error(e: &LocateError, lang: Lang) -> String {
    match (e, lang) {
        (LocateError::BadId(arg, err), _) => format!(
            "{}: {}",
            super::plan::escaped(arg),
            super::problem_text(&crate::model::ProblemKind::BadId(err.clone()), lang)
        ),
        (LocateError::NotFound { id, dir, available }, Lang::Ja) => format!(
            "{}: \"{id}\" という会はありません。{}",
            dir.display(),
            available_text(available, lang)
        ),
        (LocateError::NotFound { id, dir, available }, Lang::En) => format!(
            "{}: no sitting \"{id}\" here. {}",
            dir.display(),
            available_text(available, lang)
        ),
        (LocateError::NoPlan(dir), Lang::Ja) => {
            format!(
                "{}: session.json がありません。会のフォルダか session.json を指定してください",
                dir.display()
            )
        }
        (LocateError::NoPlan(dir), Lang::En) => {
            format!(
                "{}: no session.json here; name a sitting's folder or its session.json",
                dir.display()
            )
        }
    }
}

fn available_text(available: &[String], lang: Lang) -> String {
    if available.is_empty() {
        lang.pick(
            "このフォルダに会はありません（--sessions で場所を指定できます）",
            "this folder has no sittings (--sessions DIR sets where to look)",
        )
        .to_string()
    } else {
        format!(
            "{}: {}",
            lang.pick("ある会", "available"),
            available.join(", ")
        )
    }
}

/// A file could not be read at all.
pub fn unreadable(path: &Path, err: &std::io::Error, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{}: 読み込めません（{err}）", path.display()),
        Lang::En => format!("{}: cannot be read ({err})", path.display()),
    }
}

/// The heading of the list of sittings shown by `bunkakai` alone.
pub fn sittings_heading(dir: &Path, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{} にある会:", dir.display()),
        Lang::En => format!("Sittings in {}:", dir.display()),
    }
}

/// The sessions folder asked for does not exist.
pub fn no_folder(dir: &Path, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "フォルダ {} がありません。--sessions DIR か BUNKAKAI_SESSIONS で場所を指定してください",
            dir.display()
        ),
        Lang::En => format!(
            "there is no folder {}; set --sessions DIR or BUNKAKAI_SESSIONS",
            dir.display()
        ),
    }
}

/// Shown when the sessions folder holds no sitting.
pub fn no_sittings(dir: &Path, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "{} に会がありません。--sessions DIR か BUNKAKAI_SESSIONS で場所を指定してください",
            dir.display()
        ),
        Lang::En => format!(
            "no sittings in {}; set --sessions DIR or BUNKAKAI_SESSIONS",
            dir.display()
        ),
    }
}

/// The hint under the list of sittings.
pub fn list_hint(lang: Lang) -> &'static str {
    lang.pick(
        "計画を確かめるには: bunkakai check <会のID>",
        "To check a plan: bunkakai check <sitting id>",
    )
}

/// Marks a sitting whose plan has errors in the list.
pub fn has_errors(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("計画に {n} 件の問題"),
        Lang::En => format!("{n} problem(s) in the plan"),
    }
}
