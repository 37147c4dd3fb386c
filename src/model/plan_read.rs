//! Turns a positioned JSON tree into a [`Plan`], reporting every problem.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;

use super::fields::{Fields, Reader};
use super::json_tree::{Node, Value};
use super::plan::*;
use super::plan_rules::{Parts, check_rules};
use super::problem::{Expected, ProblemKind};
use super::stage::same_stage;

mod groups;
use groups::group;
pub(crate) use groups::looks_like_email;

const TOP: &[&str] = &[
    "format",
    "id",
    "title",
    "date",
    "start",
    "timezone",
    "alerts_min",
    "broadcasts",
    "agenda",
    "themes",
    "groups",
    "references",
    "follows",
];
/// The fields of an agenda block.
pub(super) const BLOCK: &[&str] = &[
    "id",
    "title",
    "minutes",
    "materials",
    "points",
    "breakout",
    "segments",
    "report",
];
const SEGMENT: &[&str] = &["title", "minutes"];
const REPORT: &[&str] = &["minutes_per_group", "order"];
const THEME: &[&str] = &["id", "title", "audience", "questions", "survey", "stages"];
const QUESTION: &[&str] = &["id", "text", "points"];
const REFERENCE: &[&str] = &["id", "title", "body"];

/// The longest block, segment or alert, in minutes (ten hours).
pub(crate) const MAX_MINUTES: u32 = 600;
/// Alerts used when the plan names none.
pub(crate) const DEFAULT_ALERTS: [u32; 2] = [5, 1];

/// Reads the plan's fields. Returns a plan only when every required part was
/// readable; the caller decides validity from the problems.
pub(crate) fn read_plan(r: &mut Reader, root: &Node, default_id: &str) -> Option<Plan> {
    let f = r.object(root, "", TOP)?;
    let id = match f.get("id") {
        Some(node) => r.id(node, "id"),
        None => Some(default_id.to_string()),
    };
    let title = r.required_text(&f, "title");
    let date = parse_opt(
        r,
        &f,
        "date",
        |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
        ProblemKind::BadDate,
    );
    let start = parse_opt(
        r,
        &f,
        "start",
        |s| NaiveTime::parse_from_str(s, "%H:%M").ok(),
        ProblemKind::BadTime,
    );
    let timezone = parse_opt(
        r,
        &f,
        "timezone",
        |s| s.parse::<Tz>().ok(),
        ProblemKind::BadTimezone,
    )
    .unwrap_or(chrono_tz::Asia::Tokyo);
    let alerts_min = alerts(r, &f);
    let broadcasts = r.texts(&f, "broadcasts");
    // The console's keys 1-9 reach the first nine messages only.
    if let Some(Node {
        value: Value::Array(items),
        ..
    }) = f.get("broadcasts")
        && let Some(tenth) = items.get(9)
    {
        let path = format!("{}[9]", f.path_of("broadcasts"));
        r.report(
            Some(tenth.pos),
            path,
            ProblemKind::BroadcastWithoutKey(items.len()),
        );
    }
    let agenda = match f.get("agenda") {
        None => {
            r.report(Some(f.pos), "agenda", ProblemKind::Missing);
            None
        }
        Some(Node {
            value: Value::Array(items),
            pos,
            ..
        }) if items.is_empty() => {
            r.report(Some(*pos), "agenda", ProblemKind::EmptyList);
            None
        }
        Some(_) => Some(located(r, &f, "agenda", block)),
    };
    let themes = located(r, &f, "themes", theme);
    let groups = located(r, &f, "groups", group);
    let references = located(r, &f, "references", reference);
    let follows = f.get("follows").and_then(|n| r.id(n, "follows"));
    if let (Some(prev), Some(own), Some(node)) = (&follows, &id, f.get("follows"))
        && prev == own
    {
        r.report(Some(node.pos), "follows", ProblemKind::FollowsItself);
    }
    let parts = Parts {
        agenda: agenda.as_deref().unwrap_or_default(),
        themes: &themes,
        groups: &groups,
        references: &references,
    };
    check_rules(r, root, &parts);
    Some(Plan {
        id: id?,
        title: title?,
        date,
        start,
        timezone,
        alerts_min,
        broadcasts,
        agenda: unlocate(agenda?),
        themes: unlocate(themes),
        groups: unlocate(groups),
        references: unlocate(references),
        follows,
    })
}

/// Reads each item of a list field, keeping the path it came from so the
/// rules can point back at it.
fn located<T>(
    r: &mut Reader,
    f: &Fields,
    field: &str,
    read: impl Fn(&mut Reader, &Node, &str) -> Option<T>,
) -> Vec<(T, String)> {
    r.list(f, field)
        .into_iter()
        .filter_map(|(n, p)| read(r, n, &p).map(|t| (t, p)))
        .collect()
}

fn unlocate<T>(items: Vec<(T, String)>) -> Vec<T> {
    items.into_iter().map(|(t, _)| t).collect()
}

fn parse_opt<T>(
    r: &mut Reader,
    f: &Fields,
    field: &str,
    parse: impl Fn(&str) -> Option<T>,
    bad: impl Fn(String) -> ProblemKind,
) -> Option<T> {
    let node = f.get(field)?;
    let text = r.text(node, &f.path_of(field))?;
    let value = parse(text.trim());
    if value.is_none() {
        r.report(Some(node.pos), f.path_of(field), bad(text));
    }
    value
}

