use std::path::{Path, PathBuf};

use super::*;
use crate::model::notes::{Note, NoteKind};
use crate::store::previous_sitting;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive")
}

/// A copy of the archive fixtures in a temporary sessions folder.
fn copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    for s in ["jichitai-09", "jichitai-10"] {
        let to = tmp.path().join(s);
        std::fs::create_dir_all(to.join("notes")).unwrap();
        for f in [
            "session.json",
            "notes/A.json",
            "notes/B.json",
            "notes/C.json",
        ] {
            std::fs::copy(fixtures().join(s).join(f), to.join(f)).unwrap();
        }
    }
    let ten = tmp.path().join("jichitai-10");
    (tmp, ten)
}

fn previous(ten: &Path) -> Previous {
    let bytes = std::fs::read(ten.join("session.json")).unwrap();
    let plan = crate::model::read_plan(&bytes, "jichitai-10").plan.unwrap();
    previous_sitting::load(ten, &plan).unwrap().into()
}

fn members(names: &[&str]) -> Vec<Member> {
    names.iter().map(|n| Member::named(*n)).collect()
}

fn at(min: u32) -> Stamp {
    format!("2026-02-17T14:{min:02}:00+09:00").parse().unwrap()
}

#[test]
fn a_group_sees_the_actions_its_members_own_open_ones_first() {
    let (_tmp, ten) = copy();
    let prev = previous(&ten);
    assert_eq!(prev.id, "jichitai-09");
    // 佐野 (listed without 市) owns n05, open; 函館市 shares n15, done.
    let got = prev.carried(&members(&["函館市", "佐野", "秋田県"]));
    let ids: Vec<(&str, ActionState)> = got.iter().map(|c| (c.note.as_str(), c.state)).collect();
    assert_eq!(
        ids,
        [("n05", ActionState::Open), ("n15", ActionState::Done)]
    );
    assert_eq!(got[0].group, "A");
    assert_eq!(got[0].owner, "佐野市");
    assert_eq!(got[1].by.as_deref(), Some("事務局"));
    // jichitai-10's group A as planned: nobody owns an action of 09.
    assert!(
        prev.carried(&members(&["秋田県", "栃木県", "新潟市"]))
            .is_empty()
    );
}

#[test]
fn a_status_lands_in_the_previous_sittings_file_with_its_author() {
    let (_tmp, ten) = copy();
    let mut prev = previous(&ten);
    let item = prev.carried(&members(&["佐野市"])).remove(0);
    let change = prev.change(&item, ActionState::Done, Some("田中"));
    assert!(change.file.ends_with("jichitai-09/notes/A.json"));
    let written = save(&change, at(30)).unwrap();
    prev.replace(written);
    let now = prev.carried(&members(&["佐野市"])).remove(0);
    assert_eq!(now.state, ActionState::Done);
    assert_eq!(now.by.as_deref(), Some("田中"));
    // Read back from disk: the notes of the file are all still there.
    let again = previous(&ten);
    let file = again.notes.iter().find(|n| n.group == "A").unwrap();
    assert_eq!(file.action_state("n05"), ActionState::Done);
    assert_eq!(file.live_notes().count(), 6, "{file:?}");
    // Undo: the earlier status given back, later, wins.
    let undo = prev.change(&item, ActionState::Open, Some("田中"));
    prev.replace(save(&undo, at(31)).unwrap());
    assert_eq!(
        prev.carried(&members(&["佐野市"]))[0].state,
        ActionState::Open
    );
}

/// A note another console appends to the previous sitting's file.
fn late_note(id: &str) -> GroupNotes {
    let mut g = GroupNotes::new("jichitai-09", "A");
    let text = format!("後から追記 {id}");
    g.notes.push(Note::new(id, at(20), NoteKind::Opinion, text));
    g
}

#[test]
fn a_status_set_in_the_meeting_survives_a_concurrent_save_of_the_same_file() {
    let (_tmp, ten) = copy();
    let prev = previous(&ten);
    let item = prev.carried(&members(&["佐野市"])).remove(0);
    let file = prev.change(&item, ActionState::Done, None).file;
    // Both at once, many times over, on two threads: the mark and every
    // note the other console wrote are on disk.
    std::thread::scope(|s| {
        let marks = s.spawn(|| {
            for i in 0..20u32 {
                let status = if i % 2 == 0 {
                    ActionState::Done
                } else {
                    ActionState::Dropped
                };
                let c = prev.change(&item, status, Some("田中"));
                save(&c, at(21 + i)).unwrap();
            }
        });
        let notes = s.spawn(|| {
            for i in 0..20 {
                notes_file::commit(&file, &late_note(&format!("late{i}"))).unwrap();
            }
        });
        marks.join().unwrap();
        notes.join().unwrap();
    });
    let disk = notes_file::load(&file, "jichitai-09", "A").unwrap();
    assert_eq!(disk.live_notes().count(), 6 + 20);
    // The latest mark (i = 19, dropped) won.
    assert_eq!(disk.action_state("n05"), ActionState::Dropped);
    assert_eq!(disk.action_mark("n05").unwrap().by.as_deref(), Some("田中"));
}

#[test]
fn the_name_is_the_given_one_else_the_os_user() {
    assert_eq!(user_name(Some(" 田中 ")).as_deref(), Some("田中"));
    assert_eq!(user_name(Some("  ")), None);
}

#[test]
fn actions_owned_by_nobody_on_todays_rosters_are_unclaimed() {
    let (_tmp, ten) = copy();
    let mut prev = previous(&ten);
    // 「事務局」 alone, and an action with a blank owner (no owner at all).
    for (id, owner) in [("s1", "事務局"), ("s2", "  ")] {
        let mut late = late_note(id);
        late.notes[0].kind = NoteKind::Action;
        late.notes[0].owner = Some(owner.to_string());
        let a = prev.notes.iter_mut().find(|n| n.group == "A").unwrap();
        a.notes.extend(late.notes);
    }
    let ids = |items: Vec<Carried>| -> Vec<(String, ActionState)> {
        items.into_iter().map(|c| (c.note, c.state)).collect()
    };
    // jichitai-10's rosters as planned: 佐野市 and 函館市 are not here.
    let today = members(&["秋田県", "栃木県", "新潟市", "呉市", "久慈市"]);
    assert_eq!(
        ids(prev.unclaimed(&today)),
        [
            ("n05".to_string(), ActionState::Open),
            ("s1".to_string(), ActionState::Open),
            ("n15".to_string(), ActionState::Done),
        ]
    );
    assert!(prev.carried(&today).is_empty());
    // With 佐野 and 函館市 here, only the secretariat's own is left over.
    let more = members(&["秋田県", "佐野", "函館市"]);
    assert_eq!(
        ids(prev.unclaimed(&more)),
        [("s1".to_string(), ActionState::Open)]
    );
    assert_eq!(prev.carried(&more).len(), 2);
}
