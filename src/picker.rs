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
use crate::tui::keys::{Binding, Key, lookup};
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
}

/// What the keys of the picker do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Highlight the sitting above.
    Up,
    /// Highlight the sitting below.
    Down,
    /// Open the highlighted sitting.
    Open,
    /// Leave without opening anything.
    Quit,
}

/// The picker's keys.
pub const KEYS: &[Binding<Command>] = &[
    Binding {
        keys: &[Key::Up, Key::Char('k')],
        command: Command::Up,
    },
    Binding {
        keys: &[Key::Down, Key::Char('j')],
        command: Command::Down,
    },
    Binding {
        keys: &[Key::Enter],
        command: Command::Open,
    },
    Binding {
        keys: &[Key::Char('q'), Key::Esc, Key::Ctrl('c')],
        command: Command::Quit,
    },
];

/// What the picker decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Not yet.
    Undecided,
    /// Open this sitting.
    Open(String),
    /// Leave.
    Quit,
}

impl Picker {
    /// Applies a command.
    pub fn update(&mut self, c: Command) -> Choice {
        let n = self.entries.len();
        match c {
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Command::Open => {
                if let Some(e) = self.entries.get(self.selected).filter(|e| e.usable) {
                    return Choice::Open(e.id.clone());
                }
            }
            Command::Quit => return Choice::Quit,
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
        let block = panel(text::truncate(&title, area.width as usize - 4), self.ascii)
            .title_bottom(
                Line::from(format!(" {} ", T::PickerHint.text(self.lang))).right_aligned(),
            );
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
    }
}

/// Shows the picker until a sitting is chosen (its id) or the user leaves.
pub fn choose(picker: Picker) -> io::Result<Option<String>> {
    let mut live = Live {
        picker,
        choice: Choice::Undecided,
    };
    runtime::run(&mut live, runtime::Options::default())?;
    Ok(match live.choice {
        Choice::Open(id) => Some(id),
        Choice::Undecided | Choice::Quit => None,
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
            Event::Key(k) => lookup(KEYS, &k),
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
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn picker() -> Picker {
        let e = |id: &str, usable| Entry {
            id: id.into(),
            date: "2026-01-20".into(),
            title: "第9回 自治体勉強会（各論編④）".into(),
            usable,
        };
        Picker {
            entries: vec![e("broken", false), e("jichitai-09", true)],
            selected: 0,
            folder: "sessions".into(),
            lang: Lang::Ja,
            ascii: false,
        }
    }

    #[test]
    fn enter_opens_only_a_usable_plan() {
        let mut p = picker();
        assert_eq!(p.update(Command::Open), Choice::Undecided);
        p.update(Command::Down);
        p.update(Command::Down);
        assert_eq!(p.update(Command::Open), Choice::Open("jichitai-09".into()));
        assert_eq!(p.update(Command::Quit), Choice::Quit);
    }

    #[test]
    fn the_list_shows_ids_dates_and_titles() {
        let p = picker();
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let frame = t.draw(|f| f.render_widget(&p, f.area())).unwrap();
        let row: String = (0..80)
            .map(|x| frame.buffer[(x, 2)].symbol().to_string())
            .collect();
        assert!(row.contains("broken"), "{row}");
        let row: String = (0..80)
            .map(|x| frame.buffer[(x, 3)].symbol().to_string())
            .collect();
        assert!(row.contains("jichitai-09  2026-01-20  第"), "{row}");
    }
}
