//! `update`: how the console's state changes with each action, and which
//! saves that calls for. Pure: time comes in as `now`, I/O goes out as effects.

use chrono::{DateTime, Duration, Utc};
use crossterm::event::{KeyEvent, KeyEventKind};

use super::commit::{commit_note, commit_summary, set_deleted};
use super::keys::{self, Command};
use super::picker::PickFor;
use super::picking::{open_picker, picker_key};
use super::{Action, Effect, Mode, Notice, State, card, roster};
use crate::i18n::notes::NotesText;
use crate::model::notes_merge::merged;

/// How long a status message stays.
const NOTICE_SECS: i64 = 4;
/// Rows PgUp/PgDn move the notes list.
const PAGE: usize = 5;

/// Applies `action` at `now`; returns what must be done outside.
pub fn update(state: &mut State, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
    let mut fx = Vec::new();
    match action {
        Action::Key(ev) if ev.kind != KeyEventKind::Release => key(state, ev, now, &mut fx),
        Action::Key(_) => {}
        Action::Paste(text) => paste(state, &text, now),
        Action::Tick => {}
        Action::Saved { generation, result } => match result {
            Ok(disk) => {
                state.doc = merged(&disk, &state.doc);
                state.saving.succeeded(generation);
            }
            Err(e) => state.saving.failed(generation, e, now),
        },
        Action::DraftSaved(result) => {
            state.draft_in_flight = false;
            if let Err(e) = result {
                state.notice(e, now);
                // Try again within a second.
                state.draft_dirty_since.get_or_insert(now);
            }
        }
        Action::FileChanged(disk) => {
            state
                .file_warnings
                .remove(&format!("{}.json", state.group.id));
            state.doc = merged(&state.doc, &disk);
        }
        Action::FileUnreadable { file, warning } => {
            state.file_warnings.insert(file, warning);
        }
        // run.json removed while a run was shown: the last good one stays.
        Action::RunChanged(None) if state.run.is_some() => {
            let file = crate::model::run::RUN_FILE.to_string();
            let why = crate::i18n::display::run_removed(state.lang);
            let warning = format!(
                "{why} — {}",
                crate::i18n::display::unreadable(&file, state.lang)
            );
            state.file_warnings.insert(file, warning);
        }
        Action::RunChanged(run) => {
            state.file_warnings.remove(crate::model::run::RUN_FILE);
            let saved = run.as_ref().and_then(|r| r.saved);
            state.skew = crate::model::run::skew_ahead(saved, now.fixed_offset());
            state.run = run.map(|r| *r);
            state.members = match &state.run {
                Some(run) => run
                    .roster(&state.plan, &state.group.id)
                    .iter()
                    .map(|m| m.name.clone())
                    .collect(),
                None => state.group.members.iter().map(|m| m.name.clone()).collect(),
            };
            state.roster_sel = state.roster_sel.min(state.members.len().saturating_sub(1));
        }
        Action::FilesChanged(paths) => rereads(state, &paths, &mut fx),
        Action::Terminate { hangup } => {
            state.quitting = true;
            fx.push(exit(state, now, !hangup));
            return fx;
        }
    }
    if state.quitting {
        return fx;
    }
    housekeeping(state, now, &mut fx);
    fx
}

/// Starts the saves that are due: pending notes (unless one is under way or
/// a retry is waiting) and the draft.
fn housekeeping(state: &mut State, now: DateTime<Utc>, fx: &mut Vec<Effect>) {
    if let Some(generation) = state.saving.start(now) {
        fx.push(Effect::SaveNotes {
            doc: Box::new(state.doc.clone()),
            generation,
        });
    }
    if !state.draft_in_flight && state.draft_due().is_some_and(|d| d <= now) {
        state.draft_in_flight = true;
        state.draft_dirty_since = None;
        state.draft_touched = None;
        fx.push(Effect::SaveDraft(Box::new(state.draft(now))));
    }
    if state.notice.as_ref().is_some_and(|n| n.until <= now) {
        state.notice = None;
    }
    let live = state.doc.live_notes().count();
    state.list_sel = state.list_sel.min(live.saturating_sub(1));
}

/// The files to read again after another console changed them: the group's
/// notes file and run.json; a file is asked for once however often it
/// changed.
fn rereads(state: &State, paths: &[std::path::PathBuf], fx: &mut Vec<Effect>) {
    let notes = format!("{}.json", state.group.id);
    for p in paths {
        let name = p.file_name().and_then(|n| n.to_str());
        let in_notes = p
            .parent()
            .and_then(|d| d.file_name())
            .is_some_and(|d| d == "notes");
        let effect = match name {
            Some(n) if in_notes && n == notes => Effect::LoadNotes,
            Some(crate::model::run::RUN_FILE) if !in_notes => Effect::LoadRun,
            _ => continue,
        };
        if !fx.contains(&effect) {
            fx.push(effect);
        }
    }
}

