//! The facilitator console in a real pseudo-terminal: start the bundled
//! sitting, start the block, watch it count, kill -9, start again and find
//! the clock where it should be; run.json parses throughout. A second
//! console on the same sitting is refused while the first lives.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use bunkakai::model::run::RunState;
use expectrl::Session;
use expectrl::process::unix::{PtyStream, Signal, UnixProcess, WaitStatus};

type Pty = Session<UnixProcess, PtyStream>;

const WAIT: Duration = Duration::from_secs(20);

fn sitting() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("jichitai-09");
    std::fs::create_dir(&s).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("sessions/jichitai-09/session.json"),
        s.join("session.json"),
    )
    .unwrap();
    dir
}

fn command(sessions: &Path, extra: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bunkakai"));
    c.args(["--lang", "en", "--sessions"])
        .arg(sessions)
        .args(["run", "jichitai-09"])
        .args(extra)
        .env("TERM", "xterm-256color")
        .env("BUNKAKAI_LOG_DIR", sessions.join("logs"));
    c
}

fn screen() -> vt100::Parser {
    let n = |v| std::num::NonZeroU16::new(v).unwrap();
    vt100::Parser::new(n(24), n(80), 0)
}

/// A console in a pty, with the screen it draws.
struct Console {
    session: Pty,
    screen: vt100::Parser,
}

impl Console {
    fn start(sessions: &Path) -> Console {
        let session = Session::spawn(command(sessions, &[])).unwrap();
        Console {
            session,
            screen: screen(),
        }
    }

    fn pump(&mut self) {
        let mut buf = [0u8; 8192];
        while let Ok(n) = self.session.try_read(&mut buf) {
            if n == 0 {
                break;
            }
            self.screen.process(&buf[..n]);
        }
    }

    fn text(&self) -> String {
        self.screen.screen().contents()
    }

    /// Waits until the screen satisfies `f`; returns what `f` found.
    fn wait_for<T>(&mut self, what: &str, f: impl Fn(&str) -> Option<T>) -> T {
        let deadline = Instant::now() + WAIT;
        loop {
            self.pump();
            if let Some(t) = f(&self.text()) {
                return t;
            }
            assert!(
                Instant::now() < deadline,
                "no {what} on screen:\n{}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, s: &str) {
        self.session.write_all(s.as_bytes()).unwrap();
        self.session.flush().unwrap();
    }
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
    let dir = sitting();
    let sessions = dir.path();
    let mut c = Console::start(sessions);
    c.wait_for("the waiting block", |s| {
        s.contains("Ready (Space to start)").then_some(())
    });
    c.send(" ");
    let first = c.wait_for("the running clock", |s| {
        s.contains("Running").then_some(())?;
        elapsed(s).filter(|&e| e >= 2)
    });
    // The countdown goes on while nothing is pressed.
    c.wait_for("the clock moving on", |s| elapsed(s).filter(|&e| e > first));

    // A second console on the same sitting is refused while this one lives.
    let out = command(sessions, &[]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("another console is running"));

    c.session.get_process_mut().kill(Signal::SIGKILL).unwrap();
    let status = c.session.get_process().wait().unwrap();
    assert!(
        matches!(status, WaitStatus::Signaled(_, Signal::SIGKILL, _)),
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
    let mut again = Console::start(sessions);
    let shown = again.wait_for("the resumed clock", |s| {
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
    let status = again.session.get_process().wait().unwrap();
    assert!(matches!(status, WaitStatus::Exited(_, 0)), "{status:?}");
    assert_eq!(read_run(sessions).current.unwrap().started, Some(started));
}

#[test]
fn read_only_follows_without_writing() {
    let dir = sitting();
    let sessions = dir.path();
    let mut writer = Console::start(sessions);
    writer.wait_for("the waiting block", |s| s.contains("Ready").then_some(()));
    let mut follower = Console {
        session: Session::spawn(command(sessions, &["--read-only"])).unwrap(),
        screen: screen(),
    };
    follower.wait_for("the read-only tag", |s| {
        s.contains("READ-ONLY").then_some(())
    });
    let run_file = sessions.join("jichitai-09/run.json");
    let bytes = || std::fs::read(&run_file).ok();
    let before = bytes();
    follower.send(" ");
    follower.wait_for("the refusal", |s| {
        s.contains("Opened read-only").then_some(())
    });
    writer.send(" ");
    follower.wait_for("the writer's start", |s| {
        s.contains("Running").then_some(())
    });
    let started = bytes();
    assert_ne!(started, before, "the writer saved its start");
    // Keys that would change the run, then quit: once the follower's process
    // is over, anything it would have written is on disk.
    follower.send("+n -p q");
    follower.session.get_process().wait().unwrap();
    assert_eq!(bytes(), started, "run.json is byte for byte the writer's");
    writer.send("q");
    writer.session.get_process().wait().unwrap();
    assert!(read_run(sessions).current.unwrap().started.is_some());
}
