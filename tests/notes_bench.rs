//! Measurements for BENCHMARKS.md, not tests: they print figures and are
//! ignored by default. Run them on the release build:
//!
//! ```sh
//! cargo test --release --test notes_bench -- --ignored --nocapture --test-threads 1
//! ```

mod common;

use std::time::{Duration, Instant};

use bunkakai::model::notes::{GroupNotes, Note, NoteKind};
use bunkakai::store::notes_file;
use common::{Console, sitting};

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn report(what: &str, mut samples: Vec<Duration>) {
    samples.sort();
    eprintln!(
        "{what}: n={} p50={:.2?} p90={:.2?} p99={:.2?} max={:.2?}",
        samples.len(),
        percentile(&samples, 0.5),
        percentile(&samples, 0.9),
        percentile(&samples, 0.99),
        samples.last().unwrap()
    );
}

fn note(n: usize) -> Note {
    let at = chrono::Utc::now().fixed_offset();
    Note {
        id: format!("bench-{n}"),
        created: at,
        updated: at,
        block: Some("exchange".into()),
        theme: Some("2".into()),
        question: Some("q1".into()),
        speaker: Some("気仙沼市".into()),
        kind: NoteKind::Issue,
        owner: None,
        text: "若手職員向けセミナーは商工会議所経由で周知。参加企業は12社、アンケート回収率8割。"
            .into(),
        deleted: false,
        edited: None,
        extra: Default::default(),
    }
}

/// The locked read-merge-write cycle of one note commit, as the console
/// runs it, timed while a group's file grows from 0 to `n` notes.
#[test]
#[ignore]
fn note_commit_latency() {
    for (start, n) in [(0, 300), (1000, 1100)] {
        let (_tmp, dir) = sitting();
        let path = notes_file::notes_path(&dir, "B");
        notes_file::prepare_dir(&path).unwrap();
        let mut doc = GroupNotes::new("jichitai-09", "B");
        doc.notes.extend((0..start).map(note));
        notes_file::commit(&path, &doc).unwrap();
        let mut samples = Vec::new();
        for i in start..n {
            doc.notes.push(note(i));
            let t = Instant::now();
            doc = notes_file::commit(&path, &doc).unwrap();
            samples.push(t.elapsed());
        }
        report(&format!("note commit, file of {start}..{n} notes"), samples);
    }
}

/// Time from a key written to the pseudo-terminal to the character being
/// on the screen (as parsed by vt100), 200 Japanese characters typed in
/// notes of 20, each note committed.
#[test]
#[ignore]
fn keystroke_to_echo_latency() {
    let (tmp, _dir) = sitting();
    let mut c = Console::start(tmp.path(), 100, 30, "ja");
    c.wait_for("名簿", 10);
    let chars: Vec<char> = "気仙沼市の課題は経営者層の参加が少ないことです"
        .chars()
        .collect();
    let mut samples = Vec::new();
    for round in 0..10 {
        let mut typed = String::from("│");
        for ch in chars.iter().take(20) {
            typed.push(*ch);
            let t = Instant::now();
            c.send(&ch.to_string());
            let deadline = t + Duration::from_secs(5);
            while !c.contents().contains(&typed) {
                assert!(Instant::now() < deadline, "no echo of {typed}");
                std::thread::sleep(Duration::from_micros(50));
            }
            samples.push(t.elapsed());
        }
        c.send("\r");
        c.wait_for(&format!("保存済 ({})", round + 1), 10);
    }
    c.signal(libc::SIGTERM);
    assert!(c.wait_exit(5));
    report("keystroke to echo (pty)", samples);
}
