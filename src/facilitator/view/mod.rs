//! The dashboard drawn from the state: header, big timer, groups, roster,
//! prompt card (or the report-back panel), status line, and the popups on
//! top. Rendering reads the state and `now`; it never changes anything.

mod asks;
mod board;
mod broken;
mod card;
mod clock;
mod help;
mod popups;
mod summary;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::model::Stamp;
use crate::timer::{Clock, ClockView, Status};
pub(crate) use crate::tui::widgets::phase_color;
use crate::tui::widgets::{self, TooSmall};

use super::{Mode, State};

/// The dashboard at one instant.
pub struct FacilitatorView<'a> {
    /// What to draw.
    pub(crate) state: &'a State,
    /// The clock of the sitting at `now`.
    pub(crate) clock: ClockView<'a>,
    /// The instant drawn.
    pub(crate) now: Stamp,
}

impl<'a> FacilitatorView<'a> {
    /// The view of `state` at `now`.
    pub fn new(state: &'a State, now: Stamp) -> FacilitatorView<'a> {
        FacilitatorView {
            clock: Clock::at(&state.plan, &state.run, now),
            state,
            now,
        }
    }

    /// True while an alert's flash shows the timer inverted (every other second).
    fn flash_on(&self) -> bool {
        use chrono::Timelike;
        self.state
            .flash_until
            .is_some_and(|t| self.now < t && self.now.second().is_multiple_of(2))
    }
}

/// Where each part of the dashboard goes in a terminal of `area`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Areas {
    /// Title, block, wall clock, ends.
    pub(crate) header: Rect,
    /// The big timer and its gauge.
    pub(crate) timer: Rect,
    /// The groups table.
    pub(crate) groups: Rect,
    /// The selected group's roster.
    pub(crate) roster: Rect,
    /// The prompt card or report-back panel.
    pub(crate) card: Rect,
    /// The last line: key hints or a notice.
    pub(crate) status: Rect,
}

/// Lays the dashboard out. The big timer needs 6 rows; below 22 rows a
/// one-line timer is used instead.
pub(crate) fn areas(area: Rect, groups: usize) -> Areas {
    let timer_h = if area.height >= 22 { 6 } else { 2 };
    let header = Rect { height: 2, ..area };
    let timer = Rect {
        y: area.y + 2,
        height: timer_h,
        ..area
    };
    let body_y = timer.bottom();
    let body_h = area.bottom().saturating_sub(body_y + 1);
    let status = Rect {
        y: area.bottom().saturating_sub(1),
        height: 1,
        ..area
    };
    // Below 80 columns the card gets half, so it stays readable at 60x16.
    let left_w = if area.width >= 80 {
        (area.width * 2 / 5).clamp(38, 70)
    } else {
        (area.width / 2).max(28)
    }
    .min(area.width);
    // Many groups scroll within half the body, leaving the roster room.
    let table_h = (groups as u16 + 3)
        .min(body_h.saturating_sub(4))
        .min((body_h / 2 + 2).max(7))
        .max(3);
    let groups = Rect {
        x: area.x,
        y: body_y,
        width: left_w,
        height: table_h.min(body_h),
    };
    let roster = Rect {
        x: area.x,
        y: groups.bottom(),
        width: left_w,
        height: body_h - groups.height,
    };
    let card = Rect {
        x: area.x + left_w,
        y: body_y,
        width: area.width - left_w,
        height: body_h,
    };
    Areas {
        header,
        timer,
        groups,
        roster,
        card,
        status,
    }
}

fn full(size: (u16, u16)) -> Rect {
    Rect::new(0, 0, size.0, size.1)
}

/// How far a scrolled text can go and how much a page is: the one pure
/// rule that the view draws with and `update` clamps with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Scroll {
    /// The furthest line that can be at the top.
    pub(crate) max: u16,
    /// Lines a page scrolls: what fits, less a line of context.
    pub(crate) page: u16,
}

