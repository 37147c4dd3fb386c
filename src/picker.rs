//! The sitting picker: `bunkakai` alone in a terminal lists the sittings of
//! the sessions folder; Enter opens the facilitator console on one.

use std::io;

use crossterm::event::Event;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::i18n::Lang;
use crate::i18n::run::RunText as T;
use crate::model::Stamp;
use crate::tui::console::{Flow, Outside, Start};
use crate::tui::keys::{self, Key, Layer, bind, dispatch};
use crate::tui::widgets::{self, TooSmall, panel};
use crate::tui::{self, runtime, text};

/// One sitting in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Its id (folder name).
    pub id: String,
    /// Its date, when planned.
    pub date: String,
    /// Its title, or why its plan cannot be used.
    pub title: String,
    /// False when the plan has errors (it cannot be opened).
    pub usable: bool,
    /// The plan's problems, as `bunkakai check` words them.
    pub problems: Vec<String>,
    /// True when a facilitator console already runs this sitting.
    pub running: bool,
}

/// What the picker is saying about the highlighted sitting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    /// Its plan cannot be used: its problems.
    Problems(usize),
    /// It runs on another console: open it read-only?
    Running(usize),
}

/// What the picker knows.
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    /// The sittings, in id order.
    pub entries: Vec<Entry>,
    /// The highlighted one.
    pub selected: usize,
    /// The sessions folder, shown in the title.
    pub folder: String,
    /// The language of labels.
    pub lang: Lang,
    /// Plain ASCII borders.
    pub ascii: bool,
    /// A popup about the highlighted sitting, until a key closes it.
    pub said: Option<Said>,
}

/// What the keys of the picker do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Command {
    /// Highlight the sitting above.
    Up,
    /// Highlight the sitting below.
    Down,
    /// Open the highlighted sitting.
    Open,
    /// Leave without opening anything (or close the popup).
    Quit,
    /// Yes: open it read-only.
    Yes,
}

/// The picker's keys.
pub(crate) const KEYS: Layer<Command> = Layer {
    ja: "会の一覧",
    en: "Sittings",
    bindings: &[
        bind(&[Key::Up, Key::Char('k')], Command::Up),
        bind(&[Key::Down, Key::Char('j')], Command::Down),
        bind(&[Key::Enter], Command::Open),
        bind(&[Key::Char('q'), Key::Esc, Key::Ctrl('c')], Command::Quit),
        bind(&[Key::Char('y')], Command::Yes),
    ],
};

impl keys::Command for Command {
    fn what(self, lang: Lang) -> &'static str {
        match self {
            Command::Up | Command::Down => lang.pick("選ぶ", "choose"),
            Command::Open => lang.pick("開く", "open"),
            Command::Quit => lang.pick("終了", "quit"),
            Command::Yes => lang.pick("閲覧のみで開く", "open read-only"),
        }
    }
    fn hint(self, lang: Lang) -> Option<&'static str> {
        (self != Command::Yes).then(|| self.what(lang))
    }
}

/// What the picker decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Not yet.
    Undecided,
    /// Open this sitting.
    Open(String),
    /// Follow this sitting, which runs on another console, read-only.
    OpenReadOnly(String),
    /// Leave.
    Quit,
}

impl Picker {
    /// Applies a command.
    pub(crate) fn update(&mut self, c: Command) -> Choice {
        let n = self.entries.len();
        if let Some(said) = self.said.take() {
            return match (said, c) {
                (Said::Running(i), Command::Yes | Command::Open) => {
                    Choice::OpenReadOnly(self.entries[i].id.clone())
                }
                _ => Choice::Undecided,
            };
        }
        match c {
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Command::Open => match self.entries.get(self.selected) {
                Some(e) if !e.usable => self.said = Some(Said::Problems(self.selected)),
                Some(e) if e.running => self.said = Some(Said::Running(self.selected)),
                Some(e) => return Choice::Open(e.id.clone()),
                None => {}
            },
            Command::Quit => return Choice::Quit,
            Command::Yes => {}
        }
        Choice::Undecided
    }
}

impl Widget for &Picker {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if widgets::too_small(area) {
            let msg = TooSmall { lang: self.lang };
            (&msg).render(area, buf);
            return;
        }
        let title = format!(" {} — {} ", T::PickerTitle.text(self.lang), self.folder);
        let hints = keys::footer_hints(&[&KEYS], self.lang);
        let hint = keys::footer_text(&hints, &[], area.width as usize - 4);
        let block = panel(text::truncate(&title, area.width as usize - 4), self.ascii)
            .title_bottom(Line::from(format!(" {hint} ")).right_aligned());
        let inner = block.inner(area);
        block.render(area, buf);
        let id_w = self
            .entries
            .iter()
            .map(|e| text::width(&e.id))
            .max()
            .unwrap_or(0);
        for (i, e) in self.entries.iter().enumerate() {
            let y = inner.y + 1 + i as u16;
            if y >= inner.bottom() {
                break;
            }
            let title = if e.usable {
                e.title.clone()
            } else {
                T::PickerErrors.text(self.lang).to_string()
            };
            let line = format!(" {}  {:<10}  {title}", text::fit(&e.id, id_w), e.date);
            let mut style = if e.usable {
                Style::new()
            } else {
                Style::new().fg(Color::DarkGray)
            };
            if i == self.selected {
                style = style.add_modifier(Modifier::REVERSED);
            }
            buf.set_string(
                inner.x + 1,
                y,
                text::fit(&line, inner.width as usize - 2),
                style,
            );
        }
        if let Some(s) = self.said {
            said(self, s, area, buf);
        }
    }
}

