//! A plan with more broadcast messages than the facilitator has keys for
//! (1-9) is valid, and `check` warns that the tenth and later cannot be sent.

mod common;

use bunkakai::check::problem_lines;
use bunkakai::i18n::Lang;
use bunkakai::model::read_plan;

fn with_broadcasts(n: usize) -> Vec<u8> {
    let text = std::fs::read_to_string(common::plan_file()).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let msgs: Vec<String> = (1..=n).map(|i| format!("お知らせ{i}")).collect();
    v["broadcasts"] = serde_json::json!(msgs);
    serde_json::to_vec_pretty(&v).unwrap()
}

#[test]
fn a_tenth_broadcast_is_warned_about_but_the_plan_stays_usable() {
    let check = read_plan(&with_broadcasts(10), "jichitai-09");
    assert!(check.plan.is_some());
    let lines = problem_lines("session.json", &check, Lang::En);
    let all = lines.join("\n");
    assert!(all.contains("keys 1-9 reach only the first nine"), "{all}");
    assert!(all.contains("broadcasts[9]"), "{all}");
    let check = read_plan(&with_broadcasts(9), "jichitai-09");
    let all = problem_lines("session.json", &check, Lang::En).join("\n");
    assert!(!all.contains("broadcast"), "{all}");
}
