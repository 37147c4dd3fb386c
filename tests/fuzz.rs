//! Hostile bytes in every file of a sitting: each mutant of session.json,
//! run.json and a notes file goes through every reader (the store's, the
//! review's) and into each console's `update` and `view` (headless, 80×24)
//! with a few actions. Nothing may panic; a file that is not used must be
//! reported; the readers must agree; a note typed and committed stays in
//! what the console holds.
//!
//! Replay a run with `BUNKAKAI_FUZZ_SEED=<seed>`; the default run is 10,000
//! cases (about 18 s on two cores); run more with `BUNKAKAI_FUZZ_CASES=<n>` (see
//! BENCHMARKS.md). A mutant that fails is
//! written to `target/fuzz-failures/`; copy it into `tests/fixtures/fuzz/`
//! (named `plan-*.json`, `run-*.json` or `notes-*.json`) to keep it replayed.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use bunkakai::display::view::DisplayView;
use bunkakai::facilitator::view::FacilitatorView;
use bunkakai::i18n::Lang;
use bunkakai::model::Stamp;
use bunkakai::model::notes::GroupNotes;
use bunkakai::model::run::RunState;
use bunkakai::model::{Plan, read_plan};
use bunkakai::review::archive::Sitting;
use bunkakai::review::export::{self, ExportFormat};
use bunkakai::review::files;
use bunkakai::store::archive::{FileBytes, SittingFiles};
use bunkakai::store::{notes_file, run_file};
use bunkakai::timer::Clock;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const DIR: &str = "/fuzz/jichitai-09";
/// Cases in the default run: about 18 s in a debug build on two cores.
/// `BUNKAKAI_FUZZ_CASES` changes it (BENCHMARKS.md has the 100,000 run); the corpus of every mutant that ever
/// failed is replayed on every run whatever the count.
const DEFAULT_CASES: usize = 10_000;

/// A run in the middle of the breakout: paused once, extended, an alert given.
const RUN: &str = r#"{
  "format": "bunkakai.run/1",
  "session": "jichitai-09",
  "current": {
    "block": "exchange",
    "started": "2026-01-20T14:07:00+09:00",
    "pauses": [{"from": "2026-01-20T14:10:00+09:00", "to": "2026-01-20T14:11:00+09:00"}],
    "adjustments": [{"at": "2026-01-20T14:12:00+09:00", "seconds": 300}],
    "alerts": [{"minutes": 5, "at": "2026-01-20T14:50:00+09:00"}],
    "turns": []
  },
  "history": [{"block": "briefing", "started": "2026-01-20T14:00:10+09:00",
    "ended": "2026-01-20T14:06:40+09:00", "planned_minutes": 5, "actual_seconds": 390}],
  "moves": [{"member": "佐野市", "from": "A", "to": "B", "at": "2026-01-20T14:08:00+09:00"}],
  "saved": "2026-01-20T14:12:00+09:00"
}"#;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Plan,
    Run,
    Notes,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Plan => "plan",
            Kind::Run => "run",
            Kind::Notes => "notes",
        }
    }
}

/// xorshift64*: small, seeded, the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

struct Base {
    plan_bytes: Vec<u8>,
    plan: Plan,
    run: Vec<u8>,
    notes: Vec<u8>,
}

fn base() -> Base {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let plan_bytes =
        std::fs::read(root.join("tests/fixtures/archive/jichitai-09/session.json")).unwrap();
    let plan = read_plan(&plan_bytes, "jichitai-09").plan.unwrap();
    let notes =
        std::fs::read(root.join("tests/fixtures/archive/jichitai-09/notes/A.json")).unwrap();
    Base {
        plan_bytes,
        plan,
        run: RUN.as_bytes().to_vec(),
        notes,
    }
}

