//! Speaking time per member and per group, from the speaking turns of each
//! group's notes file, and the roster moves of the run file.

use super::Local;
use crate::model::notes::Presence;
use crate::review::archive::Sitting;

/// A member moved from one group to another during the sitting.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MoveRecord {
    /// The member's roster name.
    pub(crate) member: String,
    /// The group left.
    pub(crate) from: String,
    /// The group joined.
    pub(crate) to: String,
    /// When it was recorded.
    pub(crate) at: Local,
}

/// One group's speaking time.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GroupSpeaking {
    /// The group's id.
    pub(crate) group: String,
    /// Its members (planned, then moved in, then anyone else who spoke).
    pub(crate) members: Vec<MemberSpeaking>,
    /// False when its note-taker recorded no speaking turn at all: then
    /// nobody is said to have never spoken.
    pub(crate) recorded: bool,
    /// False when the group has no usable notes file.
    pub(crate) has_file: bool,
    /// True when the group has a notes file that could not be used (else
    /// a group without one simply has no notes yet).
    pub(crate) unreadable: bool,
}

impl GroupSpeaking {
    /// Why no speaking time is shown for the group, in the reader's words.
    pub(crate) fn why_none(&self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::{record::RecordText as R, review::ReviewText as T};
        if self.has_file {
            R::NotRecorded.text(lang)
        } else if self.unreadable {
            T::NoFile.text(lang)
        } else {
            T::NoNotesYet.text(lang)
        }
    }
}

impl GroupSpeaking {
    /// Seconds the group's members spoke, summed.
    pub(crate) fn total_seconds(&self) -> i64 {
        self.members.iter().map(|m| m.seconds).sum()
    }

    /// Speaking turns taken in the group.
    pub(crate) fn turns(&self) -> usize {
        self.members.iter().map(|m| m.turns).sum()
    }
}

/// One member's speaking time in one group.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MemberSpeaking {
    /// The roster name.
    pub(crate) name: String,
    /// Seconds spoken in this group (turns still open are not counted).
    pub(crate) seconds: i64,
    /// Turns taken in this group.
    pub(crate) turns: usize,
    /// True when turns were recorded and this member took none in any
    /// group of the sitting, and was not marked absent.
    pub(crate) never_spoke: bool,
    /// True when marked absent in this group.
    pub(crate) absent: bool,
    /// The group the member came from by a move, and when.
    pub(crate) moved_in: Option<(String, Local)>,
    /// The group the member moved on to, and when.
    pub(crate) moved_out: Option<(String, Local)>,
}

/// The roster moves, in the order recorded.
pub(super) fn moves(s: &Sitting) -> Vec<MoveRecord> {
    let Some(run) = &s.run else {
        return Vec::new();
    };
    let mut out: Vec<MoveRecord> = run
        .moves
        .iter()
        .map(|m| MoveRecord {
            member: m.member.clone(),
            from: m.from.clone(),
            to: m.to.clone(),
            at: s.local(&m.at),
        })
        .collect();
    out.sort_by_key(|m| m.at);
    out
}

/// Speaking time of every group of the sitting.
pub(super) fn groups(s: &Sitting) -> Vec<GroupSpeaking> {
    let moves = moves(s);
    let mut out: Vec<GroupSpeaking> = s
        .groups
        .iter()
        .map(|g| {
            let file = g.notes.as_ref();
            let mut names: Vec<String> = s
                .plan
                .iter()
                .filter_map(|p| p.group(&g.id))
                .flat_map(|pg| pg.members.iter().map(|m| m.name.clone()))
                .collect();
            for m in moves.iter().filter(|m| m.to == g.id) {
                push_new(&mut names, &m.member);
            }
            // A turn the note-taker took back does not count.
            let turns: Vec<&crate::model::notes::Turn> = file
                .iter()
                .flat_map(|f| f.speaking.turns.iter())
                .filter(|t| !t.removed)
                .collect();
            for t in &turns {
                push_new(&mut names, &t.member);
            }
            let members = names
                .into_iter()
                .map(|name| {
                    let mine = turns.iter().filter(|t| t.member == name);
                    let seconds = mine
                        .clone()
                        .filter_map(|t| Some((t.end? - t.start).num_seconds().max(0)))
                        .sum();
                    let moved_in = moves
                        .iter()
                        .rfind(|m| m.member == name && m.to == g.id)
                        .map(|m| (m.from.clone(), m.at));
                    let moved_out = moves
                        .iter()
                        .rfind(|m| m.member == name && m.from == g.id)
                        .map(|m| (m.to.clone(), m.at));
                    MemberSpeaking {
                        absent: file.and_then(|f| f.presence(&name)) == Some(Presence::Absent),
                        turns: mine.count(),
                        seconds,
                        never_spoke: false,
                        moved_in,
                        moved_out,
                        name,
                    }
                })
                .collect();
            GroupSpeaking {
                group: g.id.clone(),
                members,
                recorded: !turns.is_empty(),
                has_file: file.is_some(),
                unreadable: file.is_none()
                    && s.problems.iter().any(|p| {
                        p.path.file_stem().and_then(|n| n.to_str()) == Some(g.id.as_str())
                    }),
            }
        })
        .collect();
    // Whether a member never spoke is a question about the whole sitting:
    // one moved from A to B may have spoken in A only.
    let spoke = |name: &str| {
        out.iter()
            .flat_map(|g| g.members.iter())
            .any(|m| m.name == name && m.turns > 0)
    };
    let quiet: Vec<(usize, usize)> = out
        .iter()
        .enumerate()
        .flat_map(|(gi, g)| {
            g.members
                .iter()
                .enumerate()
                .filter(|(_, m)| g.recorded && !m.absent && !spoke(&m.name))
                .map(move |(mi, _)| (gi, mi))
        })
        .collect();
    for (gi, mi) in quiet {
        out[gi].members[mi].never_spoke = true;
    }
    out
}

fn push_new(names: &mut Vec<String>, name: &str) {
    if !names.iter().any(|n| n == name) {
        names.push(name.to_string());
    }
}
