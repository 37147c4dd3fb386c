//! Reads the plan's groups and their members, checking each e-mail address.

use crate::model::fields::Reader;
use crate::model::json_tree::{Node, Value};
use crate::model::plan::{Group, Member};
use crate::model::problem::{Expected, ProblemKind};

const GROUP: &[&str] = &["id", "label", "name", "themes", "members"];
const MEMBER: &[&str] = &[
    "name",
    "role",
    "affiliation",
    "prefecture",
    "stage",
    "email",
    "reading",
];

pub(super) fn group(r: &mut Reader, node: &Node, path: &str) -> Option<Group> {
    let f = r.object(node, path, GROUP)?;
    let id = r.required_id(&f, "id");
    let label = r.optional_text(&f, "label");
    let name = r.optional_text(&f, "name");
    let themes = r
        .list(&f, "themes")
        .into_iter()
        .filter_map(|(n, p)| r.id(n, &p))
        .collect();
    let members = r
        .list(&f, "members")
        .into_iter()
        .filter_map(|(n, p)| member(r, n, &p))
        .collect();
    Some(Group {
        id: id?,
        label,
        name,
        themes,
        members,
    })
}

fn member(r: &mut Reader, node: &Node, path: &str) -> Option<Member> {
    match &node.value {
        Value::String(_) => r.text(node, path).map(Member::named),
        Value::Object(_) => {
            let f = r.object(node, path, MEMBER)?;
            let name = r.required_text(&f, "name");
            let role = r.optional_text(&f, "role");
            let affiliation = r.optional_text(&f, "affiliation");
            let prefecture = r.optional_text(&f, "prefecture");
            let stage = r.optional_text(&f, "stage");
            let reading = r.optional_text(&f, "reading");
            let email = r.optional_text(&f, "email");
            if let (Some(e), Some(n)) = (&email, f.get("email"))
                && !looks_like_email(e)
            {
                r.report(
                    Some(n.pos),
                    f.path_of("email"),
                    ProblemKind::BadEmail(e.clone()),
                );
            }
            Some(Member {
                name: name?,
                role,
                affiliation,
                prefecture,
                stage,
                email,
                reading,
            })
        }
        _ => {
            r.report(
                Some(node.pos),
                path,
                ProblemKind::WrongType(Expected::MemberEntry),
            );
            None
        }
    }
}

/// One `@` with something on both sides, a dot in the domain, no spaces:
/// enough to catch a name or a phone number typed in the wrong column.
pub(crate) fn looks_like_email(s: &str) -> bool {
    let s = s.trim();
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}
