//! The registrations of a sitting (`roster.json`, `bunkakai.roster/1`): one
//! entry per row of the sheet the secretariat received, and the
//! municipalities they make up. Rows that cannot be used are reported with
//! their row and column, never dropped silently.

use serde::{Deserialize, Serialize};

use super::columns::{ColumnMap, Field, clean, fold};
use super::table::Table;
use crate::model::ids::check_id;
use crate::model::plan_read::looks_like_email;
use crate::model::stage::{stage_key, stage_label};

/// The format tag of `roster.json`.
pub(crate) const ROSTER_FORMAT: &str = "bunkakai.roster/1";
/// The file name of the registrations in a sitting's folder.
pub(crate) const ROSTER_FILE: &str = "roster.json";

/// Every registration of a sitting, as imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Roster {
    /// `bunkakai.roster/1`.
    pub(crate) format: String,
    /// The file it was imported from.
    pub(crate) source: String,
    /// The sheet it was imported from.
    pub(crate) sheet: String,
    /// One entry per usable row, in sheet order.
    pub(crate) entries: Vec<Entry>,
}

/// One registration: an attendee of a municipality (or the municipality
/// alone when the sheet names no attendee).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub(crate) struct Entry {
    /// The row of the sheet it came from.
    pub(crate) row: usize,
    /// The municipality (自治体名); the attendee's name when the sheet has none.
    pub(crate) municipality: String,
    /// 都道府県.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) prefecture: Option<String>,
    /// Stage of the 取組サイクル, written as 「①」 when it names a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) stage: Option<String>,
    /// The group given in the sheet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) group: Option<String>,
    /// The attendee (氏名).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) name: Option<String>,
    /// ふりがな of the municipality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) reading: Option<String>,
    /// 所属.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) affiliation: Option<String>,
    /// 役職.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) role: Option<String>,
    /// メール.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) email: Option<String>,
}

/// What is wrong with one row (or with the header row).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RowFault {
    /// Neither a municipality nor a name column was found.
    NoNameColumn,
    /// The row has data but no municipality (or name).
    NoName,
    /// Not an e-mail address.
    BadEmail(String),
    /// A group that cannot be a group id.
    BadGroup(String),
    /// The sheet puts other rows in groups but leaves this one's group blank.
    NoGroup,
    /// The municipality was given another stage on an earlier row.
    StageConflict {
        /// The municipality.
        name: String,
        /// The earlier row.
        first_row: usize,
        /// The stage there.
        first: String,
    },
    /// The municipality was put in another group on an earlier row.
    GroupConflict {
        /// The municipality.
        name: String,
        /// The earlier row.
        first_row: usize,
        /// The group there.
        first: String,
    },
}

/// A row fault with its place in the sheet (1-based row and column).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RowProblem {
    /// Row in the sheet.
    pub(crate) row: usize,
    /// Column in the sheet, when one cell is at fault.
    pub(crate) col: Option<usize>,
    /// What is wrong.
    pub(crate) fault: RowFault,
}

/// The outcome of reading a sheet's rows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Import {
    /// The registrations read.
    pub(crate) roster: Roster,
    /// Rows that could not be used.
    pub(crate) problems: Vec<RowProblem>,
    /// Rows with nothing in them, skipped.
    pub(crate) blank_rows: usize,
    /// Row number of the header row.
    pub(crate) header_row: usize,
}

/// The first row with at least two filled cells is the header row.
pub(crate) fn header_index(table: &Table) -> Option<usize> {
    table
        .rows
        .iter()
        .position(|r| r.iter().filter(|c| !clean(c).is_empty()).count() >= 2)
        .or_else(|| {
            table
                .rows
                .iter()
                .position(|r| r.iter().any(|c| !clean(c).is_empty()))
        })
}

