//! A console killed outright (kill -9) mid-turn, in a real pseudo-terminal:
//! at the next start the speaker picked before comes back with the draft,
//! and the turn the dead console left open is ended instead of counting on.

mod common;

use common::{Console, sitting};

/// F6: the next speaker in the speaking order starts.
const F6: &str = "\x1b[17~";

/// Group B's turns as every reader sees them: the file with its journal.
fn turns(dir: &std::path::Path) -> Vec<serde_json::Value> {
    let path = dir.join("notes/B.json");
    let file = bunkakai::store::notes_file::load(&path, "jichitai-09", "B")
        .ok()
        .and_then(|d| serde_json::to_value(d).ok())
        .unwrap_or_default();
    file["speaking"]["turns"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn after_kill_9_mid_turn_the_speaker_comes_back_and_the_turn_is_ended() {
    let (tmp, dir) = sitting();
    let mut c = Console::start(tmp.path(), 100, 30, "ja");
    c.wait_for("名簿", 10);
    c.send(F6);
    c.wait_for("発言:函館市", 5);
    let draft = dir.join("notes/B.json.draft");
    assert!(
        c.wait_until(5, |_| std::fs::read_to_string(&draft)
            .is_ok_and(|d| d.contains("函館市"))),
        "the speaker is in the draft"
    );
    assert!(
        c.wait_until(5, |_| turns(&dir).len() == 1),
        "the turn is on disk"
    );
    c.signal(libc::SIGKILL);
    assert!(c.wait_exit(5));
    assert!(turns(&dir)[0].get("end").is_none(), "left open by the kill");

    // Some time later the console starts again.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let c = Console::start(tmp.path(), 100, 30, "ja");
    c.wait_for("発言:函館市", 10);
    c.wait_for("で終えました", 5);
    assert!(
        c.wait_until(5, |_| turns(&dir)[0].get("end").is_some()),
        "the turn is ended on disk: {:?}",
        turns(&dir)
    );
    let t = &turns(&dir)[0];
    let start: chrono::DateTime<chrono::FixedOffset> =
        t["start"].as_str().unwrap().parse().unwrap();
    let end: chrono::DateTime<chrono::FixedOffset> = t["end"].as_str().unwrap().parse().unwrap();
    // Ended when the dead console was last known alive (its draft, saved
    // within a second of the F6), not at the restart 1.5 s later.
    assert!(end >= start, "{t}");
    assert!(end - start < chrono::Duration::milliseconds(1400), "{t}");
    c.signal(libc::SIGTERM);
    assert!(c.wait_exit(5));
}

/// Two note-takers on group B: the partner starts 函館市's turn and is
/// killed outright; the console that goes on ends that turn within a few
/// seconds, at a moment before the kill (the last time it saw the partner
/// running), says so, and writes the end into the file. Before, the turn
/// counted on until someone pressed F7.
#[test]
fn a_turn_of_a_killed_partner_console_is_ended_by_the_one_that_goes_on() {
    let (tmp, dir) = sitting();
    let stays = Console::start(tmp.path(), 80, 24, "ja");
    stays.wait_for("名簿", 10);
    let mut partner = Console::start(tmp.path(), 80, 24, "ja");
    partner.wait_for("名簿", 10);
    partner.send(F6);
    partner.wait_for("発言:函館市", 5);
    assert!(
        stays.wait_until(5, |_| turns(&dir).len() == 1),
        "the turn is on disk"
    );
    // The console that stays sees the turn and leaves it alone while the
    // partner runs.
    std::thread::sleep(std::time::Duration::from_millis(4500));
    assert!(turns(&dir)[0].get("end").is_none(), "{:?}", turns(&dir));
    let alive = chrono::Utc::now();
    partner.signal(libc::SIGKILL);
    assert!(partner.wait_exit(5));
    let killed = chrono::Utc::now();
    stays.wait_for("別の端末が停止", 5);
    assert!(
        stays.wait_until(5, |_| turns(&dir)[0].get("end").is_some()),
        "the end is written: {:?}",
        turns(&dir)
    );
    let t = &turns(&dir)[0];
    let start: chrono::DateTime<chrono::FixedOffset> =
        t["start"].as_str().unwrap().parse().unwrap();
    let end: chrono::DateTime<chrono::FixedOffset> = t["end"].as_str().unwrap().parse().unwrap();
    // The partner is looked for every two seconds: the end is the last
    // look that found it running, a little before the kill.
    assert!(end > start, "{t}");
    assert!(
        end >= alive - chrono::Duration::milliseconds(2500),
        "counted while alive (seen at {alive}): {t}"
    );
    assert!(end <= killed, "not credited past the kill: {t}");
    stays.signal(libc::SIGTERM);
    assert!(stays.wait_exit(5));
}
