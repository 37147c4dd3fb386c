//! 「前回のアクション」 on the facilitator's prompt card: under the selected
//! group's themes, the previous sitting's action items that its members
//! (the roster as it stands, moves applied) own, open ones first, so the
//! facilitator can ask about them. Read when the console starts and on `u`.
//! The facilitator only reads them; the note-taker marks them.
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

/// The card's section for the selected group at `width` cells: a blank
/// line, the heading, then each item; nothing when the group has none.
pub(crate) fn card_lines(state: &State, width: u16) -> Vec<Line<'static>> {
    let Some(prev) = &state.previous else {
        return Vec::new();
    };
    let items = prev.carried(state.selected_roster());
    if items.is_empty() {
        return Vec::new();
    }
    let lang = state.lang;
    let day = prev.date.map(|d| d.format(" %Y-%m-%d").to_string());
    let head = format!(
        "{}（{}{}）",
        PrevText::Title.text(lang),
        prev.title,
        day.unwrap_or_default()
    );
    let mut out = vec![Line::raw("")];
    let bold = Style::new().add_modifier(Modifier::BOLD);
    for l in crate::tui::text::wrap(&head, usize::from(width.max(8)), "  ") {
        out.push(Line::styled(l, bold));
    }
    for item in &items {
        out.extend(item_lines(item, lang, width));
    }
    out
}

/// The mark on the card's top border when the selected group has open
/// actions from the previous sitting (the section is often below the fold).
pub(crate) fn card_badge(state: &State) -> Option<String> {
    let prev = state.previous.as_ref()?;
    let open = prev
        .carried(state.selected_roster())
        .iter()
        .filter(|c| c.state == crate::model::actions::ActionState::Open)
        .count();
    (open > 0).then(|| format!(" {}{open} ", state.lang.pick("前回", "prev ")))
}
