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
    let text = "若手職員向けセミナーは商工会議所経由で周知。参加企業は12社、アンケート回収率8割。";
    common::notes::answer(format!("bench-{n}"), at, "気仙沼市", NoteKind::Issue, text)
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

fn group_of(n: usize) -> GroupNotes {
    let mut doc = GroupNotes::new("jichitai-09", "B");
    let start = chrono::DateTime::parse_from_rfc3339("2026-01-20T14:00:00+09:00").unwrap();
    doc.notes.extend((0..n).map(|i| {
        let mut x = note(i);
        x.created = start + chrono::Duration::milliseconds(i as i64);
        x.updated = x.created;
        x
    }));
    doc
}

/// F7/F13: the cost of one note commit with 1k, 10k and 100k notes in the
/// group: the whole-file rewrite (`commit`, now used on quit and by the
/// facilitator) against the journal line the console adds (`append`), and
/// the fold of 200 journal lines into the file.
#[test]
#[ignore]
fn commit_cost_by_group_size() {
    for n in [1_000, 10_000, 100_000] {
        let (_tmp, dir) = sitting();
        let path = notes_file::notes_path(&dir, "B");
        notes_file::prepare_dir(&path).unwrap();
        let mut doc = group_of(n);
        notes_file::commit(&path, &doc).unwrap();
        let rounds = if n >= 100_000 { 3 } else { 10 };
        let mut whole = Vec::new();
        for i in 0..rounds {
            doc.notes.push(note(n + i));
            let t = Instant::now();
            doc = notes_file::commit(&path, &doc).unwrap();
            whole.push(t.elapsed());
        }
        report(&format!("whole-file commit, {n} notes"), whole);
        // The console's commit: the first one reads the file once.
        notes_file::load(&path, "jichitai-09", "B").unwrap();
        let mut appended = Vec::new();
        for i in 0..200 {
            let mut change = GroupNotes::new("jichitai-09", "B");
            change.notes.push(note(n + 1000 + i));
            let t = Instant::now();
            notes_file::append(&path, &change).unwrap();
            appended.push(t.elapsed());
        }
        report(
            &format!("journal commit (append + fsync), {n} notes"),
            appended,
        );
        let t = Instant::now();
        notes_file::fold(&path, "jichitai-09", "B").unwrap();
        eprintln!("fold of 200 lines into {n} notes: {:.2?}", t.elapsed());
    }
}

/// F13: one keystroke in the editor with 100,000 notes in the group, as
/// the console runs it: `update` (the key, housekeeping) and `view` (the
/// whole screen at 100×30 into a TestBackend), timed together; and a tick
/// (what an idle console does each second).
#[test]
#[ignore]
fn keystroke_with_100k_notes() {
    use bunkakai::i18n::Lang;
    use bunkakai::notes::{Action, State, update};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::{Terminal, backend::TestBackend};
    let plan = common::plan();
    let group = plan.group("B").unwrap().clone();
    let mut state = State::new(Lang::Ja, &plan, &group, group_of(100_000), "b".into());
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let now = chrono::Utc::now();
    let mut keys = Vec::new();
    for (i, c) in "気仙沼市の課題は人手不足。"
        .chars()
        .cycle()
        .take(300)
        .enumerate()
    {
        let at = now + chrono::Duration::milliseconds(i as i64 * 50);
        let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let t = Instant::now();
        let _ = update(&mut state, Action::Key(key), at);
        term.draw(|f| bunkakai::notes::view::draw(f, &state, at))
            .unwrap();
        keys.push(t.elapsed());
    }
    report("keystroke (update + view), 100k notes", keys);
    let mut ticks = Vec::new();
    for i in 0..50 {
        let at = now + chrono::Duration::seconds(60 + i);
        let t = Instant::now();
        let _ = update(&mut state, Action::Tick, at);
        term.draw(|f| bunkakai::notes::view::draw(f, &state, at))
            .unwrap();
        ticks.push(t.elapsed());
    }
    report("tick (update + view), 100k notes", ticks);
}
