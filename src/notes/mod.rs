//! The note-taker's console (`bunkakai notes <session> --group G`) as a pure
//! state machine: [`State`] is plain data, [`update`] decides what happens to
//! an [`Action`] at a given `now` and returns the [`Effect`]s (saves) that the
//! event loop carries out; their results come back as actions.

pub mod action;
pub mod card;
mod commands;
mod commit;
pub mod editor;
pub mod finish;
mod input;
pub mod keys;
mod leftover;
pub mod picker;
mod picking;
pub mod previous;
mod previous_io;
pub mod quit;
pub mod roster;
pub mod run;
pub mod saving;
mod summary;
mod update;
pub mod view;
pub mod writer;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_leftover;
#[cfg(test)]
mod tests_live;
#[cfg(test)]
pub(crate) mod tests_previous;
#[cfg(test)]
mod tests_quit;
#[cfg(test)]
mod tests_summary;
#[cfg(test)]
mod tests_turns;
#[cfg(test)]
mod tests_typing;

pub use action::{Action, Effect};
pub use update::update;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use crate::i18n::Lang;
use crate::model::Stamp;
use crate::model::notes::GroupNotes;
use crate::model::notes_draft::Draft;
use crate::model::run::RunState;
use crate::model::{Group, Plan, Theme};
use crate::timer::{Clock, ClockView, Status};
use editor::NoteEditor;
use picker::Picker;
use quit::Ask;
use saving::Saving;

/// Which part of the screen has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Typing a note (the usual mode).
    Write,
    /// Typing the group summary (まとめ).
    Summary,
    /// Moving through the roster.
    Roster,
    /// Moving through the prompt card.
    Card,
    /// Moving through the notes list.
    List,
    /// Picking a speaker or owner from the roster.
    Picker,
    /// Reading the key help.
    Help,
    /// Reading (and marking) the previous sitting's actions.
    Previous,
}

/// A short message in the status line, shown until `until`.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The message (already in the user's language).
    pub text: String,
    /// When it goes away.
    pub until: DateTime<Utc>,
}

/// Everything the note-taker's screen shows and edits.
#[derive(Debug, Clone)]
pub struct State {
    /// Language of labels.
    pub lang: Lang,
    /// The sitting's plan.
    pub plan: Plan,
    /// The sitting's time zone: note times are written and shown in it.
    pub tz: Tz,
    /// The group (from the plan).
    pub group: Group,
    /// The group's themes, in card order.
    pub themes: Vec<Theme>,
    /// Members as the roster shows them: the plan's, after the facilitator's moves.
    pub members: Vec<String>,
    /// Every member this console has shown, in the order they got their
    /// roster number (the plan's order, then members the facilitator moved
    /// in): numbers, and the Alt+digit keys, never change mid-session.
    pub numbered: Vec<String>,
    /// Planned minutes of the breakout block, for the fair-share hint before the timer runs.
    pub breakout_minutes: Option<u32>,
    /// The file as last read or saved, with this console's changes merged in.
    pub doc: GroupNotes,
    /// What is not yet on disk.
    pub saving: Saving,
    /// The note editor.
    pub editor: NoteEditor,
    /// The summary editor.
    pub summary: ratatui_textarea::TextArea<'static>,
    /// True when the summary editor differs from the saved summary.
    pub summary_dirty: bool,
    /// The file's summary the summary editor started from (the base of the
    /// line-by-line merge with another console's change).
    pub summary_base: String,
    /// The generation of the recorded summary while it is not on disk.
    pub summary_gen: Option<u64>,
    /// True once the note-taker was told that the file's summary changed
    /// under their edit (told once per edit).
    pub summary_moved_on: bool,
    /// Who has the keyboard.
    pub mode: Mode,
    /// The mode to return to from a picker or help.
    pub back_to: Mode,
    /// The open speaker/owner picker.
    pub picker: Option<Picker>,
    /// Rows the key list (F1) is scrolled down.
    pub help_scroll: usize,
    /// Selected roster row.
    pub roster_sel: usize,
    /// Selected prompt-card row (index into [`card::questions`]).
    pub card_sel: usize,
    /// Selected note (index into the live notes), while the list has the keyboard.
    pub list_sel: usize,
    /// Rows the notes list is scrolled up from the bottom.
    pub list_scroll: usize,
    /// Ids of deleted notes, newest last, for undo.
    pub deleted: Vec<String>,
    /// The facilitator's run (timer, roster moves), when run.json exists.
    pub run: Option<RunState>,
    /// When the draft last changed and is not yet saved.
    pub draft_dirty_since: Option<DateTime<Utc>>,
    /// When the last keystroke changed the draft.
    pub draft_touched: Option<DateTime<Utc>>,
    /// When a character was last typed or pasted into an editor (to tell a
    /// Tab inside an unbracketed paste from a Tab pressed).
    pub typed_at: Option<DateTime<Utc>>,
    /// True while a draft save is under way.
    pub draft_in_flight: bool,
    /// The status-line message.
    pub notice: Option<Notice>,
    /// Files another console wrote that cannot be used just now (broken,
    /// half-synced, newer format), by file name, with the warning to show;
    /// cleared when the file is read again.
    pub file_warnings: std::collections::BTreeMap<String, String>,
    /// Seconds run.json was stamped ahead of this machine's clock, beyond
    /// the tolerance.
    pub skew: Option<i64>,
    /// Prefix that makes this console's note ids unique.
    pub id_prefix: String,
    /// Notes created by this console so far.
    pub id_counter: u64,
    /// Set once the console should end.
    pub quitting: bool,
    /// The question open over the screen (quit unsaved? bring back rescued work?).
    pub ask: Option<Ask>,
    /// Why the last draft save failed, until one succeeds.
    pub draft_error: Option<String>,
    /// Rescue copies of earlier sessions found at start, offered back.
    pub rescue_offer: Vec<(std::path::PathBuf, crate::model::notes_rescue::Rescue)>,
    /// Rescue copies to remove once the save of the generation is on disk.
    pub rescue_cleanup: Vec<(u64, std::path::PathBuf)>,
    /// The rescue copy this console wrote when asked, if any.
    pub rescued_to: Option<std::path::PathBuf>,
    /// Leftover drafts of other consoles whose text this console took:
    /// removed once its own draft is written.
    pub adopted_drafts: Vec<std::path::PathBuf>,
    /// Leftover drafts waiting for the editor to be free.
    pub leftover_waiting: Vec<(std::path::PathBuf, Draft)>,
    /// 「前回のアクション」: the previous sitting's actions and their marking.
    pub previous: previous::PreviousPanel,
}

