//! Hostile bytes in every file of a sitting: each mutant of session.json,
//! run.json, a notes file and a notes file's journal goes through every
//! reader (the store's, the review's) and into each console's `update` and
//! `view` (headless, 80×24) with a few actions. Nothing may panic; a file
//! (or journal line) that is not used must be reported; the readers must
//! agree; a note typed and committed, and every note of a journal line
//! written whole, stays in what the consoles hold.
//!
//! One test binary, one module per kind of thing fuzzed: `mutate` (the
//! mutations), `sitting` (the files mutated), `files` (plan, run, notes
//! through the readers), `journal` (journal mutants on disk), `consoles`.
//!
//! Replay a run with `BUNKAKAI_FUZZ_SEED=<seed>`; the default run is 10,000
//! cases; run more with `BUNKAKAI_FUZZ_CASES=<n>` (see BENCHMARKS.md). A
//! mutant that fails is written to `target/fuzz-failures/`; copy it into
//! `tests/fixtures/fuzz/` (named `plan-*.json`, `run-*.json`, `notes-*.json`
//! or `journal-<beside|alone|folder>-*.journal`) to keep it replayed.

mod consoles;
mod files;
mod journal;
mod mutate;
mod sitting;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use journal::Layout;
use mutate::{Rng, mutate};
use sitting::{Base, base};

/// Cases in the default run (BENCHMARKS.md has its time and the 100,000
/// run); `BUNKAKAI_FUZZ_CASES` changes it. The corpus of every mutant that
/// ever failed is replayed on every run whatever the count.
const DEFAULT_CASES: usize = 10_000;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Plan,
    Run,
    Notes,
    Journal(Layout),
}

impl Kind {
    fn name(self) -> String {
        match self {
            Kind::Plan => "plan".into(),
            Kind::Run => "run".into(),
            Kind::Notes => "notes".into(),
            Kind::Journal(layout) => format!("journal-{}", layout.name()),
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Kind::Journal(_) => "journal",
            _ => "json",
        }
    }
}

/// One case: the mutant of a kind of file chosen by `rng`.
fn case(base: &Base, rng: &mut Rng) -> (Kind, Vec<u8>) {
    let kind = [
        Kind::Plan,
        Kind::Run,
        Kind::Notes,
        Kind::Journal(Layout::Beside),
    ][rng.below(4)];
    if let Kind::Journal(_) = kind {
        let (bytes, layout) = journal::mutant(rng);
        return (Kind::Journal(layout), bytes);
    }
    let mut bytes = match kind {
        Kind::Plan => base.plan_bytes.clone(),
        Kind::Run => base.run.clone(),
        _ => base.notes.clone(),
    };
    for _ in 0..1 + rng.below(3) {
        mutate(rng, &mut bytes);
    }
    (kind, bytes)
}

/// Everything one mutant goes through; `dir` is a sitting folder of the
/// thread's own for the mutants that must be on disk.
fn exercise(base: &Base, dir: &Path, kind: Kind, bytes: &[u8], draw: bool) {
    match kind {
        Kind::Journal(layout) => journal::exercise(base, dir, bytes, layout, draw),
        _ => files::exercise(base, kind, bytes, draw, draw),
    }
}

fn failures_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("fuzz-failures")
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|s| s.parse().ok())
}

#[test]
fn mutants_of_every_file_kind_never_take_a_reader_or_console_down() {
    let seed = env_number("BUNKAKAI_FUZZ_SEED").unwrap_or(0x5EED_0012);
    let cases = env_number("BUNKAKAI_FUZZ_CASES").map_or(DEFAULT_CASES, |n| n as usize);
    let base = base();
    let started = std::time::Instant::now();
    // One line per failure instead of a backtrace each.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| eprintln!("fuzz failure: {info}")));
    // The cases are shared among the cores: case `i` goes to thread `i % n`.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let failed_all = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for part in 0..threads {
            let (base, failed_all) = (&base, &failed_all);
            scope.spawn(move || {
                let tmp = tempfile::tempdir().unwrap();
                let dir = tmp.path().join("jichitai-09");
                let mut failed = Vec::new();
                for case_no in (part..cases).step_by(threads) {
                    let mut rng =
                        Rng(seed ^ (case_no as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
                    let (kind, bytes) = case(base, &mut rng);
                    // Drawing and exporting are the dearest parts: every
                    // 16th case draws all consoles and exports.
                    let draw = case_no % 16 == 0;
                    if catch_unwind(AssertUnwindSafe(|| {
                        exercise(base, &dir, kind, &bytes, draw)
                    }))
                    .is_err()
                    {
                        let out = failures_dir();
                        let _ = std::fs::create_dir_all(&out);
                        let name = format!("{}-{seed}-{case_no}.{}", kind.name(), kind.extension());
                        let _ = std::fs::write(out.join(&name), &bytes);
                        failed.push(out.join(name));
                    }
                }
                failed_all.lock().unwrap().extend(failed);
            });
        }
    });
    let failed = failed_all.into_inner().unwrap();
    std::panic::set_hook(default_hook);
    eprintln!(
        "fuzz: seed {seed}, {cases} cases in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(
        failed.is_empty(),
        "{} mutants failed (seed {seed}; replay with BUNKAKAI_FUZZ_SEED={seed}): {failed:?}",
        failed.len()
    );
}

#[test]
fn every_mutant_that_ever_failed_is_replayed() {
    let base = base();
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path().join("jichitai-09");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut seen = 0;
    let mut journals = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let kind = match name.split('-').next() {
            Some("plan") => Kind::Plan,
            Some("run") => Kind::Run,
            Some("notes") => Kind::Notes,
            Some("journal") => Kind::Journal(Layout::from_name(&name)),
            _ => continue,
        };
        journals += usize::from(matches!(kind, Kind::Journal(_)));
        let bytes = std::fs::read(&path).unwrap();
        exercise(&base, &work, kind, &bytes, true);
        seen += 1;
    }
    assert!(seen >= 5, "the corpus is there ({seen} files)");
    assert!(
        journals >= 3,
        "the journal corpus is there ({journals} files)"
    );
}