fn exit(state: &State, now: DateTime<Utc>, restore_terminal: bool) -> Effect {
    Effect::Exit {
        draft: Box::new(state.draft(now)),
        notes: state.saving.dirty().then(|| Box::new(state.doc.clone())),
        restore_terminal,
    }
}

impl State {
    pub(super) fn notice(&mut self, text: impl Into<String>, now: DateTime<Utc>) {
        self.notice = Some(Notice {
            text: text.into(),
            until: now + Duration::seconds(NOTICE_SECS),
        });
    }

    pub(super) fn touch_draft(&mut self, now: DateTime<Utc>) {
        self.draft_dirty_since.get_or_insert(now);
        self.draft_touched = Some(now);
    }

    fn roster_order(&self) -> Vec<String> {
        roster::order(&self.doc, &self.members)
    }
}

fn paste(state: &mut State, text: &str, now: DateTime<Utc>) {
    let text = super::editor::clean_input(text);
    match state.mode {
        Mode::Write => {
            state.editor.area.insert_str(&text);
        }
        Mode::Summary => {
            state.summary.insert_str(&text);
            state.summary_dirty = true;
        }
        Mode::Picker => {
            if let Some(p) = &mut state.picker {
                p.filter.push_str(text.lines().next().unwrap_or(""));
            }
            return;
        }
        _ => return,
    }
    state.touch_draft(now);
}

fn key(state: &mut State, ev: KeyEvent, now: DateTime<Utc>, fx: &mut Vec<Effect>) {
    match state.mode {
        Mode::Help => {
            state.mode = state.back_to;
            return;
        }
        Mode::Picker => return picker_key(state, ev, now),
        _ => {}
    }
    if let Some(cmd) = keys::command(state.mode, &ev) {
        return command(state, cmd, now, fx);
    }
    let typed = match state.mode {
        Mode::Write => state.editor.area.input(ev),
        Mode::Summary => {
            let changed = state.summary.input(ev);
            state.summary_dirty |= changed;
            changed
        }
        _ => false,
    };
    if typed {
        state.touch_draft(now);
    }
}

