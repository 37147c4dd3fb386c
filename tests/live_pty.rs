//! Five consoles on one sitting, each in its own pseudo-terminal, as in the
//! room: the facilitator, note-takers for groups A, B and C, and the shared
//! display. The facilitator starts the exchange block; each note-taker types
//! a Japanese note and commits it; the facilitator's groups table shows one
//! note for each group, the display shows the running block within a second
//! of the facilitator's clock, and each group's file holds its note; a
//! note another process adds to group A reaches A's console too; group C's
//! flag reaches the facilitator, whose acknowledgement reaches C. Run
//! once with change events and once with `--poll 1` (no watcher at all).

mod common;

use std::time::{Duration, Instant};

use common::{Console, sitting};

/// Generous: the CI machine is a busy two-core box.
const WAIT: u64 = 20;

/// `mm:ss` after the last `label` on the screen, in seconds (the display
/// shows the segment's time left before the block's).
fn clock_after(screen: &str, label: &str) -> Option<i64> {
    if !screen.contains(label) {
        return None;
    }
    let rest = screen.rsplit(label).next()?;
    let (m, s) = rest.get(..5)?.split_once(':')?;
    Some(m.parse::<i64>().ok()? * 60 + s.parse::<i64>().ok()?)
}

/// The facilitator's notes column for `group` (English labels).
fn notes_of(screen: &str, group: &str) -> Option<u32> {
    screen.lines().find_map(|l| {
        let cells: Vec<&str> = l.split(['│', '>', ' ']).filter(|c| !c.is_empty()).collect();
        // Group, label, themes, members, present, notes, summary.
        (cells.first() == Some(&group) && cells.len() >= 7)
            .then(|| cells[5].parse().ok())
            .flatten()
    })
}

