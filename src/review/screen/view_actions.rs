//! Drawing the actions tab: one line per action item (status, date,
//! sitting, group, owner, text), and under them the selected item whole,
//! wrapped, with who set its status and when.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use super::actions_tab::listed;
use super::state::{Loaded, State};
use crate::i18n::review::{ReviewText as T, action_state_label};
use crate::model::actions::ActionState;
use crate::review::actions::ActionItem;
use crate::tui::text::sanitize::inert;
use crate::tui::text::{fit, truncate, wrap};

const STATUS_W: usize = 8;
const DATE_W: usize = 10;
const SITTING_W: usize = 12;
const GROUP_W: usize = 8;
const OWNER_W: usize = 10;
/// Lines under the list for the selected item.
const DETAIL: usize = 5;

fn row(cells: [&str; 5], text: &str, width: usize) -> String {
    let [status, date, sitting, group, owner] = cells;
    let line = format!(
        " {} {} {} {} {} {text}",
        fit(status, STATUS_W),
        fit(date, DATE_W),
        fit(sitting, SITTING_W),
        fit(group, GROUP_W),
        fit(owner, OWNER_W),
    );
    truncate(&line, width)
}

/// The title and the column heads of the tab.
pub(super) fn heading(state: &State, data: &Loaded, open_only: bool) -> (String, Line<'static>) {
    let lang = state.lang;
    let count = listed(data, open_only, &state.owner.text).len();
    let filter = if open_only {
        T::OpenOnly.text(lang)
    } else {
        T::AllStates.text(lang)
    };
    let title = format!(
        " {} ({count})  [{filter}]{}",
        T::ActionList.text(lang),
        super::owner_filter::title_part(state, lang)
    );
    let head = row(
        [
            T::Status.text(lang),
            T::Date.text(lang),
            T::Sitting.text(lang),
            T::Group.text(lang),
            T::Owner.text(lang),
        ],
        T::Text.text(lang),
        usize::from(state.size.0),
    );
    (
        title,
        Line::styled(head, Style::new().add_modifier(Modifier::BOLD)),
    )
}

/// The list and the selected item's detail.
pub(super) fn actions(
    state: &State,
    data: &Loaded,
    (selected, open_only): (usize, bool),
    body: Rect,
    buf: &mut Buffer,
) {
    let lang = state.lang;
    let w = usize::from(body.width);
    let list = listed(data, open_only, &state.owner.text);
    if list.is_empty() {
        buf.set_string(body.x + 1, body.y, T::NoActions.text(lang), Style::new());
        return;
    }
    let detail = if usize::from(body.height) > DETAIL + 2 {
        DETAIL
    } else {
        0
    };
    let rows = usize::from(body.height).saturating_sub(detail + usize::from(detail > 0));
    let first = selected.saturating_sub(rows.saturating_sub(1));
    for (i, item) in list.iter().enumerate().skip(first).take(rows) {
        let y = body.y + (i - first) as u16;
        let s = item.sitting;
        let date = s.date().map(|d| d.to_string()).unwrap_or_default();
        let line = row(
            [
                action_state_label(item.state(), lang),
                &date,
                &inert(&s.id),
                &inert(&s.group_label(item.group, lang)),
                &inert(item.note.owner.as_deref().unwrap_or("—")),
            ],
            &inert(&item.note.text),
            w,
        );
        let mut style = match item.state() {
            ActionState::Open => Style::new(),
            ActionState::Done => Style::new().fg(Color::Green),
            ActionState::Dropped => Style::new().add_modifier(Modifier::DIM),
        };
        if i == selected {
            style = style.add_modifier(Modifier::REVERSED);
        }
        buf.set_string(body.x, y, line, style);
    }
    if detail == 0 {
        return;
    }
    let Some(item) = list.get(selected) else {
        return;
    };
    let top = body.y + body.height - detail as u16;
    buf.set_string(
        body.x,
        top - 1,
        "─".repeat(w),
        Style::new().add_modifier(Modifier::DIM),
    );
    for (i, line) in detail_lines(item, lang, w).iter().take(detail).enumerate() {
        buf.set_string(body.x, top + i as u16, truncate(line, w), Style::new());
    }
}

/// The selected item whole: who owns it and where it was taken, its
/// status and who set it when, then its text wrapped.
fn detail_lines(item: &ActionItem, lang: crate::i18n::Lang, w: usize) -> Vec<String> {
    let s = item.sitting;
    let mut lines = vec![format!(
        " {}: {}   {} {}",
        T::Owner.text(lang),
        inert(item.note.owner.as_deref().unwrap_or("—")),
        inert(s.title()),
        inert(&s.group_label(item.group, lang)),
    )];
    let mut status = format!(
        " {}: {}",
        T::Status.text(lang),
        action_state_label(item.state(), lang)
    );
    if let Some(m) = item.mark {
        let when = s.local(&m.at).format("%Y-%m-%d %H:%M");
        if let Some(by) = &m.by {
            status.push_str(&format!("  ({} {when})", inert(by)));
        } else {
            status.push_str(&format!("  ({when})"));
        }
    }
    lines.push(status);
    lines.extend(wrap(&format!(" {}", inert(&item.note.text)), w, " "));
    lines
}
