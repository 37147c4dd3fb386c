//! Rules that tie parts of a plan together: unique ids, themes that exist,
//! segments that fit their block, groups for a breakout.

use std::collections::HashMap;

use super::fields::{Reader, join};
use super::json_tree::Node;
use super::plan::{AgendaBlock, Group, Reference, Theme};
use super::problem::ProblemKind;
use super::stage::same_stage;

/// The parts of a plan that were readable, each with the path it came from.
pub(crate) struct Parts<'a> {
    /// Agenda blocks.
    pub(crate) agenda: &'a [(AgendaBlock, String)],
    /// Themes.
    pub(crate) themes: &'a [(Theme, String)],
    /// Groups.
    pub(crate) groups: &'a [(Group, String)],
    /// Reference cards.
    pub(crate) references: &'a [(Reference, String)],
}

/// Reports every broken cross-reference in the plan.
pub(crate) fn check_rules(r: &mut Reader, root: &Node, parts: &Parts) {
    let at = |path: &str| root.find(path).map(|n| n.pos);
    unique(
        r,
        root,
        parts
            .agenda
            .iter()
            .map(|(b, p)| (b.id.as_str(), join(p, "id"))),
    );
    unique(
        r,
        root,
        parts
            .themes
            .iter()
            .map(|(t, p)| (t.id.as_str(), join(p, "id"))),
    );
    unique(
        r,
        root,
        parts
            .groups
            .iter()
            .map(|(g, p)| (g.id.as_str(), join(p, "id"))),
    );
    unique(
        r,
        root,
        parts
            .references
            .iter()
            .filter_map(|(c, p)| Some((c.id.as_deref()?, join(p, "id")))),
    );
    for (theme, path) in parts.themes {
        // Question ids are only in the file when written as objects; the
        // defaults (q1, s1 …) cannot collide with each other.
        let ids = theme
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), format!("{path}.questions[{i}].id")));
        let survey = theme
            .survey
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), format!("{path}.survey[{i}].id")));
        unique(r, root, ids.chain(survey));
    }

    let theme_ids: Vec<&str> = parts.themes.iter().map(|(t, _)| t.id.as_str()).collect();
    for (group, path) in parts.groups {
        for (i, theme) in group.themes.iter().enumerate() {
            if !theme_ids.contains(&theme.as_str()) {
                let p = format!("{path}.themes[{i}]");
                r.report(at(&p), p, ProblemKind::UnknownTheme(theme.clone()));
            }
        }
    }

    let group_ids: Vec<&str> = parts.groups.iter().map(|(g, _)| g.id.as_str()).collect();
    for (block, path) in parts.agenda {
        let sum: u32 = block.segments.iter().map(|s| s.minutes).sum();
        if sum > block.minutes {
            let p = join(path, "segments");
            r.report(
                at(&p),
                p,
                ProblemKind::SegmentsTooLong {
                    sum,
                    block: block.minutes,
                },
            );
        }
        if (block.breakout || block.report.is_some()) && group_ids.is_empty() {
            let p = join(path, if block.breakout { "breakout" } else { "report" });
            r.report(at(&p), p, ProblemKind::NoGroups);
        }
        if let Some(report) = &block.report {
            for (i, g) in report.order.iter().enumerate() {
                if !group_ids.contains(&g.as_str()) {
                    let p = format!("{path}.report.order[{i}]");
                    r.report(at(&p), p, ProblemKind::UnknownGroup(g.clone()));
                }
            }
            let turns = if report.order.is_empty() {
                group_ids.len()
            } else {
                report.order.len()
            };
            let needed = report.minutes_per_group.saturating_mul(turns as u32);
            if needed > block.minutes && !group_ids.is_empty() {
                let p = join(path, "report");
                r.report(
                    at(&p),
                    p,
                    ProblemKind::ReportLongerThanBlock {
                        needed,
                        block: block.minutes,
                    },
                );
            }
        }
    }

    // A member's stage matters only once themes say which stages they are for.
    let theme_stages: Vec<&str> = parts
        .themes
        .iter()
        .flat_map(|(t, _)| t.stages.iter().map(String::as_str))
        .collect();
    if !theme_stages.is_empty() {
        for (group, path) in parts.groups {
            for (i, m) in group.members.iter().enumerate() {
                let Some(stage) = &m.stage else { continue };
                if !theme_stages.iter().any(|s| same_stage(s, stage)) {
                    let p = format!("{path}.members[{i}].stage");
                    r.report(at(&p), p, ProblemKind::UnknownStage(stage.clone()));
                }
            }
        }
    }

    let mut seen: HashMap<&str, &str> = HashMap::new();
    for (group, path) in parts.groups {
        for (i, m) in group.members.iter().enumerate() {
            match seen.get(m.name.as_str()) {
                Some(first) if *first != group.id => {
                    let p = format!("{path}.members[{i}]");
                    let kind = ProblemKind::MemberInTwoGroups {
                        name: m.name.clone(),
                        first_group: first.to_string(),
                    };
                    r.report(at(&p), p, kind);
                }
                Some(_) => {}
                None => {
                    seen.insert(&m.name, &group.id);
                }
            }
        }
    }
}

fn unique<'a>(r: &mut Reader, root: &Node, ids: impl Iterator<Item = (&'a str, String)>) {
    let mut first: HashMap<&str, String> = HashMap::new();
    for (id, path) in ids {
        match first.get(id) {
            Some(first_path) => {
                let first = root.find(first_path).map(|n| n.pos);
                let pos = root.find(&path).map(|n| n.pos);
                r.report(
                    pos,
                    path,
                    ProblemKind::DuplicateId {
                        id: id.to_string(),
                        first,
                    },
                );
            }
            None => {
                first.insert(id, path);
            }
        }
    }
}