/// How long after the last keystroke the draft is saved.
pub const DRAFT_DEBOUNCE_MS: i64 = 300;
/// The longest a changed draft waits while typing goes on.
pub const DRAFT_MAX_WAIT_MS: i64 = 900;

impl State {
    /// A console for `group` of a sitting, showing `doc` (the file as read).
    /// `id_prefix` must differ between processes (time and randomness).
    pub fn new(
        lang: Lang,
        plan: &Plan,
        group: &Group,
        doc: GroupNotes,
        id_prefix: String,
    ) -> State {
        let themes = group
            .themes
            .iter()
            .filter_map(|t| plan.theme(t).cloned())
            .collect();
        let breakout_minutes = plan.agenda.iter().find(|b| b.breakout).map(|b| b.minutes);
        let mut summary = editor::new_textarea();
        let summary_base = doc
            .summary
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default();
        if let Some(s) = &doc.summary {
            summary = editor::textarea_with(&s.text);
        }
        State {
            lang,
            plan: plan.clone(),
            tz: plan.timezone,
            members: group.members.iter().map(|m| m.name.clone()).collect(),
            numbered: group.members.iter().map(|m| m.name.clone()).collect(),
            group: group.clone(),
            themes,
            breakout_minutes,
            doc,
            saving: Saving::default(),
            editor: NoteEditor::default(),
            summary,
            summary_dirty: false,
            summary_base,
            summary_gen: None,
            summary_moved_on: false,
            mode: Mode::Write,
            back_to: Mode::Write,
            picker: None,
            help_scroll: 0,
            roster_sel: 0,
            card_sel: 0,
            list_sel: 0,
            list_scroll: 0,
            deleted: Vec::new(),
            run: None,
            draft_dirty_since: None,
            draft_touched: None,
            typed_at: None,
            draft_in_flight: false,
            notice: None,
            file_warnings: Default::default(),
            skew: None,
            id_prefix,
            id_counter: 0,
            quitting: false,
            ask: None,
            draft_error: None,
            rescue_offer: Vec::new(),
            rescue_cleanup: Vec::new(),
            rescued_to: None,
            adopted_drafts: Vec::new(),
            leftover_waiting: Vec::new(),
            previous: Default::default(),
        }
    }

