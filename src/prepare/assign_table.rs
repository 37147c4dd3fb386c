//! The table `roster assign` prints: how each stage's pool was split and,
//! per group, its stage, size, themes, and the pairs it could not avoid
//! (same prefecture, sat together recently), so the secretariat sees why.

use crate::prepare::messages::{self as text, PrepText};
use std::io::Write;

use unicode_width::UnicodeWidthStr;

use super::assign_cmd::AssignArgs;
use super::grouping::{Assignment, Candidate};
use super::plan_file::NewGroup;
use crate::i18n::Lang;

/// Prints the explanation of an assignment.
#[allow(clippy::too_many_arguments)]
pub(crate) fn explain(
    result: &Assignment,
    groups: &[NewGroup],
    candidates: &[Candidate],
    (min, max): (usize, usize),
    used: &[String],
    args: &AssignArgs,
    lang: Lang,
    out: &mut dyn Write,
) {
    for p in &result.pools {
        let stage = p.stage.as_deref().unwrap_or("-");
        let sizes: Vec<String> = p.sizes.iter().map(usize::to_string).collect();
        let sizes = sizes.join(", ");
        let line = text::pool_line(stage, p.count, p.sizes.len(), &sizes, lang);
        let fits = if p.fits {
            String::new()
        } else {
            text::cannot_fit(min, max, lang)
        };
        let _ = writeln!(out, "{line}{fits}");
    }
    let heads = text::assign_headings(lang);
    let rows: Vec<[String; 7]> = result
        .groups
        .iter()
        .zip(groups)
        .map(|(f, g)| {
            let names: Vec<&str> = f
                .members
                .iter()
                .map(|&i| candidates[i].name.as_str())
                .collect();
            [
                g.id.clone(),
                g.label.clone().unwrap_or_else(|| "-".into()),
                f.members.len().to_string(),
                if g.themes.is_empty() {
                    "-".into()
                } else {
                    g.themes.join(",")
                },
                f.same_prefecture.to_string(),
                if args.avoid_repeat {
                    f.repeats.to_string()
                } else {
                    "-".into()
                },
                names.join("、"),
            ]
        })
        .collect();
    let mut widths = heads.map(UnicodeWidthStr::width);
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r.iter()).take(6) {
            *w = (*w).max(c.width());
        }
    }
    let line = |cells: [&str; 7]| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate().take(6) {
            s += c;
            if i < 5 {
                s += &" ".repeat(widths[i] - c.width() + 2);
            }
        }
        s
    };
    let _ = writeln!(out, "{}", line(heads));
    for r in &rows {
        let _ = writeln!(
            out,
            "{}",
            line([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5], &r[6]].map(String::as_str))
        );
        // The members under their group, wrapped after a 、 to fit 80 columns.
        for l in wrap_names(&r[6], 74) {
            let _ = writeln!(out, "    {l}");
        }
    }
    if groups.iter().any(|g| g.themes.is_empty()) {
        let _ = writeln!(out, "{}", PrepText::NoThemeForStage.text(lang));
    }
    if args.avoid_repeat {
        let list = if used.is_empty() {
            "-".to_string()
        } else {
            used.join(", ")
        };
        let _ = writeln!(out, "{}: {list}", PrepText::PairsCountedFrom.text(lang));
    }
    let _ = writeln!(out, "{}", PrepText::Deterministic.text(lang));
}

/// Splits 「白鷹町、佐野市、…」 into lines of at most `width` columns, breaking
/// only after a 、 so no name is cut.
fn wrap_names(names: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for part in names.split_inclusive('、') {
        let last = lines.last_mut().map(|l| l.width()).unwrap_or(0);
        if last > 0 && last + part.width() > width {
            lines.push(String::new());
        }
        if let Some(l) = lines.last_mut() {
            l.push_str(part);
        }
    }
    lines
}