const NUMBERS: &[&str] = &[
    "9223372036854775807",
    "-9223372036854775808",
    "9000000000000",
    "-10000000000000000",
    "10000000000000000",
    "-1",
    "4294967296",
    "1e308",
    "0.5",
    "99999999999999999999999",
];
const STAMPS: &[&str] = &[
    "+262143-12-31T23:59:59Z",
    "0000-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59+14:00",
    "1900-01-01T00:00:00-12:00",
];
const FORMATS: &[&str] = &[
    "bunkakai.run/2",
    "bunkakai.notes/9",
    "bunkakai.session/7",
    "bunkakai.notes/+1",
    "bunkakai.run/0",
    "bunkakai.notes/01",
    "+1",
    "",
];

/// One mutation of `bytes` chosen by `rng`.
fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let len = bytes.len().max(1);
    match rng.below(14) {
        0 => bytes.truncate(rng.below(len)),
        1 => {
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(len).min(bytes.len().saturating_sub(1));
                if let Some(b) = bytes.get_mut(i) {
                    *b ^= 1 << rng.below(8);
                }
            }
        }
        2 => replace_token(rng, bytes, is_number_start, NUMBERS),
        3 => replace_token(
            rng,
            bytes,
            |b| b == b'"',
            &["[]", "{}", "null", "true", "7", "\"\""],
        ),
        4 => replace_token(
            rng,
            bytes,
            |b| b == b'"',
            STAMPS
                .iter()
                .map(|s| s.to_string())
                .map(|s| format!("\"{s}\""))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .as_slice(),
        ),
        5 => {
            let depth = 1 + rng.below(300);
            let nest = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            insert_value(rng, bytes, &nest);
        }
        6 => insert_member(rng, bytes, "\"format\": \"bunkakai.run/1\""),
        7 => insert_member(rng, bytes, "\"x_future\": {\"keep\": [1, 2]}"),
        8 => {
            let f = FORMATS[rng.below(FORMATS.len())];
            set_format(bytes, f);
        }
        9 => {
            let mut out = "\u{feff}".repeat(1 + rng.below(2)).into_bytes();
            out.append(bytes);
            *bytes = out;
        }
        10 => {
            let i = rng.below(len).min(bytes.len());
            bytes.insert(i, 0);
        }
        11 => {
            let i = rng.below(len).min(bytes.len());
            let bad: &[u8] = [&[0xFF][..], &[0xC3], &[0xE3, 0x81], &[0x82, 0xA0]][rng.below(4)];
            bytes.splice(i..i, bad.iter().copied());
        }
        12 => {
            let g = ["B", "../x", "", "A\u{0}", "ZZ"][rng.below(5)];
            let text = String::from_utf8_lossy(bytes)
                .replace("\"group\": \"A\"", &format!("\"group\": {g:?}"));
            *bytes = text.into_bytes();
        }
        _ => {
            let text = String::from_utf8_lossy(bytes)
                .replace("\"issue\"", "\"bogus\"")
                .replacen("\"exchange\"", "\"no-such-block\"", 1);
            *bytes = text.into_bytes();
        }
    }
}

fn is_number_start(b: u8) -> bool {
    b.is_ascii_digit() || b == b'-'
}

/// Replaces a random token starting with a byte `start` accepts (a number,
/// or a string) by one of `with`.
fn replace_token(rng: &mut Rng, bytes: &mut Vec<u8>, start: fn(u8) -> bool, with: &[&str]) {
    let starts: Vec<usize> = (0..bytes.len())
        .filter(|&i| start(bytes[i]) && (i == 0 || !start(bytes[i - 1]) || bytes[i] == b'"'))
        .filter(|&i| i > 0 && matches!(bytes[i - 1], b':' | b' ' | b'[' | b','))
        .collect();
    if starts.is_empty() {
        return;
    }
    let i = starts[rng.below(starts.len())];
    let end = if bytes[i] == b'"' {
        let mut j = i + 1;
        while j < bytes.len() && (bytes[j] != b'"' || bytes[j - 1] == b'\\') {
            j += 1;
        }
        (j + 1).min(bytes.len())
    } else {
        let mut j = i + 1;
        while j < bytes.len() && matches!(bytes[j], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
        {
            j += 1;
        }
        j
    };
    let new = with[rng.below(with.len())].as_bytes().to_vec();
    bytes.splice(i..end, new);
}

fn insert_value(rng: &mut Rng, bytes: &mut Vec<u8>, value: &str) {
    let spots: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] == b':').collect();
    if spots.is_empty() {
        return;
    }
    let i = spots[rng.below(spots.len())] + 1;
    bytes.splice(i..i, format!("{value}, \"x\":").into_bytes());
}

