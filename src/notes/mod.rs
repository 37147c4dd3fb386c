//! The note-taker's console (`bunkakai notes <session> --group G`) as a pure
//! state machine: [`State`] is plain data, [`update`] decides what happens to
//! an [`Action`] at a given `now` and returns the [`Effect`]s (saves) that the
//! event loop carries out; their results come back as actions.

pub(crate) mod action;
pub(crate) mod card;
mod clock;
mod commands;
mod commit;
mod draft;
pub(crate) mod editor;
mod editor_move;
pub mod finish;
mod input;
pub(crate) mod keys;
mod leftover;
mod members;
pub mod opening;
mod partner;
pub(crate) mod picker;
mod picking;
pub(crate) mod previous;
mod previous_io;
pub(crate) mod quit;
pub(crate) mod roster;
pub mod run;
pub(crate) mod saving;
mod summary;
pub(crate) mod turns;
pub(crate) mod undo;
mod unusable;
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
mod tests_opening;
#[cfg(test)]
mod tests_partner;
#[cfg(test)]
pub(crate) mod tests_previous;
#[cfg(test)]
mod tests_quit;
#[cfg(test)]
mod tests_size;
#[cfg(test)]
mod tests_summary;
#[cfg(test)]
mod tests_turns;
#[cfg(test)]
mod tests_typing;
#[cfg(test)]
mod tests_undo;

pub use action::Action;
pub(crate) use action::Effect;
pub use update::update;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::i18n::Lang;
use crate::model::notes::GroupNotes;
use crate::model::notes_draft::Draft;
use crate::model::run::RunState;
use crate::model::{Group, Plan, Theme};
use editor::NoteEditor;
use picker::Picker;
use quit::Ask;
use saving::Saving;

/// Which part of the screen has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
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
pub(crate) struct Notice {
    /// The message (already in the user's language).
    pub(crate) text: String,
    /// When it goes away.
    pub(crate) until: DateTime<Utc>,
}

