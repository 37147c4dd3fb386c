//! The facilitator console in a real pseudo-terminal: start the bundled
//! sitting, start the block, watch it count, kill -9, start again and find
//! the clock where it should be; run.json parses throughout. A second
//! console on the same sitting is refused while the first lives.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use bunkakai::model::run::RunState;
use common::{Console, sitting};
use expectrl::process::unix::{Signal, WaitStatus};

const WAIT: u64 = 20;

/// The facilitator console (`run`, with `extra` arguments) on `sessions`,
/// in English at 80×24.
fn console(sessions: &Path, extra: &[&str]) -> Console {
    let args = [&["run", "jichitai-09"], extra].concat();
    Console::spawn(&args, sessions, 80, 24, "en", &[])
}

/// The seconds shown after "Elapsed " on the screen.
fn elapsed(screen: &str) -> Option<i64> {
    let rest = screen.split("Elapsed ").nth(1)?;
    let (m, s) = rest.get(..5)?.split_once(':')?;
    Some(m.parse::<i64>().ok()? * 60 + s.parse::<i64>().ok()?)
}

fn run_file(sessions: &Path) -> PathBuf {
    sessions.join("jichitai-09/run.json")
}

fn read_run(sessions: &Path) -> RunState {
    let text = std::fs::read_to_string(run_file(sessions)).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_clock_survives_kill_9_to_the_second() {
    let (dir, _) = sitting();
    let sessions = dir.path();
    let mut c = console(sessions, &[]);
    c.wait_for("Ready (Space to start)", WAIT);
    c.send(" ");
    let first = c.wait_to_read("the running clock", WAIT, |s| {
        s.contains("Running").then_some(())?;
        elapsed(s).filter(|&e| e >= 2)
    });
    // The countdown goes on while nothing is pressed.
    c.wait_to_read("the clock moving on", WAIT, |s| {
        elapsed(s).filter(|&e| e > first)
    });

    // A second console on the same sitting is refused while this one lives.
    let out = common::cli::run(sessions, &["run", "jichitai-09"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("another console is running"));

    c.signal(libc::SIGKILL);
    let status = c.wait_status(WAIT);
    assert!(
        matches!(status, Some(WaitStatus::Signaled(_, Signal::SIGKILL, _))),
        "{status:?}"
    );
    let run = read_run(sessions);
    let started = run
        .current
        .as_ref()
        .unwrap()
        .started
        .expect("the start was saved");
    assert_eq!(run.current.as_ref().unwrap().block, "briefing");

    std::thread::sleep(Duration::from_millis(1500));
    let mut again = console(sessions, &[]);
    let shown = again.wait_to_read("the resumed clock", WAIT, |s| {
        s.contains("Running").then_some(())?;
        elapsed(s)
    });
    let expected = (chrono::Utc::now().fixed_offset() - started).num_seconds();
    assert!(
        (shown - expected).abs() <= 1,
        "shown {shown} s elapsed, run.json says {expected} s"
    );
    assert!(shown > first);
    again.send("q");
    assert_eq!(again.wait_code(WAIT), Some(0));
    assert_eq!(read_run(sessions).current.unwrap().started, Some(started));
}

#[test]
fn read_only_follows_without_writing() {
    let (dir, _) = sitting();
    let sessions = dir.path();
    let mut writer = console(sessions, &[]);
    writer.wait_for("Ready", WAIT);
    let mut follower = console(sessions, &["--read-only"]);
    follower.wait_for("READ-ONLY", WAIT);
    let run_file = sessions.join("jichitai-09/run.json");
    let bytes = || std::fs::read(&run_file).ok();
    let before = bytes();
    follower.send(" ");
    follower.wait_for("Opened read-only", WAIT);
    writer.send(" ");
    follower.wait_for("Running", WAIT);
    let started = bytes();
    assert_ne!(started, before, "the writer saved its start");
    // Keys that would change the run, then quit: once the follower's process
    // is over, anything it would have written is on disk.
    follower.send("+n -p q");
    assert!(follower.wait_exit(WAIT));
    assert_eq!(bytes(), started, "run.json is byte for byte the writer's");
    writer.send("q");
    assert!(writer.wait_exit(WAIT));
    assert!(read_run(sessions).current.unwrap().started.is_some());
}

#[test]
fn a_resized_window_is_drawn_again_at_its_new_size() {
    let (tmp, _dir) = sitting();
    let mut c = console(tmp.path(), &[]);
    assert!(
        c.wait_until(WAIT, |c| c.row(23).contains("quit")),
        "{}",
        c.contents()
    );
    c.resize(100, 30);
    assert!(
        c.wait_until(WAIT, |c| c.row(29).contains("quit")),
        "the status line is not on the last row at 100x30:\n{}",
        c.contents()
    );
    c.resize(80, 24);
    assert!(
        c.wait_until(WAIT, |c| c.row(23).contains("quit")),
        "the status line is not on the last row at 80x24:\n{}",
        c.contents()
    );
    c.send("q");
}
