//! 「前回のアクション」 on the facilitator's prompt card: under the selected
//! group's themes, the previous sitting's action items that its members
//! (the roster as it stands, moves applied) own, open ones first, so the
//! facilitator can ask about them. Read when the console starts and on `u`.
//! The facilitator only reads them; the note-taker marks them.
//!
//! Items whose owner names nobody on today's rosters (「事務局」 alone, a
//! municipality not here today) follow on every group's card under
//! 「担当が名簿にない前回のアクション」: no group's note-taker can answer
//! for them, the facilitator (the secretariat) is who follows them up, in
//! the plenary. They are not in the note-takers' lists: every group would
//! carry the same items, and their open count would nag each group about
//! work nobody in it owns.
//!
//! The shared display does not show them: it is the room's screen, for the
//! prompts of the group on it, and an unfinished task named with its
//! municipality is not for the whole room.

use std::path::Path;

use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use super::{Action, State};
use crate::i18n::previous_actions::PrevText;
use crate::model::Plan;
use crate::model::actions::ActionState;
use crate::previous_actions::Carried;
use crate::previous_actions::lines::item_lines;
use crate::store::previous_sitting;

/// Finds and reads the sitting before the one in `dir` (on the blocking pool).
pub(crate) fn load(dir: &Path, plan: &Plan) -> Action {
    let found = previous_sitting::load(dir, plan);
    if let Some(p) = &found {
        for problem in &p.problems {
            tracing::warn!(%problem, "a notes file of the previous sitting cannot be read");
        }
    }
    Action::PreviousLoaded(found.map(|p| Box::new(p.into())))
}

/// The card's sections at `width` cells: the selected group's members'
/// actions, then those owned by nobody on today's rosters; each a blank
/// line, its heading, then its items; nothing for a section with none.
pub(crate) fn card_lines(state: &State, width: u16) -> Vec<Line<'static>> {
    let Some(prev) = &state.previous else {
        return Vec::new();
    };
    let lang = state.lang;
    let day = prev.date.map(|d| d.format(" %Y-%m-%d").to_string());
    let of = format!("（{}{}）", prev.title, day.unwrap_or_default());
    let mut out = section(
        &format!("{}{of}", PrevText::Title.text(lang)),
        &prev.carried(state.selected_roster()),
        state,
        width,
    );
    out.extend(section(
        &format!("{}{of}", PrevText::Unclaimed.text(lang)),
        &prev.unclaimed(everyone(state)),
        state,
        width,
    ));
    out
}

/// Everyone on today's rosters (moves applied).
fn everyone(state: &State) -> Vec<&crate::model::Member> {
    (state.plan.groups.iter())
        .flat_map(|g| state.run.roster(&state.plan, &g.id))
        .collect()
}

fn section(head: &str, items: &[Carried], state: &State, width: u16) -> Vec<Line<'static>> {
    if items.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Line::raw("")];
    let bold = Style::new().add_modifier(Modifier::BOLD);
    for l in crate::tui::text::wrap(head, usize::from(width.max(8)), "  ") {
        out.push(Line::styled(l, bold));
    }
    for item in items {
        out.extend(item_lines(item, state.lang, width));
    }
    out
}

/// The mark on the card's top border when the selected group has open
/// actions from the previous sitting, and when some owned by nobody here
/// are open (the sections are often below the fold): 「前回1・名簿外1」, or
/// where the title leaves less than `room` cells, their sum 「前回2」 (the
/// title is never covered).
pub(crate) fn card_badge(state: &State, room: usize) -> Option<String> {
    let prev = state.previous.as_ref()?;
    let open = |items: Vec<Carried>| {
        items
            .iter()
            .filter(|c| c.state == ActionState::Open)
            .count()
    };
    let lang = state.lang;
    let own = open(prev.carried(state.selected_roster()));
    let unclaimed = open(prev.unclaimed(everyone(state)));
    let word = lang.pick("前回", "prev ");
    let marks: Vec<String> = [
        (word, own),
        (PrevText::UnclaimedCount.text(lang), unclaimed),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(w, n)| format!("{w}{n}"))
    .collect();
    let full = format!(" {} ", marks.join(lang.pick("・", ", ")));
    let short = format!(" {word}{} ", own + unclaimed);
    [full, short]
        .into_iter()
        .filter(|_| own + unclaimed > 0)
        .find(|m| crate::tui::text::width(m) <= room)
}
