//! The `?`/F1 help made from the key layers: one section per layer under
//! its title, each command once with all its keys, keys hidden by a more
//! specific layer left out. Drawn as one column that wraps the
//! descriptions (with the line-start rule) and scrolls when it is longer
//! than the terminal; the scroll limit is a pure function of the size, so a
//! console's `update` clamps with the same number the view uses.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::{Command, Key, Layer};
use crate::i18n::Lang;
use crate::tui::text;
use crate::tui::widgets::{centered, clear_popup, panel};

/// One row of the help: the keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HelpRow {
    /// Each key's name.
    pub(crate) keys: Vec<String>,
    /// What they do.
    pub(crate) what: String,
}

/// A headed part of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Section {
    /// The heading.
    pub(crate) title: String,
    /// The rows under it.
    pub(crate) rows: Vec<HelpRow>,
}

/// The help of a stack of layers (most specific first), in that order.
pub(crate) fn sections<C: Command>(layers: &[&Layer<C>], lang: Lang) -> Vec<Section> {
    sections_with(layers, lang, Some)
}

/// The help of [`sections`], each key as `key` says it works now: a run
/// of digits narrowed to what exists (`1-3` when the plan has three
/// messages), or left out (`None`).
pub(crate) fn sections_with<C: Command>(
    layers: &[&Layer<C>],
    lang: Lang,
    key: impl Fn(Key) -> Option<Key>,
) -> Vec<Section> {
    let mut out = Vec::new();
    for (i, layer) in layers.iter().enumerate() {
        let above: Vec<Key> = layers[..i]
            .iter()
            .flat_map(|l| l.bindings.iter().flat_map(|b| b.keys.iter().copied()))
            .collect();
        let mut rows: Vec<(C, HelpRow)> = Vec::new();
        for b in layer.bindings {
            let cmd = b.sample();
            let keys = b
                .keys
                .iter()
                .filter(|k| !above.iter().any(|a| a.covers(**k)))
                .filter_map(|k| key(*k))
                .map(|k| k.label());
            match rows.iter_mut().find(|(c, _)| *c == cmd) {
                Some((_, row)) => row.keys.extend(keys),
                None => rows.push((
                    cmd,
                    HelpRow {
                        keys: keys.collect(),
                        what: cmd.what(lang).to_string(),
                    },
                )),
            }
        }
        let rows: Vec<HelpRow> = rows
            .into_iter()
            .map(|(_, r)| r)
            .filter(|r| !r.keys.is_empty())
            .collect();
        if !rows.is_empty() {
            out.push(Section {
                title: layer.title(lang).to_string(),
                rows,
            });
        }
    }
    out
}

/// A line of the drawn help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HelpLine {
    /// A section's heading.
    Heading(String),
    /// Keys (padded to their column) and a piece of description.
    Row(String, String),
}

const SEP: &str = " / ";

/// The widest the key column gets; longer key lists wrap between keys.
const KEY_COLUMN: usize = 22;

fn key_width(sections: &[Section]) -> usize {
    sections
        .iter()
        .flat_map(|s| &s.rows)
        .map(|r| text::width(&r.keys.join(SEP)))
        .max()
        .unwrap_or(0)
        .min(KEY_COLUMN)
}

/// The keys of a row in lines of at most `w` cells, broken only between
/// keys (a key name is never cut).
fn key_lines(keys: &[String], w: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for k in keys {
        match lines.last_mut() {
            Some(l) if text::width(l) + SEP.len() + text::width(k) <= w => {
                l.push_str(SEP);
                l.push_str(k);
            }
            _ => lines.push(k.clone()),
        }
    }
    lines
}