fn insert_member(rng: &mut Rng, bytes: &mut Vec<u8>, member: &str) {
    let spots: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] == b'{').collect();
    if spots.is_empty() {
        return;
    }
    let i = spots[rng.below(spots.len())] + 1;
    bytes.splice(i..i, format!("{member},").into_bytes());
}

fn set_format(bytes: &mut Vec<u8>, tag: &str) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    if let Some(start) = text.find("\"format\"") {
        let rest = &text[start..];
        if let Some(end) = rest.find(',') {
            *bytes = format!("{}\"format\": {tag:?}{}", &text[..start], &rest[end..]).into_bytes();
        }
    }
}

fn stamp(s: &str) -> Stamp {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

fn sitting_files(plan: &[u8], run: &[u8], notes: &[u8]) -> SittingFiles {
    let file = |p: &str, b: &[u8]| FileBytes {
        path: PathBuf::from(DIR).join(p),
        bytes: Ok(b.to_vec()),
        journal: Ok(None),
    };
    SittingFiles {
        folder: "jichitai-09".into(),
        dir: PathBuf::from(DIR),
        plan: file("session.json", plan),
        run: Some(file("run.json", run)),
        notes: vec![file("notes/A.json", notes)],
    }
}

/// Everything one mutant goes through. Panics on a broken promise.
fn lap(what: &str, t: &mut std::time::Instant) {
    if std::env::var_os("FUZZ_PROFILE").is_some() {
        eprintln!("{what}: {:?}", t.elapsed());
        *t = std::time::Instant::now();
    }
}

fn exercise(base: &Base, kind: Kind, mutant: &[u8], draw: bool, export_too: bool) {
    let t = &mut std::time::Instant::now();
    let (plan_b, run_b, notes_b) = match kind {
        Kind::Plan => (mutant, &base.run[..], &base.notes[..]),
        Kind::Run => (&base.plan_bytes[..], mutant, &base.notes[..]),
        Kind::Notes => (&base.plan_bytes[..], &base.run[..], mutant),
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
    let notes_read = notes_file::parse_for_reading(&notes_path, notes_b, None, Some("A"));
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
        Kind::Notes => notes_read.is_ok(),
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

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(80, 24)).unwrap()
}

fn facilitator(
    plan: &Plan,
    run: Option<RunState>,
    notes: Option<&GroupNotes>,
    now: Stamp,
    draw: bool,
) {
    use bunkakai::facilitator::{Action, Command, GroupDigest, State, update};
    let run = run.unwrap_or_else(|| RunState::new(plan));
    let mut s = State::new(plan.clone(), run, Lang::Ja);
    if let Some(n) = notes {
        update(
            &mut s,
            Action::NotesLoaded(vec![("A".into(), Ok(GroupDigest::of(n)))]),
            now,
        );
    }
    for c in [
        Command::StartPause,
        Command::Extend5,
        Command::Cut5,
        Command::NextTurn,
        Command::NextBlock,
        Command::PreviousBlock,
    ] {
        update(&mut s, Action::Command(c), now);
        update(&mut s, Action::Tick, now);
    }
    if draw {
        let view = FacilitatorView::new(&s, now);
        terminal()
            .draw(|f| f.render_widget(&view, f.area()))
            .unwrap();
    }
}

fn display(plan: &Plan, run: Option<RunState>, error: Option<String>, now: Stamp, draw: bool) {
    use bunkakai::display::{Action, RunRead, State, update};
    let mut s = State::new(plan.clone(), Lang::Ja);
    update(
        &mut s,
        Action::RunRead(RunRead::Read(Box::new(RunState::new(plan)))),
        now,
    );
    let read = match run {
        Some(r) => RunRead::Read(Box::new(r)),
        None => RunRead::Unreadable(error.unwrap_or_default()),
    };
    update(&mut s, Action::RunRead(read), now);
    // A good state stays on screen whatever came after it.
    assert!(s.run.is_some());
    if draw {
        let view = DisplayView::new(&s, now);
        terminal()
            .draw(|f| f.render_widget(&view, f.area()))
            .unwrap();
    }
}

fn note_taker(
    plan: &Plan,
    run: Option<RunState>,
    notes: Option<GroupNotes>,
    now: Stamp,
    draw: bool,
) {
    use bunkakai::notes::{Action, State, update};
    let Some(group) = plan.group("A").cloned() else {
        return;
    };
    let now = now.to_utc();
    let doc = GroupNotes::new(&plan.id, "A");
    let mut s = State::new(Lang::Ja, plan, &group, doc, "fz".into());
    update(&mut s, Action::RunChanged(run.map(Box::new)), now);
    if let Some(n) = notes {
        update(&mut s, Action::FileChanged(n), now);
    }
    for c in "ファズ".chars() {
        update(
            &mut s,
            Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            now,
        );
    }
    update(
        &mut s,
        Action::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
        now,
    );
    update(&mut s, Action::Tick, now);
    assert!(
        s.doc.notes.iter().any(|n| n.text == "ファズ"),
        "a committed note is held by the console"
    );
    if draw {
        terminal()
            .draw(|f| bunkakai::notes::view::draw(f, &s, now))
            .unwrap();
    }
}

fn failures_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("fuzz-failures")
}

