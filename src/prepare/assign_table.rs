//! The table `roster assign` prints: how each stage's pool was split and,
//! per group, its stage, size, themes, and the pairs it could not avoid
//! (same prefecture, sat together recently), so the secretariat sees why.

use std::io::Write;

use unicode_width::UnicodeWidthStr;

use super::assign_cmd::AssignArgs;
use super::grouping::{Assignment, Candidate};
use super::plan_file::NewGroup;
use crate::i18n::Lang;

/// Prints the explanation of an assignment.
#[allow(clippy::too_many_arguments)]
pub fn explain(
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
        let fits = if p.fits {
            String::new()
        } else {
            lang.pick(
                &format!("  ※ {min}～{max}名に収まりません"),
                &format!("  (cannot fit {min}-{max})"),
            )
            .to_string()
        };
        let _ = writeln!(
            out,
            "{} {stage}: {} → {} ({}){fits}",
            lang.pick("段階", "stage"),
            lang.pick(
                &format!("{}団体", p.count),
                &format!("{} municipalities", p.count)
            ),
            lang.pick(
                &format!("{}グループ", p.sizes.len()),
                &format!(
                    "{} group{}",
                    p.sizes.len(),
                    if p.sizes.len() == 1 { "" } else { "s" }
                )
            ),
            sizes.join(", ")
        );
    }
    let heads = match lang {
        Lang::Ja => [
            "グループ",
            "段階",
            "人数",
            "テーマ",
            "同県の組",
            "最近同席の組",
            "自治体",
        ],
        Lang::En => [
            "group",
            "stage",
            "size",
            "themes",
            "same pref.",
            "sat together",
            "members",
        ],
    };
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
        for (i, c) in cells.iter().enumerate() {
            s += c;
            if i < 6 {
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
    }
    if groups.iter().any(|g| g.themes.is_empty()) {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "※ テーマ「-」: その段階を stages に持つテーマがありません（themes[].stages を確認してください）",
                "note: themes \"-\": no theme lists that stage in its stages (see themes[].stages)"
            )
        );
    }
    if args.avoid_repeat {
        let list = if used.is_empty() {
            "-".to_string()
        } else {
            used.join(", ")
        };
        let _ = writeln!(
            out,
            "{}: {list}",
            lang.pick(
                "最近同席の組は次の回から数えました",
                "pairs who sat together counted from"
            )
        );
    }
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            "同じ申込からは同じグループになります（--seed N で別の組み合わせ）",
            "the same registrations always give these groups (--seed N for another draw)"
        )
    );
}
