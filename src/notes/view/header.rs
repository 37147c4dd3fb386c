//! The header: sitting, group, the facilitator's timer; the group's themes.

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use crate::i18n::notes::NotesText;
use crate::notes::State;
use crate::timer::{Phase, Status};
use crate::tui::text;

/// `m:ss` (or `h:mm:ss`) of a number of seconds, without sign.
pub(crate) fn clock_text(secs: i64) -> String {
    let s = secs.abs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

/// The timer as the header shows it: the block and segment, the time, and
/// the time's colour.
fn timer(state: &State, now: DateTime<Utc>) -> (String, String, Style) {
    let lang = state.lang;
    let Some(clock) = state.clock(now) else {
        let style = Style::new().fg(Color::DarkGray);
        return (
            String::new(),
            NotesText::NotStarted.text(lang).to_string(),
            style,
        );
    };
    let block = clock
        .block
        .map(|b| text::inert(&b.title))
        .unwrap_or_default();
    // A segment's own time stands beside its name, apart from the block's,
    // so 42:49 left in the block is never read as time left in 自己紹介.
    let segment = clock.segment.as_ref().map(|s| {
        format!(
            "{} {}/{} {} {}",
            text::inert(s.title),
            s.index + 1,
            s.count,
            NotesText::Left.text(lang),
            clock_text(s.remaining.max(0))
        )
    });
    let left = clock_text(clock.remaining);
    let (what, style) = match (clock.status, clock.phase) {
        (Status::Done, _) => (NotesText::Finished.text(lang).to_string(), Style::new()),
        (Status::Ready, _) => (
            format!("{} {left}", NotesText::Waiting.text(lang)),
            Style::new().fg(Color::DarkGray),
        ),
        (Status::Paused, _) => (
            format!("{} {left}", NotesText::Paused.text(lang)),
            Style::new().fg(Color::Yellow),
        ),
        (_, Phase::Overrun) => (
            format!("{} +{left}", NotesText::Over.text(lang)),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        ),
        (_, Phase::Urgent) => (
            format!("{} {left}", NotesText::Left.text(lang)),
            Style::new().fg(Color::Red),
        ),
        (_, Phase::Warning) => (
            format!("{} {left}", NotesText::Left.text(lang)),
            Style::new().fg(Color::Yellow),
        ),
        (_, Phase::Calm) => (
            format!("{} {left}", NotesText::Left.text(lang)),
            Style::new().fg(Color::Green),
        ),
    };
    let what = match &segment {
        Some(_) => format!("{} {what}", NotesText::WholeBlock.text(lang)),
        None => what,
    };
    let context = match (clock.status, segment) {
        (Status::Done, _) => String::new(),
        (_, Some(seg)) => format!("{block} | {seg}  "),
        (_, None) => format!("{block}  "),
    };
    (context, what, style.add_modifier(Modifier::BOLD))
}

/// Draws the two header lines.
pub(crate) fn render(state: &State, now: DateTime<Utc>, area: Rect, buf: &mut Buffer) {
    let lang = state.lang;
    let w = usize::from(area.width);
    let (context, time, timer_style) = timer(state, now);
    // The time itself is never cut; the block's name gives way first.
    let room = (w * 3 / 5).saturating_sub(text::width(&time));
    let context = match context.trim_end() {
        "" => String::new(),
        // Narrow: the block's name goes first, the segment and its time stay.
        c if text::width(c) + 2 > room => match c.split_once(" | ") {
            Some((_, seg)) => format!("{}  ", text::truncate(seg, room.saturating_sub(2))),
            None => format!("{}  ", text::truncate(c, room.saturating_sub(2))),
        },
        c => format!("{c}  "),
    };
    let timer = format!("{context}{time}");
    let timer_w = text::width(&timer);
    let label = state
        .group
        .label
        .as_deref()
        .map(|l| format!(" {}", text::inert(l)))
        .unwrap_or_default();
    let group = format!(
        "{} {}{label}",
        NotesText::Group.text(lang),
        text::inert(&state.group.id)
    );
    let left = format!("{group} | {}", text::inert(&state.plan.title));
    let left = text::truncate(&left, w.saturating_sub(timer_w + 1));
    let bold = Style::new().add_modifier(Modifier::BOLD);
    buf.set_string(area.x, area.y, &left, bold);
    let tx = area.x + area.width - timer_w as u16;
    buf.set_string(tx, area.y, &timer, timer_style);
    if area.height < 2 {
        return;
    }
    let themes: Vec<String> = state
        .themes
        .iter()
        .map(|t| {
            format!(
                "{}{} {}",
                NotesText::Theme.text(lang),
                text::inert(&t.id),
                text::inert(&t.title)
            )
        })
        .collect();
    let flag = flag_text(state);
    let flag_w = text::width(&flag);
    let room = if flag.is_empty() {
        w
    } else {
        w.saturating_sub(flag_w + 1)
    };
    let line = text::truncate(&themes.join(" / "), room);
    buf.set_string(area.x, area.y + 1, line, Style::new().fg(Color::Cyan));
    if !flag.is_empty() && flag_w < w {
        let style = Style::new()
            .fg(Color::Black)
            .bg(Color::LightRed)
            .add_modifier(Modifier::BOLD);
        buf.set_string(area.right() - flag_w as u16, area.y + 1, &flag, style);
    }
}

/// The flag the note-taker raised, and whether the facilitator saw it.
fn flag_text(state: &State) -> String {
    use crate::model::notes::FlagKind;
    let lang = state.lang;
    let Some(flag) = state.doc.flag.as_ref() else {
        return String::new();
    };
    let what = match flag.raised {
        Some(FlagKind::Help) => NotesText::FlagHelp,
        Some(FlagKind::Ready) => NotesText::FlagReady,
        None => return String::new(),
    };
    let seen = state
        .run
        .as_ref()
        .is_some_and(|r| r.acknowledged(&state.group.id, flag.at));
    let seen = if seen {
        NotesText::FlagSeen.text(lang)
    } else {
        ""
    };
    format!(" {}{seen} ", what.text(lang))
}
