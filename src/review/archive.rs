//! The archive of past sittings as the reviewer sees it: every sitting with
//! its plan, run history and groups' notes, newest first, and every file
//! that could not be used listed with its problem.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, NaiveTime};
use chrono_tz::Tz;

use super::files::{self, FileProblem};
use crate::i18n::Lang;
use crate::i18n::review::ReviewText as T;
use crate::model::Stamp;
use crate::model::notes::{GroupNotes, Note};
use crate::model::run::RunState;
use crate::model::{Plan, Theme};
use crate::store::archive::{SittingFiles, read_plan_and_run, read_sitting};

/// Every sitting of a sessions folder.
#[derive(Debug, Clone, Default)]
pub struct Archive {
    /// The sessions folder it was read from.
    pub(crate) dir: PathBuf,
    /// The sittings, newest first (those whose day is not known first of
    /// all: see [`Sitting::sort_key`]).
    pub sittings: Vec<Sitting>,
}

/// One past sitting.
#[derive(Debug, Clone)]
pub struct Sitting {
    /// Its id (the plan's, else the folder's name).
    pub id: String,
    /// Its folder.
    pub(crate) dir: PathBuf,
    /// The plan, when it could be read.
    pub(crate) plan: Option<Plan>,
    /// True for a sitting being prepared, not held yet: its plan is good
    /// but for having no groups yet (`new --from` before `roster assign`).
    pub(crate) awaiting_groups: bool,
    /// The run history, when the sitting was run and the file could be read.
    pub(crate) run: Option<RunState>,
    /// Its groups: the plan's in plan order, then any group that only has
    /// a notes file.
    pub groups: Vec<GroupRecord>,
    /// The files of this sitting that could not be used.
    pub problems: Vec<FileProblem>,
}

/// One group of a sitting and what its note-taker wrote.
#[derive(Debug, Clone)]
pub struct GroupRecord {
    /// The group's id.
    pub id: String,
    /// Its notes file, when there is a usable one.
    pub notes: Option<GroupNotes>,
}

impl Sitting {
    /// Why there is no run record to show: none was written, or its file
    /// is among the problems.
    pub(crate) fn no_run_text(&self) -> T {
        let broken = self.problems.iter().any(|p| {
            p.path
                .file_name()
                .is_some_and(|n| n == crate::model::run::RUN_FILE)
        });
        if broken { T::RunUnreadable } else { T::NoRun }
    }
}

impl Archive {
    /// Reads and parses every sitting of the sessions folder `dir`.
    pub fn load(dir: &Path) -> Archive {
        // Each sitting is parsed as soon as it is read, on every core, so
        // the raw bytes of the whole archive are never held at once.
        let folders = crate::store::sessions::list(dir);
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = folders.len().div_ceil(threads).max(1);
        let mut sittings: Vec<Sitting> = std::thread::scope(|scope| {
            let handles: Vec<_> = folders
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|f| Sitting::parse(&read_sitting(&dir.join(f), f.clone())))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        sittings.sort_by_key(|s| std::cmp::Reverse(s.sort_key()));
        Archive {
            dir: dir.to_path_buf(),
            sittings,
        }
    }

    /// Reads every sitting's plan and run file but no notes file: the
    /// sittings as the list shows them before their notes are read (each
    /// with only its plan's groups, and no notes).
    pub(crate) fn load_outline(dir: &Path) -> Archive {
        let mut sittings: Vec<Sitting> = crate::store::sessions::list(dir)
            .into_iter()
            .map(|f| Sitting::parse(&read_plan_and_run(&dir.join(&f), f)))
            .collect();
        sittings.sort_by_key(|s| std::cmp::Reverse(s.sort_key()));
        Archive {
            dir: dir.to_path_buf(),
            sittings,
        }
    }

    /// Every file problem of the archive, sitting by sitting.
    pub fn problems(&self) -> impl Iterator<Item = (&Sitting, &FileProblem)> {
        self.sittings
            .iter()
            .flat_map(|s| s.problems.iter().map(move |p| (s, p)))
    }

    /// Finds a sitting by id or folder name.
    pub fn sitting(&self, id: &str) -> Option<&Sitting> {
        self.sittings
            .iter()
            .find(|s| s.id == id || s.folder_name() == id)
    }
}

impl Sitting {
    /// Parses one sitting's files; never fails, problems are collected.
    pub fn parse(files: &SittingFiles) -> Sitting {
        let mut problems = Vec::new();
        let read = files::plan(&files.plan, &files.folder)
            .map_err(|p| problems.push(p))
            .ok();
        let awaiting_groups = read.as_ref().is_some_and(|r| r.awaiting_groups);
        let plan = read.map(|r| r.plan);
        let run = files.run.as_ref().and_then(|f| {
            files::run(f, plan.as_ref())
                .map_err(|p| problems.push(p))
                .ok()
        });
        let mut groups: Vec<GroupRecord> = plan
            .iter()
            .flat_map(|p| p.groups.iter())
            .map(|g| GroupRecord {
                id: g.id.clone(),
                notes: None,
            })
            .collect();
        for file in &files.notes {
            let Ok((notes, left_out)) = files::notes(file).map_err(|p| problems.push(p)) else {
                continue;
            };
            problems.extend(left_out);
            match groups.iter_mut().find(|g| g.id == notes.group) {
                Some(g) if g.notes.is_none() => g.notes = Some(notes),
                _ => groups.push(GroupRecord {
                    id: notes.group.clone(),
                    notes: Some(notes),
                }),
            }
        }
        Sitting {
            id: plan
                .as_ref()
                .map_or_else(|| files.folder.clone(), |p| p.id.clone()),
            dir: files.dir.clone(),
            plan,
            awaiting_groups,
            run,
            groups,
            problems,
        }
    }

