//! The facilitator console (`bunkakai run`): drives the agenda clock, shows
//! every group at a glance, keeps the broadcast messages and reference cards
//! at hand, and runs the report-back round.
//!
//! Shaped as one pure core and effects at the edge: [`State`] is plain data,
//! [`update::update`] decides what a key or a tick does and returns
//! [`Effect`]s, [`view`] draws the state, and [`run`] opens the sitting and
//! hands the console to the shared runtime ([`crate::tui::runtime`]), which
//! reads the terminal, the clock and the files and carries the effects out.

pub(crate) mod action;
pub(crate) mod groups;
pub(crate) mod keys;
pub mod notes_follow;
pub(crate) mod previous;
pub(crate) mod repair;
pub mod run;
mod saver;
pub mod update;
pub mod view;

use std::collections::BTreeMap;

pub use action::{Action, Command, Effect};
pub use groups::GroupDigest;
pub use update::update;

use crate::i18n::Lang;
use crate::i18n::run::RunText;
use crate::model::Stamp;
use crate::model::run::RunState;
use crate::model::{Member, Plan};

/// What is on top of the dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Nothing: the dashboard itself.
    Dashboard,
    /// The key help.
    Help,
    /// The list of reference cards, one selected.
    References {
        /// The selected card.
        selected: usize,
    },
    /// One reference card, open and scrolled.
    Reference {
        /// The card's index in the plan.
        index: usize,
        /// Lines scrolled past.
        scroll: u16,
    },
    /// Searching the open reference card (`/`): the text typed so far.
    SearchReference {
        /// The card's index in the plan.
        index: usize,
        /// Lines scrolled past.
        scroll: u16,
        /// What to find.
        query: String,
    },
    /// Moving a member of the selected group to another group.
    Move {
        /// The member's place in the selected group's roster.
        member: usize,
        /// The destination group's index in the plan.
        to: usize,
    },
    /// A broadcast message just copied, shown large.
    Broadcast(usize),
    /// Asking before the running block is restarted (`R`).
    ConfirmRestart,
    /// run.json broke a rule when the console opened: the problem is shown
    /// with the reset the facilitator is offered, and nothing is written
    /// until it is taken (or the file, repaired by hand, reads again).
    BrokenRun {
        /// What is wrong: `run.json:3:60: field path: what`.
        problem: String,
    },
    /// Typing the message to the room for the shared display.
    RoomMessage {
        /// The text typed so far.
        text: String,
    },
}

/// A short message in the status line, until `until`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Notice {
    /// What to say.
    pub(crate) text: String,
    /// When it disappears.
    pub(crate) until: Stamp,
    /// Shown in the alarm colour (alerts, refusals, errors).
    pub(crate) alarm: bool,
}

/// Everything the facilitator console knows. Plain data: a test builds one
/// from a plan in one line.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The sitting's plan.
    pub plan: Plan,
    /// The live state, as written to run.json.
    pub run: RunState,
    /// The language of labels.
    pub(crate) lang: Lang,
    /// Plain ASCII borders and marks.
    pub(crate) ascii: bool,
    /// Following another console: nothing is changed or written.
    pub(crate) read_only: bool,
    /// What is on top of the dashboard.
    pub mode: Mode,
    /// The selected group's index in the plan.
    pub(crate) selected: usize,
    /// Lines of the prompt card scrolled past.
    pub(crate) card_scroll: u16,
    /// Rows of the key help scrolled past (a narrow terminal shows it in
    /// one column).
    pub(crate) help_scroll: u16,
    /// The terminal's size in cells (width, height).
    pub size: (u16, u16),
    /// Each group's notes digest, by group id, once read.
    pub(crate) digests: BTreeMap<String, GroupDigest>,
    /// Groups whose notes file could not be read, and why.
    pub(crate) notes_errors: BTreeMap<String, String>,
    /// The timer flashes until then (an alert just rang).
    pub(crate) flash_until: Option<Stamp>,
    /// The status line's message.
    pub(crate) notice: Option<Notice>,
    /// Why the last save of run.json failed, until one succeeds.
    pub(crate) save_error: Option<String>,
    /// Following another console: seconds its run.json was stamped ahead of
    /// this machine's clock, beyond the tolerance.
    pub(crate) skew: Option<i64>,
    /// The clock as it was before each of the last changes, newest last,
    /// for `z` (undo). Not saved: it lives as long as the console.
    pub(crate) undo: Vec<update::Snapshot>,
    /// The segment last seen running (block id, index), to tell the
    /// facilitator when the next one begins.
    pub(crate) segment_seen: Option<(String, usize)>,
    /// The previous sitting, once read, for 「前回のアクション」 on the card.
    pub(crate) previous: Option<crate::previous_actions::Previous>,
    /// The previous sitting's folder, found when the console opened: its
    /// notes files are followed like this sitting's, so that a note-taker's
    /// mark shows on the card at once.
    pub(crate) previous_dir: Option<std::path::PathBuf>,
    /// The facilitator asked to leave.
    pub(crate) quit: bool,
}

impl State {
    /// A console on `plan` with `run` as read from run.json.
    pub fn new(plan: Plan, run: RunState, lang: Lang) -> State {
        State {
            plan,
            run,
            lang,
            ascii: false,
            read_only: false,
            mode: Mode::Dashboard,
            selected: 0,
            card_scroll: 0,
            help_scroll: 0,
            size: (100, 30),
            digests: BTreeMap::new(),
            notes_errors: BTreeMap::new(),
            flash_until: None,
            notice: None,
            save_error: None,
            skew: None,
            undo: Vec::new(),
            segment_seen: None,
            previous: None,
            previous_dir: None,
            quit: false,
        }
    }

    /// The broadcast messages: the plan's, else the built-in ones in the
    /// sitting's language (Japanese when its title is), whatever the
    /// console's: they go to the participants.
    pub(crate) fn broadcasts(&self) -> Vec<String> {
        if self.plan.broadcasts.is_empty() {
            let japanese = !self.plan.title.is_ascii();
            let lang = if japanese { Lang::Ja } else { Lang::En };
            [RunText::BroadcastFiveLeft, RunText::BroadcastClosing]
                .iter()
                .map(|t| t.text(lang).to_string())
                .collect()
        } else {
            self.plan.broadcasts.clone()
        }
    }

    /// The selected group's id, if the plan has groups.
    pub(crate) fn selected_group(&self) -> Option<&str> {
        self.plan.groups.get(self.selected).map(|g| g.id.as_str())
    }

    /// The selected group's roster as it stands now (moves applied).
    pub(crate) fn selected_roster(&self) -> Vec<&Member> {
        match self.selected_group() {
            Some(g) => self.run.roster(&self.plan, g),
            None => Vec::new(),
        }
    }
}
