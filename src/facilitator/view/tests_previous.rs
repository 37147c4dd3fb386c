//! 「前回のアクション」 on the facilitator's prompt card at 80×24: the selected
//! group's members' actions of the previous sitting under its themes, and
//! nothing for a group whose members own none.

use super::card::card_lines;
use super::tests::{at, draw};
use crate::facilitator::action::{Action, Command};
use crate::facilitator::{State, update};
use crate::i18n::Lang;
use crate::model::run::RunState;
use crate::model::{Member, read_plan};
use crate::previous_actions::Previous;

fn fixtures() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive")
}

fn plan_of(id: &str) -> crate::model::Plan {
    let bytes = std::fs::read(fixtures().join(id).join("session.json")).unwrap();
    read_plan(&bytes, id).plan.unwrap()
}

/// jichitai-10, where 佐野 (without 市) and 函館市 now sit in group A.
fn state(lang: Lang) -> State {
    let mut plan = plan_of("jichitai-10");
    plan.groups[0].members.insert(1, Member::named("佐野"));
    plan.groups[0].members.push(Member::named("函館市"));
    with_previous(plan, lang)
}

fn with_previous(plan: crate::model::Plan, lang: Lang) -> State {
    let run = RunState::new(&plan);
    let mut s = State::new(plan, run, lang);
    let dir = fixtures().join("jichitai-09");
    let prev: Previous = crate::store::previous_sitting::read(dir, plan_of("jichitai-09")).into();
    update(&mut s, Action::PreviousLoaded(Some(Box::new(prev))), at(0));
    s
}

fn text(s: &State) -> String {
    card_lines(s, 40)
        .iter()
        .map(|l| l.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_card_lists_the_groups_previous_actions_after_its_themes() {
    let s = state(Lang::Ja);
    let card = text(&s);
    let head = card.find("前回のアクション（第9回").expect(&card);
    assert!(card.find("庁内の体制構築").unwrap() < head, "themes first");
    let open = card.find("[未完了] 佐野市").expect(&card);
    let done = card
        .find("[完了] 函館市・事務局  事務局 2/10 09:30")
        .expect(&card);
    assert!(open < done, "open ones first: {card}");
    // Group B's members own none: no section at all.
    let mut b = s.clone();
    update(&mut b, Action::Command(Command::NextGroup), at(1));
    assert!(!text(&b).contains("前回のアクション"), "{}", text(&b));
    // Before the previous sitting is read, the card is the prompts only.
    let mut none = s.clone();
    none.previous = None;
    assert!(!text(&none).contains("前回のアクション"));
}

#[test]
fn the_card_border_counts_the_open_ones_until_none_is_left() {
    let s = state(Lang::Ja);
    assert_eq!(
        crate::facilitator::previous::card_badge(&s, 80).as_deref(),
        Some(" 前回1 ")
    );
    let screen = draw(&s, at(5), 80, 24);
    assert!(screen.contains("テーマ1 ──── 前回1 ┐"), "{screen}");
    // Group B owns none; with n05 done, group A has none open either.
    let mut b = s.clone();
    update(&mut b, Action::Command(Command::NextGroup), at(1));
    assert_eq!(crate::facilitator::previous::card_badge(&b, 80), None);
    let mut done = s.clone();
    let prev = done.previous.as_mut().unwrap();
    let a = prev.notes.iter_mut().find(|n| n.group == "A").unwrap();
    a.set_action_state("n05", crate::model::actions::ActionState::Done, None, at(2));
    assert_eq!(crate::facilitator::previous::card_badge(&done, 80), None);
}

#[test]
fn previous_actions_on_the_card_ja_80x24() {
    let mut s = state(Lang::Ja);
    update(&mut s, Action::Resize(80, 24), at(0));
    for t in 0..3 {
        update(&mut s, Action::Command(Command::ScrollDown), at(t));
    }
    insta::assert_snapshot!(draw(&s, at(5), 80, 24));
}

/// jichitai-10 as planned (佐野市 and 函館市 are not here today), and an
/// action of jichitai-09 owned by 「事務局」 alone.
fn unclaimed_state() -> State {
    let mut s = with_previous(plan_of("jichitai-10"), Lang::Ja);
    let prev = s.previous.as_mut().unwrap();
    let b = prev.notes.iter_mut().find(|n| n.group == "B").unwrap();
    let mut own = b.notes.iter().find(|n| n.id == "n15").unwrap().clone();
    own.id = "n99".into();
    own.owner = Some("事務局".into());
    own.text = "次回までに各自治体のKPI事例を一覧にして配る".into();
    b.notes.push(own);
    s
}

#[test]
fn actions_owned_by_nobody_here_are_on_every_groups_card() {
    let s = unclaimed_state();
    for g in 0..3 {
        let mut t = s.clone();
        t.selected = g;
        let card = text(&t);
        let head = card
            .find("担当が名簿にない前回のアクション（第9回")
            .expect(&card);
        assert!(
            !card.contains("\n前回のアクション（"),
            "no group owns one: {card}"
        );
        let open: Vec<usize> = ["[未完了] 佐野市", "[未完了] 事務局"]
            .iter()
            .map(|w| card.find(w).expect(&card))
            .collect();
        let done = card.find("[完了] 函館市・事務局").expect(&card);
        assert!(head < open[0] && open[1] < done, "open ones first: {card}");
        assert_eq!(
            crate::facilitator::previous::card_badge(&t, 80).as_deref(),
            Some(" 名簿外2 ")
        );
    }
    // Both at once: the group's own and the ones nobody here owns.
    let mut both = s.clone();
    both.plan.groups[0].members.push(Member::named("佐野"));
    assert_eq!(
        crate::facilitator::previous::card_badge(&both, 80).as_deref(),
        Some(" 前回1・名簿外1 ")
    );
    // Where the title leaves less room, their sum; the title stays whole.
    assert_eq!(
        crate::facilitator::previous::card_badge(&both, 12).as_deref(),
        Some(" 前回2 ")
    );
    assert_eq!(crate::facilitator::previous::card_badge(&both, 6), None);
    let screen = draw(&both, at(5), 80, 24);
    assert!(screen.contains("班A: テーマ1 ──── 前回2 ┐"), "{screen}");
    let card = text(&both);
    let own = card.find("前回のアクション（第9回").expect(&card);
    let rest = card.find("担当が名簿にない前回のアクション").expect(&card);
    assert!(own < rest, "{card}");
}

#[test]
fn unclaimed_actions_on_the_card_ja_80x24() {
    let mut s = unclaimed_state();
    update(&mut s, Action::Resize(80, 24), at(0));
    for t in 0..3 {
        update(&mut s, Action::Command(Command::ScrollDown), at(t));
    }
    insta::assert_snapshot!(draw(&s, at(5), 80, 24));
}

#[test]
fn unclaimed_actions_on_the_card_ja_120x35() {
    let mut s = unclaimed_state();
    update(&mut s, Action::Resize(120, 35), at(0));
    update(&mut s, Action::Command(Command::ScrollDown), at(1));
    insta::assert_snapshot!(draw(&s, at(5), 120, 35));
}
