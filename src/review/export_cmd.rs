//! `bunkakai export <session> --format md|csv|json [-o FILE]`: one sitting
//! written to stdout, or to a file replaced atomically. Files of the sitting
//! that could not be read are named on stderr; the export goes on without
//! them.

use std::io::Write;
use std::path::Path;

use super::archive::Sitting;
use super::export::{self, ExportFormat};
use crate::i18n::Lang;
use crate::i18n::review::file_problem;
use crate::store::StoreError;
use crate::store::archive::read_sitting;
use crate::store::sessions;

/// Exports the sitting named by `session` (a folder, a `session.json` or an
/// id in `dir`). Returns the exit code: 0 done, 2 no such sitting, 1 the
/// output could not be written.
pub fn run(
    session: &str,
    dir: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let found = match sessions::locate(session, dir) {
        Ok(found) => found,
        Err(e) => {
            let _ = writeln!(err, "{}", crate::i18n::cli::locate_error(&e, lang));
            return 2;
        }
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
    let bytes = export::render(&sitting, &files, format, lang);
    match output {
        None => match out.write_all(&bytes).and_then(|_| out.flush()) {
            Ok(()) => 0,
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
        Some(path) => match crate::store::replace(path, &bytes) {
            Ok(()) => 0,
            Err(e) => {
                let _ = writeln!(err, "{}", write_error(path, &e, lang));
                1
            }
        },
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
