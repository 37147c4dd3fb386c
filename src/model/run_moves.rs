//! Who sits where during a sitting: the members the facilitator moved from
//! one group to another (kept in run.json), and each group's roster as it
//! stands after those moves.

use serde::{Deserialize, Serialize};
use serde_json::Map;
use serde_json::Value;

use super::Stamp;
use super::plan::{Member, Plan};
use super::run::RunState;

/// A member moved to another group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct MemberMove {
    /// The member's roster name.
    pub(crate) member: String,
    /// The group they left.
    pub(crate) from: String,
    /// The group they joined.
    pub(crate) to: String,
    /// When it was recorded.
    pub(crate) at: Stamp,
    /// Fields written by a newer bunkakai.
    #[serde(flatten)]
    pub(crate) extra: Map<String, Value>,
}

impl RunState {
    /// The group a member is in now, after the moves recorded so far.
    pub(crate) fn group_of<'p>(&self, plan: &'p Plan, member: &str) -> Option<&'p str> {
        let moved = self.moves.iter().rev().find(|m| m.member == member);
        match moved {
            Some(m) => plan.group(&m.to).map(|g| g.id.as_str()),
            None => plan
                .groups
                .iter()
                .find(|g| g.members.iter().any(|x| x.name == member))
                .map(|g| g.id.as_str()),
        }
    }

    /// A group's roster as it stands now: its planned members still there,
    /// in plan order, then the members moved in, in the order they came.
    pub(crate) fn roster<'p>(&self, plan: &'p Plan, group: &str) -> Vec<&'p Member> {
        let all = plan.groups.iter().flat_map(|g| g.members.iter());
        let mut planned: Vec<&Member> = Vec::new();
        if let Some(g) = plan.group(group) {
            planned.extend(g.members.iter());
        }
        let mut roster: Vec<&Member> = planned
            .into_iter()
            .filter(|m| self.group_of(plan, &m.name) == Some(group))
            .collect();
        for mv in self.moves.iter().filter(|m| m.to == group) {
            let Some(member) = all.clone().find(|m| m.name == mv.member) else {
                continue;
            };
            let here = self.group_of(plan, &member.name) == Some(group);
            if here && !roster.iter().any(|m| m.name == member.name) {
                roster.push(member);
            }
        }
        roster
    }

    /// True when the member was moved during the sitting into `group`.
    pub(crate) fn moved_in(&self, plan: &Plan, group: &str, member: &str) -> bool {
        let planned = plan
            .group(group)
            .is_some_and(|g| g.members.iter().any(|m| m.name == member));
        !planned && self.group_of(plan, member) == Some(group)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::test_sitting::plan;

    fn stamp(s: &str) -> Stamp {
        chrono::DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn moves_change_every_roster() {
        let plan = plan();
        let mut run = RunState::new(&plan);
        assert_eq!(run.roster(&plan, "A").len(), 7);
        run.moves.push(MemberMove {
            member: "佐野市".into(),
            from: "A".into(),
            to: "B".into(),
            at: stamp("2026-01-20T14:06:00+09:00"),
            extra: Map::new(),
        });
        let a: Vec<_> = run.roster(&plan, "A").iter().map(|m| &m.name).collect();
        let b: Vec<_> = run.roster(&plan, "B").iter().map(|m| &m.name).collect();
        assert_eq!(a.len(), 6);
        assert!(!a.iter().any(|n| *n == "佐野市"));
        assert_eq!(b.last().unwrap().as_str(), "佐野市");
        assert!(run.moved_in(&plan, "B", "佐野市"));
        assert!(!run.moved_in(&plan, "B", "函館市"));
        // Moving back restores the planned place.
        run.moves.push(MemberMove {
            member: "佐野市".into(),
            from: "B".into(),
            to: "A".into(),
            at: stamp("2026-01-20T14:07:00+09:00"),
            extra: Map::new(),
        });
        let a: Vec<_> = run.roster(&plan, "A").iter().map(|m| &m.name).collect();
        assert_eq!(a[1], "佐野市");
        assert_eq!(run.roster(&plan, "B").len(), 6);
    }
}
