//! The notes file under abuse: a writer killed with SIGKILL at random points
//! while it saves (and a deliberately naive writer that the same harness
//! must catch), and several writers saving into one group at once.
//!
//! Sizes: the default run is the minimum (200 kill points; 4
//! writers × 2,500 notes). Longer runs: `NOTES_CRASH_POINTS=1000` and
//! `NOTES_WRITERS_NOTES=10000`, best with `cargo test --release --test
//! notes_store -- --nocapture` (see BENCHMARKS.md). Each crash loop prints
//! its seed; `NOTES_CRASH_SEED=0x…` replays the same kill points.

mod common;

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

// Random kill points, with the seed printed so a failing run can be repeated.
use common::rng::Rng;
use common::{BIN, sitting};

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn writer(dir: &Path, prefix: &str, from: u64, count: u64, batch: u64, naive: bool) -> Child {
    let mut cmd = Command::new(BIN);
    cmd.arg("notes-writer")
        .arg(dir)
        .args(["--group", "B", "--prefix", prefix])
        .args(["--from", &from.to_string(), "--count", &count.to_string()])
        .args(["--batch", &batch.to_string()])
        .env("BUNKAKAI_LOG_DIR", dir)
        .stdout(Stdio::piped())
        // What a writer says when it fails is kept beside the sitting.
        .stderr(
            std::fs::File::create(dir.join(format!("{prefix}.stderr")))
                .map_or_else(|_| Stdio::null(), Stdio::from),
        );
    if naive {
        cmd.arg("--naive");
    }
    cmd.spawn().unwrap()
}

/// What a crash loop found.
#[derive(Debug, Default)]
struct Outcome {
    kills: usize,
    committed: usize,
    lost: usize,
    unparseable: usize,
    temp_files: usize,
}

/// The ids in the notes file, or `None` when it cannot be parsed.
/// The notes on disk as every reader sees them: the file with its journal
/// (the careless writer has none); `None` when the file is missing or
/// cannot be read.
fn ids_on_disk(path: &Path) -> Option<Vec<String>> {
    if !path.exists() {
        return None;
    }
    let doc = bunkakai::store::notes_file::load(path, "writer", "B").ok()?;
    Some(doc.notes.into_iter().map(|n| n.id).collect())
}

fn temp_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().contains(".tmp."))
                .count()
        })
        .unwrap_or(0)
}

/// The seed to replay from `NOTES_CRASH_SEED` (`0x…` or decimal), as
/// printed by a failing run.
fn replay_seed() -> Option<u64> {
    let v = std::env::var("NOTES_CRASH_SEED").ok()?;
    let v = v.trim();
    let parsed = match v.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => v.parse(),
    };
    Some(parsed.unwrap_or_else(|e| panic!("NOTES_CRASH_SEED={v}: {e}")))
}

/// Starts a writer, waits until it has committed at least one note (so the
/// kill lands in its save loop), lets it run a random 0–15 ms more, kills
/// it with SIGKILL and checks the file; `points` times. Stops early once
/// something is lost or unparseable when `stop_on_failure`.
fn crash_loop(points: usize, naive: bool, stop_on_failure: bool) -> Outcome {
    let (_tmp, dir) = sitting();
    let path = dir.join("notes/B.json");
    let seed = replay_seed().unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64
            ^ 0x9E37_79B9_7F4A_7C15
    });
    eprintln!("crash loop seed {seed:#x} naive={naive} (replay: NOTES_CRASH_SEED={seed:#x})");
    let mut rng = Rng(seed | 1);
    let mut committed: HashSet<String> = HashSet::new();
    let mut next = 0u64;
    let mut out = Outcome::default();
    while out.kills < points {
        let mut child = writer(&dir, "w", next, next + 1_000_000, 1, naive);
        let (tx, rx) = mpsc::channel::<String>();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let first = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("a first commit");
        std::thread::sleep(Duration::from_micros(rng.below(15_000)));
        // SIGKILL: the writer gets no chance to finish anything.
        let _ = child.kill();
        child.wait().unwrap();
        reader.join().unwrap();
        out.kills += 1;
        for id in std::iter::once(first).chain(rx.try_iter()) {
            let n: u64 = id.rsplit('-').next().unwrap().parse().unwrap();
            next = next.max(n + 1);
            committed.insert(id);
        }
        match ids_on_disk(&path) {
            None => out.unparseable += 1,
            Some(ids) => {
                let ids: HashSet<String> = ids.into_iter().collect();
                out.lost = committed.iter().filter(|c| !ids.contains(*c)).count();
            }
        }
        if stop_on_failure && (out.lost > 0 || out.unparseable > 0) {
            break;
        }
    }
    // A console opened after the crashes sweeps what the dead writers left.
    let status = writer(&dir, "w", next, next, 1, naive).wait().unwrap();
    assert!(status.success() || naive);
    out.committed = committed.len();
    out.temp_files = temp_files(&dir.join("notes"));
    out
}

#[test]
fn crash_loop_loses_no_committed_note_and_leaves_no_damage() {
    let points = env_or("NOTES_CRASH_POINTS", 200);
    let started = Instant::now();
    let out = crash_loop(points, false, false);
    eprintln!("crash loop: {out:?} in {:.1?}", started.elapsed());
    assert_eq!(out.kills, points);
    assert!(out.committed >= points, "every run committed something");
    assert_eq!(out.lost, 0, "{out:?}");
    assert_eq!(out.unparseable, 0, "{out:?}");
    assert_eq!(out.temp_files, 0, "{out:?}");
}

#[test]
fn the_same_harness_catches_a_naive_writer() {
    let points = env_or("NOTES_CRASH_POINTS", 200);
    let out = crash_loop(points, true, true);
    eprintln!("naive writer: {out:?}");
    assert!(
        out.lost > 0 || out.unparseable > 0,
        "the harness must be able to fail: {out:?}"
    );
}

#[test]
fn four_writers_into_one_group_keep_every_note_once() {
    let per_writer = env_or("NOTES_WRITERS_NOTES", 2_500) as u64;
    let batch = env_or("NOTES_WRITERS_BATCH", 100) as u64;
    let (_tmp, dir) = sitting();
    let started = Instant::now();
    let children: Vec<Child> = (0..4)
        .map(|w| writer(&dir, &format!("p{w}"), 0, per_writer, batch, false))
        .collect();
    let mut acknowledged = 0;
    for (w, mut c) in children.into_iter().enumerate() {
        let stdout = c.stdout.take().unwrap();
        acknowledged += BufReader::new(stdout).lines().count();
        let status = c.wait().unwrap();
        let said = std::fs::read_to_string(dir.join(format!("p{w}.stderr"))).unwrap_or_default();
        assert!(status.success(), "writer p{w}: {status}: {said}");
    }
    let ids = ids_on_disk(&dir.join("notes/B.json")).unwrap();
    let unique: HashSet<&String> = ids.iter().collect();
    eprintln!(
        "4 writers x {per_writer} (batch {batch}): {} notes in {:.1?}",
        ids.len(),
        started.elapsed()
    );
    assert_eq!(acknowledged as u64, 4 * per_writer);
    assert_eq!(ids.len() as u64, 4 * per_writer);
    assert_eq!(unique.len(), ids.len(), "no duplicates");
    assert_eq!(temp_files(&dir.join("notes")), 0);
}
