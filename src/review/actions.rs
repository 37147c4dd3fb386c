//! Action items across the archive: every note of kind アクション with its
//! owner and the status it was given since, and the sitting an action is
//! carried into ("the previous sitting" of the next one).

use chrono::NaiveDate;

use super::archive::{Archive, Sitting};
use super::fold::fold;
use crate::model::actions::{ActionMark, ActionState};
use crate::model::notes::Note;

/// One action item and where it was taken.
#[derive(Debug, Clone, Copy)]
pub struct ActionItem<'a> {
    /// The sitting it was taken in.
    pub(crate) sitting: &'a Sitting,
    /// The group's id.
    pub(crate) group: &'a str,
    /// The note.
    pub note: &'a Note,
    /// Its latest status mark, if it was ever given one.
    pub(crate) mark: Option<&'a ActionMark>,
}

impl ActionItem<'_> {
    /// Where it stands (open until marked otherwise).
    pub fn state(&self) -> ActionState {
        self.mark.map_or(ActionState::Open, |m| m.status)
    }
}

/// Which action items to list.
#[derive(Debug, Clone, Default)]
pub struct ActionFilter {
    /// Only those still open.
    pub open: bool,
    /// Only those whose owner's name holds this (folded like search).
    pub owner: Option<String>,
}

/// Every action item of the archive that passes `filter`, newest sitting
/// first, then group by group in the order they were taken.
pub fn items<'a>(archive: &'a Archive, filter: &ActionFilter) -> Vec<ActionItem<'a>> {
    archive
        .sittings
        .iter()
        .flat_map(sitting_items)
        .filter(|i| !filter.open || i.state() == ActionState::Open)
        .filter(|i| {
            filter.owner.as_deref().is_none_or(|o| {
                let want = fold(o.trim());
                fold(i.note.owner.as_deref().unwrap_or_default()).contains(&want)
            })
        })
        .collect()
}

/// The action items of one sitting.
pub(crate) fn sitting_items(sitting: &Sitting) -> Vec<ActionItem<'_>> {
    sitting
        .groups
        .iter()
        .filter_map(|g| Some((g.id.as_str(), g.notes.as_ref()?)))
        .flat_map(|(group, file)| {
            file.actions().map(move |note| ActionItem {
                sitting,
                group,
                note,
                mark: file.action_mark(&note.id),
            })
        })
        .collect()
}

/// The sitting `sitting` follows: the one its plan names (`follows`), else
/// the latest sitting of the archive dated before it.
pub(crate) fn previous<'a>(archive: &'a Archive, sitting: &Sitting) -> Option<&'a Sitting> {
    let named = sitting.plan.as_ref().and_then(|p| p.follows.as_deref());
    if let Some(found) = named.and_then(|id| archive.sitting(id)) {
        return Some(found);
    }
    let day: NaiveDate = sitting.date()?;
    archive
        .sittings
        .iter()
        .filter(|s| s.date().is_some_and(|d| d < day))
        .max_by_key(|s| s.date())
}

/// The actions carried into `sitting`: those of the previous sitting that
/// are still open, for 「前回のアクション」.
pub(crate) fn carried<'a>(archive: &'a Archive, sitting: &Sitting) -> Vec<ActionItem<'a>> {
    previous(archive, sitting)
        .map(|p| {
            sitting_items(p)
                .into_iter()
                .filter(|i| i.state() == ActionState::Open)
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixtures() -> Archive {
        Archive::load(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/archive"),
        )
    }

    #[test]
    fn the_open_action_of_jichitai_09_is_carried_into_jichitai_10() {
        let archive = fixtures();
        let ten = archive.sitting("jichitai-10").unwrap();
        assert_eq!(previous(&archive, ten).unwrap().id, "jichitai-09");
        let carried = carried(&archive, ten);
        let ids: Vec<&str> = carried.iter().map(|i| i.note.id.as_str()).collect();
        // n15 (group B) was marked done after the sitting; n05 is still open.
        assert_eq!(ids, ["n05"]);
        assert_eq!(carried[0].note.owner.as_deref(), Some("佐野市"));
        let nine = archive.sitting("jichitai-09").unwrap();
        assert!(previous(&archive, nine).is_none());
    }

    #[test]
    fn without_follows_the_latest_earlier_sitting_is_the_previous_one() {
        let mut archive = fixtures();
        for s in &mut archive.sittings {
            if let Some(p) = &mut s.plan {
                p.follows = None;
            }
        }
        let ten = archive.sitting("jichitai-10").unwrap();
        assert_eq!(previous(&archive, ten).unwrap().id, "jichitai-09");
        // `follows` wins over the dates when it names a sitting.
        let mut archive = fixtures();
        let nine = archive.sitting("jichitai-09").unwrap().clone();
        let mut nine_plan = nine.plan.clone().unwrap();
        nine_plan.follows = Some("jichitai-10".into());
        let mut odd = nine;
        odd.plan = Some(nine_plan);
        archive.sittings.push(odd.clone());
        assert_eq!(previous(&archive, &odd).unwrap().id, "jichitai-10");
    }

    #[test]
    fn filters_keep_open_ones_and_owners() {
        let archive = fixtures();
        let all = items(&archive, &ActionFilter::default());
        assert_eq!(all.len(), 3);
        let open = items(
            &archive,
            &ActionFilter {
                open: true,
                owner: None,
            },
        );
        assert_eq!(open.len(), 2);
        let owner = ActionFilter {
            open: false,
            owner: Some("ｻﾉ".into()),
        };
        assert!(
            items(&archive, &owner).is_empty(),
            "佐野 is not written in kana"
        );
        let owner = ActionFilter {
            open: false,
            owner: Some("函館".into()),
        };
        let found = items(&archive, &owner);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].state(), ActionState::Done);
        assert_eq!(found[0].mark.unwrap().by.as_deref(), Some("事務局"));
    }
}