/// The popup about the highlighted sitting: its plan's problems, or that
/// it runs elsewhere and can be followed read-only.
fn said(p: &Picker, said: Said, area: Rect, buf: &mut Buffer) {
    let (i, lines, hint) = match said {
        Said::Problems(i) => (
            i,
            p.entries[i].problems.clone(),
            p.lang.pick("何かキーで閉じる", "any key closes"),
        ),
        Said::Running(i) => (
            i,
            vec![
                p.lang
                    .pick(
                        "この会は別の画面で進行中です。閲覧のみで開きますか？",
                        "This sitting runs on another console. Follow it read-only?",
                    )
                    .to_string(),
            ],
            p.lang.pick(
                "y/Enter 閲覧のみで開く  Esc やめる",
                "y/Enter open read-only  Esc cancel",
            ),
        ),
    };
    let w = area.width.saturating_sub(6);
    let mut body: Vec<String> = Vec::new();
    for l in &lines {
        body.extend(text::wrap(l, w.saturating_sub(4) as usize, "  "));
    }
    let h = (body.len() as u16 + 2).min(area.height.saturating_sub(2));
    let rect = widgets::centered(area, w, h);
    widgets::clear_popup(rect, buf);
    let block = panel(format!(" {} ", p.entries[i].id), p.ascii)
        .border_style(Style::new().fg(Color::Yellow))
        .title_bottom(Line::from(format!(" {hint} ")).right_aligned());
    let inner = block.inner(rect);
    block.render(rect, buf);
    for (n, l) in body.iter().enumerate().take(inner.height as usize) {
        buf.set_string(inner.x + 1, inner.y + n as u16, l, Style::new());
    }
}

/// Shows the picker until a sitting is chosen (its id) or the user leaves.
pub fn choose(picker: Picker) -> io::Result<Choice> {
    let mut live = Live {
        picker,
        choice: Choice::Undecided,
    };
    runtime::run(&mut live, runtime::Options::default())?;
    Ok(match live.choice {
        Choice::Undecided => Choice::Quit,
        decided => decided,
    })
}

/// The picker while it runs: what was decided so far.
struct Live {
    picker: Picker,
    choice: Choice,
}

impl tui::Console for Live {
    type Action = Command;
    type Effect = Choice;

    fn now(&self) -> Stamp {
        chrono::Utc::now().fixed_offset()
    }

    fn start(&mut self, _: Start, _: &mut Outside<'_, Command>) -> Vec<Choice> {
        Vec::new()
    }

    fn to_action(&self, ev: Event) -> Option<Command> {
        match ev {
            Event::Key(k) => dispatch(&[&KEYS], &k),
            _ => None,
        }
    }

    fn tick(&self) -> Option<Command> {
        None
    }

    fn update(&mut self, c: Command, _: Stamp) -> Vec<Choice> {
        vec![self.picker.update(c)]
    }

    fn view(&self, frame: &mut Frame, _: Stamp) {
        frame.render_widget(&self.picker, frame.area());
    }

    fn perform(&mut self, choice: Choice, _: &mut Outside<'_, Command>) -> Flow {
        if choice == Choice::Undecided {
            return Flow::Continue;
        }
        self.choice = choice;
        Flow::Quit
    }

    fn next_wake(&self, _: Stamp) -> Option<Stamp> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::buffer_text::text_of;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn picker() -> Picker {
        let e = |id: &str, usable| Entry {
            id: id.into(),
            date: "2026-01-20".into(),
            title: "第9回 自治体勉強会（各論編④）".into(),
            usable,
            problems: vec!["session.json:3:12: agenda[0].minuts は知らない項目です".into()],
            running: false,
        };
        let mut running = e("jichitai-10", true);
        running.running = true;
        Picker {
            entries: vec![e("broken", false), e("jichitai-09", true), running],
            selected: 0,
            folder: "sessions".into(),
            lang: Lang::Ja,
            ascii: false,
            said: None,
        }
    }

    #[test]
    fn enter_opens_only_a_usable_plan() {
        let mut p = picker();
        // F15: Enter on a broken plan shows its problems; a key closes them.
        assert_eq!(p.update(Command::Open), Choice::Undecided);
        assert_eq!(p.said, Some(Said::Problems(0)));
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let frame = t.draw(|f| f.render_widget(&p, f.area())).unwrap();
        let all = text_of(frame.buffer);
        assert!(all.contains("minuts"), "{all}");
        assert_eq!(p.update(Command::Quit), Choice::Undecided);
        assert_eq!(p.said, None);
        p.update(Command::Down);
        assert_eq!(p.update(Command::Open), Choice::Open("jichitai-09".into()));
        // A sitting running elsewhere: offered read-only.
        p.update(Command::Down);
        assert_eq!(p.update(Command::Open), Choice::Undecided);
        assert_eq!(p.said, Some(Said::Running(2)));
        assert_eq!(
            p.update(Command::Yes),
            Choice::OpenReadOnly("jichitai-10".into())
        );
        assert_eq!(p.update(Command::Quit), Choice::Quit);
    }

    #[test]
    fn the_list_shows_ids_dates_and_titles() {
        let p = picker();
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let frame = t.draw(|f| f.render_widget(&p, f.area())).unwrap();
        let text = text_of(frame.buffer);
        let rows: Vec<&str> = text.lines().collect();
        assert!(rows[2].contains("broken"), "{text}");
        assert!(rows[3].contains("jichitai-09  2026-01-20  第"), "{text}");
    }
}
