//! What each key command of the notes console does to its state, and which
//! saves that calls for. Pure: time comes in as `now`, I/O goes out as effects.

use chrono::{DateTime, Utc};

use super::commit::{commit_note, set_deleted};
use super::keys::Command;
use super::picker::PickFor;
use super::picking::open_picker;
use super::summary::commit_summary;
use super::undo::EditKind;
use super::{Effect, Mode, State, card, quit, roster};
use crate::i18n::notes::NotesText;

/// Rows PgUp/PgDn move the notes list.
const PAGE: usize = 5;

/// True when the note being changed differs from its recorded version.
fn edit_changed(state: &State) -> bool {
    let e = &state.editor;
    let Some(note) = e
        .editing
        .as_ref()
        .and_then(|id| state.doc.notes.iter().rev().find(|n| &n.id == id))
    else {
        return false;
    };
    e.text().trim() != note.text.trim()
        || e.speaker != note.speaker
        || e.kind != note.kind
        || e.question != note.theme.clone().zip(note.question.clone())
}

pub(super) fn command(state: &mut State, cmd: Command, now: DateTime<Utc>, fx: &mut Vec<Effect>) {
    if super::previous::command(state, cmd, now, fx) {
        return;
    }
    let at = state.stamp(now);
    let order = state.roster_order();
    let qs = card::questions(&state.themes);
    let live = state.live_count;
    match cmd {
        Command::Commit if state.mode == Mode::Summary => commit_summary(state, now),
        Command::Commit => commit_note(state, now),
        Command::Newline if state.mode == Mode::Summary => {
            state
                .summary_undo
                .edit(&mut state.summary, EditKind::Whole, now, |a| {
                    a.insert_newline();
                    true
                });
            state.summary_dirty = true;
            state.touch_draft(now);
        }
        Command::Newline => {
            let e = &mut state.editor;
            e.undo.edit(&mut e.area, EditKind::Whole, now, |a| {
                a.insert_newline();
                true
            });
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
                state.list_sel = live.saturating_sub(1);
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
                _ => (&mut state.list_sel, live),
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
            if let Some(note) = state.selected_note() {
                let e = super::editor::NoteEditor {
                    area: super::editor::textarea_with(&note.text),
                    speaker: note.speaker.clone(),
                    kind: note.kind,
                    question: note.theme.clone().zip(note.question.clone()),
                    owner: note.owner.clone(),
                    editing: Some(note.id.clone()),
                    parked: None,
                    undo: Default::default(),
                };
                state.editor.start_edit(e);
                state.mode = Mode::Write;
                state.touch_draft(now);
            }
        }
        Command::Delete => {
            if let Some(id) = state.selected_note().map(|n| n.id.clone()) {
                set_deleted(state, &id, true, at);
                state.deleted.push(id);
                state.notice(NotesText::Deleted.text(state.lang), now);
            }
        }
        Command::RemoveTurn => {
            if let Some(m) = order.get(state.roster_sel)
                && let Some(removed) = super::turns::remove_latest(&mut state.doc, m, at)
            {
                // The editor's speaker follows who speaks now.
                if state.editor.speaker.as_ref() == Some(m)
                    && let Some(prev) = &removed.continued
                {
                    state.editor.speaker = Some(prev.clone());
                    state.touch_draft(now);
                }
                state.removed_turns.push(removed);
                state.saving.other_changed();
                state.notice(NotesText::TurnRemoved.text(state.lang), now);
            }
        }
        Command::RestoreTurn => {
            if let Some(removed) = state.removed_turns.pop() {
                super::turns::restore(&mut state.doc, &removed, at);
                state.saving.other_changed();
                state.notice(NotesText::Restored.text(state.lang), now);
            }
        }
        Command::Undelete => {
            if let Some(id) = state.deleted.pop() {
                set_deleted(state, &id, false, at);
                state.notice(NotesText::Restored.text(state.lang), now);
            }
        }
        // Handled by `previous::command` above.
        Command::PreviousActions
        | Command::MarkDone
        | Command::MarkDropped
        | Command::MarkOpen
        | Command::UndoMark => {}
    }
}
