//! Undo and redo in the editors by whole edits, the way a word processor
//! does it: a run of typing (a word, an IME conversion committed in one go,
//! a sentence typed without stopping) is one step, and so is a run of
//! erasing, a paste, a cut (Ctrl+K, Ctrl+W), a line break. A run ends when
//! the caret is moved elsewhere, another kind of edit comes, or typing
//! pauses for [`PAUSE_SECS`]. (The text area's own history records every
//! character, so undoing a typed sentence took dozens of presses.)

use chrono::{DateTime, Duration, Utc};
use ratatui_textarea::{CursorMove, TextArea};

/// A pause in typing this long starts a new undo step.
pub(crate) const PAUSE_SECS: i64 = 3;
/// How many steps are kept.
const MAX_STEPS: usize = 100;

/// What a key did to the text, for grouping into steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EditKind {
    /// A character typed (runs of them are one step).
    Typing,
    /// A character erased with Backspace or Delete (runs are one step).
    Erasing,
    /// Anything else that changes the text (paste, cut, line break): one
    /// step on its own.
    Whole,
}

/// The text and caret before a step.
#[derive(Debug, Clone, PartialEq)]
struct Snapshot {
    lines: Vec<String>,
    cursor: (usize, usize),
}

fn snapshot(area: &TextArea<'_>) -> Snapshot {
    Snapshot {
        lines: area.lines().to_vec(),
        cursor: (area.cursor().0, area.cursor().1),
    }
}

/// One editor's undo and redo steps.
#[derive(Debug, Clone, Default)]
pub(crate) struct Steps {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    /// The run still open: its kind, where the caret ended, when.
    open: Option<(EditKind, (usize, usize), DateTime<Utc>)>,
}

impl Steps {
    /// Makes the change `f` to `area` (true when it changed the text) and
    /// records it: a new step, or part of the run still open.
    pub(crate) fn edit(
        &mut self,
        area: &mut TextArea<'static>,
        kind: EditKind,
        now: DateTime<Utc>,
        f: impl FnOnce(&mut TextArea<'static>) -> bool,
    ) -> bool {
        let before = snapshot(area);
        if !f(area) || area.lines() == before.lines.as_slice() {
            return false;
        }
        let goes_on = matches!(self.open, Some((k, at, when))
            if k == kind && at == before.cursor && now - when < Duration::seconds(PAUSE_SECS));
        if !goes_on {
            self.undo.push(before);
            if self.undo.len() > MAX_STEPS {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        let after = (area.cursor().0, area.cursor().1);
        self.open = (kind != EditKind::Whole).then_some((kind, after, now));
        true
    }

    /// Takes the last step back; false when there is none.
    pub(crate) fn undo(&mut self, area: &mut TextArea<'static>) -> bool {
        let Some(prev) = self.undo.pop() else {
            return false;
        };
        self.redo.push(snapshot(area));
        put(area, prev);
        self.open = None;
        true
    }

    /// Makes the step taken back again; false when there is none.
    pub(crate) fn redo(&mut self, area: &mut TextArea<'static>) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push(snapshot(area));
        put(area, next);
        self.open = None;
        true
    }
}

/// Puts a snapshot's text and caret into `area`, keeping its settings.
fn put(area: &mut TextArea<'static>, snap: Snapshot) {
    let mut fresh = super::editor::new_textarea();
    fresh.insert_str(snap.lines.join("\n"));
    let (row, col) = snap.cursor;
    let clamp = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    fresh.move_cursor(CursorMove::Jump(clamp(row), clamp(col)));
    *area = fresh;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(secs: i64) -> DateTime<Utc> {
        "2026-01-20T05:10:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::seconds(secs)
    }

    fn type_str(steps: &mut Steps, area: &mut TextArea<'static>, s: &str, at: DateTime<Utc>) {
        for c in s.chars() {
            steps.edit(area, EditKind::Typing, at, |a| {
                a.insert_char(c);
                true
            });
        }
    }

    #[test]
    fn a_typed_run_is_one_step_and_a_pause_starts_the_next() {
        let mut area = super::super::editor::new_textarea();
        let mut steps = Steps::default();
        type_str(&mut steps, &mut area, "気仙沼市の", t(0));
        type_str(&mut steps, &mut area, "課題", t(1));
        type_str(&mut steps, &mut area, "です", t(10));
        assert!(steps.undo(&mut area));
        assert_eq!(area.lines(), ["気仙沼市の課題"]);
        assert!(steps.undo(&mut area));
        assert_eq!(area.lines(), [""]);
        assert!(!steps.undo(&mut area));
        assert!(steps.redo(&mut area));
        assert_eq!(area.lines(), ["気仙沼市の課題"]);
        assert_eq!(area.cursor(), (0, 7));
    }

    #[test]
    fn moving_the_caret_ends_the_run() {
        let mut area = super::super::editor::new_textarea();
        let mut steps = Steps::default();
        type_str(&mut steps, &mut area, "課題", t(0));
        area.move_cursor(CursorMove::Head);
        type_str(&mut steps, &mut area, "庁内の", t(0));
        assert!(steps.undo(&mut area));
        assert_eq!(area.lines(), ["課題"]);
        assert_eq!(area.cursor(), (0, 0));
    }
}
