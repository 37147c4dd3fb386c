//! `update`: how the console's state changes with each action, and which
//! saves that calls for. Pure: time comes in as `now`, I/O goes out as effects.
//! What each key command does is in `commands`.

use chrono::{DateTime, Duration, Utc};
use crossterm::event::KeyEventKind;

use super::{Action, Effect, Notice, State, input, quit, roster};
use crate::model::notes_change::{apply_change, change_of};

/// How long a status message stays.
const NOTICE_SECS: i64 = 4;

/// Applies `action` at `now`; returns what must be done outside.
pub fn update(state: &mut State, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
    let mut fx = Vec::new();
    match action {
        Action::Key(ev) if ev.kind != KeyEventKind::Release => {
            // A turn a key opened here is this console's own.
            let before = super::partner::open_turns(&state.doc);
            match state.ask {
                Some(ask) => fx.extend(quit::answer(state, ask, ev, now)),
                None => input::key(state, ev, now, &mut fx),
            }
            state.own_new_turns(&before);
        }
        Action::Key(_) => {}
        Action::Paste(text) => input::paste(state, &text, now),
        Action::PartnerChecked(alive) => state.partner_checked(alive, now),
        Action::Tick => {}
        Action::Resize(w, h) => state.size = (w, h),
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
                // What was written is this console's own change: merged in
                // note by note (the others' come through `FileChanged`).
                apply_change(&mut state.doc, &disk);
                state.saving.succeeded(generation);
                state.saving.appended += 1;
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
            apply_change(&mut state.doc, &disk);
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
        Action::PreviousLoaded(found) => super::previous::loaded(state, found),
        Action::MarkSaved(result) => super::previous::saved(state, result, now, &mut fx),
        Action::Opened(opening) => state.opened(*opening, now),
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
    state.look_for_partner(now, fx);
    if let Some(generation) = state.saving.start(now) {
        // Only what changed goes out: the cost of a save does not grow
        // with the group's notes.
        let ids: Vec<&str> = state.saving.notes.keys().map(String::as_str).collect();
        let change = change_of(&state.doc, &ids, state.saving.other.is_some());
        fx.push(Effect::SaveNotes {
            doc: Box::new(change),
            generation,
        });
    } else if state.saving.fold_due(now) {
        fx.push(Effect::FoldJournal);
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
    let journal = format!("{}.journal", state.group.id);
    let previous = state.previous.sitting.as_ref().map(|p| p.dir.as_path());
    for p in paths {
        let name = p.file_name().and_then(|n| n.to_str());
        // A mark given to the previous sitting's actions (the review, a
        // co-note-taker): its notes are read again.
        if previous.is_some_and(|d| p.starts_with(d)) {
            let notes = name.is_some_and(|n| n.ends_with(".json") || n.ends_with(".journal"));
            if notes && !fx.contains(&Effect::LoadPrevious) {
                fx.push(Effect::LoadPrevious);
            }
            continue;
        }
        let in_notes = p
            .parent()
            .and_then(|d| d.file_name())
            .is_some_and(|d| d == "notes");
        let effect = match name {
            Some(n) if in_notes && (n == notes || n == journal) => Effect::LoadNotes,
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

    pub(super) fn roster_order(&self) -> Vec<String> {
        roster::order(&self.doc, &self.members)
    }
}