fn wait_until(secs: u64, what: &str, mut ok: impl FnMut() -> bool) -> Duration {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(secs) {
        if ok() {
            return start.elapsed();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("{what} did not happen within {secs} s");
}

fn five_consoles(extra: &[&str]) {
    let (tmp, dir) = sitting();
    let sessions = tmp.path();
    let args = |head: &[&str]| -> Vec<String> {
        head.iter().chain(extra).map(|s| s.to_string()).collect()
    };
    let spawn = |head: &[&str], lang: &str, cols, rows| {
        let a = args(head);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        Console::spawn(&a, sessions, cols, rows, lang, &[])
    };
    let mut fac = spawn(&["run", "jichitai-09"], "en", 120, 35);
    fac.wait_for("Groups", WAIT);
    let display = spawn(&["display", "jichitai-09"], "ja", 120, 35);
    display.wait_for("ブロック 1/3", WAIT);
    let mut takers: Vec<(&str, Console)> = ["A", "B", "C"]
        .into_iter()
        .map(|g| {
            (
                g,
                spawn(&["notes", "jichitai-09", "--group", g], "ja", 100, 30),
            )
        })
        .collect();
    for (_, t) in &takers {
        t.wait_for("名簿", WAIT);
    }

    // Next block (the exchange), then start it.
    fac.send("n");
    fac.wait_for("Block 2/3", WAIT);
    fac.send(" ");
    fac.wait_for("Running", WAIT);
    display.wait_for("ブロック 2/3  自治体間の意見交換", WAIT);
    display.wait_for("進行中", WAIT);
    if extra.contains(&"--poll") {
        display.wait_for("フォルダを1秒ごとに確認中", WAIT);
    } else {
        // Change events arrive: the display would say so if it fell back to
        // scanning the folder.
        let screen = display.contents();
        assert!(
            !screen.contains("確認中"),
            "events run is polling:\n{screen}"
        );
    }
    // The note-takers follow run.json too: their header shows the block,
    // or, once it runs and the header is short of room, its first segment
    // (a console polling every second may first read run.json then).
    for (g, t) in &takers {
        assert!(
            t.wait_until(WAIT, |t| {
                let screen = t.contents();
                screen.contains("自治体間の意見交換") || screen.contains("自己紹介 1/3")
            }),
            "note-taker {g} does not show the exchange:\n{}",
            t.contents()
        );
    }

    // The display's clock agrees with the facilitator's within a second.
    let length = 45 * 60;
    let mut last = (None, None);
    wait_until(
        WAIT,
        "the display's clock agreeing with the facilitator's",
        || {
            let f = clock_after(&fac.contents(), "Elapsed ");
            // The block's time, under the digits (the segment's own
            // countdown is on the status line above them).
            let screen = display.contents();
            let line = screen.lines().find(|l| l.contains(" / 45分"));
            let d = line.and_then(|l| clock_after(l, "残り "));
            last = (f, d);
            matches!((f, d), (Some(f), Some(d)) if f > 0 && (length - d - f).abs() <= 1)
        },
    );
    let (f, d) = (last.0.unwrap(), last.1.unwrap());
    assert!(
        (length - d - f).abs() <= 1,
        "elapsed {f} s, remaining {d} s"
    );

    // Each note-taker types a note and commits it.
    for (g, t) in &mut takers {
        let text = format!("グループ{g}の課題：担当課が決まっていない");
        t.send(&text);
        t.wait_for(&format!("│{text}"), WAIT);
        t.send("\r");
    }
    let mut committed = Instant::now();
    for (_, t) in &takers {
        t.wait_for("保存済 (1)", WAIT);
        committed = Instant::now();
    }
    let shown = wait_until(WAIT, "one note for each group on the facilitator", || {
        let s = fac.contents();
        ["A", "B", "C"].iter().all(|g| notes_of(&s, g) == Some(1))
    });
    let latency = committed.elapsed().min(shown + Duration::from_millis(20));
    eprintln!("facilitator showed the last note {latency:?} after it was saved");
    assert!(
        latency < Duration::from_secs(2),
        "took {latency:?}:\n{}",
        fac.contents()
    );

    // Group C's note-taker asks for help; the facilitator sees it with its
    // age, acknowledges it, and the note-taker sees that.
    takers[2].1.send("\x1b[21~"); // F10
    fac.wait_for("C help 0m", WAIT);
    fac.send("jj");
    fac.wait_for("Group C", WAIT);
    fac.send("a");
    takers[2]
        .1
        .wait_for("合図: 助けが必要（進行役が確認済み）", WAIT);
    let run: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("run.json")).unwrap()).unwrap();
    assert_eq!(run["acks"][0]["group"], "C", "{run}");
    // In the journal beside C.json, which every reader replays.
    let c =
        bunkakai::store::notes_file::load(&dir.join("notes/C.json"), "jichitai-09", "C").unwrap();
    let raised = c.flag.as_ref().and_then(|f| f.raised);
    assert_eq!(
        raised,
        Some(bunkakai::model::notes::FlagKind::Help),
        "{c:?}"
    );

    // Another process adds a note to group A: A's console and the
    // facilitator both follow.
    let args = [
        "--group", "A", "--prefix", "other", "--from", "7", "--count", "8",
    ];
    let out = common::cli::notes_writer(&dir, &args);
    assert!(out.status.success(), "{out:?}");
    takers[0].1.wait_for("7件目：セミナーの集客", WAIT);
    wait_until(WAIT, "two notes for group A on the facilitator", || {
        notes_of(&fac.contents(), "A") == Some(2)
    });

    for g in ["A", "B", "C"] {
        let path = dir.join(format!("notes/{g}.json"));
        let doc = bunkakai::store::notes_file::load(&path, "jichitai-09", g).unwrap();
        let notes = &doc.notes;
        assert_eq!(notes.len(), if g == "A" { 2 } else { 1 }, "{doc:?}");
        assert_eq!(
            notes[0].text,
            format!("グループ{g}の課題：担当課が決まっていない")
        );
    }
    let run: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("run.json")).unwrap()).unwrap();
    assert_eq!(run["current"]["block"], "exchange");
    assert!(run["saved"].is_string(), "{run}");

    // The display writes nothing and ignores the facilitator's keys.
    let before = std::fs::read(dir.join("run.json")).unwrap();
    let mut display = display;
    display.send(" n");
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(std::fs::read(dir.join("run.json")).unwrap(), before);
    display.send("q");
    assert!(display.wait_exit(10), "q quits the display");
    for (_, t) in &takers {
        t.signal(libc::SIGTERM);
        assert!(t.wait_exit(10));
    }
    fac.send("q");
    assert!(fac.wait_exit(10));
}

