//! A theme's prompt card as lines of text, the same on the facilitator's
//! console and on the shared display: title, audience, ◆ key questions
//! with their ・ sub-points, ※ questions from the pre-session survey,
//! wrapped with hanging indents (Japanese breaks anywhere, kinsoku kept by
//! the text layer).

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use crate::i18n::Lang;
use crate::model::Theme;
use crate::tui::text;

/// Wraps `s` to `width` cells with `first` before the first line and
/// spaces of the same width before the others.
fn bullet(out: &mut Vec<Line<'static>>, first: &str, s: &str, width: u16, style: Style) {
    // In a narrow card the hanging indent would leave too little room.
    let hang = if width >= 40 { text::width(first) } else { 2 };
    let indent = " ".repeat(hang);
    for l in text::wrap(&format!("{first}{s}"), width as usize, &indent) {
        out.push(Line::styled(l, style));
    }
}

/// The card of `theme` at `width` cells; `ascii` uses `*` and `+` for ◆
/// and ※.
pub(crate) fn lines(theme: &Theme, lang: Lang, ascii: bool, width: u16) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let (key, survey) = if ascii {
        ("* ", "+ ")
    } else {
        ("◆ ", "※ ")
    };
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let head = format!("{}{} ", lang.pick("テーマ", "Theme "), theme.id);
    bullet(&mut out, &head, &theme.title, width, bold.fg(Color::Cyan));
    if let Some(a) = &theme.audience {
        let lead = format!("{}: ", lang.pick("対象", "For"));
        bullet(&mut out, &lead, a, width, Style::new().fg(Color::DarkGray));
    }
    for (mark, list, style) in [
        (key, &theme.questions, bold),
        (survey, &theme.survey, Style::new()),
    ] {
        for q in list {
            bullet(&mut out, mark, &q.text, width, style);
            for p in &q.points {
                bullet(&mut out, "   ・", p, width, Style::new());
            }
        }
    }
    out
}