impl Scroll {
    /// The limits of `lines` lines in a bordered box of `height` rows.
    pub(crate) fn of(lines: usize, height: u16) -> Scroll {
        let visible = height.saturating_sub(2);
        Scroll {
            max: (lines as u16).saturating_sub(visible),
            page: visible.saturating_sub(1).max(1),
        }
    }
}

/// The prompt card's limits in its box `card`.
pub(crate) fn card_scroll(state: &State, card: Rect) -> Scroll {
    Scroll::of(
        card::card_lines(state, card.width.saturating_sub(2)).len(),
        card.height,
    )
}

/// The prompt card's limits at the state's terminal size.
fn card_scroll_now(state: &State) -> Scroll {
    card_scroll(state, areas(full(state.size), state.plan.groups.len()).card)
}

/// The furthest the prompt card can scroll at the state's terminal size.
pub(crate) fn card_max_scroll(state: &State) -> u16 {
    card_scroll_now(state).max
}

/// The furthest reference card `index` can scroll.
pub(crate) fn reference_max_scroll(state: &State, index: usize) -> u16 {
    let rect = popups::reference_rect(full(state.size));
    let lines = popups::reference_lines(state, index, rect.width.saturating_sub(2)).len();
    Scroll::of(lines, rect.height).max
}

/// Lines a page of the prompt card scrolls: what fits, less a line of context.
pub(crate) fn card_page(state: &State) -> u16 {
    card_scroll_now(state).page
}

/// The furthest the key help can scroll (only a narrow terminal's
/// one-column help scrolls).
pub(crate) fn help_max_scroll(state: &State) -> u16 {
    help::max_scroll(state, full(state.size))
}

/// The open reference card's lines as shown (wrapped to the popup), for
/// searching.
pub(crate) fn reference_text_lines(state: &State, index: usize) -> Vec<String> {
    let rect = popups::reference_rect(full(state.size));
    popups::reference_lines(state, index, rect.width.saturating_sub(2))
}

/// Lines a page of a popup scrolls.
pub(crate) fn popup_page(size: (u16, u16)) -> u16 {
    popups::reference_rect(full(size))
        .height
        .saturating_sub(3)
        .max(1)
}

impl Widget for &FacilitatorView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if widgets::too_small(area) {
            let msg = TooSmall {
                lang: self.state.lang,
            };
            (&msg).render(area, buf);
            return;
        }
        let a = areas(area, self.state.plan.groups.len());
        clock::header(self, a.header, buf);
        clock::timer(self, a.timer, buf);
        board::groups(self, a.groups, buf);
        board::roster(self, a.roster, buf);
        let report = self.clock.block.is_some_and(|b| b.report.is_some());
        if self.clock.status == Status::Done {
            summary::summary(self, a.card, buf);
        } else if report {
            card::report(self, a.card, buf);
        } else {
            card::prompt(self, a.card, buf);
        }
        popups::status_line(self, a.status, buf);
        match &self.state.mode {
            Mode::Dashboard => {}
            Mode::Help => help::help(self, area, buf),
            Mode::References { selected } => popups::references(self, *selected, area, buf),
            Mode::SearchReference {
                index,
                scroll,
                query,
            } => {
                popups::reference(self, *index, *scroll, area, buf);
                popups::search_prompt(self, query, area, buf);
            }
            Mode::Reference { index, scroll } => {
                popups::reference(self, *index, *scroll, area, buf)
            }
            Mode::Move { member, to } => popups::move_member(self, *member, *to, area, buf),
            Mode::Broadcast(n) => popups::broadcast(self, *n, area, buf),
            Mode::ConfirmRestart => asks::confirm_restart(self, area, buf),
            Mode::BrokenRun { problem } => broken::offer(self, problem, area, buf),
            Mode::RoomMessage { text } => asks::room_message(self, text, area, buf),
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_idle;
#[cfg(test)]
mod tests_keys;
#[cfg(test)]
mod tests_previous;
#[cfg(test)]
mod tests_trust;
