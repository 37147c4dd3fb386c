//! `bunkakai roster show <session>`: the group list to send out, to stdout
//! or (with `-o`) to a file replaced atomically.

use crate::prepare::messages::PrepText;
use std::io::Write;
use std::path::PathBuf;

use super::group_list::{self, ListFormat};
use super::sitting_files;
use super::validation_summary;
use crate::check::sitting;
use crate::i18n::Lang;
use crate::store::{self, sessions::SessionPath};

/// The command line of `roster show` (its field docs are its `--help`).
#[derive(Debug, Clone, clap::Args)]
pub struct ShowArgs {
    /// The sitting.
    pub session: String,
    /// md, csv (for Excel), xlsx (needs -o), or zoom (Zoom's breakout pre-assignment CSV).
    #[arg(long, value_enum, default_value = "md")]
    pub format: ListFormat,
    /// Write to this file (replaced atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `roster show` on the sitting `found`; returns the exit status. The
/// check summary goes to `out` after a file is written, or to `err` when
/// the list itself went to `out`, so a redirected list stays clean.
pub fn run(
    args: &ShowArgs,
    found: &SessionPath,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let plan = &match sitting::usable_plan(found, lang, err) {
        Ok(plan) => plan,
        Err(code) => return code,
    };
    let roster = match sitting_files::load_roster(found, err) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let lines = group_list::lines(plan, roster.as_ref());
    let bytes = match args.format {
        ListFormat::Md => group_list::markdown(plan, &lines, lang).into_bytes(),
        ListFormat::Csv => group_list::csv(&lines, lang),
        ListFormat::Zoom => {
            let (bytes, missing) = group_list::zoom(&lines);
            if !missing.is_empty() {
                let _ = writeln!(
                    err,
                    "{}: {}",
                    PrepText::NoEmail.text(lang),
                    missing.join("、")
                );
            }
            bytes
        }
        ListFormat::Xlsx => {
            if args.output.is_none() {
                let _ = writeln!(
                    err,
                    "--format xlsx: {}",
                    PrepText::XlsxNeedsOutput.text(lang)
                );
                return 2;
            }
            match group_list::xlsx(&lines, lang) {
                Ok(b) => b,
                Err(e) => {
                    let _ = writeln!(err, "{e}");
                    return 1;
                }
            }
        }
    };
    match &args.output {
        Some(path) => {
            if let Err(e) = store::replace(path, &bytes) {
                let _ = writeln!(err, "{e}");
                return 1;
            }
            let _ = writeln!(out, "{} {}", PrepText::Written.text(lang), path.display());
            validation_summary(&found.plan, &found.default_id, lang, out);
        }
        None => {
            if out.write_all(&bytes).and_then(|()| out.flush()).is_err() {
                return 1;
            }
            validation_summary(&found.plan, &found.default_id, lang, err);
        }
    }
    0
}
