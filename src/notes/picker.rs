//! Picking a member from the roster by number or by typing part of the name
//! (type-ahead), for a note's speaker or an action's owner.

/// What the picked member becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PickFor {
    /// The speaker of the note in the editor.
    Speaker,
    /// The owner of the action in the editor.
    Owner,
}

/// An open picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Picker {
    /// What the pick is for.
    pub(crate) target: PickFor,
    /// The text typed so far.
    pub(crate) filter: String,
    /// The highlighted row among the matches.
    pub(crate) sel: usize,
}

impl Picker {
    /// A fresh picker.
    pub(crate) fn new(target: PickFor) -> Picker {
        Picker {
            target,
            filter: String::new(),
            sel: 0,
        }
    }

    /// The members that match the typed text, with their roster numbers.
    /// Digits select by number; other text matches anywhere in the name or
    /// its reading (ふりがな, hiragana or katakana), ignoring case and width
    /// (ＡＢＣ).
    pub(crate) fn matches<'a>(&self, members: &'a [Candidate]) -> Vec<(usize, &'a str)> {
        let all = members.iter().map(|c| (c.no, c.name.as_str()));
        let f = self.filter.trim();
        if f.is_empty() {
            return all.collect();
        }
        let needle = fold(f);
        if let Ok(n) = needle.parse::<usize>() {
            return all.filter(|(i, _)| *i == n).collect();
        }
        members
            .iter()
            .filter(|c| {
                fold(&c.name).contains(&needle)
                    || c.reading
                        .as_deref()
                        .is_some_and(|r| fold(r).contains(&needle))
            })
            .map(|c| (c.no, c.name.as_str()))
            .collect()
    }

    /// A speaker or owner typed that is not on the roster (事務局, 進行役),
    /// taken when nothing matches: the typed text, unless it is a number.
    pub(crate) fn typed_name(&self) -> Option<String> {
        let f = self.filter.trim();
        (!f.is_empty() && fold(f).parse::<usize>().is_err()).then(|| f.to_string())
    }
}

/// A member the picker offers: roster number, name and reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// The roster number (1-based, stable for the session).
    pub(crate) no: usize,
    /// The name.
    pub name: String,
    /// How the name is read, when the plan gives it.
    pub(crate) reading: Option<String>,
}

/// Folds full-width ASCII to half-width and lowercases, so that what an IME
/// or a quick typist enters matches the roster spelling.
pub(crate) fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        // Katakana readings match hiragana typing and back.
        .map(|c| match c {
            '\u{30A1}'..='\u{30F6}' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_ahead_matches_part_of_a_name_and_digits_pick_by_number() {
        let members: Vec<Candidate> = ["函館市", "気仙沼市", "新潟県", "妙高市"]
            .iter()
            .enumerate()
            .map(|(i, s)| Candidate {
                no: i + 1,
                name: s.to_string(),
                reading: (i == 1).then(|| "けせんぬまし".to_string()),
            })
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
        // By reading, in hiragana or katakana.
        p.filter = "けせん".into();
        assert_eq!(p.matches(&members), vec![(2, "気仙沼市")]);
        p.filter = "ケセン".into();
        assert_eq!(p.matches(&members), vec![(2, "気仙沼市")]);
        // Nobody on the roster: the typed name itself can be taken.
        p.filter = "事務局".into();
        assert!(p.matches(&members).is_empty());
        assert_eq!(p.typed_name().as_deref(), Some("事務局"));
        p.filter = "9".into();
        assert_eq!(p.typed_name(), None);
    }
}