fn alerts(r: &mut Reader, f: &Fields) -> Vec<u32> {
    if f.get("alerts_min").is_none() {
        return DEFAULT_ALERTS.to_vec();
    }
    let mut out: Vec<u32> = Vec::new();
    for (node, path) in r.list(f, "alerts_min") {
        if let Some(m) = r.minutes(node, &path, 1, MAX_MINUTES) {
            if out.contains(&m) {
                r.report(Some(node.pos), path, ProblemKind::DuplicateAlert(m));
            } else {
                out.push(m);
            }
        }
    }
    out.sort_unstable_by(|a, b| b.cmp(a));
    out
}

fn block(r: &mut Reader, node: &Node, path: &str) -> Option<AgendaBlock> {
    let f = r.object(node, path, BLOCK)?;
    let id = r.required_id(&f, "id");
    let title = r.required_text(&f, "title");
    let minutes = r.required_minutes(&f, "minutes", 1, MAX_MINUTES);
    let materials = r.optional_text(&f, "materials");
    let points = r.texts(&f, "points");
    let breakout = r.flag(&f, "breakout");
    let segments = r
        .list(&f, "segments")
        .into_iter()
        .filter_map(|(n, p)| segment(r, n, &p))
        .collect();
    let report = f
        .get("report")
        .and_then(|n| report(r, n, &f.path_of("report")));
    Some(AgendaBlock {
        id: id?,
        title: title?,
        minutes: minutes?,
        materials,
        points,
        breakout,
        segments,
        report,
    })
}

fn segment(r: &mut Reader, node: &Node, path: &str) -> Option<Segment> {
    let f = r.object(node, path, SEGMENT)?;
    let title = r.required_text(&f, "title");
    let minutes = r.required_minutes(&f, "minutes", 1, MAX_MINUTES);
    Some(Segment {
        title: title?,
        minutes: minutes?,
    })
}

fn report(r: &mut Reader, node: &Node, path: &str) -> Option<ReportRound> {
    let f = r.object(node, path, REPORT)?;
    let minutes_per_group = r.required_minutes(&f, "minutes_per_group", 1, MAX_MINUTES);
    let order = r
        .list(&f, "order")
        .into_iter()
        .filter_map(|(n, p)| r.id(n, &p))
        .collect();
    Some(ReportRound {
        minutes_per_group: minutes_per_group?,
        order,
    })
}

fn theme(r: &mut Reader, node: &Node, path: &str) -> Option<Theme> {
    let f = r.object(node, path, THEME)?;
    let id = r.required_id(&f, "id");
    let title = r.required_text(&f, "title");
    let audience = r.optional_text(&f, "audience");
    let key = questions(r, &f, "questions", "q");
    let survey = questions(r, &f, "survey", "s");
    let stages = stages(r, &f);
    Some(Theme {
        id: id?,
        title: title?,
        audience,
        questions: key,
        survey,
        stages,
    })
}

/// A theme's stages: non-blank labels, each stage once (「①」 and 「1」 are
/// the same stage).
fn stages(r: &mut Reader, f: &Fields) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (node, path) in r.list(f, "stages") {
        let Some(label) = r.text(node, &path) else {
            continue;
        };
        if out.iter().any(|s| same_stage(s, &label)) {
            r.report(Some(node.pos), path, ProblemKind::DuplicateStage(label));
        } else {
            out.push(label);
        }
    }
    out
}

fn questions(r: &mut Reader, f: &Fields, field: &str, prefix: &str) -> Vec<Question> {
    let items = r.list(f, field);
    let mut out = Vec::new();
    for (i, (node, path)) in items.into_iter().enumerate() {
        let default_id = format!("{prefix}{}", i + 1);
        let q = match &node.value {
            Value::String(_) => r.text(node, &path).map(|text| Question {
                id: default_id,
                text,
                points: vec![],
            }),
            Value::Object(_) => {
                let Some(q) = r.object(node, &path, QUESTION) else {
                    continue;
                };
                let id = match q.get("id") {
                    Some(n) => r.id(n, &q.path_of("id")),
                    None => Some(default_id),
                };
                let text = r.required_text(&q, "text");
                let points = r.texts(&q, "points");
                id.zip(text).map(|(id, text)| Question { id, text, points })
            }
            _ => {
                r.report(
                    Some(node.pos),
                    path,
                    ProblemKind::WrongType(Expected::QuestionEntry),
                );
                None
            }
        };
        out.extend(q);
    }
    out
}

fn reference(r: &mut Reader, node: &Node, path: &str) -> Option<Reference> {
    let f = r.object(node, path, REFERENCE)?;
    let id = f.get("id").and_then(|n| r.id(n, &f.path_of("id")));
    let title = r.required_text(&f, "title");
    let body = match f.get("body") {
        Some(n) => match &n.value {
            Value::String(s) => s.clone(),
            _ => {
                r.report(
                    Some(n.pos),
                    f.path_of("body"),
                    ProblemKind::WrongType(Expected::String),
                );
                String::new()
            }
        },
        None => String::new(),
    };
    Some(Reference {
        id,
        title: title?,
        body,
    })
}
