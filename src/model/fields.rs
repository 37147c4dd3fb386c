//! Reading typed fields out of a positioned JSON tree, collecting every
//! problem instead of stopping at the first.

use super::ids::check_id;
use super::json_tree::{Member, Node, Pos, Value};
use super::problem::{Expected, Problem, ProblemKind, nearest_field};

/// Collects problems while a plan is read.
#[derive(Debug, Default)]
pub(crate) struct Reader {
    /// Everything found so far, in file order of discovery.
    pub(crate) problems: Vec<Problem>,
}

/// The members of one object, already checked against its known field names.
pub(crate) struct Fields<'n> {
    members: &'n [Member],
    /// Where the object starts (reported for missing fields).
    pub(crate) pos: Pos,
    /// The object's own path.
    pub(crate) path: String,
}

/// Joins a parent path and a field name: `agenda[1]` + `minutes`.
pub(crate) fn join(path: &str, field: &str) -> String {
    if path.is_empty() {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

impl<'n> Fields<'n> {
    /// The node of `field`, when present.
    pub(crate) fn get(&self, field: &str) -> Option<&'n Node> {
        self.members
            .iter()
            .find(|m| m.key == field)
            .map(|m| &m.node)
    }

    /// The path of `field` inside this object.
    pub(crate) fn path_of(&self, field: &str) -> String {
        join(&self.path, field)
    }
}

impl Reader {
    /// Records a problem.
    pub(crate) fn report(&mut self, pos: Option<Pos>, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem {
            pos,
            path: path.into(),
            kind,
        });
    }

    fn wrong_type(&mut self, node: &Node, path: &str, expected: Expected) {
        self.report(Some(node.pos), path, ProblemKind::WrongType(expected));
    }

    /// Opens an object, reporting fields not in `known` with a suggestion.
    pub(crate) fn object<'n>(
        &mut self,
        node: &'n Node,
        path: &str,
        known: &'static [&'static str],
    ) -> Option<Fields<'n>> {
        let Value::Object(members) = &node.value else {
            self.wrong_type(node, path, Expected::Object);
            return None;
        };
        for m in members.iter().filter(|m| !known.contains(&m.key.as_str())) {
            let suggestion = nearest_field(&m.key, known);
            self.report(
                Some(m.key_pos),
                join(path, &m.key),
                ProblemKind::Unknown { suggestion, known },
            );
        }
        Some(Fields {
            members,
            pos: node.pos,
            path: path.to_string(),
        })
    }

    /// A string field that must be present and not blank.
    pub(crate) fn required_text(&mut self, f: &Fields, field: &str) -> Option<String> {
        match f.get(field) {
            None => {
                self.report(Some(f.pos), f.path_of(field), ProblemKind::Missing);
                None
            }
            Some(node) => self.text(node, &f.path_of(field)),
        }
    }

    /// An optional string field; present means not blank.
    pub(crate) fn optional_text(&mut self, f: &Fields, field: &str) -> Option<String> {
        f.get(field)
            .and_then(|node| self.text(node, &f.path_of(field)))
    }

    /// A non-blank string.
    pub(crate) fn text(&mut self, node: &Node, path: &str) -> Option<String> {
        match &node.value {
            Value::String(s) if s.trim().is_empty() => {
                self.report(Some(node.pos), path, ProblemKind::Blank);
                None
            }
            Value::String(s) => Some(s.clone()),
            _ => {
                self.wrong_type(node, path, Expected::String);
                None
            }
        }
    }

    /// A string that must be a valid id.
    pub(crate) fn id(&mut self, node: &Node, path: &str) -> Option<String> {
        let Value::String(s) = &node.value else {
            self.wrong_type(node, path, Expected::String);
            return None;
        };
        match check_id(s) {
            Ok(()) => Some(s.clone()),
            Err(e) => {
                self.report(Some(node.pos), path, ProblemKind::BadId(e));
                None
            }
        }
    }

    /// A required id field.
    pub(crate) fn required_id(&mut self, f: &Fields, field: &str) -> Option<String> {
        match f.get(field) {
            None => {
                self.report(Some(f.pos), f.path_of(field), ProblemKind::Missing);
                None
            }
            Some(node) => self.id(node, &f.path_of(field)),
        }
    }

    /// A whole number of minutes in `min..=max`.
    pub(crate) fn minutes(&mut self, node: &Node, path: &str, min: u32, max: u32) -> Option<u32> {
        let Value::Number(n) = &node.value else {
            self.wrong_type(node, path, Expected::WholeNumber);
            return None;
        };
        let Ok(v) = n.parse::<i64>() else {
            let fractional = n
                .parse::<f64>()
                .is_ok_and(|f| f.fract() != 0.0 || f.abs() < 1e15);
            let kind = if fractional {
                ProblemKind::WrongType(Expected::WholeNumber)
            } else {
                ProblemKind::MinutesRange { min, max }
            };
            self.report(Some(node.pos), path, kind);
            return None;
        };
        if v < i64::from(min) || v > i64::from(max) {
            self.report(Some(node.pos), path, ProblemKind::MinutesRange { min, max });
            return None;
        }
        u32::try_from(v).ok()
    }

    /// A required minutes field.
    pub(crate) fn required_minutes(
        &mut self,
        f: &Fields,
        field: &str,
        min: u32,
        max: u32,
    ) -> Option<u32> {
        match f.get(field) {
            None => {
                self.report(Some(f.pos), f.path_of(field), ProblemKind::Missing);
                None
            }
            Some(node) => self.minutes(node, &f.path_of(field), min, max),
        }
    }

    /// An optional boolean field (absent means false).
    pub(crate) fn flag(&mut self, f: &Fields, field: &str) -> bool {
        match f.get(field) {
            None => false,
            Some(Node {
                value: Value::Bool(b),
                ..
            }) => *b,
            Some(node) => {
                self.wrong_type(node, &f.path_of(field), Expected::Bool);
                false
            }
        }
    }

    /// The items of an optional list field, each with its path.
    pub(crate) fn list<'n>(&mut self, f: &Fields<'n>, field: &str) -> Vec<(&'n Node, String)> {
        let path = f.path_of(field);
        match f.get(field) {
            None => Vec::new(),
            Some(Node {
                value: Value::Array(items),
                ..
            }) => items
                .iter()
                .enumerate()
                .map(|(i, n)| (n, format!("{path}[{i}]")))
                .collect(),
            Some(node) => {
                self.wrong_type(node, &path, Expected::Array);
                Vec::new()
            }
        }
    }

    /// An optional list of non-blank strings.
    pub(crate) fn texts(&mut self, f: &Fields, field: &str) -> Vec<String> {
        self.list(f, field)
            .into_iter()
            .filter_map(|(n, p)| self.text(n, &p))
            .collect()
    }
}
