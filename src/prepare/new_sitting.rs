//! The plan of the next sitting, made from a past one: the same agenda,
//! themes, references and broadcasts, a new date, the title's number moved
//! on (第9回 → 第10回), groups kept or emptied, `follows` set. Pure: JSON in,
//! JSON out, with a list of what changed to tell the user.

use chrono::{NaiveDate, NaiveTime};
use serde_json::Value;

/// What the user asked of the new sitting.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct NewOptions {
    /// The title; by default the past one with its number moved on.
    pub(crate) title: Option<String>,
    /// The day.
    pub(crate) date: Option<NaiveDate>,
    /// The start time.
    pub(crate) start: Option<NaiveTime>,
    /// Keep the past groups and their rosters.
    pub(crate) keep_groups: bool,
}

/// One thing `new --from` did that the user should know.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Change {
    /// The title's number was moved on.
    Numbered {
        /// The past title.
        from: String,
        /// The new one.
        to: String,
    },
    /// The title has no 第N回 to move on; it was copied as it was.
    TitleCopied(String),
    /// The title was given.
    TitleGiven(String),
    /// The date was given.
    Date(NaiveDate),
    /// No date was given; the past one was not copied.
    NoDate,
    /// The past groups were kept (how many).
    GroupsKept(usize),
    /// The past groups were left out (how many).
    GroupsEmptied(usize),
}

/// The next sitting's plan from the past plan (as JSON, its fields in their
/// order). `past_id` is the past sitting's id.
pub(crate) fn from_past(past: &Value, past_id: &str, opts: &NewOptions) -> (Value, Vec<Change>) {
    let mut plan = past.clone();
    let mut changes = Vec::new();
    let Some(obj) = plan.as_object_mut() else {
        return (plan, changes);
    };
    // The new folder's name is the id; a copied id would claim the past one.
    obj.remove("id");
    let past_title = obj
        .get("title")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let title = match &opts.title {
        Some(t) => {
            changes.push(Change::TitleGiven(t.clone()));
            t.clone()
        }
        None => match next_title(&past_title) {
            Some(t) => {
                changes.push(Change::Numbered {
                    from: past_title.clone(),
                    to: t.clone(),
                });
                t
            }
            None => {
                changes.push(Change::TitleCopied(past_title.clone()));
                past_title.clone()
            }
        },
    };
    obj.insert("title".into(), title.into());
    match opts.date {
        Some(d) => {
            obj.insert("date".into(), d.format("%Y-%m-%d").to_string().into());
            changes.push(Change::Date(d));
        }
        None => {
            obj.remove("date");
            changes.push(Change::NoDate);
        }
    }
    if let Some(s) = opts.start {
        obj.insert("start".into(), s.format("%H:%M").to_string().into());
    }
    let groups = obj
        .get("groups")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    if opts.keep_groups {
        changes.push(Change::GroupsKept(groups));
    } else {
        obj.insert("groups".into(), Value::Array(vec![]));
        drop_report_orders(obj);
        changes.push(Change::GroupsEmptied(groups));
    }
    obj.insert("follows".into(), past_id.into());
    (plan, changes)
}

/// Report rounds list groups by id; with the groups gone the order goes too
/// (the round then takes every group in plan order).
pub(crate) fn drop_report_orders(obj: &mut serde_json::Map<String, Value>) {
    if let Some(Value::Array(blocks)) = obj.get_mut("agenda") {
        for block in blocks {
            if let Some(Value::Object(report)) = block.get_mut("report") {
                report.remove("order");
            }
        }
    }
}

/// The title with its 第N回 moved on by one, keeping the digits' width
/// (第９回 → 第１０回); `None` when it has no such number.
pub(crate) fn next_title(title: &str) -> Option<String> {
    let start = title.find('第')? + '第'.len_utf8();
    let rest = &title[start..];
    let digits: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .collect();
    if digits.is_empty() || !rest[digits.len()..].starts_with('回') {
        return None;
    }
    let wide = digits.chars().any(|c| !c.is_ascii_digit());
    let n: u64 = digits
        .chars()
        .map(|c| c.to_digit(10).unwrap_or_else(|| c as u32 - '０' as u32))
        .fold(0u64, |n, d| {
            n.saturating_mul(10).saturating_add(u64::from(d))
        });
    let next = n.checked_add(1)?.to_string();
    let next = if wide {
        next.chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect()
    } else {
        next
    };
    Some(format!(
        "{}{}{}",
        &title[..start],
        next,
        &rest[digits.len()..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_numbers_move_on() {
        assert_eq!(
            next_title("第9回 自治体勉強会（各論編④）").as_deref(),
            Some("第10回 自治体勉強会（各論編④）")
        );
        assert_eq!(
            next_title("第９回勉強会").as_deref(),
            Some("第１０回勉強会")
        );
        assert_eq!(
            next_title("2026年 第19回 研究会").as_deref(),
            Some("2026年 第20回 研究会")
        );
        assert_eq!(next_title("第一回"), None);
        assert_eq!(next_title("自治体勉強会"), None);
        assert_eq!(next_title("第3期"), None);
    }

    #[test]
    fn from_past_keeps_the_programme_and_sets_follows() {
        let past: Value = serde_json::from_str(
            r#"{"format":"bunkakai.session/1","id":"old","title":"第9回 勉強会","date":"2026-01-20",
                "start":"14:00","broadcasts":["残り5分"],
                "agenda":[{"id":"r","title":"報告","minutes":9,"report":{"minutes_per_group":3,"order":["A"]}}],
                "groups":[{"id":"A","members":["白鷹町"]}]}"#,
        )
        .unwrap();
        let opts = NewOptions {
            date: NaiveDate::from_ymd_opt(2026, 2, 17),
            ..NewOptions::default()
        };
        let (plan, changes) = from_past(&past, "jichitai-09", &opts);
        assert_eq!(plan["title"], "第10回 勉強会");
        assert_eq!(plan["date"], "2026-02-17");
        assert_eq!(plan["start"], "14:00");
        assert_eq!(plan["follows"], "jichitai-09");
        assert_eq!(plan["broadcasts"][0], "残り5分");
        assert_eq!(plan["groups"], serde_json::json!([]));
        assert!(plan.get("id").is_none());
        assert!(plan["agenda"][0]["report"].get("order").is_none());
        assert!(changes.contains(&Change::GroupsEmptied(1)));
        let keep = NewOptions {
            keep_groups: true,
            ..NewOptions::default()
        };
        let (plan, changes) = from_past(&past, "jichitai-09", &keep);
        assert_eq!(plan["groups"][0]["id"], "A");
        assert!(plan.get("date").is_none());
        assert!(changes.contains(&Change::NoDate));
    }
}
