//! Changing a sitting's `session.json` as a JSON document (every field the
//! secretariat wrote kept, in its order): the groups replaced, the result
//! checked before anything is written, the previous plan kept as
//! `session.json.bak`, both written atomically through the store.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::new_sitting::drop_report_orders;
use crate::model::{PlanCheck, read_plan};
use crate::store::{self, StoreError, sessions};

/// A group as it will be written to the plan.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NewGroup {
    /// Its id.
    pub(crate) id: String,
    /// The stage label shown with it.
    pub(crate) label: Option<String>,
    /// Its themes.
    pub(crate) themes: Vec<String>,
    /// Its members, in the member object form.
    pub(crate) members: Vec<Value>,
}

/// Reads the plan file as a JSON document.
pub(crate) fn load(path: &Path) -> Result<Value, String> {
    let bytes = sessions::read_bytes(path).map_err(|e| e.to_string())?;
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    serde_json::from_slice(body).map_err(|e| e.to_string())
}

/// The plan with its groups replaced; report orders that named the old
/// groups are dropped when a group they name is gone.
pub(crate) fn with_groups(plan: &Value, groups: &[NewGroup]) -> Value {
    let mut plan = plan.clone();
    let Some(obj) = plan.as_object_mut() else {
        return plan;
    };
    let list: Vec<Value> = groups
        .iter()
        .map(|g| {
            let mut m = Map::new();
            m.insert("id".into(), g.id.clone().into());
            if let Some(l) = &g.label {
                m.insert("label".into(), l.clone().into());
            }
            m.insert(
                "themes".into(),
                Value::Array(g.themes.iter().cloned().map(Value::from).collect()),
            );
            m.insert("members".into(), Value::Array(g.members.clone()));
            Value::Object(m)
        })
        .collect();
    let ids: Vec<&str> = groups.iter().map(|g| g.id.as_str()).collect();
    let stale = obj
        .get("agenda")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|b| b.get("report")?.get("order")?.as_array())
        .flatten()
        .any(|g| !g.as_str().is_some_and(|g| ids.contains(&g)));
    if stale {
        drop_report_orders(obj);
    }
    obj.insert("groups".into(), Value::Array(list));
    plan
}

/// The bytes written for a plan: pretty JSON, two-space indent, a final newline.
pub(crate) fn to_bytes(plan: &Value) -> Vec<u8> {
    store::document::to_pretty_json(plan).unwrap_or_default()
}

/// Checks the bytes as `check` would. A change is refused when it brings
/// errors in the groups (problems elsewhere were there before and stay the
/// user's to fix).
pub(crate) fn check_groups(bytes: &[u8], default_id: &str) -> Result<PlanCheck, Box<PlanCheck>> {
    let check = read_plan(bytes, default_id);
    if check.errors().any(|p| p.path.starts_with("groups")) {
        Err(Box::new(check))
    } else {
        Ok(check)
    }
}

/// The backup kept of a plan before it is changed.
pub(crate) fn backup_path(plan: &Path) -> PathBuf {
    let mut name = plan.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    plan.with_file_name(name)
}

/// Writes the plan, first keeping the current one as `session.json.bak`.
pub(crate) fn write_with_backup(plan: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    if let Ok(old) = sessions::read_bytes(plan) {
        store::replace(&backup_path(plan), &old)?;
    }
    store::replace(plan, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prepare::registration::group_id;

    #[test]
    fn group_cells_become_ids() {
        assert_eq!(group_id("Ａ").as_deref(), Some("A"));
        assert_eq!(group_id("A班").as_deref(), Some("A"));
        assert_eq!(group_id("グループ２").as_deref(), Some("2"));
        assert_eq!(group_id(" b ").as_deref(), Some("B"));
        assert_eq!(group_id("第1分科会"), None);
    }

    #[test]
    fn new_groups_replace_the_old_and_drop_a_stale_report_order() {
        let plan: Value = serde_json::from_str(
            r#"{"title":"t","agenda":[{"id":"r","report":{"minutes_per_group":3,"order":["X"]}}],
                "groups":[{"id":"X","members":["旧"]}],"references":[]}"#,
        )
        .unwrap();
        let g = NewGroup {
            id: "A".into(),
            label: Some("①".into()),
            themes: vec!["1".into()],
            members: vec![serde_json::json!({"name": "白鷹町", "stage": "①"})],
        };
        let out = with_groups(&plan, &[g]);
        assert_eq!(out["groups"][0]["id"], "A");
        assert_eq!(out["groups"][0]["label"], "①");
        assert_eq!(out["groups"][0]["members"][0]["name"], "白鷹町");
        assert!(out["agenda"][0]["report"].get("order").is_none());
        // Field order is kept: groups stays where it was, before references.
        let keys: Vec<&String> = out.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["title", "agenda", "groups", "references"]);
    }

    #[test]
    fn the_backup_sits_beside_the_plan() {
        assert_eq!(
            backup_path(Path::new("s/jichitai-10/session.json")),
            Path::new("s/jichitai-10/session.json.bak")
        );
    }
}