/// The help's lines at `width` cells: headings, keys in a column, the
/// descriptions beside them wrapped, or below them when narrow.
pub(crate) fn help_lines(sections: &[Section], width: usize) -> Vec<HelpLine> {
    let kw = key_width(sections).min(width / 2);
    let room = width.saturating_sub(kw + 2);
    let mut out = Vec::new();
    for s in sections {
        out.push(HelpLine::Heading(format!("[{}]", s.title)));
        for r in &s.rows {
            let keys = key_lines(&r.keys, kw.max(1));
            if room >= 16 {
                let what = text::wrap(&r.what, room, "");
                for n in 0..keys.len().max(what.len()) {
                    let k = keys.get(n).map_or("", String::as_str);
                    let w = what.get(n).cloned().unwrap_or_default();
                    out.push(HelpLine::Row(text::fit(k, kw), w));
                }
            } else {
                for k in key_lines(&r.keys, width) {
                    out.push(HelpLine::Row(k, String::new()));
                }
                for w in text::wrap(&r.what, width.saturating_sub(2).max(4), "") {
                    out.push(HelpLine::Row(" ".into(), w));
                }
            }
        }
    }
    out
}

/// The most the help is ever wide: beyond this a line is hard to follow.
const MAX_WIDTH: u16 = 96;

/// Where the help goes in `area`, and its lines at that width.
fn layout(sections: &[Section], area: Rect) -> (Rect, Vec<HelpLine>) {
    let kw = key_width(sections);
    let what = sections
        .iter()
        .flat_map(|s| s.rows.iter().map(|r| text::width(&r.what)))
        .chain(sections.iter().map(|s| text::width(&s.title) + 2))
        .max()
        .unwrap_or(0);
    let natural = (kw + 2 + what + 4).max(40) as u16;
    let w = natural.min(MAX_WIDTH).min(area.width.saturating_sub(2));
    let lines = help_lines(sections, usize::from(w.saturating_sub(4)));
    // As tall as the terminal when it must be: every row is worth a key.
    let h = (lines.len() as u16 + 2).min(area.height);
    (centered(area, w, h), lines)
}

/// The furthest the help scrolls in a terminal of `area`: 0 when it fits.
pub(crate) fn help_max_scroll(sections: &[Section], area: Rect) -> usize {
    let (rect, lines) = layout(sections, area);
    lines
        .len()
        .saturating_sub(usize::from(rect.height.saturating_sub(2)))
}

/// The help popup.
pub(crate) struct HelpPopup<'a> {
    /// The popup's title.
    pub(crate) title: &'a str,
    /// What it lists.
    pub(crate) sections: &'a [Section],
    /// Lines scrolled past (clamped here too).
    pub(crate) scroll: usize,
    /// The hint on the bottom border (how to close it).
    pub(crate) hint: &'a str,
    /// Plain ASCII borders.
    pub(crate) ascii: bool,
}

impl Widget for &HelpPopup<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (rect, lines) = layout(self.sections, area);
        clear_popup(rect, buf);
        let visible = usize::from(rect.height.saturating_sub(2));
        let max = lines.len().saturating_sub(visible);
        let top = self.scroll.min(max);
        let mut hint = self.hint.to_string();
        if max > 0 {
            let last = (top + visible).min(lines.len());
            hint = format!("Up/Down {}-{last}/{}  {hint}", top + 1, lines.len());
        }
        let inner_w = usize::from(rect.width.saturating_sub(2));
        let title = text::truncate(&format!(" {} ", self.title), inner_w);
        let hint = text::truncate(&format!(" {hint} "), inner_w);
        let block = panel(title, self.ascii).title_bottom(Line::from(hint).right_aligned());
        let inner = block.inner(rect);
        block.render(rect, buf);
        let w = usize::from(inner.width.saturating_sub(2));
        let x = inner.x + 1;
        for (i, line) in lines.iter().skip(top).take(visible).enumerate() {
            let y = inner.y + i as u16;
            match line {
                HelpLine::Heading(h) => {
                    let style = Style::new().add_modifier(Modifier::BOLD);
                    buf.set_string(x, y, text::truncate(h, w), style);
                }
                HelpLine::Row(k, what) => {
                    let cyan = Style::new().fg(Color::Cyan);
                    buf.set_string(x, y, text::truncate(k, w), cyan);
                    let kw = text::width(k);
                    let at = kw + if kw > 0 { 2 } else { 0 };
                    if at < w {
                        let what = text::truncate(what, w - at);
                        buf.set_string(x + at as u16, y, what, Style::new());
                    }
                }
            }
        }
    }
}
