//! Stages of the 取組サイクル (①課題分析・体制構築 … ④検証・改善) as people
//! write them: 「①」, 「1」, 「１」, 「段階1」, 「ステージ③」 and 「stage 3」 are the
//! same stage. Free labels (「立ち上げ期」) are stages too, compared after NFKC.

use unicode_normalization::UnicodeNormalization;

/// Prefixes and suffixes that only say "stage" around the number.
const WORDS: [&str; 6] = ["段階", "ステージ", "stage", "step", "第", "期"];

/// The comparison key of a stage label: its number when it names one
/// (「段階１」 → `"1"`), otherwise the NFKC-folded, lower-cased, trimmed text.
/// Returns `None` for a blank label.
pub(crate) fn stage_key(label: &str) -> Option<String> {
    let folded: String = label.nfkc().collect::<String>().to_lowercase();
    let trimmed = folded.trim();
    if trimmed.is_empty() {
        return None;
    }
    let mut core = trimmed.to_string();
    loop {
        let before = core.clone();
        for w in WORDS {
            if let Some(rest) = core.strip_prefix(w) {
                core = rest.trim_start().to_string();
            }
            if let Some(rest) = core.strip_suffix(w) {
                core = rest.trim_end().to_string();
            }
        }
        core = core
            .trim_matches(|c: char| c == '(' || c == ')' || c == ':' || c.is_whitespace())
            .to_string();
        if core == before {
            break;
        }
    }
    if !core.is_empty() && core.chars().all(|c| c.is_ascii_digit()) {
        let n: u64 = core.parse().unwrap_or(0);
        return Some(n.to_string());
    }
    if let Some(n) = ROMAN.iter().position(|r| *r == core) {
        return Some((n + 1).to_string());
    }
    Some(trimmed.to_string())
}

/// Roman numerals 1 to 20 as NFKC leaves them, lower-cased: 「Ⅲ」, 「III」
/// and 「ⅲ」 all fold to "iii".
const ROMAN: [&str; 20] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
    "xvi", "xvii", "xviii", "xix", "xx",
];

/// True when `label` names a stage by number (「③」, 「3」, 「段階3」,
/// 「Ⅲ」) rather than by a free word.
pub(crate) fn numbered_stage(label: &str) -> bool {
    stage_key(label).is_some_and(|k| k.parse::<u32>().is_ok())
}

/// The label to write for a stage: a circled number (①…⑳) when the stage is
/// a number in that range, otherwise the label as given, trimmed.
pub(crate) fn stage_label(label: &str) -> String {
    match stage_key(label).and_then(|k| k.parse::<u32>().ok()) {
        Some(n @ 1..=20) => char::from_u32(0x2460 + n - 1)
            .map(String::from)
            .unwrap_or_else(|| label.trim().to_string()),
        _ => label.trim_matches(|c: char| c.is_whitespace()).to_string(),
    }
}

/// True when two labels name the same stage.
pub fn same_stage(a: &str, b: &str) -> bool {
    matches!((stage_key(a), stage_key(b)), (Some(x), Some(y)) if x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_marks_read_alike() {
        for s in [
            "①",
            "1",
            "１",
            "段階1",
            "段階１",
            "ステージ①",
            "Stage 1",
            "第1段階",
            " ① ",
            "(1)",
            "01",
        ] {
            assert_eq!(stage_key(s).as_deref(), Some("1"), "{s}");
            assert_eq!(stage_label(s), "①", "{s}");
        }
        assert!(same_stage("③", "段階３"));
        assert!(!same_stage("①", "③"));
    }

    #[test]
    fn roman_numerals_are_the_numbered_stage() {
        for s in [
            "Ⅲ",
            "III",
            "ⅲ",
            "iii",
            "段階Ⅲ",
            "第Ⅲ段階",
            "Stage III",
            "Ⅲ期",
            "３",
            "段階3",
        ] {
            assert_eq!(stage_key(s).as_deref(), Some("3"), "{s}");
            assert_eq!(stage_label(s), "③", "{s}");
            assert!(numbered_stage(s), "{s}");
        }
        assert!(same_stage("Ⅳ", "④"));
        assert!(!same_stage("Ⅱ", "Ⅲ"));
        assert!(!numbered_stage("立ち上げ期"));
        assert_eq!(stage_key("mix").as_deref(), Some("mix"));
    }

    #[test]
    fn free_labels_compare_after_nfkc() {
        assert_eq!(stage_key("立ち上げ期").as_deref(), Some("立ち上げ期"));
        assert!(same_stage("ｽﾃｰｼﾞA", "ステージＡ"));
        assert_eq!(stage_label("立ち上げ期"), "立ち上げ期");
        assert_eq!(stage_key("　"), None);
    }
}
