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
        crate::facilitator::previous::card_badge(&s).as_deref(),
        Some(" 前回1 ")
    );
    let screen = draw(&s, at(5), 80, 24);
    assert!(screen.contains("テーマ1 ──── 前回1 ┐"), "{screen}");
    // Group B owns none; with n05 done, group A has none open either.
    let mut b = s.clone();
    update(&mut b, Action::Command(Command::NextGroup), at(1));
    assert_eq!(crate::facilitator::previous::card_badge(&b), None);
    let mut done = s.clone();
    let prev = done.previous.as_mut().unwrap();
    let a = prev.notes.iter_mut().find(|n| n.group == "A").unwrap();
    a.set_action_state("n05", crate::model::actions::ActionState::Done, None, at(2));
    assert_eq!(crate::facilitator::previous::card_badge(&done), None);
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
