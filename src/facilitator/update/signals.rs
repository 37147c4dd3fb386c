//! What rings or speaks up without a key: a block's alerts, a reporting
//! group's turn running out, the next segment beginning, and a group's
//! note-taker raising a flag.

use chrono::Duration;

use crate::i18n::run as text;
use crate::i18n::run_live as live;
use crate::model::Stamp;
use crate::model::notes::FlagKind;
use crate::timer;

use super::super::State;
use super::super::action::Effect;
use super::super::groups::GroupDigest;
use super::notice;

/// How long the timer flashes after an alert.
pub(super) const FLASH_SECS: i64 = 6;

/// Bell, desktop notice, flash and status line for `body`.
fn ring(state: &mut State, now: Stamp, body: String, fx: &mut Vec<Effect>) {
    fx.push(Effect::Bell);
    fx.push(Effect::Notify {
        title: state.plan.title.clone(),
        body: body.clone(),
    });
    state.flash_until = Some(timer::whole_second(now) + Duration::seconds(FLASH_SECS));
    notice(state, now, body, true);
}

/// Rings the block's alert or the turn's time-up when due, each recorded in
/// run.json first so it rings once per crossing.
pub(super) fn ring_due(state: &mut State, now: Stamp, fx: &mut Vec<Effect>) {
    let alert = timer::take_due_alert(&state.plan, &mut state.run, now);
    let turn = timer::take_turn_over(&state.plan, &mut state.run, now);
    if alert.is_none() && turn.is_none() {
        return;
    }
    fx.push(Effect::Save(Box::new(state.run.clone())));
    let lang = state.lang;
    let body = match (alert, turn) {
        // The block's time-up says more than the turn's; the turn's more
        // than a minutes-left alert of the block.
        (Some(0), _) | (Some(_), None) => {
            let m = alert.unwrap_or(0);
            let block = state
                .run
                .current_index(&state.plan)
                .map(|i| state.plan.agenda[i].title.clone())
                .unwrap_or_default();
            text::alert(m, &block, lang)
        }
        (_, Some(group)) => live::turn_over(&group, lang),
        (None, None) => return,
    };
    ring(state, now, body, fx);
}

/// A notice when the running block enters its next segment (自己紹介 →
/// 意見交換 → まとめ); added to the alert's when one rang at that moment.
pub(super) fn segment_change(state: &mut State, now: Stamp, fx: &[Effect]) {
    let clock = timer::Clock::at(&state.plan, &state.run, now);
    let running = clock.status == timer::Status::Running;
    let seen = match (&clock.segment, clock.block) {
        (Some(seg), Some(b)) if running => Some((b.id.clone(), seg.index)),
        _ => None,
    };
    let Some((block, index)) = seen else {
        return;
    };
    let before = state.segment_seen.replace((block.clone(), index));
    // Only just now: a console opened (or a laptop woken) late into a
    // segment does not announce it.
    let fresh = clock
        .segment
        .as_ref()
        .is_some_and(|seg| seg.duration - seg.remaining <= 5);
    let entered = fresh && matches!(&before, Some((b, i)) if *b == block && *i < index);
    if entered && let Some(seg) = clock.segment {
        let mut msg = live::segment_began(seg.title, seg.index, seg.count, state.lang);
        let alerted = fx.contains(&Effect::Bell);
        let alarm = alerted && state.notice.is_some();
        if alarm && let Some(n) = &state.notice {
            msg = format!("{} ／ {msg}", n.text);
        }
        notice(state, now, msg, alarm);
    }
}

/// Rings when a group's note-taker raises a help flag the facilitator has
/// not acknowledged (and says so when a group is ready to report).
pub(super) fn flag_raised(
    state: &mut State,
    group: &str,
    old: Option<&GroupDigest>,
    now: Stamp,
    fx: &mut Vec<Effect>,
) {
    let new = state.digests.get(group).and_then(|d| d.flag);
    let Some((kind, at)) = new else {
        return;
    };
    if old.and_then(|d| d.flag) == new || state.run.acknowledged(group, at) {
        return;
    }
    match kind {
        FlagKind::Help => {
            let body = live::help_flag(group, state.lang);
            ring(state, now, body, fx);
        }
        FlagKind::Ready => {
            let body = live::ready_flag(group, state.lang);
            notice(state, now, body, false);
        }
    }
}