    /// `now` as written in files: in the sitting's time zone, with its offset.
    pub fn stamp(&self, now: DateTime<Utc>) -> Stamp {
        use chrono::SubsecRound;
        now.trunc_subsecs(3).with_timezone(&self.tz).fixed_offset()
    }

    /// The facilitator's clock at `now`, when run.json exists.
    pub fn clock(&self, now: DateTime<Utc>) -> Option<ClockView<'_>> {
        let run = self.run.as_ref()?;
        Some(Clock::at(&self.plan, run, self.stamp(now)))
    }

    /// The agenda block on the facilitator's clock, once started.
    pub fn block_id(&self, now: DateTime<Utc>) -> Option<String> {
        let clock = self.clock(now)?;
        match clock.status {
            Status::Running | Status::Paused => clock.block.map(|b| b.id.clone()),
            _ => None,
        }
    }

    /// Time left for the fair-share hint: the running block's, else the
    /// planned breakout minus what has been spoken.
    pub fn time_left(&self, now: DateTime<Utc>) -> Option<Duration> {
        if let Some(clock) = self.clock(now)
            && matches!(clock.status, Status::Running | Status::Paused)
        {
            return Some(Duration::seconds(clock.remaining));
        }
        let planned = Duration::minutes(i64::from(self.breakout_minutes?));
        let spoken: Duration = self
            .members
            .iter()
            .map(|m| roster::spoken(&self.doc, m, now))
            .sum();
        Some(planned - spoken)
    }

    /// The draft to save now: the editor's note and the unsaved summary.
    pub fn draft(&self, now: DateTime<Utc>) -> Draft {
        let summary = self.summary_dirty.then(|| self.summary.lines().join("\n"));
        let mut draft = Draft::new(
            &self.plan.id,
            &self.group.id,
            self.stamp(now),
            self.editor.to_draft(),
            summary,
        );
        if self.summary_dirty {
            draft.summary_base = Some(self.summary_base.clone());
        }
        draft
    }

    /// Offers rescue copies of earlier sessions back (asked before anything else).
    pub fn offer_rescued(
        &mut self,
        found: Vec<(std::path::PathBuf, crate::model::notes_rescue::Rescue)>,
    ) {
        if !found.is_empty() {
            self.rescue_offer = found;
            self.ask = Some(Ask::BringBack);
        }
    }

    /// Puts a saved draft back into the editors.
    pub fn restore(&mut self, draft: &Draft) {
        self.editor = NoteEditor::from_draft(&draft.note);
        if let Some(s) = &draft.summary {
            self.summary = editor::textarea_with(s);
            self.summary_dirty = true;
            if let Some(base) = &draft.summary_base {
                self.summary_base = base.clone();
            }
        }
    }

    /// The roster number of `member` (1-based), stable for the session.
    pub fn number_of(&self, member: &str) -> Option<usize> {
        self.numbered
            .iter()
            .position(|m| m == member)
            .map(|i| i + 1)
    }

    /// The members on the roster now, as the picker offers them: stable
    /// number, name and the plan's reading.
    pub fn candidates(&self) -> Vec<picker::Candidate> {
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
    pub fn member_no(&self, n: usize) -> Option<&String> {
        let m = self.numbered.get(n.checked_sub(1)?)?;
        self.members.contains(m).then_some(m)
    }

    /// The next instant something on screen or on disk is due to change:
    /// the next whole second (stopwatch, timer), a draft save, a retry.
    pub fn next_wake(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        let millis = now.timestamp_subsec_millis();
        let mut wake = now + Duration::milliseconds(i64::from(1000 - millis.min(999)));
        if let Some(due) = self.draft_due() {
            wake = wake.min(due.max(now));
        }
        if let Some(retry) = self.saving.retry_at {
            wake = wake.min(retry.max(now));
        }
        wake
    }

    /// When the draft must be saved: shortly after the last keystroke, and
    /// never later than [`DRAFT_MAX_WAIT_MS`] after it first changed.
    pub fn draft_due(&self) -> Option<DateTime<Utc>> {
        let since = self.draft_dirty_since?;
        let touched = self.draft_touched.unwrap_or(since);
        Some(
            (touched + Duration::milliseconds(DRAFT_DEBOUNCE_MS))
                .min(since + Duration::milliseconds(DRAFT_MAX_WAIT_MS)),
        )
    }
}