#[test]
fn mutants_of_every_file_kind_never_take_a_reader_or_console_down() {
    let seed: u64 = std::env::var("BUNKAKAI_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_0012);
    let cases: usize = std::env::var("BUNKAKAI_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_CASES);
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
                let mut failed = Vec::new();
                for case in (part..cases).step_by(threads) {
                    let mut rng = Rng(seed ^ (case as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
                    let kind = [Kind::Plan, Kind::Run, Kind::Notes][rng.below(3)];
                    let mut bytes = match kind {
                        Kind::Plan => base.plan_bytes.clone(),
                        Kind::Run => base.run.clone(),
                        Kind::Notes => base.notes.clone(),
                    };
                    for _ in 0..1 + rng.below(3) {
                        mutate(&mut rng, &mut bytes);
                    }
                    // Drawing and exporting are the dearest parts: every 16th case
                    // draws all consoles, every 4th exports in the three formats.
                    let draw = case % 16 == 0;
                    if catch_unwind(AssertUnwindSafe(|| {
                        exercise(base, kind, &bytes, draw, draw)
                    }))
                    .is_err()
                    {
                        let dir = failures_dir();
                        let _ = std::fs::create_dir_all(&dir);
                        let file = dir.join(format!("{}-{seed}-{case}.json", kind.name()));
                        let _ = std::fs::write(&file, &bytes);
                        failed.push(file);
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
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let kind = match name.split('-').next() {
            Some("plan") => Kind::Plan,
            Some("run") => Kind::Run,
            Some("notes") => Kind::Notes,
            _ => continue,
        };
        let bytes = std::fs::read(&path).unwrap();
        exercise(&base, kind, &bytes, true, true);
        seen += 1;
    }
    assert!(seen >= 5, "the corpus is there ({seen} files)");
}
