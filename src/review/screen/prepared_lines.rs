//! A sitting being prepared, opened: what it is (not held yet, its groups
//! still to come) and the themes its plan already has, with their
//! questions; no notes, since nobody has met yet.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use crate::i18n::Lang;
use crate::i18n::review::ReviewText as T;
use crate::review::archive::Sitting;
use crate::tui::text::sanitize::inert;
use crate::tui::text::styled::wrap;

/// The lines shown above the timing of a sitting being prepared.
pub(crate) fn prepared_lines(s: &Sitting, lang: Lang, width: usize) -> Vec<Line<'static>> {
    let mut out = wrap(
        &[(
            T::PreparingNote.text(lang).to_string(),
            Style::new().fg(Color::Yellow),
        )],
        width,
        2,
    );
    out.push(Line::default());
    let themes = s.plan.iter().flat_map(|p| p.themes.iter());
    for t in themes {
        let title = format!(
            "{} {} {}",
            T::Theme.text(lang),
            inert(&t.id),
            inert(&t.title)
        );
        let bold = Style::new().add_modifier(Modifier::BOLD).fg(Color::White);
        out.extend(wrap(&[(title, bold)], width, 2));
        let asked = t.questions.iter().map(|q| ("◆", q));
        for (mark, q) in asked.chain(t.survey.iter().map(|q| ("※", q))) {
            let line = format!(" {mark} {}", inert(&q.text));
            out.extend(wrap(&[(line, Style::new().fg(Color::Cyan))], width, 3));
        }
        out.push(Line::default());
    }
    out
}
