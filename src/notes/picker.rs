//! Picking a member from the roster by number or by typing part of the name
//! (type-ahead), for a note's speaker or an action's owner.

/// What the picked member becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    /// The speaker of the note in the editor.
    Speaker,
    /// The owner of the action in the editor.
    Owner,
}

/// An open picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// What the pick is for.
    pub target: PickFor,
    /// The text typed so far.
    pub filter: String,
    /// The highlighted row among the matches.
    pub sel: usize,
}

impl Picker {
    /// A fresh picker.
    pub fn new(target: PickFor) -> Picker {
        Picker {
            target,
            filter: String::new(),
            sel: 0,
        }
    }

    /// The members that match the typed text, with their roster numbers
    /// (1-based). Digits select by number; other text matches anywhere in
    /// the name, ignoring case and width (ｶﾀｶﾅ, ＡＢＣ).
    pub fn matches<'a>(&self, members: &'a [String]) -> Vec<(usize, &'a str)> {
        let all = members.iter().enumerate().map(|(i, m)| (i + 1, m.as_str()));
        let f = self.filter.trim();
        if f.is_empty() {
            return all.collect();
        }
        let needle = fold(f);
        if let Ok(n) = needle.parse::<usize>() {
            return all.filter(|(i, _)| *i == n).collect();
        }
        all.filter(|(_, m)| fold(m).contains(&needle)).collect()
    }
}

/// Folds full-width ASCII to half-width and lowercases, so that what an IME
/// or a quick typist enters matches the roster spelling.
pub fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_ahead_matches_part_of_a_name_and_digits_pick_by_number() {
        let members: Vec<String> = ["函館市", "気仙沼市", "新潟県", "妙高市"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let mut p = Picker::new(PickFor::Speaker);
        assert_eq!(p.matches(&members).len(), 4);
        p.filter = "気仙".into();
        assert_eq!(p.matches(&members), vec![(2, "気仙沼市")]);
        p.filter = "3".into();
        assert_eq!(p.matches(&members), vec![(3, "新潟県")]);
        p.filter = "３".into();
        assert_eq!(p.matches(&members), vec![(3, "新潟県")]);
        p.filter = "市".into();
        assert_eq!(p.matches(&members).len(), 3);
    }
}
