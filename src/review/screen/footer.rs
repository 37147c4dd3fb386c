//! The review's footer: the current view's keys, then the search, the
//! action items, the help and quit (`/ a ? q`), fitted to the width.
//!
//! `/ a ? q` are kept at every width the review draws (from 60 columns),
//! so a reviewer in a narrow window still finds them. The view's own keys
//! come in their table's order, which is their priority: when they do not
//! all fit, the least important take their short word first (`t 比較`;
//! the status keys together, `d/x/o 状態`); if that is not enough, the
//! kept keys take theirs (`? 操作`, the help's title being 「キー操作」)
//! before the last of the view's keys are left out (the `?` help lists
//! them all). A key that does nothing where the reviewer is (Esc on the
//! list of sittings, `a` in the action items, `t` in the list of themes)
//! is not shown.

use super::keys::{Command, layers};
use super::state::View;
use crate::i18n::Lang;
use crate::tui::keys::{Command as _, Hint, fit, hints_with};

/// The commands the footer keeps at its end at every width, in this order.
const KEPT: [Command; 4] = [
    Command::Search,
    Command::Actions,
    Command::Help,
    Command::Quit,
];

/// Where the reviewer is, as far as the footer needs to know.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place<'a> {
    /// The view on top.
    pub(crate) view: &'a View,
    /// True on the first view, which Esc cannot leave.
    pub(crate) at_root: bool,
    /// True in a sitting with no groups (one prepared with `new --from`):
    /// it has its timing tab alone, and Tab goes nowhere.
    pub(crate) one_tab: bool,
}

/// True when `c` does nothing new where the reviewer is.
fn idle(place: Place, c: Command) -> bool {
    let view = place.view;
    match c {
        Command::Back => place.at_root,
        Command::NextTab | Command::PrevTab => place.one_tab,
        Command::Themes => matches!(view, View::Themes { .. }),
        Command::Actions => matches!(view, View::Actions { .. }),
        _ => false,
    }
}

/// The footer of `view` in `width` cells: the view's hints, and the ones
/// kept at the end (`/ a ? q`, or the search box's F1 and Ctrl+C).
pub(crate) fn footer(place: Place, lang: Lang, width: usize) -> (Vec<Hint>, Vec<Hint>) {
    let layers = layers(place.view);
    let shown = |c: Command| !idle(place, c) && c.hint(lang).is_some();
    let kept = |short: bool| {
        hints_with(layers, |c| {
            (shown(c) && KEPT.contains(&c))
                .then(|| {
                    if short {
                        c.short_hint(lang)
                    } else {
                        c.hint(lang)
                    }
                })
                .flatten()
        })
    };
    let tail = kept(false);
    // The view's own commands, most important first.
    let mut own: Vec<Command> = Vec::new();
    for b in layers.iter().flat_map(|l| l.bindings) {
        let c = b.sample();
        if shown(c) && !KEPT.contains(&c) && !own.contains(&c) {
            own.push(c);
        }
    }
    // Commands sharing a short word shorten together, at the first of them.
    let unit = |c: Command| {
        own.iter()
            .position(|o| o.short_hint(lang) == c.short_hint(lang))
            .unwrap_or(0)
    };
    let with_cut = |cut: usize| {
        hints_with(layers, |c| {
            if !own.contains(&c) {
                None
            } else if unit(c) >= cut {
                c.short_hint(lang)
            } else {
                c.hint(lang)
            }
        })
    };
    for cut in (0..=own.len()).rev() {
        let hints = with_cut(cut);
        if fit(&hints, &tail, width).len() == hints.len() + tail.len() {
            return (hints, tail);
        }
    }
    // Every key of the view kept with the short words of the kept ones
    // (the way back in the list of themes at 60 columns in Japanese).
    let hints = with_cut(0);
    let short_tail = kept(true);
    if fit(&hints, &short_tail, width).len() == hints.len() + short_tail.len() {
        return (hints, short_tail);
    }
    (hints, tail)
}

#[cfg(test)]
#[path = "footer_tests.rs"]
mod tests;
