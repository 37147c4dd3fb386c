//! `bunkakai export <session> --format md|csv|json|xlsx [-o FILE]`: one
//! sitting written to stdout, or to a file replaced atomically (a workbook
//! only to a file). Files of the sitting that could not be read are named
//! on stderr; the export goes on without them. `export --all` (several
//! sittings in one document) starts here too, then goes its own way
//! ([`super::export_all`]).

use std::io::Write;
use std::path::Path;

use super::archive::Archive;
use super::archive::Sitting;
use super::export::{self, ExportFormat, Part};
use super::export_all::Days;
use crate::check::sitting;
use crate::i18n::Lang;
use crate::i18n::review::file_problem;
use crate::store::StoreError;
use crate::store::archive::read_sitting;
use crate::store::sessions;

/// What `bunkakai export` exports.
#[derive(Debug, Clone)]
pub enum Exported {
    /// The sitting a `<session>` argument names (a folder, a `session.json`
    /// or an id in the sessions folder).
    One(String),
    /// Every sitting of the sessions folder on these days (`--all`).
    All(Days),
}

/// Runs `bunkakai export` on the sessions folder `dir`. A workbook asked
/// for without `-o` is refused first. Returns the exit code: 0 done, 2 bad
/// input (or a file that could not be used), 1 no sitting on those days or
/// the output could not be written.
pub fn run(
    what: &Exported,
    dir: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    if format.is_binary() && output.is_none() {
        let _ = writeln!(err, "{}", needs_output(lang));
        return 2;
    }
    match what {
        Exported::One(session) => one(session, dir, format, output, lang, out, err),
        Exported::All(days) => super::export_all::run(days, dir, format, output, lang, out, err),
    }
}

/// Exports the sitting named by `session`.
fn one(
    session: &str,
    dir: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let found = match sitting::find(session, dir, lang, err) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let files = read_sitting(&found.dir, found.default_id.clone());
    let sitting = Sitting::parse(&files);
    if sitting.plan.is_none() && sitting.groups.is_empty() {
        for p in &sitting.problems {
            let _ = writeln!(err, "{}", file_problem(p, lang));
        }
        return 2;
    }
    for p in &sitting.problems {
        let _ = writeln!(err, "{}", file_problem(p, lang));
    }
    // The archive around the sitting says which actions it carries in.
    let archive = found.dir.parent().map(Archive::load).unwrap_or_default();
    let mine = archive.sittings.iter().find(|s| s.dir == sitting.dir);
    let part = match mine {
        Some(me) => Part::in_archive(&archive, me),
        None => Part::alone(&sitting),
    };
    let bytes = match export::try_render_part(&part, &files, format, lang) {
        Ok(bytes) => bytes,
        Err(e) => {
            let _ = writeln!(
                err,
                "{}{e}",
                lang.pick("ブックを作れません: ", "cannot make the workbook: ")
            );
            return 1;
        }
    };
    let own = [found.dir.as_path()];
    let complete = sitting.problems.is_empty();
    write_out(&bytes, output, &own, complete, lang, out, err)
}

/// Writes an export to `out`, or to `output` replaced atomically unless it
/// is a file of one of the sittings in `own`. Returns 0, or 2 when the
/// export is not `complete` (a file that could not be used is left out: the
/// export is written, and the exit code says so), or the exit code of the
/// failure.
pub(super) fn write_out(
    bytes: &[u8],
    output: Option<&Path>,
    own: &[&Path],
    complete: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let done = if complete { 0 } else { 2 };
    match output {
        None => match out.write_all(bytes).and_then(|_| out.flush()) {
            Ok(()) => done,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
            Err(e) => {
                let _ = writeln!(
                    err,
                    "{}",
                    lang.pick("書き出せません: ", "cannot write: ").to_string() + &e.to_string()
                );
                1
            }
        },
        Some(path) => {
            if own.iter().any(|dir| is_sitting_file(dir, path)) {
                let _ = writeln!(err, "{}", own_file(path, lang));
                return 2;
            }
            let before = std::fs::symlink_metadata(path).ok();
            match crate::store::replace(path, bytes) {
                Ok(()) => {
                    after_replace(path, before.as_ref(), err, lang);
                    let wrote = crate::i18n::cli_results::wrote(path, bytes.len(), lang);
                    let _ = writeln!(err, "{wrote}");
                    done
                }
                Err(e) => {
                    let _ = writeln!(err, "{}", write_error(path, &e, lang));
                    1
                }
            }
        }
    }
}

/// True when `target` is one of the sitting's own files (its plan, its
/// run.json, anything in its notes folder): an export must not replace it.
fn is_sitting_file(dir: &Path, target: &Path) -> bool {
    let canon = |p: &Path| std::fs::canonicalize(p).ok();
    let Some(dir) = canon(dir) else {
        return false;
    };
    let (Some(parent), Some(name)) = (target.parent(), target.file_name()) else {
        return false;
    };
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let Some(parent) = canon(parent) else {
        return false;
    };
    let target = parent.join(name);
    let own = [
        dir.join(sessions::PLAN_FILE),
        dir.join(crate::model::run::RUN_FILE),
    ];
    own.contains(&target)
        || parent.starts_with(dir.join("notes"))
        || canon(&target).is_some_and(|t| own.contains(&t) || t.starts_with(dir.join("notes")))
}

fn needs_output(lang: Lang) -> &'static str {
    lang.pick(
        "--format xlsx は -o ファイル名.xlsx を指定してください（端末には書き出しません）",
        "--format xlsx needs -o FILE.xlsx (a workbook is not written to the terminal)",
    )
}

fn own_file(path: &Path, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "{}: この会のファイルなので上書きしません。別の書き出し先を -o で指定してください",
            path.display()
        ),
        Lang::En => format!(
            "{}: this is one of the sitting's own files; it is not replaced. Give -o another file",
            path.display()
        ),
    }
}

/// After the atomic replace: an existing file keeps its permissions, and a
/// symbolic link that was replaced (its target left as it was) is said.
fn after_replace(path: &Path, before: Option<&std::fs::Metadata>, err: &mut dyn Write, lang: Lang) {
    let Some(before) = before else {
        return;
    };
    if before.file_type().is_symlink() {
        let _ = writeln!(
            err,
            "{}",
            match lang {
                Lang::Ja => format!(
                    "{}: シンボリックリンクを通常のファイルで置き換えました（リンク先は変更していません）",
                    path.display()
                ),
                Lang::En => format!(
                    "{}: the symbolic link was replaced by a regular file (its target was not changed)",
                    path.display()
                ),
            }
        );
    } else if before.is_file()
        && let Err(e) = std::fs::set_permissions(path, before.permissions())
    {
        tracing::warn!(error = %e, "cannot keep the permissions of the export");
    }
}

fn write_error(path: &Path, e: &StoreError, lang: Lang) -> String {
    match (e, lang) {
        (StoreError::Io { source, .. }, Lang::Ja) => {
            format!(
                "{}: 書き込めません（{source}）。フォルダがあるか、書き込めるかを確かめてください",
                path.display()
            )
        }
        (_, Lang::Ja) => format!("{}: 書き込めません（{e}）", path.display()),
        (_, Lang::En) => e.to_string(),
    }
}
