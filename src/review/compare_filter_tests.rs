use super::*;
use crate::review::themes::{answers, catalog};

fn archive() -> Archive {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive");
    Archive::load(&dir)
}

fn filter(text: &str, archive: &Archive) -> Filter {
    parse(text, archive, Lang::Ja).unwrap()
}

#[test]
fn the_filter_line_reads_like_the_search_box() {
    let a = archive();
    let f = filter("from:2026-01-01 to：jichitai-09 stage:② k:課題", &a);
    assert_eq!(f.since, NaiveDate::from_ymd_opt(2026, 1, 1));
    assert_eq!(
        f.until,
        NaiveDate::from_ymd_opt(2026, 1, 20),
        "the sitting's date"
    );
    assert_eq!(f.stage.as_deref(), Some("②"));
    assert_eq!(f.kind, Some(NoteKind::Issue));
    assert!(filter("", &a).is_empty());
    assert!(filter("k:", &a).is_empty());
    let err = |t: &str| parse(t, &a, Lang::Ja).unwrap_err();
    assert!(err("KPI").contains("KPI: 使えるのは"));
    assert!(err("g:A").contains("g:A"));
    assert!(err("k:感想").contains("その種類はありません"));
    assert!(err("from:2026-0").contains("日付は"));
}

#[test]
fn counts_per_question_follow_the_filter() {
    let a = archive();
    let themes = catalog(&a);
    let t = &themes[0];
    let all = question_counts(&a, t, &Filter::default());
    assert_eq!(all.len(), t.questions.len() + 1);
    assert_eq!(
        all.iter().sum::<usize>(),
        t.notes,
        "every note counted once"
    );
    // Each count is what the comparison shows for that question.
    for (q, c) in all.iter().enumerate() {
        let shown: usize = answers(&a, t, q).iter().map(|x| x.notes.len()).sum();
        assert_eq!(*c, shown, "question {q}");
    }
    assert_eq!(all, [2, 6, 1, 1]);
    let issues = question_counts(&a, t, &filter("k:課題", &a));
    assert_eq!(issues, [2, 1, 0, 0]);
    let tenth = question_counts(&a, t, &filter("from:jichitai-10", &a));
    assert_eq!(tenth, [1, 2, 1, 0]);
    let ninth = question_counts(&a, t, &filter("to:2026-01-31", &a));
    assert_eq!(ninth, [1, 4, 0, 1]);
    // Theme 1 is discussed by the groups at stage ① only.
    assert_eq!(question_counts(&a, t, &filter("stage:1", &a)), all);
    let other = question_counts(&a, t, &filter("stage:段階③", &a));
    assert_eq!(other.iter().sum::<usize>(), 0);
}

#[test]
fn narrowing_drops_notes_groups_and_sittings() {
    let a = archive();
    let themes = catalog(&a);
    let t = &themes[0];
    let found = answers(&a, t, 1);
    assert_eq!(narrow(&a, found.clone(), &Filter::default()), found);
    let actions = narrow(&a, found.clone(), &filter("k:アクション", &a));
    let per: Vec<_> = actions
        .iter()
        .map(|x| (a.sittings[x.sitting].id.as_str(), x.notes.len()))
        .collect();
    assert_eq!(per, [("jichitai-10", 1), ("jichitai-09", 1)]);
    let ninth = narrow(&a, found.clone(), &filter("to:jichitai-09 k:課題", &a));
    let per: Vec<_> = ninth
        .iter()
        .map(|x| (a.sittings[x.sitting].id.as_str(), x.notes.len()))
        .collect();
    assert_eq!(per, [("jichitai-09", 1)]);
    assert!(narrow(&a, found, &filter("stage:③", &a)).is_empty());
}

#[test]
fn sittings_by_the_numbers_the_list_shows() {
    let a = archive();
    let themes = catalog(&a);
    let t = &themes[0];
    // The list is newest first and numbers from the oldest: jichitai-09 is
    // 1, jichitai-10 is 2.
    assert_eq!(sitting_number(&a, 0), 2);
    assert_eq!(a.sittings[0].id, "jichitai-10");
    let ninth = question_counts(&a, t, &filter("to:2026-01-31", &a));
    let tenth = question_counts(&a, t, &filter("from:jichitai-10", &a));
    let all = question_counts(&a, t, &Filter::default());
    for (text, want) in [
        ("1", &ninth),
        ("#1", &ninth),
        ("-1", &ninth),
        ("to:1", &ninth),
        ("１〜１", &ninth),
        ("2", &tenth),
        ("2-", &tenth),
        ("from:2", &tenth),
        ("from：２", &tenth),
        ("1-2", &all),
        ("1〜2", &all),
        ("1ー2", &all),
        ("from:1 to:2", &all),
    ] {
        assert_eq!(&question_counts(&a, t, &filter(text, &a)), want, "{text}");
    }
    // With a date and a kind too.
    let f = filter("1-2 to:jichitai-09 k:課題", &a);
    assert_eq!(f.numbers, (Some(1), Some(2)));
    assert_eq!(question_counts(&a, t, &f), [1, 1, 0, 0]);
    let err = |t: &str| parse(t, &a, Lang::Ja).unwrap_err();
    assert_eq!(err("3"), "3: 会の番号は 1〜2（一覧の左の番号）");
    assert_eq!(err("0-2"), "0: 会の番号は 1〜2（一覧の左の番号）");
    assert!(err("2-1").contains("小さい番号から"), "{}", err("2-1"));
    assert!(err("1-x").contains("1-x: 使えるのは 2-5"), "{}", err("1-x"));
    assert!(err("2026-01-20").contains("使えるのは"));
    let en = parse("from:5", &a, Lang::En).unwrap_err();
    assert_eq!(en, "5: sittings are numbered 1-2 (left of the list)");
}
