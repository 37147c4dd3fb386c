//! `update`: how the console's state changes with each action, and which
//! saves that calls for. Pure: time comes in as `now`, I/O goes out as effects.

use chrono::{DateTime, Duration, Utc};
use crossterm::event::KeyEventKind;

use super::commit::{commit_note, set_deleted};
use super::keys::Command;
use super::picker::PickFor;
use super::picking::open_picker;
use super::summary::commit_summary;
use super::{Action, Effect, Mode, Notice, State, card, input, quit, roster};
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
        Action::Key(ev) if ev.kind != KeyEventKind::Release => match state.ask {
            Some(ask) => fx.extend(quit::answer(state, ask, ev, now)),
            None => input::key(state, ev, now, &mut fx),
        },
        Action::Key(_) => {}
        Action::Paste(text) => input::paste(state, &text, now),
        Action::Tick => {}
        Action::Saved { generation, result } => match result {
            Ok(mut disk) => {
                // The file as written is nobody's unsaved change.
                if let Some(s) = &mut disk.summary {
                    s.base = None;
                }
                // The recorded summary is in the file now, merged there with
                // any other console's: the file's version stands.
                if state.summary_gen.is_some_and(|g| g <= generation)
                    && let Some(s) = &mut state.doc.summary
                {
                    s.base = None;
                }
                state.doc = merged(&disk, &state.doc);
                state.saving.succeeded(generation);
                super::summary::saved(state, generation, now);
                quit::saved_up_to(state, generation, &mut fx);
                // Asked to quit while saves were failing, and now all is saved.
                if state.ask == Some(quit::Ask::Quit) && state.unsaved().is_none() {
                    state.ask = None;
                    quit::quit(state, now, &mut fx);
                }
            }
            Err(e) => state.saving.failed(generation, e, now),
        },
        Action::DraftSaved(result) => {
            state.draft_in_flight = false;
            match result {
                // A stale error must not outlive the save that fixed it.
                Ok(()) => {
                    state.draft_error = None;
                    let done = state.leftover_drafts_saved();
                    fx.extend(done.into_iter().map(Effect::RemoveRescue));
                }
                Err(e) => {
                    state.draft_error = Some(e);
                    // Try again within a second.
                    state.draft_dirty_since.get_or_insert(now);
                }
            }
        }
        Action::RescueWritten(result) => quit::rescue_written_result(state, result, now),
        Action::FileChanged(mut disk) => {
            if let Some(s) = &mut disk.summary {
                s.base = None;
            }
            state
                .file_warnings
                .remove(&format!("{}.json", state.group.id));
            state.doc = merged(&state.doc, &disk);
            super::summary::follow(state, now);
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
            for m in &state.members {
                if !state.numbered.contains(m) {
                    state.numbered.push(m.clone());
                }
            }
            state.roster_sel = state.roster_sel.min(state.members.len().saturating_sub(1));
            // A member the facilitator moved to another group stops speaking here.
            let at = state.stamp(now);
            let members = &state.members;
            let mut ended = false;
            for t in state.doc.speaking.turns.iter_mut() {
                if t.end.is_none() && !members.contains(&t.member) {
                    t.end = Some(at);
                    ended = true;
                }
            }
            if ended {
                state.saving.other_changed();
            }
        }
        Action::FilesChanged(paths) => rereads(state, &paths, &mut fx),
        Action::Terminate { hangup } => {
            quit::leave(state, now, !hangup, &mut fx);
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
    state.take_waiting_leftover(now);
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

/// True when the note being changed differs from its recorded version.
fn edit_changed(state: &State) -> bool {
    let e = &state.editor;
    let Some(note) = e
        .editing
        .as_ref()
        .and_then(|id| state.doc.notes.iter().find(|n| &n.id == id))
    else {
        return false;
    };
    e.text().trim() != note.text.trim()
        || e.speaker != note.speaker
        || e.kind != note.kind
        || e.question != note.theme.clone().zip(note.question.clone())
}

pub(super) fn command(state: &mut State, cmd: Command, now: DateTime<Utc>, fx: &mut Vec<Effect>) {
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
                n => state.member_no(usize::from(n)).cloned(),
            };
            state.touch_draft(now);
        }
        Command::NextKind | Command::PrevKind => {
            state.editor.cycle_kind(cmd == Command::NextKind);
            state.touch_draft(now);
        }
        Command::NextQuestion | Command::PrevQuestion if !qs.is_empty() => {
            // The cycle passes through 未選択 (no question) between the
            // last question and the first, so a general remark can follow.
            let cur = state
                .editor
                .question
                .as_ref()
                .and_then(|(t, q)| qs.iter().position(|c| &c.theme == t && &c.question == q));
            let n = qs.len();
            let at = cur.unwrap_or(n);
            let i = if cmd == Command::NextQuestion {
                (at + 1) % (n + 1)
            } else {
                (at + n) % (n + 1)
            };
            state.editor.question = qs.get(i).map(|q| (q.theme.clone(), q.question.clone()));
            if i < n {
                state.card_sel = i;
            }
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
                if state.mode == Mode::Roster {
                    state.mode = Mode::Write;
                }
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
                // What the speaker says is typed next.
                state.mode = Mode::Write;
            }
        }
        Command::Flag => {
            use crate::model::notes::{FlagKind, GroupFlag};
            let raised = match state.doc.flag.as_ref().and_then(|f| f.raised) {
                None => Some(FlagKind::Help),
                Some(FlagKind::Help) => Some(FlagKind::Ready),
                Some(FlagKind::Ready) => None,
            };
            let prev = state.doc.flag.as_ref().map(|f| f.at);
            let at = crate::model::notes::after(prev, at);
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
                // Changes typed into a recorded note are not dropped unasked.
                if edit_changed(state) {
                    state.ask = Some(quit::Ask::DropEdit);
                    return;
                }
                state.editor.finish();
                state.touch_draft(now);
            }
            state.mode = Mode::Write;
        }
        Command::Help => {
            state.back_to = state.mode;
            state.mode = Mode::Help;
            state.help_scroll = 0;
        }
        Command::Quit => quit::quit(state, now, fx),
        Command::Redraw => fx.push(Effect::Redraw),
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
                state.mode = Mode::Write;
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