#[test]
fn five_consoles_follow_each_other_with_change_events() {
    five_consoles(&[]);
}

#[test]
fn five_consoles_follow_each_other_by_polling_every_second() {
    five_consoles(&["--poll", "1"]);
}

/// The display skips a half-written run.json with a warning, keeps the last
/// good clock, reads it again at the next change, and warns when run.json
/// was stamped ahead of this machine's clock.
#[test]
fn the_display_survives_a_broken_run_file_and_warns_of_clock_skew() {
    let (tmp, dir) = sitting();
    let display = Console::spawn(&["display", "jichitai-09"], tmp.path(), 100, 30, "en", &[]);
    display.wait_for("Block 1/3", WAIT);
    let start = chrono::Utc::now() - chrono::Duration::seconds(90);
    let ahead = chrono::Utc::now() + chrono::Duration::seconds(30);
    let run = |saved: chrono::DateTime<chrono::Utc>| {
        serde_json::json!({
            "format": "bunkakai.run/1",
            "session": "jichitai-09",
            "current": {"block": "briefing", "started": start.to_rfc3339()},
            "saved": saved.to_rfc3339(),
        })
        .to_string()
    };
    let write = |text: &str| {
        let tmp_file = dir.join(".run.json.tmp");
        std::fs::write(&tmp_file, text).unwrap();
        std::fs::rename(&tmp_file, dir.join("run.json")).unwrap();
    };
    write(&run(chrono::Utc::now()));
    display.wait_for("In progress", WAIT);
    display.wait_for("Left 03:", WAIT);
    write("{\"format\": \"bunkakai.run/1\", \"sess");
    display.wait_for("run.json cannot be read", WAIT);
    assert!(
        display.contents().contains("Left 03:"),
        "the last good clock stays"
    );
    write(&run(ahead));
    display.wait_for("Clock skew: run.json is", WAIT);
    assert!(!display.contents().contains("cannot be read"));
    write(&run(chrono::Utc::now()));
    wait_until(WAIT, "the skew warning to go", || {
        !display.contents().contains("Clock skew")
    });
    display.signal(libc::SIGTERM);
    assert!(display.wait_exit(10));
}

/// The facilitator skips a half-synced notes file with a warning on its
/// status line and reads it again at its next change.
#[test]
fn the_facilitator_skips_a_broken_notes_file_until_it_changes() {
    let (tmp, dir) = sitting();
    let fac = Console::spawn(&["run", "jichitai-09"], tmp.path(), 120, 35, "en", &[]);
    fac.wait_for("Groups", WAIT);
    std::fs::create_dir_all(dir.join("notes")).unwrap();
    std::fs::write(
        dir.join("notes/A.json"),
        "{\"format\": \"bunkakai.notes/1\", \"no",
    )
    .unwrap();
    fac.wait_for("A.json cannot be read", WAIT);
    let two_for_a = ["--group", "A", "--prefix", "x", "--count", "2"];
    let out = common::cli::notes_writer(&dir, &two_for_a);
    // The writer refuses to merge into a file it cannot read: nothing is lost.
    assert!(!out.status.success());
    std::fs::remove_file(dir.join("notes/A.json")).unwrap();
    let out = common::cli::notes_writer(&dir, &two_for_a);
    assert!(out.status.success(), "{out:?}");
    wait_until(WAIT, "group A's two notes and no warning", || {
        let s = fac.contents();
        notes_of(&s, "A") == Some(2) && !s.contains("cannot be read")
    });
    fac.signal(libc::SIGTERM);
    assert!(fac.wait_exit(10));
}