/// Reads every row below the header into registrations.
pub(crate) fn read_rows(table: &Table, header: usize, cols: &ColumnMap) -> Import {
    let header_row = table.first_row + header;
    let mut problems = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    let mut blank_rows = 0;
    let name_col = cols.col(Field::Municipality).or(cols.col(Field::Name));
    if name_col.is_none() {
        problems.push(RowProblem {
            row: header_row,
            col: None,
            fault: RowFault::NoNameColumn,
        });
    }
    for (i, cells) in table.rows.iter().enumerate().skip(header + 1) {
        let row = table.first_row + i;
        let cell = |f: Field| {
            cols.col(f)
                .and_then(|c| cells.get(c))
                .map(|s| clean(s))
                .filter(|s| !s.is_empty())
        };
        let col_of = |f: Field| cols.col(f).map(|c| c + table.first_col);
        if cells.iter().all(|c| clean(c).is_empty()) {
            blank_rows += 1;
            continue;
        }
        let Some(name_col) = name_col else { continue };
        let Some(municipality) = cells
            .get(name_col)
            .map(|s| clean(s))
            .filter(|s| !s.is_empty())
        else {
            problems.push(RowProblem {
                row,
                col: Some(name_col + table.first_col),
                fault: RowFault::NoName,
            });
            continue;
        };
        let mut bad = false;
        let email = cell(Field::Email);
        if let Some(e) = &email
            && !looks_like_email(e)
        {
            problems.push(RowProblem {
                row,
                col: col_of(Field::Email),
                fault: RowFault::BadEmail(e.clone()),
            });
            bad = true;
        }
        let group = match cell(Field::Group) {
            Some(g) => match group_id(&g) {
                Some(id) => Some(id),
                None => {
                    problems.push(RowProblem {
                        row,
                        col: col_of(Field::Group),
                        fault: RowFault::BadGroup(g),
                    });
                    bad = true;
                    None
                }
            },
            None => None,
        };
        let stage = cell(Field::Stage).map(|s| stage_label(&s));
        let key = fold(&municipality);
        if let Some(first) = entries.iter().find(|e| fold(&e.municipality) == key) {
            if let (Some(a), Some(b)) = (&first.stage, &stage)
                && stage_key(a) != stage_key(b)
            {
                problems.push(RowProblem {
                    row,
                    col: col_of(Field::Stage),
                    fault: RowFault::StageConflict {
                        name: municipality.clone(),
                        first_row: first.row,
                        first: a.clone(),
                    },
                });
                bad = true;
            }
            if let (Some(a), Some(b)) = (&first.group, &group)
                && a != b
            {
                problems.push(RowProblem {
                    row,
                    col: col_of(Field::Group),
                    fault: RowFault::GroupConflict {
                        name: municipality.clone(),
                        first_row: first.row,
                        first: a.clone(),
                    },
                });
                bad = true;
            }
        }
        if bad {
            continue;
        }
        let municipality_given = cols.col(Field::Municipality).is_some();
        entries.push(Entry {
            row,
            municipality,
            prefecture: cell(Field::Prefecture),
            stage,
            group,
            name: cell(Field::Name).filter(|_| municipality_given),
            reading: cell(Field::Reading),
            affiliation: cell(Field::Affiliation),
            role: cell(Field::Role),
            email,
        });
    }
    // With a group column in use, a row without a group would fall out of
    // the plan's groups unseen.
    if entries.iter().any(|e| e.group.is_some()) {
        let grouped: Vec<String> = entries
            .iter()
            .filter(|e| e.group.is_some())
            .map(|e| fold(&e.municipality))
            .collect();
        let col = cols.col(Field::Group).map(|c| c + table.first_col);
        entries.retain(|e| {
            let keep = e.group.is_some() || grouped.contains(&fold(&e.municipality));
            if !keep {
                problems.push(RowProblem {
                    row: e.row,
                    col,
                    fault: RowFault::NoGroup,
                });
            }
            keep
        });
        problems.sort_by_key(|p| (p.row, p.col));
    }
    Import {
        roster: Roster {
            format: ROSTER_FORMAT.into(),
            source: table.file.clone(),
            sheet: table.sheet.clone(),
            entries,
        },
        problems,
        blank_rows,
        header_row,
    }
}

/// A group cell as an id: 「Ａ」 → `A`, 「A班」 → `A`, 「グループ2」 → `2`.
pub(crate) fn group_id(cell: &str) -> Option<String> {
    let mut g = fold(cell);
    for w in ["グループ", "group", "班", "room"] {
        g = g.trim_start_matches(w).trim_end_matches(w).to_string();
    }
    let g = g.to_uppercase();
    check_id(&g).ok().map(|()| g)
}

/// A municipality and everyone registered for it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Unit<'a> {
    /// The municipality.
    pub(crate) name: &'a str,
    /// Its entries (attendees), in sheet order.
    pub(crate) entries: Vec<&'a Entry>,
}

impl Unit<'_> {
    fn first(&self, f: impl Fn(&Entry) -> Option<&String>) -> Option<&str> {
        self.entries.iter().find_map(|e| f(e)).map(String::as_str)
    }
    /// The municipality's stage.
    pub(crate) fn stage(&self) -> Option<&str> {
        self.first(|e| e.stage.as_ref())
    }
    /// The municipality's prefecture.
    pub(crate) fn prefecture(&self) -> Option<&str> {
        self.first(|e| e.prefecture.as_ref())
    }
    /// The group the sheet put it in.
    pub(crate) fn group(&self) -> Option<&str> {
        self.first(|e| e.group.as_ref())
    }
    /// The plan's member object for this municipality: the first attendee's
    /// affiliation, role and e-mail stand for the contact.
    pub(crate) fn member(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        m.insert("name".into(), self.name.into());
        let first = |f: fn(&Entry) -> Option<&String>| self.first(f).map(str::to_string);
        let fields: [(&str, Option<String>); 6] = [
            ("reading", first(|e| e.reading.as_ref())),
            ("prefecture", first(|e| e.prefecture.as_ref())),
            ("stage", first(|e| e.stage.as_ref())),
            ("affiliation", first(|e| e.affiliation.as_ref())),
            ("role", first(|e| e.role.as_ref())),
            ("email", first(|e| e.email.as_ref())),
        ];
        for (k, v) in fields {
            if let Some(v) = v {
                m.insert(k.into(), v.into());
            }
        }
        serde_json::Value::Object(m)
    }
}

/// The municipalities of a roster, in order of first appearance; rows of
/// one municipality are matched after NFKC (「ｻﾉ市」 and 「サノ市」 are one).
pub(crate) fn units(roster: &Roster) -> Vec<Unit<'_>> {
    let mut out: Vec<(String, Unit)> = Vec::new();
    for e in &roster.entries {
        let key = fold(&e.municipality);
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, u)) => u.entries.push(e),
            None => out.push((
                key,
                Unit {
                    name: &e.municipality,
                    entries: vec![e],
                },
            )),
        }
    }
    out.into_iter().map(|(_, u)| u).collect()
}
