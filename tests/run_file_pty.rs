//! A running display and note-taker's console when run.json is swapped for
//! one with an absurd extension (valid JSON), then deleted, then put back:
//! both keep running and keep the last good clock, say what is wrong, and
//! recover when a good file returns.

mod common;

use std::path::Path;

use common::{Console, sitting};

const WAIT: u64 = 20;

fn run_json(seconds: i64) -> String {
    let now = chrono::Utc::now()
        .with_timezone(&chrono::FixedOffset::east_opt(9 * 3600).unwrap())
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string();
    format!(
        r#"{{"format":"bunkakai.run/1","session":"jichitai-09",
"current":{{"block":"briefing","started":"{now}","pauses":[],
"adjustments":[{{"at":"{now}","seconds":{seconds}}}],"alerts":[],"turns":[]}},
"history":[],"moves":[]}}"#
    )
}

/// Replaces run.json the way the facilitator does: a new file renamed over.
fn swap(dir: &Path, text: &str) {
    let tmp = dir.join(".run.json.swap");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, dir.join("run.json")).unwrap();
}

#[test]
fn display_and_notes_survive_a_run_json_with_a_huge_extension_and_recover() {
    let (tmp, dir) = sitting();
    swap(&dir, &run_json(60));
    let sessions = tmp.path();
    let display = Console::spawn(&["display", "jichitai-09"], sessions, 100, 30, "ja", &[]);
    let notes = Console::spawn(
        &["notes", "jichitai-09", "--group", "A"],
        sessions,
        100,
        30,
        "ja",
        &[],
    );
    display.wait_for("/ 6分", WAIT);
    notes.wait_for("名簿", WAIT);

    swap(&dir, &run_json(10_000_000_000_000_000));
    // What is wrong, with its place in the file, on both screens.
    display.wait_for("run.json:3:", WAIT);
    display.wait_for("current.adjustments[0].seconds", WAIT);
    notes.wait_for("current.adjustments[0].seconds", WAIT);
    // The last good clock stays: a 5-minute block extended by a minute.
    assert!(
        display.contents().contains("/ 6分"),
        "{}",
        display.contents()
    );
    assert!(
        display.contents().contains("current.adjustments[0]")
            || display.contents().contains("run.json:")
    );

    // Deleted: still the last good clock, with a warning.
    std::fs::remove_file(dir.join("run.json")).unwrap();
    display.wait_for("削除されました", WAIT);
    assert!(display.contents().contains("/ 6分"));

    // A good file returns: the warning goes, the new clock shows.
    swap(&dir, &run_json(120));
    assert!(
        display.wait_until(WAIT, |c| {
            let s = c.contents();
            !s.contains("run.json:") && s.contains("/ 7分")
        }),
        "{}",
        display.contents()
    );
    assert!(
        notes.wait_until(WAIT, |c| !c.contents().contains("current.adjustments")),
        "{}",
        notes.contents()
    );
    assert!(
        !display.wait_exit(0) && !notes.wait_exit(0),
        "both still run"
    );
}

#[test]
fn the_facilitator_never_saves_over_a_newer_run_json_and_retries_a_failed_save() {
    let (tmp, dir) = sitting();
    let sessions = tmp.path();
    let mut fac = Console::spawn(&["run", "jichitai-09"], sessions, 100, 30, "en", &[]);
    fac.wait_for("Groups", WAIT);
    fac.send(" ");
    assert!(
        fac.wait_until(WAIT, |_| dir.join("run.json").exists()),
        "{}",
        fac.contents()
    );
    // A newer bunkakai's file appears: it is never written over.
    let newer =
        r#"{"format": "bunkakai.run/2", "session": "jichitai-09", "x_new_field": {"keep": true}}"#;
    swap(&dir, newer);
    fac.send("+");
    fac.wait_for("newer bunkakai", WAIT);
    std::thread::sleep(std::time::Duration::from_millis(2500));
    assert_eq!(
        std::fs::read_to_string(dir.join("run.json")).unwrap(),
        newer
    );

    // run.json becomes a folder: the save fails and says so; once the folder
    // is gone the state is saved again without another key.
    std::fs::remove_file(dir.join("run.json")).unwrap();
    std::fs::create_dir(dir.join("run.json")).unwrap();
    fac.send("+");
    fac.wait_for("run.json", WAIT);
    std::fs::remove_dir(dir.join("run.json")).unwrap();
    assert!(
        fac.wait_until(WAIT, |_| std::fs::read_to_string(dir.join("run.json"))
            .is_ok_and(
                |t| t.contains("\"bunkakai.run/1\"") && t.contains("\"seconds\": 60")
            )),
        "{}",
        fac.contents()
    );
}

#[test]
fn the_facilitator_offers_to_reset_a_broken_run_json_and_writes_only_when_asked() {
    let (tmp, dir) = sitting();
    let bad = run_json(10_000_000_000_000_000);
    swap(&dir, &bad);
    let sessions = tmp.path();
    let mut fac = Console::spawn(&["run", "jichitai-09"], sessions, 80, 24, "ja", &[]);
    // The offer: the problem with its place and field, what R does.
    fac.wait_for("run.json に問題があります", WAIT);
    fac.wait_for("run.json:3:", WAIT);
    fac.wait_for("current.adjustments[0].seconds", WAIT);
    fac.wait_for("R 未開始に戻す", WAIT);
    // Other keys change nothing, and nothing is written meanwhile.
    fac.send(" +n");
    std::thread::sleep(std::time::Duration::from_millis(2500));
    assert!(fac.contents().contains("run.json に問題があります"));
    assert_eq!(std::fs::read_to_string(dir.join("run.json")).unwrap(), bad);
    assert!(!dir.join("run.json.damaged").exists());
    // R takes it: the old file is kept aside, the reset run is saved.
    fac.send("R");
    assert!(
        fac.wait_until(WAIT, |_| std::fs::read_to_string(dir.join("run.json"))
            .is_ok_and(|t| !t.contains("10000000000000000"))),
        "{}",
        fac.contents()
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("run.json.damaged")).unwrap(),
        bad
    );
    fac.wait_for("run.json.damaged", WAIT);
    fac.send("q");
    assert!(fac.wait_exit(WAIT));
}
