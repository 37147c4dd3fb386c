//! The facilitator console in a real pseudo-terminal rings when a
//! reporting group's turn runs out: a bell and a desktop notice (OSC 9 and
//! OSC 777) reach the terminal, and the ring is recorded in run.json so a
//! restarted console does not ring it again.

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use bunkakai::model::run::RunState;
use expectrl::Session;
use expectrl::process::unix::{PtyStream, UnixProcess};

type Pty = Session<UnixProcess, PtyStream>;

fn sitting(started: chrono::DateTime<chrono::FixedOffset>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("jichitai-09");
    std::fs::create_dir(&s).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("sessions/jichitai-09/session.json"),
        s.join("session.json"),
    )
    .unwrap();
    // The report-back round (3 minutes a group) started 177 s ago: group
    // A's turn runs out in 3 s.
    let run = format!(
        r#"{{"format":"bunkakai.run/1","session":"jichitai-09",
        "current":{{"block":"report","started":"{}"}},"history":[]}}"#,
        started.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    );
    std::fs::write(s.join("run.json"), run).unwrap();
    dir
}

fn console(sessions: &Path) -> Pty {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bunkakai"));
    c.args(["--lang", "en", "--sessions"])
        .arg(sessions)
        .args(["run", "jichitai-09"])
        .env("TERM", "xterm-256color")
        .env("BUNKAKAI_LOG_DIR", sessions.join("logs"));
    Session::spawn(c).unwrap()
}

/// Everything the console writes until `done` holds of it (or `secs` pass).
fn read_until(session: &mut Pty, secs: u64, done: impl Fn(&[u8]) -> bool) -> Vec<u8> {
    let deadline = Instant::now() + Duration::from_secs(secs);
    let mut out = Vec::new();
    let mut buf = [0u8; 8192];
    while Instant::now() < deadline && !done(&out) {
        match session.try_read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_turn_running_out_rings_the_bell_and_sends_a_desktop_notice() {
    let now = chrono::Utc::now().with_timezone(&chrono_tz::Asia::Tokyo);
    let dir = sitting(now.fixed_offset() - chrono::Duration::seconds(177));
    let sessions = dir.path();
    let mut c = console(sessions);
    let notice = "\x07\x1b]9;Time is up for group A's report\x07".as_bytes();
    let out = read_until(&mut c, 20, |o| contains(o, notice));
    assert!(
        contains(&out, notice),
        "a bell, then OSC 9: {:?}",
        String::from_utf8_lossy(&out)
    );
    assert!(contains(&out, "\x1b]777;notify;".as_bytes()));
    c.write_all(b"q").unwrap();
    c.flush().unwrap();
    c.get_process().wait().unwrap();
    let text = std::fs::read_to_string(sessions.join("jichitai-09/run.json")).unwrap();
    let run: RunState = serde_json::from_str(&text).unwrap();
    // Stamps in whole seconds, as documented (F23).
    let saved = run.saved.unwrap();
    assert_eq!(chrono::Timelike::nanosecond(&saved), 0, "{text}");
    let turn = &run.current.unwrap().turns[0];
    assert_eq!((turn.group.as_str(), turn.alerts.len()), ("A", 1));

    // Opened again: the ring is not repeated.
    let mut again = console(sessions);
    let mut out = read_until(&mut again, 20, |o| contains(o, b"over"));
    out.extend(read_until(&mut again, 2, |_| false));
    assert!(
        contains(&out, b"over"),
        "{:?}",
        String::from_utf8_lossy(&out)
    );
    assert!(!contains(&out, "\x1b]9;".as_bytes()), "rang again");
    again.write_all(b"q").unwrap();
    again.flush().unwrap();
    again.get_process().wait().unwrap();
}
