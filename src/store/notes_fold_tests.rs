use super::hook::{self, Step};
use super::*;
use crate::store::notes_file::{append, commit, load, parse};
use crate::store::notes_test_setup::{ids, one, sitting};

/// A group with notes a (in the file) and b, c (in the journal).
fn group_with_a_journal() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, path) = sitting();
    commit(&path, &one("a", "函館市")).unwrap();
    append(&path, &one("b", "気仙沼市")).unwrap();
    append(&path, &one("c", "新潟県")).unwrap();
    (tmp, path)
}

fn file_ids(path: &Path) -> Vec<String> {
    let doc = parse(path, &std::fs::read(path).unwrap(), Some("B")).unwrap();
    ids(&doc).into_iter().map(String::from).collect()
}

#[test]
fn a_commit_made_while_a_fold_works_does_not_wait_and_is_kept() {
    let (_tmp, path) = group_with_a_journal();
    let p = path.clone();
    let mut free = Vec::new();
    let _hook = hook::set(move |step| {
        if step == Step::Staged {
            // The note-taker commits while the fold has written the new
            // file aside: the lock is free, the commit goes through.
            free.push(WriterLock::try_acquire(&p).unwrap().is_some());
            assert_eq!(free, [true], "the fold holds the lock while it works");
            append(&p, &one("d", "佐野市")).unwrap();
        }
    });
    let gate = FoldGate::default();
    assert_eq!(fold(&path, "s", "B", &gate).unwrap(), Folded::Done);
    assert_eq!(file_ids(&path), ["a", "b", "c"]);
    // The line added meanwhile is kept, as the journal's only line.
    let journal = std::fs::read_to_string(journal_path(&path)).unwrap();
    assert_eq!(journal.lines().count(), 1);
    assert!(journal.contains("佐野市"));
    assert_eq!(ids(&load(&path, "s", "B").unwrap()), ["a", "b", "c", "d"]);
}

#[test]
fn a_fold_that_dies_at_any_step_loses_nothing_and_doubles_nothing() {
    for at in [Step::Snapshot, Step::Staged, Step::Placed] {
        let (_tmp, path) = group_with_a_journal();
        let p = path.clone();
        let hook = hook::set(move |step| {
            if step == Step::Staged {
                append(&p, &one("d", "佐野市")).unwrap();
            }
            if step == at {
                panic!("the console dies here");
            }
        });
        let died = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            fold(&path, "s", "B", &FoldGate::default())
        }));
        assert!(died.is_err(), "{at:?}");
        drop(hook);
        let want: &[&str] = if at == Step::Snapshot {
            &["a", "b", "c"]
        } else {
            &["a", "b", "c", "d"]
        };
        assert_eq!(ids(&load(&path, "s", "B").unwrap()), want, "{at:?}");
        // The next fold finishes the work, with each note once.
        fold(&path, "s", "B", &FoldGate::default()).unwrap();
        assert_eq!(file_ids(&path), want, "{at:?}");
        assert!(!journal_path(&path).exists(), "{at:?}");
    }
}

#[test]
fn a_fold_stops_when_another_writer_rewrote_the_file_meanwhile() {
    let (_tmp, path) = group_with_a_journal();
    let p = path.clone();
    let _hook = hook::set(move |step| {
        if step == Step::Staged {
            // A facilitator's whole save (which folds the journal itself).
            commit(&p, &one("e", "一関市")).unwrap();
        }
    });
    let before = fold(&path, "s", "B", &FoldGate::default()).unwrap();
    assert_eq!(before, Folded::Stopped);
    assert_eq!(file_ids(&path), ["a", "b", "c", "e"]);
    assert!(!journal_path(&path).exists());
}

#[test]
fn a_closed_gate_stops_a_fold_with_nothing_changed() {
    let (_tmp, path) = group_with_a_journal();
    let file = std::fs::read(&path).unwrap();
    let journal = std::fs::read(journal_path(&path)).unwrap();
    let gate = std::sync::Arc::new(FoldGate::default());
    let g = gate.clone();
    let _hook = hook::set(move |step| {
        if step == Step::Staged {
            g.close();
        }
    });
    assert_eq!(fold(&path, "s", "B", &gate).unwrap(), Folded::Stopped);
    assert_eq!(std::fs::read(&path).unwrap(), file);
    assert_eq!(std::fs::read(journal_path(&path)).unwrap(), journal);
    // No temporary file is left beside the notes file.
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp."))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn a_fold_between_a_readers_two_reads_hides_no_line() {
    // Review, search and export read the notes folder through the archive;
    // the facilitator and the consoles through their followers and `load`.
    let (tmp, path) = group_with_a_journal();
    let (p, s, g) = (path.clone(), "s", "B");
    let fold_now = move || {
        let p = p.clone();
        Box::new(move || {
            fold(&p, s, g, &FoldGate::default()).unwrap();
        }) as Box<dyn FnOnce()>
    };
    let between = |f: Box<dyn FnOnce()>| {
        crate::store::notes_file::BETWEEN_READS.with(|h| *h.borrow_mut() = Some(f));
    };
    let sitting_dir = tmp.path();
    between(fold_now());
    let files = crate::store::archive::read_sitting(sitting_dir, "s".into());
    let (doc, problems) = crate::review::files::notes(&files.notes[0]).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(ids(&doc), ["a", "b", "c"], "review, search, export");
    for n in ["d", "e"] {
        append(&path, &one(n, "後から")).unwrap();
    }
    between(fold_now());
    let mut f = crate::store::notes_follow::Follower::for_reading();
    let doc = f.read(&path, "s", "B").unwrap();
    assert_eq!(ids(&doc), ["a", "b", "c", "d", "e"], "the facilitator");
    let _ = std::fs::remove_file(journal_path(&path));
}
