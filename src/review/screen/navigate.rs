//! Moving about the review: opening what is selected (a sitting, a theme,
//! a search hit) and moving the selection or the scroll within a view.

use super::actions_tab;
use super::content;
use super::keys::Command;
use super::pinned;
use super::state::{State, View};

pub(super) fn open(state: &mut State) {
    let Some(data) = &state.data else { return };
    let next = match state.view().clone() {
        View::List { selected } if selected < data.archive.sittings.len() => View::Sitting {
            sitting: selected,
            tab: 0,
            scroll: 0,
            focus: None,
        },
        View::Themes { selected } if selected < data.themes.len() => View::Compare {
            theme: selected,
            question: 0,
            scroll: 0,
        },
        View::Search => {
            let Some(at) = state.search.hits.get(state.search.selected).copied() else {
                return;
            };
            let width = usize::from(state.size.0);
            let line = content::focus_line(data, state.lang, at, width);
            View::Sitting {
                sitting: at.sitting,
                tab: at.group,
                scroll: line.saturating_sub(state.body_height() / 3),
                focus: Some(at),
            }
        }
        _ => return,
    };
    state.views.push(next);
}

pub(super) fn move_in_view(state: &mut State, c: Command) {
    let Some(data) = &state.data else { return };
    let page = state.body_height();
    let width = usize::from(state.size.0);
    let step = |n: usize, len: usize, c: Command| -> usize {
        let max = len.saturating_sub(1);
        match c {
            Command::Up => n.saturating_sub(1),
            Command::Down => (n + 1).min(max),
            Command::PageUp => n.saturating_sub(page),
            Command::PageDown => (n + page).min(max),
            _ => n,
        }
    };
    let lang = state.lang;
    // Until the notes are read only the list of sittings and the search
    // box move: the other views wait, at their first line.
    if data.is_outline() && !matches!(state.view(), View::List { .. } | View::Search) {
        return;
    }
    let groups = |s: usize| data.archive.sittings[s].groups.len();
    let view = state.views.last_mut();
    match view {
        Some(View::List { selected }) => {
            *selected = step(*selected, data.archive.sittings.len(), c)
        }
        Some(View::Themes { selected }) => *selected = step(*selected, data.themes.len(), c),
        Some(View::Actions {
            selected,
            open_only,
        }) => {
            let len = actions_tab::listed(data, *open_only, &state.owner.text).len();
            *selected = step(*selected, len, c);
        }
        Some(View::Search) => {
            state.search.selected = step(state.search.selected, state.search.hits.len(), c)
        }
        Some(View::Sitting {
            sitting,
            tab,
            scroll,
            focus,
        }) => {
            let tabs = groups(*sitting) + 1;
            match c {
                Command::NextTab => *tab = (*tab + 1) % tabs,
                Command::PrevTab => *tab = (*tab + tabs - 1) % tabs,
                Command::Timing => *tab = tabs - 1,
                _ => {
                    let lines = content::sitting_lines(data, lang, *sitting, *tab, *focus, width);
                    let levels = content::sitting_levels(data, *sitting, *tab, &lines);
                    let max = pinned::max_scroll(&levels, page);
                    *scroll = match c {
                        Command::PageDown => pinned::page_down(&levels, *scroll, page),
                        Command::PageUp => pinned::page_up(&levels, *scroll, page),
                        _ => step(*scroll, max + 1, c),
                    };
                    return;
                }
            }
            *scroll = 0;
        }
        Some(View::Compare {
            theme,
            question,
            scroll,
        }) => {
            let questions = data.themes.get(*theme).map_or(0, |t| t.questions.len()) + 1;
            match c {
                Command::Up | Command::Down => {
                    *question = step(*question, questions, c);
                    *scroll = 0;
                }
                _ => {
                    let pane = content::compare_pane_width(width);
                    let filter = &state.compare.filter;
                    let lines =
                        content::compare_lines(data, lang, *theme, *question, pane, filter).len();
                    // The filter row takes a row of the page.
                    let page = page.saturating_sub(usize::from(!filter.is_empty()));
                    *scroll = step(*scroll, lines.saturating_sub(page) + 1, c);
                }
            }
        }
        None => {}
    }
}
