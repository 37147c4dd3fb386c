//! Forming groups: properties over many seeded random rosters (everyone
//! placed exactly once, sizes within the range whenever a split can be,
//! stages never mixed, the same input giving the same groups), the spread of
//! prefectures and of past pairs, and a golden plan from the seed's roster.

mod common;
mod prepare_support;

use bunkakai::model::stage::same_stage;
use bunkakai::prepare::grouping::{
    Candidate, Options, PastPairs, SplitMix, assign, default_seed, sizes,
};
use prepare_support::*;

fn roster(rng: &mut SplitMix) -> Vec<Candidate> {
    let n = (rng.next_u64() % 60) as usize + 1;
    let stages = ["①", "1", "段階２", "③", "④", ""];
    (0..n)
        .map(|i| {
            let s = stages[(rng.next_u64() % stages.len() as u64) as usize];
            Candidate {
                name: format!("自治体{i}"),
                stage: (!s.is_empty()).then(|| s.to_string()),
                prefecture: Some(format!("県{}", rng.next_u64() % 8)),
            }
        })
        .collect()
}

/// Some whole number of groups of `min..=max` holds exactly `n`.
fn splittable(n: usize, min: usize, max: usize) -> bool {
    (1..=n).any(|k| k * min <= n && n <= k * max)
}

#[test]
fn every_municipality_is_placed_once_within_its_stage_and_size_range() {
    let mut rng = SplitMix(20260217);
    for case in 0..300 {
        let c = roster(&mut rng);
        let min = (rng.next_u64() % 6) as usize + 1;
        let max = min + (rng.next_u64() % 4) as usize;
        let opts = Options {
            by_stage: true,
            min,
            max,
            seed: rng.next_u64(),
        };
        let mut past = PastPairs::default();
        past.add_group(c.iter().take(5).map(|x| x.name.as_str()));
        let a = assign(&c, &past, opts);

        let mut seen = vec![0; c.len()];
        for g in &a.groups {
            for &m in &g.members {
                seen[m] += 1;
                // Stages are never mixed in a group.
                match (&g.stage, &c[m].stage) {
                    (Some(s), Some(t)) => assert!(same_stage(s, t), "case {case}"),
                    (None, None) => {}
                    other => panic!("case {case}: {other:?}"),
                }
            }
            assert!(!g.members.is_empty(), "case {case}: an empty group");
        }
        assert!(seen.iter().all(|&n| n == 1), "case {case}: {seen:?}");

        for p in &a.pools {
            assert_eq!(p.sizes.iter().sum::<usize>(), p.count, "case {case}");
            if splittable(p.count, min, max) {
                assert!(
                    p.fits,
                    "case {case}: {} in {min}-{max}: {:?}",
                    p.count, p.sizes
                );
            }
            if p.fits {
                assert!(
                    p.sizes.iter().all(|s| (min..=max).contains(s)),
                    "case {case}"
                );
            }
            // Balanced: sizes differ by one at most.
            let (lo, hi) = (p.sizes.iter().min(), p.sizes.iter().max());
            assert!(hi.unwrap() - lo.unwrap() <= 1, "case {case}: {:?}", p.sizes);
        }
        // Deterministic.
        assert_eq!(assign(&c, &past, opts), a, "case {case}");
    }
}

#[test]
fn sizes_are_as_few_groups_as_fit_and_balanced() {
    assert_eq!(sizes(7, 5, 7), (vec![7], true));
    assert_eq!(sizes(11, 5, 7), (vec![6, 5], true));
    assert_eq!(sizes(20, 5, 7), (vec![7, 7, 6], true));
    assert_eq!(sizes(3, 5, 7), (vec![3], false));
    assert_eq!(sizes(0, 5, 7), (vec![], true));
}

#[test]
fn one_prefecture_is_spread_over_the_groups() {
    // Twelve at one stage, four prefectures of three: two groups of six can
    // hold at most two of a prefecture each, and the best has one pair per prefecture.
    let c: Vec<Candidate> = (0..12)
        .map(|i| Candidate {
            name: format!("市{i}"),
            stage: Some("③".into()),
            prefecture: Some(format!("県{}", i % 4)),
        })
        .collect();
    for seed in 0..20 {
        let a = assign(
            &c,
            &PastPairs::default(),
            Options {
                by_stage: true,
                min: 5,
                max: 7,
                seed,
            },
        );
        let pairs: usize = a.groups.iter().map(|g| g.same_prefecture).sum();
        assert_eq!(pairs, 4, "seed {seed}: {:?}", a.groups);
    }
}

