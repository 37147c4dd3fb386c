//! One mutant of session.json, run.json or a notes file through every
//! reader (the store's, the review's: the same verdict, every file not
//! used reported), the export, and the consoles.

use std::path::{Path, PathBuf};

use bunkakai::i18n::Lang;
use bunkakai::model::read_plan;
use bunkakai::review::archive::Sitting;
use bunkakai::review::export::{self, ExportFormat};
use bunkakai::review::files;
use bunkakai::store::{notes_file, run_file};
use bunkakai::timer::Clock;

use crate::Kind;
use crate::consoles::{display, facilitator, note_taker};
use crate::sitting::{Base, DIR, sitting_files, stamp};

/// With `FUZZ_PROFILE` set, how long each part of a case took.
fn lap(what: &str, t: &mut std::time::Instant) {
    if std::env::var_os("FUZZ_PROFILE").is_some() {
        eprintln!("{what}: {:?}", t.elapsed());
        *t = std::time::Instant::now();
    }
}

/// Everything one mutant goes through. Panics on a broken promise.
pub(crate) fn exercise(base: &Base, kind: Kind, mutant: &[u8], draw: bool, export_too: bool) {
    let t = &mut std::time::Instant::now();
    let (plan_b, run_b, notes_b) = match kind {
        Kind::Plan => (mutant, &base.run[..], &base.notes[..]),
        Kind::Run => (&base.plan_bytes[..], mutant, &base.notes[..]),
        Kind::Notes | Kind::Journal(_) => (&base.plan_bytes[..], &base.run[..], mutant),
    };
    // The readers.
    let plan = match kind {
        Kind::Plan => read_plan(plan_b, "jichitai-09").plan,
        _ => Some(base.plan.clone()),
    };
    let run_path = PathBuf::from(DIR).join("run.json");
    let notes_path = PathBuf::from(DIR).join("notes/A.json");
    lap("plan", t);
    let run = run_file::parse(&run_path, run_b, plan.as_ref());
    lap("run", t);
    // For showing: a note that does not fit is left out (the consoles that
    // write use `notes_file::parse`, which refuses the file; its verdict
    // is the same whenever nothing is left out).
    let notes_read = notes_file::parse_for_reading(&notes_path, notes_b, Some("A"));
    lap("readers", t);
    // The review's reading of the same files: the same verdict, and every
    // file not used is reported.
    let files = sitting_files(plan_b, run_b, notes_b);
    let whole_sitting = export_too;
    if whole_sitting {
        let sitting = Sitting::parse(&files);
        let reported = |p: &Path| {
            sitting
                .problems
                .iter()
                .any(|x| x.path == p && x.fault.whole_file())
        };
        assert_eq!(plan.is_none(), reported(&files.plan.path), "plan verdict");
        if plan.is_some() {
            assert_eq!(run.is_err(), reported(&run_path), "run verdict: {run:?}");
        }
        assert_eq!(notes_read.is_err(), reported(&notes_path), "notes verdict");
        if let Ok((doc, left_out)) = &notes_read {
            let listed = sitting
                .problems
                .iter()
                .filter(|x| !x.fault.whole_file())
                .count();
            assert_eq!(left_out.len(), listed, "every note left out is listed");
            assert_eq!(
                sitting.notes_of("A").map(|n| n.notes.len()),
                Some(doc.notes.len())
            );
        }
        if export_too {
            for format in [ExportFormat::Md, ExportFormat::Csv, ExportFormat::Json] {
                let bytes = export::render(&sitting, &files, format, Lang::Ja);
                if format == ExportFormat::Json {
                    let text = String::from_utf8(bytes).unwrap();
                    assert!(!text.chars().any(|c| ('\u{7f}'..='\u{9f}').contains(&c)));
                    if let Err(e) = serde_json::from_str::<serde_json::Value>(&text) {
                        // serde_json stops at 128 levels; the export nests a
                        // file's own deep (but readable) value further.
                        assert!(e.to_string().contains("recursion limit"), "{e}");
                    }
                }
            }
        }
    } else {
        // The review's own readers of the one file that changed.
        let review_plan = files::plan(&files.plan, "jichitai-09");
        assert_eq!(plan.is_none(), review_plan.is_err(), "plan verdict");
        let review_run = files::run(files.run.as_ref().unwrap(), plan.as_ref());
        assert_eq!(run.is_err(), review_run.is_err(), "run verdict: {run:?}");
        let review_notes = files::notes(&files.notes[0]);
        assert_eq!(notes_read.is_err(), review_notes.is_err(), "notes verdict");
        if let (Ok((_, a)), Ok((_, b))) = (&notes_read, &review_notes) {
            assert_eq!(a.len(), b.len(), "every note left out is listed");
        }
    }
    lap("review", t);
    lap("export", t);
    // The consoles, on the last good plan and what could be read.
    // A mutant no reader accepted reaches a console only as the message
    // saying so; those consoles are exercised on the drawing cases.
    let accepted = match kind {
        Kind::Plan => plan.is_some(),
        Kind::Run => run.is_ok(),
        Kind::Notes | Kind::Journal(_) => notes_read.is_ok(),
    };
    if !accepted && !draw {
        return;
    }
    let run_error = run.as_ref().err().map(|e| e.to_string());
    let plan = plan.unwrap_or_else(|| base.plan.clone());
    let run = run.ok();
    let notes = notes_read.ok().map(|(d, _)| d);
    let nows = [
        stamp("2026-01-20T14:30:00+09:00"),
        stamp("2026-01-20T18:00:00+09:00"),
    ];
    // A second instant (hours later) only where the consoles draw too.
    for &now in &nows[..if draw { 2 } else { 1 }] {
        if let Some(run) = &run {
            Clock::at(&plan, run, now);
        }
        lap("clock", t);
        facilitator(&plan, run.clone(), notes.as_ref(), now, draw);
        lap("facilitator", t);
        display(&plan, run.clone(), run_error.clone(), now, draw);
        lap("display", t);
        note_taker(&plan, run.clone(), notes.clone(), now, draw);
        lap("notes", t);
    }
}
