//! The group's members as the note-taker's console numbers them: stable
//! roster numbers (Alt+digit keys) and the speaker picker's candidates.

use super::{State, picker};

impl State {
    /// The roster number of `member` (1-based), stable for the session.
    pub(crate) fn number_of(&self, member: &str) -> Option<usize> {
        self.numbered
            .iter()
            .position(|m| m == member)
            .map(|i| i + 1)
    }

    /// The members on the roster now, as the picker offers them: stable
    /// number, name and the plan's reading.
    pub(crate) fn candidates(&self) -> Vec<picker::Candidate> {
        let reading = |name: &str| {
            self.plan
                .groups
                .iter()
                .flat_map(|g| &g.members)
                .find(|m| m.name == name)
                .and_then(|m| m.reading.clone())
        };
        let mut out: Vec<picker::Candidate> = self
            .members
            .iter()
            .map(|m| picker::Candidate {
                no: self.number_of(m).unwrap_or(0),
                name: m.clone(),
                reading: reading(m),
            })
            .collect();
        out.sort_by_key(|c| c.no);
        out
    }

    /// The member on the roster now with number `n`.
    pub(crate) fn member_no(&self, n: usize) -> Option<&String> {
        let m = self.numbered.get(n.checked_sub(1)?)?;
        self.members.contains(m).then_some(m)
    }
}
