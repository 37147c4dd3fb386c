//! The fixture archive (two sittings, one broken and one newer notes file)
//! read for review, and search over it: filters, order, problems listed.

use std::path::Path;

use bunkakai::model::notes::NoteKind;
use bunkakai::review::files::FileFault;
use bunkakai::review::{Archive, Filters, NoteIndex, Query};

fn archive() -> Archive {
    Archive::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive"))
}

fn ids(archive: &Archive, index: &NoteIndex, q: &Query) -> Vec<String> {
    index
        .search(archive, q)
        .iter()
        .map(|at| at.note(archive).unwrap().id.clone())
        .collect()
}

#[test]
fn sittings_are_newest_first_and_bad_files_are_listed_not_fatal() {
    let a = archive();
    let list: Vec<_> = a.sittings.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(list, ["jichitai-10", "jichitai-09"]);
    let s10 = &a.sittings[0];
    assert_eq!(s10.note_count(), 8);
    assert_eq!(s10.groups.len(), 3);
    assert!(s10.groups[2].notes.is_none(), "C is newer and left unread");
    assert!(matches!(s10.problems[0].fault, FileFault::Newer { .. }));
    let s9 = &a.sittings[1];
    assert_eq!(s9.note_count(), 12, "the deleted note is not counted");
    assert!(matches!(
        s9.problems[0].fault,
        FileFault::NotJson { line: 3, .. }
    ));
    assert_eq!(s9.actual_seconds(), Some(390 + 2880 + 450));
    assert_eq!(s9.planned_minutes(), Some(59));
    assert_eq!(a.problems().count(), 2);
}

#[test]
fn search_filters_table() {
    let a = archive();
    let index = NoteIndex::build(&a);
    assert_eq!(index.len(), 20);
    let f = Filters::default;
    let cases: Vec<(&str, Filters, &[&str])> = vec![
        ("ＫＰＩ", f(), &["n22", "n06", "n05", "n02"]),
        ("kpi 設定", f(), &["n06", "n05", "n02"]),
        ("わーくしょっぷ", f(), &["n31", "n13"]),
        (
            "経済団体",
            Filters {
                group: Some("b".into()),
                ..f()
            },
            &["n31", "n15", "n11"],
        ),
        (
            "",
            Filters {
                kind: Some(NoteKind::Action),
                ..f()
            },
            &["n24", "n15", "n05"],
        ),
        (
            "",
            Filters {
                speaker: Some("佐野".into()),
                ..f()
            },
            &["n05", "n02"],
        ),
        (
            "",
            Filters {
                theme: Some("1".into()),
                kind: Some(NoteKind::Issue),
                ..f()
            },
            &["n21", "n03", "n01"],
        ),
        (
            "集客",
            Filters {
                theme: Some("セミナー".into()),
                ..f()
            },
            &["n12", "n11"],
        ),
        (
            "経済団体",
            Filters {
                since: "2026-02-01".parse().ok(),
                ..f()
            },
            &["n24", "n31"],
        ),
        (
            "経済団体",
            Filters {
                until: "2026-01-31".parse().ok(),
                ..f()
            },
            &["n15", "n11"],
        ),
        ("削除された", f(), &[]),
        ("新しい形式", f(), &[]),
        ("存在しない語", f(), &[]),
    ];
    for (words, filters, want) in cases {
        let q = Query::new(words, filters.clone());
        assert_eq!(ids(&a, &index, &q), want, "{words:?} {filters:?}");
    }
}

#[test]
fn a_broken_notes_file_is_not_reported_as_an_empty_group() {
    let a = archive();
    let s9 = &a.sittings[1];
    let broken = bunkakai::review::report::group_report(s9, "C", bunkakai::i18n::Lang::Ja);
    assert!(!broken.has_file);
    assert!(
        broken.file_problem.is_some(),
        "the reason is kept for the reader"
    );
    assert!(
        broken.attendance.is_empty(),
        "attendance is unknown, not unmarked"
    );
    assert!(
        broken.themes.iter().all(|t| t.uncovered.is_empty()),
        "coverage is unknown"
    );
    let fine = bunkakai::review::report::group_report(s9, "A", bunkakai::i18n::Lang::Ja);
    assert!(fine.has_file && fine.file_problem.is_none());
}
