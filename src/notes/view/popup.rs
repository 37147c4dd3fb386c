//! Popups over the note-taker's screen: the speaker/owner picker and the key
//! help (generated from the key tables).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use crate::i18n::notes::NotesText;
use crate::notes::picker::PickFor;
use crate::notes::{Mode, State, keys};
use crate::tui::text;
use crate::tui::widgets::{Help, centered, clear_popup, panel};

/// Draws the picker; returns where the cursor goes (the end of the typed text).
pub fn render_picker(state: &State, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let p = state.picker.as_ref()?;
    let title = match p.target {
        PickFor::Speaker => NotesText::PickSpeakerTitle,
        PickFor::Owner => NotesText::PickOwnerTitle,
    }
    .text(state.lang);
    let matches = p.matches(&state.members);
    let w = (text::width(title) as u16 + 4).max(30);
    let h = state.members.len() as u16 + 4;
    let rect = centered(area, w, h);
    clear_popup(rect, buf);
    let block = panel(format!(" {title} "), false);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let iw = usize::from(inner.width);
    let filter = format!("> {}", text::inert(&p.filter));
    buf.set_string(inner.x, inner.y, text::truncate(&filter, iw), Style::new());
    for (i, (n, m)) in matches.iter().enumerate() {
        let y = inner.y + 1 + i as u16;
        if y >= inner.y + inner.height {
            break;
        }
        let style = if i == p.sel {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        buf.set_string(inner.x, y, text::fit(&format!("{n:>2} {m}"), iw), style);
    }
    let x = inner.x + (text::width(&filter) as u16).min(inner.width.saturating_sub(1));
    Some(Position::new(x, inner.y))
}

/// Draws the key help of the mode the note-taker came from.
pub fn render_help(state: &State, area: Rect, buf: &mut Buffer) {
    let lang = state.lang;
    // The pane the note-taker came from first, then the keys that only act
    // in the other panes, each under the pane's name.
    let mut rows: Vec<(String, &str)> = keys::help(state.back_to)
        .into_iter()
        .map(|(k, t)| (k, t.text(lang)))
        .collect();
    let panes = [
        (Mode::Write, NotesText::Editor),
        (Mode::Roster, NotesText::Roster),
        (Mode::Card, NotesText::Card),
        (Mode::List, NotesText::Notes),
    ];
    for (mode, name) in panes {
        if keys::tables(mode) == keys::tables(state.back_to) {
            continue;
        }
        let own: Vec<(String, &str)> = keys::help(mode)
            .into_iter()
            .map(|(k, t)| (k, t.text(lang)))
            .filter(|row| !rows.contains(row))
            .collect();
        if !own.is_empty() {
            rows.push((format!("[{}]", name.text(lang)), ""));
            rows.extend(own);
        }
    }
    let help = Help {
        title: NotesText::HelpTitle.text(lang),
        rows: &rows,
        ascii: false,
        hint: "Esc",
    };
    (&help).render(area, buf);
}
