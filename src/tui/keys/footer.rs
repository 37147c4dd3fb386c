//! The context footer: the keys of what has the keyboard, each with a short
//! word, fitted to the width (measured in cells, so full-width words count
//! double). A hint that does not fit is left out whole, never cut, and the
//! ones that must stay (the help key) are kept at the end.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

use super::{Command, Layer};
use crate::i18n::Lang;
use crate::tui::text;

/// One key hint of the footer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hint {
    /// The key as written (`F2`, `+/-`, `1-3`).
    pub(crate) keys: String,
    /// The short word beside it.
    pub(crate) what: String,
}

impl Hint {
    /// A hint of `keys` and `what`.
    pub(crate) fn new(keys: impl Into<String>, what: impl Into<String>) -> Hint {
        Hint {
            keys: keys.into(),
            what: what.into(),
        }
    }

    fn width(&self) -> usize {
        text::width(&self.keys) + 1 + text::width(&self.what)
    }
}

/// The hints of a stack of layers: each command that has a footer word,
/// once, with the first key that reaches it, in the layers' order;
/// neighbours with the same word are one hint (`+/-`, `Up/Down`).
pub(crate) fn footer_hints<C: Command>(layers: &[&Layer<C>], lang: Lang) -> Vec<Hint> {
    hints_with(layers, |c: C| c.hint(lang))
}

/// The hints of a stack of layers with the words `word` gives (a popup's
/// own words for the same commands), by the rules of [`footer_hints`].
pub(crate) fn hints_with<C: Command>(
    layers: &[&Layer<C>],
    word: impl Fn(C) -> Option<&'static str>,
) -> Vec<Hint> {
    hints_naming(layers, 1, word)
}

/// The hints of [`hints_with`], each naming up to `keys` keys of its
/// binding (`y/Enter やり直す`): for a question, where the second key is
/// the one a hurried hand presses.
pub(crate) fn hints_naming<C: Command>(
    layers: &[&Layer<C>],
    keys: usize,
    word: impl Fn(C) -> Option<&'static str>,
) -> Vec<Hint> {
    let mut seen: Vec<C> = Vec::new();
    let mut out: Vec<Hint> = Vec::new();
    for layer in layers {
        for b in layer.bindings {
            let cmd = b.sample();
            let Some(what) = word(cmd) else {
                continue;
            };
            if b.keys.is_empty() || seen.contains(&cmd) {
                continue;
            }
            seen.push(cmd);
            let key = b
                .keys
                .iter()
                .take(keys.max(1))
                .map(|k| k.label())
                .collect::<Vec<_>>()
                .join("/");
            // Neighbours with the same word share it: `Up/Down 選ぶ`.
            match out.last_mut() {
                Some(h) if h.what == what => {
                    h.keys.push('/');
                    h.keys.push_str(&key);
                }
                _ => out.push(Hint::new(key, what)),
            }
        }
    }
    out
}

const GAP: usize = 2;

/// Which hints fit in `width` cells: `tail` always (as many as fit), the
/// others in order while they leave room for the tail.
pub(crate) fn fit<'a>(hints: &'a [Hint], tail: &'a [Hint], width: usize) -> Vec<&'a Hint> {
    let tail_w: usize = tail.iter().map(|h| h.width() + GAP).sum();
    let mut used = 0;
    let mut out = Vec::new();
    for h in hints {
        if used + h.width() + tail_w > width {
            break;
        }
        used += h.width() + GAP;
        out.push(h);
    }
    for h in tail {
        if used + h.width() <= width {
            used += h.width() + GAP;
            out.push(h);
        }
    }
    out
}

/// Draws the hints that fit on the row `area`: keys in cyan, words dim.
pub(crate) fn render_footer(hints: &[Hint], tail: &[Hint], area: Rect, buf: &mut Buffer) {
    let mut x = area.x;
    for h in fit(hints, tail, usize::from(area.width)) {
        buf.set_string(x, area.y, &h.keys, Style::new().fg(Color::Cyan));
        let kx = x + text::width(&h.keys) as u16 + 1;
        buf.set_string(kx, area.y, &h.what, Style::new().fg(Color::DarkGray));
        x += (h.width() + GAP) as u16;
    }
}

/// The footer as plain text, for tests.
pub(crate) fn footer_text(hints: &[Hint], tail: &[Hint], width: usize) -> String {
    fit(hints, tail, width)
        .iter()
        .map(|h| format!("{} {}", h.keys, h.what))
        .collect::<Vec<_>>()
        .join("  ")
}