/// Everything the note-taker's screen shows and edits.
#[derive(Debug, Clone)]
pub struct State {
    /// Language of labels.
    pub(crate) lang: Lang,
    /// The sitting's plan.
    pub(crate) plan: Plan,
    /// The sitting's time zone: note times are written and shown in it.
    pub(crate) tz: Tz,
    /// The group (from the plan).
    pub(crate) group: Group,
    /// The group's themes, in card order.
    pub(crate) themes: Vec<Theme>,
    /// Members as the roster shows them: the plan's, after the facilitator's moves.
    pub(crate) members: Vec<String>,
    /// Every member this console has shown, in the order they got their
    /// roster number (the plan's order, then members the facilitator moved
    /// in): numbers, and the Alt+digit keys, never change mid-session.
    pub(crate) numbered: Vec<String>,
    /// Planned minutes of the breakout block, for the fair-share hint before the timer runs.
    pub(crate) breakout_minutes: Option<u32>,
    /// The file as last read or saved, with this console's changes merged in.
    pub doc: GroupNotes,
    /// How many of `doc`'s notes are not deleted (the list's title, the
    /// 保存済 count): kept up to date where notes change, so that a
    /// keystroke never counts a hundred thousand notes.
    pub(crate) live_count: usize,
    /// What is not yet on disk.
    pub(crate) saving: Saving,
    /// The note editor.
    pub(crate) editor: NoteEditor,
    /// The summary editor.
    pub(crate) summary: ratatui_textarea::TextArea<'static>,
    /// Undo and redo steps of the summary editor.
    pub(crate) summary_undo: undo::Steps,
    /// True when the summary editor differs from the saved summary.
    pub(crate) summary_dirty: bool,
    /// The file's summary the summary editor started from (the base of the
    /// line-by-line merge with another console's change).
    pub(crate) summary_base: String,
    /// The generation of the recorded summary while it is not on disk.
    pub(crate) summary_gen: Option<u64>,
    /// True once the note-taker was told that the file's summary changed
    /// under their edit (told once per edit).
    pub(crate) summary_moved_on: bool,
    /// Who has the keyboard.
    pub(crate) mode: Mode,
    /// The mode to return to from a picker or help.
    pub(crate) back_to: Mode,
    /// The open speaker/owner picker.
    pub(crate) picker: Option<Picker>,
    /// Rows the key list (F1) is scrolled down.
    pub(crate) help_scroll: usize,
    /// Selected roster row.
    pub(crate) roster_sel: usize,
    /// Selected prompt-card row (index into [`card::questions`]).
    pub(crate) card_sel: usize,
    /// Selected note (index into the live notes), while the list has the keyboard.
    pub(crate) list_sel: usize,
    /// Rows the notes list is scrolled up from the bottom.
    pub(crate) list_scroll: usize,
    /// Ids of deleted notes, newest last, for undo.
    pub(crate) deleted: Vec<String>,
    /// Speaking turns taken back, newest last, for undo.
    pub(crate) removed_turns: Vec<turns::Removed>,
    /// The facilitator's run (timer, roster moves), when run.json exists.
    pub(crate) run: Option<RunState>,
    /// When the draft last changed and is not yet saved.
    pub(crate) draft_dirty_since: Option<DateTime<Utc>>,
    /// When the last keystroke changed the draft.
    pub(crate) draft_touched: Option<DateTime<Utc>>,
    /// When a character was last typed or pasted into an editor (to tell a
    /// Tab inside an unbracketed paste from a Tab pressed).
    pub(crate) typed_at: Option<DateTime<Utc>>,
    /// The terminal's size (columns, rows): Up/Down in the editors follow
    /// the rows as drawn at this size.
    pub size: (u16, u16),
    /// The display column Up/Down keep across a shorter row, until another
    /// key moves the caret.
    pub(crate) goal_x: Option<usize>,
    /// True while a draft save is under way.
    pub(crate) draft_in_flight: bool,
    /// The status-line message.
    pub(crate) notice: Option<Notice>,
    /// Files another console wrote that cannot be used just now (broken,
    /// half-synced, newer format), by file name, with the warning to show;
    /// cleared when the file is read again.
    pub(crate) file_warnings: std::collections::BTreeMap<String, String>,
    /// Seconds run.json was stamped ahead of this machine's clock, beyond
    /// the tolerance.
    pub(crate) skew: Option<i64>,
    /// Prefix that makes this console's note ids unique.
    pub(crate) id_prefix: String,
    /// Notes created by this console so far.
    pub(crate) id_counter: u64,
    /// Set once the console should end.
    pub(crate) quitting: bool,
    /// The question open over the screen (quit unsaved? bring back rescued work?).
    pub(crate) ask: Option<Ask>,
    /// Why the last draft save failed, until one succeeds.
    pub(crate) draft_error: Option<String>,
    /// Rescue copies of earlier sessions found at start, offered back.
    pub(crate) rescue_offer: Vec<(std::path::PathBuf, crate::model::notes_rescue::Rescue)>,
    /// Rescue copies to remove once the save of the generation is on disk.
    pub(crate) rescue_cleanup: Vec<(u64, std::path::PathBuf)>,
    /// The rescue copy this console wrote when asked, if any.
    pub(crate) rescued_to: Option<std::path::PathBuf>,
    /// Leftover drafts of other consoles whose text this console took:
    /// removed once its own draft is written.
    pub(crate) adopted_drafts: Vec<std::path::PathBuf>,
    /// Leftover drafts waiting for the editor to be free.
    pub(crate) leftover_waiting: Vec<(std::path::PathBuf, Draft)>,
    /// 「前回のアクション」: the previous sitting's actions and their marking.
    pub previous: previous::PreviousPanel,
    /// The co-note-taker's console, while a turn it opened is open.
    pub(crate) partner: partner::Partner,
}

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
            live_count: doc.live_notes().count(),
            doc,
            saving: Saving::default(),
            editor: NoteEditor::default(),
            summary,
            summary_undo: Default::default(),
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
            removed_turns: Vec::new(),
            run: None,
            draft_dirty_since: None,
            draft_touched: None,
            typed_at: None,
            size: (100, 30),
            goal_x: None,
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
            partner: Default::default(),
        }
    }

    /// Counts the live notes again, after `doc` was replaced whole.
    pub(crate) fn recount(&mut self) {
        self.live_count = self.doc.live_notes().count();
    }

    /// Adds `delta` (what [`crate::model::notes_change::apply_change`]
    /// said) to the count of live notes.
    pub(crate) fn counted(&mut self, delta: isize) {
        self.live_count = self.live_count.saturating_add_signed(delta);
    }

    /// The note selected in the list (`list_sel` counts live notes from
    /// the oldest), found from the newest end, where the selection
    /// usually is.
    pub(crate) fn selected_note(&self) -> Option<&crate::model::notes::Note> {
        let from_newest = self.live_count.checked_sub(self.list_sel + 1)?;
        self.doc
            .notes
            .iter()
            .rev()
            .filter(|n| !n.deleted)
            .nth(from_newest)
    }
}
