//! What the console does with the other consoles' work: the files they
//! changed, the flags note-takers raise, and the card put on the shared
//! display.

use crate::i18n::run::{self as text, RunText as T};
use crate::model::Stamp;
use crate::model::run::RUN_FILE;
use crate::timer;

use super::super::State;
use super::super::action::Effect;
use super::notice;

pub(super) fn files_changed(state: &mut State, paths: &[std::path::PathBuf], fx: &mut Vec<Effect>) {
    let mut groups = Vec::new();
    let broken = matches!(state.mode, super::super::Mode::BrokenRun { .. });
    let mut previous = false;
    for p in paths {
        // A mark a note-taker gave an action item of the previous sitting.
        if state
            .previous_dir
            .as_ref()
            .is_some_and(|d| p.starts_with(d))
        {
            previous |= is_notes_file(p);
            continue;
        }
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
        let in_notes = p
            .parent()
            .and_then(|d| d.file_name())
            .is_some_and(|d| d == "notes");
        match name {
            Some(n) if in_notes => {
                // A group's notes are its file and the journal beside it.
                let id = n
                    .strip_suffix(".json")
                    .or_else(|| n.strip_suffix(".journal"));
                if let Some(id) = id
                    && state.plan.group(id).is_some()
                    && !groups.iter().any(|g| g == id)
                {
                    groups.push(id.to_string());
                }
            }
            Some(n) if n == RUN_FILE && (state.read_only || broken) => fx.push(Effect::ReloadRun),
            _ => {}
        }
    }
    if !groups.is_empty() {
        fx.push(Effect::LoadNotes(groups));
    }
    if previous {
        fx.push(Effect::LoadPrevious);
    }
}

/// A group's notes file or its journal (where marks are written).
fn is_notes_file(p: &std::path::Path) -> bool {
    let in_notes = p
        .parent()
        .and_then(|d| d.file_name())
        .is_some_and(|d| d == "notes");
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    in_notes && (name.ends_with(".json") || name.ends_with(".journal"))
}

/// Records in run.json that the facilitator saw the selected group's flag;
/// true when run.json changed.
pub(super) fn ack_flag(state: &mut State, now: Stamp) -> bool {
    let lang = state.lang;
    let Some(group) = state.selected_group().map(str::to_string) else {
        return false;
    };
    let flag = state.digests.get(&group).and_then(|d| d.flag);
    match flag {
        Some((_, raised)) if !state.run.acknowledged(&group, raised) => {
            state.run.acks.retain(|a| a.group != group);
            state.run.acks.push(crate::model::run::FlagAck {
                group: group.clone(),
                raised,
                at: timer::whole_second(now),
            });
            notice(state, now, text::flag_acked(&group, lang), false);
            true
        }
        _ => {
            notice(state, now, T::NoFlag.text(lang).into(), true);
            false
        }
    }
}

/// Puts the selected group's first theme on the display; pressed again,
/// its next theme, and after its last one takes the card down. True when
/// run.json changed.
pub(super) fn show_card(state: &mut State, now: Stamp) -> bool {
    let lang = state.lang;
    let themes = state
        .plan
        .groups
        .get(state.selected)
        .map(|g| g.themes.clone())
        .unwrap_or_default();
    if themes.is_empty() {
        notice(state, now, T::NoCardToShow.text(lang).into(), true);
        return false;
    }
    let next = match state.run.shown_theme.as_ref() {
        Some(t) => match themes.iter().position(|x| x == t) {
            Some(i) => themes.get(i + 1).cloned(),
            None => themes.first().cloned(),
        },
        None => themes.first().cloned(),
    };
    match &next {
        Some(theme) => {
            let title = state
                .plan
                .theme(theme)
                .map(|t| t.title.clone())
                .unwrap_or_default();
            // The display shows a message to the room before any card: the
            // card asked for goes up, so the message comes down.
            let msg = match state.run.room_message.take() {
                Some(_) => crate::i18n::run_live::card_replaced_message(&title, lang),
                None => text::card_shown(&title, lang),
            };
            notice(state, now, msg, false);
        }
        None => notice(state, now, T::CardTakenDown.text(lang).into(), false),
    }
    state.run.shown_theme = next;
    true
}
