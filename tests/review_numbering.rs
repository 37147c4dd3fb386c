//! The list's `#` (the number the comparison's filter takes): 1 the oldest
//! sitting. A sitting whose plan gives no day takes the day of its record
//! (its first note), and one with no day at all (a plan made for the next
//! sitting) comes after every dated one, so making it renumbers nothing.

mod common;

use std::path::Path;

use bunkakai::i18n::Lang;
use bunkakai::review::Archive;
use bunkakai::review::screen::{Action, Loaded, update};
use common::archive_copy;
use common::review::{review_of, screen};

/// A sitting made from `from`'s plan without its day (and what it follows),
/// with `from`'s group A notes moved to `day` when `day` is given.
fn undated(sessions: &Path, id: &str, from: &str, title: &str, day: Option<&str>) {
    let dir = sessions.join(id);
    std::fs::create_dir_all(dir.join("notes")).unwrap();
    let plan = sessions.join(from).join("session.json");
    let mut plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(plan).unwrap()).unwrap();
    let o = plan.as_object_mut().unwrap();
    o.remove("date");
    o.remove("follows");
    o.insert("title".into(), title.into());
    std::fs::write(dir.join("session.json"), plan.to_string()).unwrap();
    if let Some(day) = day {
        let notes = std::fs::read_to_string(sessions.join(from).join("notes/A.json")).unwrap();
        let notes = notes.replace("2026-01-20", day).replace(from, id);
        std::fs::write(dir.join("notes/A.json"), notes).unwrap();
    }
}

/// The list's rows as (number, date, title start).
fn rows(text: &str) -> Vec<(String, String, String)> {
    text.lines()
        .skip(2)
        .take_while(|l| !l.trim().is_empty())
        .map(|l| {
            let mut f = l.split_whitespace();
            let n = f.next().unwrap_or_default().to_string();
            let d = f.next().unwrap_or_default().to_string();
            let t = f.next().unwrap_or_default().to_string();
            (n, d, t)
        })
        .collect()
}

fn row(n: &str, d: &str, t: &str) -> (String, String, String) {
    (n.into(), d.into(), t.into())
}

#[test]
fn the_next_sittings_plan_without_a_day_comes_last_and_renumbers_nothing() {
    let (_tmp, dir) = archive_copy(&[]);
    let before = rows(&screen(&review_of(&dir, Lang::Ja, 80, 24)));
    assert_eq!(
        before,
        [
            row("2", "2026-02-17", "第10回"),
            row("1", "2026-01-20", "第9回")
        ]
    );
    undated(&dir, "jichitai-11", "jichitai-10", "第11回", None);
    let text = screen(&review_of(&dir, Lang::Ja, 80, 24));
    assert_eq!(
        rows(&text),
        [
            row("3", "-", "第11回"),
            row("2", "2026-02-17", "第10回"),
            row("1", "2026-01-20", "第9回")
        ],
        "{text}"
    );
    // The archive's order is the list's: search, export and the
    // comparison's filter number the same.
    let ids: Vec<String> = Archive::load(&dir)
        .sittings
        .iter()
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(ids, ["jichitai-11", "jichitai-10", "jichitai-09"]);
}

#[test]
fn a_sitting_held_without_a_day_in_its_plan_takes_its_first_notes_day() {
    let (_tmp, dir) = archive_copy(&[]);
    undated(
        &dir,
        "kickoff",
        "jichitai-09",
        "キックオフ",
        Some("2025-12-16"),
    );
    undated(&dir, "jichitai-11", "jichitai-10", "第11回", None);
    let text = screen(&review_of(&dir, Lang::Ja, 80, 24));
    assert_eq!(
        rows(&text),
        [
            row("4", "-", "第11回"),
            row("3", "2026-02-17", "第10回"),
            row("2", "2026-01-20", "第9回"),
            row("1", "2025-12-16", "キックオフ"),
        ],
        "{text}"
    );
    // Before the notes are read its day is not known, nor its place: the
    // list shows no numbers rather than ones that change a moment later.
    let (mut state, _) = bunkakai::review::screen::State::new(Lang::Ja, (80, 24));
    update(&mut state, Action::Loaded(Box::new(Loaded::outline(&dir))));
    let outline = rows(&screen(&state));
    assert!(outline.iter().all(|(n, _, _)| n == "…"), "{outline:?}");
}
