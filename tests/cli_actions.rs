//! `bunkakai actions`: the action items of every sitting with their owner and
//! status, filtered, as lines or JSON.

mod common;

use std::process::Output;

use common::cli::{in_archive, stdout};

fn actions(args: &[&str]) -> Output {
    in_archive(&[&["actions"], args].concat())
}

fn lines(out: &Output) -> Vec<String> {
    stdout(out).lines().map(str::to_string).collect()
}

#[test]
fn every_action_with_its_status_newest_sitting_first() {
    let out = actions(&[]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        lines(&out),
        [
            "2026-02-17  jichitai-10  A  [未完了]  新潟市  経済団体との連携協定案を作る",
            "2026-01-20  jichitai-09  A  [未完了]  佐野市  KPI設定シートを次回までに共有する",
            "2026-01-20  jichitai-09  B  [完了]  函館市・事務局  経済団体向けの説明資料を事務局と作る  (事務局 2026-02-10 09:30)",
        ]
    );
    // The unreadable files are still named.
    assert!(String::from_utf8_lossy(&out.stderr).contains("jichitai-09/notes/C.json"));
}

#[test]
fn open_and_owner_filters_and_json() {
    let open = actions(&["--open"]);
    assert_eq!(lines(&open).len(), 2);
    assert!(lines(&open).iter().all(|l| l.contains("[未完了]")));
    let sano = actions(&["--owner", "佐野", "--json"]);
    let hits: Vec<serde_json::Value> = lines(&sano)
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["sitting"], "jichitai-09");
    assert_eq!(hits[0]["id"], "n05");
    assert_eq!(hits[0]["status"], "open");
    assert_eq!(hits[0]["status_by"], serde_json::Value::Null);
    let done = actions(&["--owner", "函館", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&lines(&done)[0]).unwrap();
    assert_eq!(v["status"], "done");
    assert_eq!(v["status_at"], "2026-02-10T09:30:00+09:00");
    let none = actions(&["--owner", "誰でもない"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
}