    /// The name of the sitting's folder.
    pub(crate) fn folder_name(&self) -> String {
        self.dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Where the sitting stands among the others, oldest first: by its day
    /// (the plan's, else its record's: first note or finished block), its
    /// start and its id. A sitting whose day is not known at all — a plan
    /// made for a sitting not held yet — comes after every dated one, so
    /// that making it does not renumber the sittings held (the list's `#`,
    /// which the comparison's filter takes).
    fn sort_key(&self) -> (bool, Option<NaiveDate>, Option<NaiveTime>, String) {
        let start = self.plan.as_ref().and_then(|p| p.start);
        let date = self.date();
        (date.is_none(), date, start, self.id.clone())
    }

    /// True when its plan gives its day: its place among the sittings is
    /// then known before its notes are read (else their first may move it).
    pub(crate) fn dated_by_plan(&self) -> bool {
        self.plan.as_ref().is_some_and(|p| p.date.is_some())
    }

    /// The sitting's title (its id when the plan is unreadable).
    pub(crate) fn title(&self) -> &str {
        self.plan.as_ref().map_or(&self.id, |p| &p.title)
    }

    /// The time zone its clocks are shown in.
    pub(crate) fn tz(&self) -> Tz {
        self.plan
            .as_ref()
            .map_or(chrono_tz::Asia::Tokyo, |p| p.timezone)
    }

    /// A file timestamp in the sitting's time zone.
    pub(crate) fn local(&self, at: &Stamp) -> DateTime<Tz> {
        at.with_timezone(&self.tz())
    }

    /// The day of the sitting: the plan's, else the day of its first note
    /// or first finished block.
    pub(crate) fn date(&self) -> Option<NaiveDate> {
        if let Some(d) = self.plan.as_ref().and_then(|p| p.date) {
            return Some(d);
        }
        let notes = self.all_notes().map(|(_, n)| n.created);
        let blocks = self
            .run
            .iter()
            .flat_map(|r| r.history.iter().map(|b| b.ended));
        notes
            .chain(blocks)
            .min()
            .map(|at| self.local(&at).date_naive())
    }

    /// Every live note with its group id, group by group.
    pub(crate) fn all_notes(&self) -> impl Iterator<Item = (&str, &Note)> {
        self.groups.iter().flat_map(|g| {
            g.notes
                .iter()
                .flat_map(|n| n.live_notes())
                .map(move |n| (g.id.as_str(), n))
        })
    }

    /// How many live notes the sitting has.
    pub fn note_count(&self) -> usize {
        self.groups
            .iter()
            .filter_map(|g| g.notes.as_ref())
            .map(|n| n.live_notes().count())
            .sum()
    }

    /// The planned length of the agenda in minutes.
    pub fn planned_minutes(&self) -> Option<u32> {
        self.plan.as_ref().map(Plan::total_minutes)
    }

    /// Seconds the blocks actually ran, from the run history.
    pub fn actual_seconds(&self) -> Option<i64> {
        let run = self.run.as_ref().filter(|r| !r.history.is_empty())?;
        Some(run.history.iter().map(|b| b.actual_seconds.max(0)).sum())
    }

    /// The notes of a group, when it has a usable notes file.
    pub fn notes_of(&self, group: &str) -> Option<&GroupNotes> {
        self.groups.iter().find(|g| g.id == group)?.notes.as_ref()
    }

    /// The themes a group discusses, from the plan.
    pub(crate) fn themes_of(&self, group: &str) -> Vec<&Theme> {
        let Some(plan) = &self.plan else {
            return Vec::new();
        };
        plan.group(group)
            .map(|g| g.themes.iter().filter_map(|t| plan.theme(t)).collect())
            .unwrap_or_default()
    }

    /// The theme a note belongs to: its own, else its group's only theme.
    pub(crate) fn theme_of(&self, group: &str, note: &Note) -> Option<&Theme> {
        let plan = self.plan.as_ref()?;
        match &note.theme {
            Some(id) => plan.theme(id),
            None => match self.themes_of(group).as_slice() {
                [only] => Some(only),
                _ => None,
            },
        }
    }

    /// A group's label for headings: `A（①）` (`A (①)` in English), or
    /// just the id.
    pub(crate) fn group_label(&self, group: &str, lang: Lang) -> String {
        let g = self.plan.as_ref().and_then(|p| p.group(group));
        match (
            g.and_then(|g| g.label.as_deref().or(g.name.as_deref())),
            lang,
        ) {
            (Some(label), Lang::Ja) => format!("{group}（{label}）"),
            (Some(label), Lang::En) => format!("{group} ({label})"),
            (None, _) => group.to_string(),
        }
    }
}