fn command(state: &mut State, cmd: Command, now: DateTime<Utc>, fx: &mut Vec<Effect>) {
    let at = state.stamp(now);
    let order = state.roster_order();
    let qs = card::questions(&state.themes);
    let live: Vec<String> = state.doc.live_notes().map(|n| n.id.clone()).collect();
    match cmd {
        Command::Commit if state.mode == Mode::Summary => commit_summary(state, now),
        Command::Commit => commit_note(state, now),
        Command::Newline if state.mode == Mode::Summary => {
            state.summary.insert_newline();
            state.summary_dirty = true;
            state.touch_draft(now);
        }
        Command::Newline => {
            state.editor.area.insert_newline();
            state.touch_draft(now);
        }
        Command::PickSpeaker => open_picker(state, PickFor::Speaker),
        Command::PickOwner => open_picker(state, PickFor::Owner),
        Command::SpeakerNo(n) => {
            state.editor.speaker = match n {
                0 => None,
                n => state.members.get(usize::from(n) - 1).cloned(),
            };
            state.touch_draft(now);
        }
        Command::NextKind | Command::PrevKind => {
            state.editor.cycle_kind(cmd == Command::NextKind);
            state.touch_draft(now);
        }
        Command::NextQuestion | Command::PrevQuestion if !qs.is_empty() => {
            let cur = state
                .editor
                .question
                .as_ref()
                .and_then(|(t, q)| qs.iter().position(|c| &c.theme == t && &c.question == q));
            let n = qs.len();
            let i = match (cur, cmd == Command::NextQuestion) {
                (None, true) => 0,
                (None, false) => n - 1,
                (Some(i), true) => (i + 1) % n,
                (Some(i), false) => (i + n - 1) % n,
            };
            state.editor.question = Some((qs[i].theme.clone(), qs[i].question.clone()));
            state.card_sel = i;
            state.touch_draft(now);
        }
        Command::NextQuestion | Command::PrevQuestion => {}
        Command::ToggleCovered => {
            let target = if state.mode == Mode::Card {
                qs.get(state.card_sel)
                    .map(|q| (q.theme.clone(), q.question.clone()))
            } else {
                state.editor.question.clone()
            };
            if let Some((t, q)) = target {
                card::toggle_covered(&mut state.doc, &t, &q, at);
                state.saving.other_changed();
            }
        }
        Command::NextSpeaker => {
            if let Some(m) = roster::next_speaker(&state.doc, &state.members) {
                roster::start(&mut state.doc, &m, at);
                state.editor.speaker = Some(m);
                state.saving.other_changed();
                state.touch_draft(now);
            }
        }
        Command::StopSpeaker => {
            if roster::speaking_now(&state.doc).is_some() {
                roster::stop(&mut state.doc, at);
                state.saving.other_changed();
            }
        }
        Command::Speak => {
            if let Some(m) = order.get(state.roster_sel) {
                roster::start(&mut state.doc, m, at);
                state.editor.speaker = Some(m.clone());
                state.saving.other_changed();
                state.touch_draft(now);
            }
        }
        Command::Flag => {
            use crate::model::notes::{FlagKind, GroupFlag};
            let raised = match state.doc.flag.as_ref().and_then(|f| f.raised) {
                None => Some(FlagKind::Help),
                Some(FlagKind::Help) => Some(FlagKind::Ready),
                Some(FlagKind::Ready) => None,
            };
            state.doc.flag = Some(GroupFlag { raised, at });
            state.saving.other_changed();
        }
        Command::Summary => {
            state.mode = if state.mode == Mode::Summary {
                Mode::Write
            } else {
                Mode::Summary
            };
        }
        Command::NextPane => {
            state.mode = match state.mode {
                Mode::Write => Mode::Roster,
                Mode::Roster => Mode::Card,
                Mode::Card => Mode::List,
                _ => Mode::Write,
            };
            if state.mode == Mode::List {
                state.list_sel = live.len().saturating_sub(1);
            }
        }
        Command::Back => {
            if state.mode == Mode::Write && state.editor.editing.is_some() {
                state.editor.finish();
                state.touch_draft(now);
            }
            state.mode = Mode::Write;
        }
        Command::Help => {
            state.back_to = state.mode;
            state.mode = Mode::Help;
        }
        Command::Quit => {
            state.quitting = true;
            fx.push(exit(state, now, true));
        }
        Command::Up | Command::Down => {
            let down = cmd == Command::Down;
            let (sel, len) = match state.mode {
                Mode::Roster => (&mut state.roster_sel, order.len()),
                Mode::Card => (&mut state.card_sel, qs.len()),
                _ => (&mut state.list_sel, live.len()),
            };
            *sel = if down {
                (*sel + 1).min(len.saturating_sub(1))
            } else {
                sel.saturating_sub(1)
            };
        }
        Command::PageUp => state.list_scroll += PAGE,
        Command::PageDown => state.list_scroll = state.list_scroll.saturating_sub(PAGE),
        Command::Attendance => {
            if let Some(m) = order.get(state.roster_sel) {
                let next = roster::next_presence(state.doc.presence(m));
                roster::mark(&mut state.doc, m, next, at);
                state.saving.other_changed();
            }
        }
        Command::MoveUp | Command::MoveDown => {
            if let Some(m) = order.get(state.roster_sel) {
                let up = cmd == Command::MoveUp;
                roster::move_member(&mut state.doc, &state.members, m, up, at);
                let now_at = state.roster_order().iter().position(|x| x == m);
                state.roster_sel = now_at.unwrap_or(state.roster_sel);
                state.saving.other_changed();
            }
        }
        Command::SetQuestion => {
            if let Some(q) = qs.get(state.card_sel) {
                state.editor.question = Some((q.theme.clone(), q.question.clone()));
                state.touch_draft(now);
            }
        }
        Command::Edit => {
            if let Some(note) = live
                .get(state.list_sel)
                .and_then(|id| state.doc.notes.iter().find(|n| &n.id == id))
            {
                let e = super::editor::NoteEditor {
                    area: super::editor::textarea_with(&note.text),
                    speaker: note.speaker.clone(),
                    kind: note.kind,
                    question: note.theme.clone().zip(note.question.clone()),
                    owner: note.owner.clone(),
                    editing: Some(note.id.clone()),
                    parked: None,
                };
                state.editor.start_edit(e);
                state.mode = Mode::Write;
                state.touch_draft(now);
            }
        }
        Command::Delete => {
            if let Some(id) = live.get(state.list_sel) {
                set_deleted(state, id, true, at);
                state.deleted.push(id.clone());
                state.notice(NotesText::Deleted.text(state.lang), now);
            }
        }
        Command::Undelete => {
            if let Some(id) = state.deleted.pop() {
                set_deleted(state, &id, false, at);
                state.notice(NotesText::Restored.text(state.lang), now);
            }
        }
    }
}
