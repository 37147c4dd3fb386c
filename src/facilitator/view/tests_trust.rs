//! Nothing out of reach (F4, F18): many groups scroll with the selection,
//! a long roster says how many more, the roster shows the group's name and
//! members' roles; the header tells the truth on another day (F5); the end
//! of the sitting is summed up.

use super::tests::{at, base, draw, mid_exchange};
use crate::facilitator::action::{Action, Command};
use crate::facilitator::{State, update};
use crate::i18n::Lang;
use crate::model::{Group, Member};

/// The seed plan with `n` groups of `members` each, every member with a
/// role and an affiliation, the first group named.
fn many_groups(n: usize, members: usize) -> State {
    let mut s = base(Lang::Ja);
    s.plan.groups = (0..n)
        .map(|i| Group {
            id: format!("Z{i:02}"),
            label: Some("①".into()),
            name: (i == n - 1).then(|| "第二十分科会（体制構築・目標設定）".into()),
            themes: vec!["1".into()],
            members: (0..members)
                .map(|m| Member {
                    role: Some("係長".into()),
                    affiliation: Some("企画課".into()),
                    ..Member::named(format!("市{i:02}-{m:02}"))
                })
                .collect(),
        })
        .collect();
    s
}

#[test]
fn twenty_groups_scroll_with_the_selection_at_120x35() {
    let mut s = many_groups(20, 30);
    for _ in 0..3 {
        update(&mut s, Action::Command(Command::PreviousGroup), at(0));
    }
    assert_eq!(s.selected, 17);
    let text = draw(&s, at(0), 120, 35);
    assert!(text.contains("> Z17"), "{text}");
    update(&mut s, Action::Command(Command::NextGroup), at(0));
    update(&mut s, Action::Command(Command::NextGroup), at(0));
    let text = draw(&s, at(0), 120, 35);
    assert!(
        text.contains("> Z19"),
        "the last group is on screen: {text}"
    );
    assert!(text.contains("/20 "), "a scroll marker: {text}");
    assert!(text.contains("第二十分科会"), "the group's name: {text}");
    assert!(text.contains("名"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn ten_groups_at_80x24_keep_the_selection_and_count_the_rest_of_the_roster() {
    let mut s = many_groups(10, 6);
    s.selected = 9;
    let text = draw(&s, at(0), 80, 24);
    assert!(text.contains("> Z09"), "{text}");
    // Six members do not fit in the rows left: the last place counts them.
    assert!(text.contains("+"), "{text}");
    assert!(
        text.contains("係長・企画課"),
        "roles and affiliations: {text}"
    );
    // F12/F26: the last columns survive, the header aligned with the rows.
    let head = text.lines().find(|l| l.contains("人数")).unwrap();
    let row = text.lines().find(|l| l.contains("> Z09")).unwrap();
    assert!(head.contains("メモ まとめ"), "{head}");
    let col = |l: &str, s: &str| unicode_width::UnicodeWidthStr::width(&l[..l.find(s).unwrap()]);
    assert_eq!(col(head, "人数"), col(row, "6 "), "{head}\n{row}");
}

#[test]
fn long_names_stay_inside_the_roster_pane() {
    let mut s = base(Lang::Ja);
    s.plan.groups[0].members[0].name = "佐野市役所市民協働課佐野市役所市民協働課".into();
    s.plan.groups[0].members[1].name = "ｻﾉｼ（半角カナ）佐野市役所市民協働課🎌".into();
    let text = draw(&s, at(0), 80, 24);
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("佐野市役所")).collect();
    assert_eq!(lines.len(), 2, "{text}");
    for line in lines {
        // The roster's right border is at column 37, the card's left at 38.
        let mut col = 0;
        let mut at37 = None;
        for c in line.chars() {
            if col == 37 {
                at37 = Some(c);
            }
            col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        }
        assert_eq!(at37, Some('│'), "{line}");
        assert!(line.starts_with('│') && line.contains("││"), "{line}");
    }
}

#[test]
fn another_days_plan_shows_the_drift_not_minus_818_minutes() {
    let (mut s, _) = mid_exchange(Lang::Ja);
    // The plan says 2026-01-20; this rehearsal runs on 2026-12-01 00:21.
    let day = chrono::Duration::days(315);
    let shift = |t: &mut crate::model::Stamp| *t += day;
    for h in &mut s.run.history {
        h.run.started.iter_mut().for_each(shift);
        h.ended += day;
        h.run.pauses.iter_mut().for_each(|p| p.from += day);
    }
    if let Some(c) = s.run.current.as_mut() {
        c.started.iter_mut().for_each(shift);
    }
    let now = at(25 * 60 + 57) + day;
    let text = draw(&s, now, 100, 30);
    let header = text.lines().nth(1).unwrap();
    assert!(!header.contains("予定終了"), "{header}");
    assert!(header.contains("計画比 +2分"), "{header}");
    assert!(!header.contains("-"), "{header}");
}

#[test]
fn the_end_of_the_sitting_is_summed_up() {
    let (mut s, _) = mid_exchange(Lang::Ja);
    update(&mut s, Action::Command(Command::NextBlock), at(60 * 60));
    update(&mut s, Action::Command(Command::NextBlock), at(60 * 60));
    let text = draw(&s, at(60 * 60 + 5), 100, 30);
    assert!(text.contains("本日の記録"), "{text}");
    assert!(
        text.contains("事務局からの情報提供  5分 → 7:00  (+2:00)"),
        "{text}"
    );
    assert!(text.contains("各グループからの報告  9分 → 省略"), "{text}");
}

#[test]
fn a_read_only_console_advertises_only_what_works() {
    let mut s = base(Lang::Ja);
    s.read_only = true;
    let text = draw(&s, at(0), 100, 30);
    assert!(!text.contains("スペースで開始"), "{text}");
    assert!(!text.contains("+/- ±1分"), "{text}");
    assert!(
        text.contains("閲覧のみ  j/k 班  1-2 周知  r 資料"),
        "{text}"
    );
    // Generated from the key layers: only keys that change nothing.
    let narrow = draw(&s, at(0), 80, 24);
    let footer = narrow.lines().last().unwrap().trim_end();
    assert_eq!(
        footer,
        " 閲覧のみ  j/k 班  1-2 周知  r 資料  ? ヘルプ  q 終了"
    );
    // The badge no longer covers the projected end.
    assert!(text.contains("[閲覧のみ]"), "{text}");
}

#[test]
fn the_help_is_readable_at_60x16_and_scrolls_to_its_end() {
    let mut s = base(Lang::Ja);
    s.size = (60, 16);
    update(&mut s, Action::Command(Command::Help), at(0));
    let text = draw(&s, at(0), 60, 16);
    // F12: `n` and `R` no longer both read 「次のブロッ~」/「このブロッ~」.
    let n = crate::facilitator::keys::help_text(Command::NextBlock, Lang::Ja);
    let r = crate::facilitator::keys::help_text(Command::Restart, Lang::Ja);
    // Wrapped, never cut: each description starts whole on its line.
    let start = |t: &str| t.chars().take(12).collect::<String>();
    assert!(
        text.contains(&start(n)) && text.contains(&start(r)),
        "{text}"
    );
    assert!(!text.contains('~'), "{text}");
    assert!(!text.contains("q / Ctrl+C"), "{text}");
    for _ in 0..30 {
        update(&mut s, Action::Command(Command::Down), at(0));
    }
    let text = draw(&s, at(0), 60, 16);
    assert!(text.contains("q / Ctrl+C"), "{text}");
    insta::assert_snapshot!(text);
}