#[test]
fn avoid_repeat_splits_last_sittings_tables() {
    // Last time 0-5 sat in one group and 6-11 in another; now two groups of
    // six, no prefectures: the best mixes them three and three.
    let c: Vec<Candidate> = (0..12)
        .map(|i| Candidate {
            name: format!("町{i}"),
            stage: None,
            prefecture: None,
        })
        .collect();
    let mut past = PastPairs::default();
    past.add_group(c[..6].iter().map(|x| x.name.as_str()));
    past.add_group(c[6..].iter().map(|x| x.name.as_str()));
    let opts = Options {
        by_stage: true,
        min: 6,
        max: 6,
        seed: default_seed(&c),
    };
    let without = assign(&c, &PastPairs::default(), opts);
    let with = assign(&c, &past, opts);
    let repeats = |a: &bunkakai::prepare::grouping::Assignment| -> usize {
        a.groups
            .iter()
            .map(|g| {
                let old: usize = g.members.iter().filter(|&&m| m < 6).count();
                old * (old.max(1) - 1) / 2 + (6 - old) * (5usize.saturating_sub(old)) / 2
            })
            .sum()
    };
    assert_eq!(with.groups.iter().map(|g| g.repeats).sum::<usize>(), 12);
    assert_eq!(repeats(&with), 12);
    // Name-matching folds width: ｈａｋｏｄａｔｅ-style input still counts.
    let mut p = PastPairs::default();
    p.add_group(["函館市", "ｶﾞﾝﾏ市"]);
    assert!(p.sat_together("ガンマ市", "函館市"));
    let _ = without;
}

#[test]
fn assigning_the_seed_roster_gives_the_seeds_groups() {
    let tmp = sessions();
    next_sitting(tmp.path(), "en");
    write_shift_jis(
        &tmp.path().join("申込.csv"),
        &csv_text(&HEADER, &seed_rows()),
    );
    expect_code(&import(tmp.path(), "en", &["申込.csv"]), 0);
    let dir = tmp.path().join("sessions/jichitai-10");
    let before = std::fs::read(dir.join("session.json")).unwrap();

    let out = bunkakai(
        tmp.path(),
        "en",
        &["roster", "assign", "jichitai-10", "--size", "5-7"],
    );
    expect_code(&out, 0);
    let (stdout, _) = text(&out);
    // ① 7 municipalities make one group, ③ 11 make two (6 and 5), as in the seed.
    assert!(
        stdout.contains("stage ①: 7 municipalities → 1 group (7)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("stage ③: 11 municipalities → 2 groups (6, 5)"),
        "{stdout}"
    );
    assert!(stdout.contains("the plan is valid"), "{stdout}");
    let plan = std::fs::read_to_string(dir.join("session.json")).unwrap();
    golden("assign_seed.session.json", &plan);
    // Undoable: the plan before is kept.
    assert_eq!(std::fs::read(dir.join("session.json.bak")).unwrap(), before);

    // The same registrations give the same groups.
    let again = bunkakai(tmp.path(), "en", &["roster", "assign", "jichitai-10"]);
    expect_code(&again, 0);
    assert_eq!(
        std::fs::read_to_string(dir.join("session.json")).unwrap(),
        plan
    );
    // Printed explanation: one line per group with its stage, size and themes.
    let table: Vec<&str> = stdout
        .lines()
        .filter(|l| ["A ", "B ", "C "].iter().any(|p| l.starts_with(p)))
        .collect();
    assert_eq!(table.len(), 3, "{stdout}");
    assert!(table[0].starts_with("A      ①      7     1"), "{stdout}");
    assert!(table[1].starts_with("B      ③      6     2,3"), "{stdout}");
    assert!(table[2].starts_with("C      ③      5     2,3"), "{stdout}");
}

#[test]
fn avoid_repeat_reads_the_past_sittings_in_the_sessions_folder() {
    let tmp = sessions();
    expect_code(
        &bunkakai(
            tmp.path(),
            "en",
            &[
                "new",
                "jichitai-10",
                "--from",
                "jichitai-09",
                "--keep-groups",
            ],
        ),
        0,
    );
    // Regroup the kept roster of ③ (B and C last time) into groups of 5-6.
    let out = bunkakai(
        tmp.path(),
        "en",
        &[
            "roster",
            "assign",
            "jichitai-10",
            "--avoid-repeat",
            "--dry-run",
        ],
    );
    expect_code(&out, 0);
    let (stdout, _) = text(&out);
    assert!(
        stdout.contains("pairs who sat together counted from: jichitai-09"),
        "{stdout}"
    );
    assert!(stdout.contains("--dry-run: nothing written"), "{stdout}");
    assert!(
        !tmp.path()
            .join("sessions/jichitai-10/session.json.bak")
            .exists()
    );
    // Of B (6) and C (5) last time, the new ③ groups each mix the two.
    // Each group's members are printed on the line under it.
    let line = |id: &str| {
        let lines: Vec<&str> = stdout.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with(&format!("{id} ")))
            .unwrap();
        lines[at + 1].to_string()
    };
    for id in ["B", "C"] {
        let l = line(id);
        let from_b = ["函館市", "気仙沼市", "新潟県", "妙高市", "浜松市", "焼津市"]
            .iter()
            .filter(|m| l.contains(*m))
            .count();
        assert!((2..=4).contains(&from_b), "{l}");
    }
}
