//! Popups over the note-taker's screen: the speaker/owner picker and the key
//! help (generated from the key tables).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use crate::i18n::notes::NotesText;
use crate::notes::picker::PickFor;
use crate::notes::quit::Ask;
use crate::notes::{State, keys};
use crate::tui::keys::{HelpPopup, HelpRow, Section, sections};
use crate::tui::text;
use crate::tui::widgets::{centered, clear_popup, panel};

/// Draws the picker; returns where the cursor goes (the end of the typed text).
pub(crate) fn render_picker(state: &State, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let p = state.picker.as_ref()?;
    let title = match p.target {
        PickFor::Speaker => NotesText::PickSpeakerTitle,
        PickFor::Owner => NotesText::PickOwnerTitle,
    }
    .text(state.lang);
    let candidates = state.candidates();
    let matches = p.matches(&candidates);
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
    if let Some(name) = p.typed_name().filter(|_| matches.is_empty()) {
        let hint = crate::i18n::notes::take_typed(&text::inert(&name), state.lang);
        buf.set_string(
            inner.x,
            inner.y + 1,
            text::truncate(&hint, iw),
            Style::new(),
        );
    }
    let x = inner.x + (text::width(&filter) as u16).min(inner.width.saturating_sub(1));
    Some(Position::new(x, inner.y))
}

/// The key list: the pane the note-taker came from and the keys of every
/// pane, then the other panes and the editing keys, each under a heading.
pub(crate) fn help_sections(state: &State) -> Vec<Section> {
    let lang = state.lang;
    let from = state.back_to;
    let mut out = sections(keys::layers(from), lang);
    for layer in [&keys::WRITE, &keys::ROSTER, &keys::CARD, &keys::LIST] {
        if keys::layers(from).first().is_none_or(|l| l.en != layer.en) {
            out.extend(sections(&[layer], lang));
        }
    }
    out.push(Section {
        title: NotesText::HelpEditing.text(lang).to_string(),
        rows: crate::i18n::notes::editing_keys(lang)
            .into_iter()
            .map(|(k, t)| HelpRow {
                keys: k.split(" / ").map(String::from).collect(),
                what: t.to_string(),
            })
            .collect(),
    });
    out
}

/// Draws the key list over the screen: one column, descriptions wrapped
/// under their keys when narrow, scrolled with the arrows.
pub(crate) fn render_help(state: &State, area: Rect, buf: &mut Buffer) {
    let sections = help_sections(state);
    let popup = HelpPopup {
        title: NotesText::HelpTitle.text(state.lang),
        sections: &sections,
        scroll: state.help_scroll,
        hint: state.lang.pick("他のキーで閉じる", "other keys close"),
        ascii: false,
    };
    (&popup).render(area, buf);
}

/// Draws the open question (quit with unsaved work, bring back rescued work).
pub(crate) fn render_ask(state: &State, ask: Ask, area: Rect, buf: &mut Buffer) {
    use crate::i18n::notes as words;
    let lang = state.lang;
    let (title, mut lines): (&str, Vec<String>) = match ask {
        Ask::Quit => {
            let u = state.unsaved().unwrap_or_default();
            let mut lines = Vec::new();
            if u.notes > 0 {
                lines.push(words::unsaved_notes(u.notes, lang));
            } else if u.other {
                lines.push(words::unsaved_other(lang).to_string());
            }
            if u.summary {
                lines.push(NotesText::SummaryUnrecorded.text(lang).to_string());
            }
            if u.draft {
                lines.push(NotesText::DraftUnwritable.text(lang).to_string());
            }
            if let Some(e) = state.saving.error.as_ref().or(state.draft_error.as_ref()) {
                lines.push(text::inert(e));
            }
            if let Some(p) = &state.rescued_to {
                lines.push(words::rescue_written(&p.display().to_string(), lang));
            }
            lines.push(String::new());
            // Saves failing: Enter retries at once and quitting writes a
            // rescue copy of what still fails. Only the summary unrecorded:
            // Enter just closes and quitting keeps it in the draft.
            let failing = u.notes > 0 || u.other || u.draft;
            let (retry, anyway) = if failing {
                (NotesText::QuitRetry, NotesText::QuitAnyway)
            } else {
                (NotesText::QuitKeepWorking, NotesText::QuitKeepDraft)
            };
            for t in [retry, NotesText::QuitRescue, anyway, NotesText::QuitBack] {
                lines.push(t.text(lang).to_string());
            }
            (NotesText::QuitTitle.text(lang), lines)
        }
        Ask::DropEdit => (
            NotesText::DropEditTitle.text(lang),
            vec![
                NotesText::DropEditYes.text(lang).to_string(),
                NotesText::DropEditNo.text(lang).to_string(),
            ],
        ),
        Ask::BringBack => {
            let ids: std::collections::BTreeSet<&String> = state
                .rescue_offer
                .iter()
                .flat_map(|(_, r)| &r.pending)
                .collect();
            let notes = ids.len();
            let files: Vec<String> = state
                .rescue_offer
                .iter()
                .map(|(p, _)| text::inert(&p.display().to_string()))
                .collect();
            let mut lines = words::rescued(notes, &files, lang);
            lines.push(String::new());
            lines.push(NotesText::BringBackYes.text(lang).to_string());
            lines.push(NotesText::BringBackNo.text(lang).to_string());
            (NotesText::BringBackTitle.text(lang), lines)
        }
    };
    let max_w = area.width.saturating_sub(4);
    let widest = lines.iter().map(|l| text::width(l)).max().unwrap_or(0);
    let w = (widest.max(text::width(title) + 2) as u16 + 4).min(max_w);
    let inner_w = usize::from(w.saturating_sub(2));
    // Long lines (a path, an error) wrap rather than lose their end.
    lines = lines
        .iter()
        .flat_map(|l| {
            if l.is_empty() {
                vec![String::new()]
            } else {
                text::wrap(l, inner_w, "")
            }
        })
        .collect();
    let h = (lines.len() as u16 + 2).min(area.height);
    let rect = centered(area, w, h);
    clear_popup(rect, buf);
    let block = panel(format!(" {title} "), false);
    let inner = block.inner(rect);
    block.render(rect, buf);
    for (i, line) in lines.iter().enumerate().take(usize::from(inner.height)) {
        buf.set_string(
            inner.x,
            inner.y + i as u16,
            text::truncate(line, inner_w),
            Style::new(),
        );
    }
}
