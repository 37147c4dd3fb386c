//! The facilitator console in a real pseudo-terminal rings when a
//! reporting group's turn runs out: a bell and a desktop notice (OSC 9 and
//! OSC 777) reach the terminal, and the ring is recorded in run.json so a
//! restarted console does not ring it again.

mod common;

use std::path::Path;
use std::time::Duration;

use bunkakai::model::run::RunState;
use common::{Console, sitting};

/// The bundled sitting with its report-back round (3 minutes a group)
/// started at `started`.
fn reporting(started: chrono::DateTime<chrono::FixedOffset>) -> tempfile::TempDir {
    let (tmp, dir) = sitting();
    let run = format!(
        r#"{{"format":"bunkakai.run/1","session":"jichitai-09",
        "current":{{"block":"report","started":"{}"}},"history":[]}}"#,
        started.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    );
    std::fs::write(dir.join("run.json"), run).unwrap();
    tmp
}

/// The facilitator console on `sessions`, every byte it writes kept.
fn console(sessions: &Path) -> Console {
    Console::spawn_recorded(&["run", "jichitai-09"], sessions, 80, 24, "en")
}

#[test]
fn a_turn_running_out_rings_the_bell_and_sends_a_desktop_notice() {
    let now = chrono::Utc::now().with_timezone(&chrono_tz::Asia::Tokyo);
    // Group A's turn runs out in 3 s.
    let dir = reporting(now.fixed_offset() - chrono::Duration::seconds(177));
    let sessions = dir.path();
    let mut c = console(sessions);
    let notice = "\x07\x1b]9;Time is up for group A's report\x07".as_bytes();
    c.wait_until(20, |c| c.wrote(notice));
    assert!(
        c.wrote(notice),
        "a bell, then OSC 9: {:?}",
        String::from_utf8_lossy(&c.output())
    );
    assert!(c.wrote("\x1b]777;notify;".as_bytes()));
    c.send("q");
    assert!(c.wait_exit(20));
    let text = std::fs::read_to_string(sessions.join("jichitai-09/run.json")).unwrap();
    let run: RunState = serde_json::from_str(&text).unwrap();
    // Stamps in whole seconds, as documented (F23).
    let saved = run.saved.unwrap();
    assert_eq!(chrono::Timelike::nanosecond(&saved), 0, "{text}");
    let turn = &run.current.unwrap().turns[0];
    assert_eq!((turn.group.as_str(), turn.alerts.len()), ("A", 1));

    // Opened again: the ring is not repeated.
    let mut again = console(sessions);
    again.wait_until(20, |c| c.wrote(b"over"));
    std::thread::sleep(Duration::from_secs(2));
    assert!(
        again.wrote(b"over"),
        "{:?}",
        String::from_utf8_lossy(&again.output())
    );
    assert!(!again.wrote("\x1b]9;".as_bytes()), "rang again");
    again.send("q");
    assert!(again.wait_exit(20));
}
