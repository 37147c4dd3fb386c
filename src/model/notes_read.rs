//! The rules a group's notes file must follow beyond its JSON shape, used
//! by the one reader every command goes through (`store::notes_file`): the
//! file is the group its name says, and its stamps are in a sane year. And,
//! for the readers that only show notes, reading a file note by note so that
//! one note that does not fit costs that note, reported, not the group's.

use serde_json::Value;

use super::Stamp;
use super::file_check::{FieldProblem, FieldRule, plain_serde_message, stamp_in_range};
use super::notes::{GroupNotes, Note};

/// Checks a notes file read for `group` (the group its file name names).
pub(crate) fn check_notes(notes: &GroupNotes, group: Option<&str>) -> Result<(), FieldProblem> {
    if let Some(group) = group
        && notes.group != group
    {
        return Err(FieldProblem::rule(
            "group",
            FieldRule::OtherGroup {
                found: notes.group.clone(),
                group: group.to_string(),
            },
        ));
    }
    for (i, n) in notes.notes.iter().enumerate() {
        note_stamps(&format!("notes[{i}]"), n)?;
    }
    for (i, a) in notes.attendance.iter().enumerate() {
        stamp(&format!("attendance[{i}].at"), Some(&a.at))?;
    }
    stamp(
        "speaking.order_updated",
        notes.speaking.order_updated.as_ref(),
    )?;
    for (i, t) in notes.speaking.turns.iter().enumerate() {
        stamp(&format!("speaking.turns[{i}].start"), Some(&t.start))?;
        stamp(&format!("speaking.turns[{i}].end"), t.end.as_ref())?;
    }
    for (i, c) in notes.covered.iter().enumerate() {
        stamp(&format!("covered[{i}].at"), Some(&c.at))?;
    }
    stamp(
        "summary.updated",
        notes.summary.as_ref().map(|s| &s.updated),
    )?;
    stamp("flag.at", notes.flag.as_ref().map(|f| &f.at))?;
    Ok(())
}

fn note_stamps(at: &str, n: &Note) -> Result<(), FieldProblem> {
    stamp(&format!("{at}.created"), Some(&n.created))?;
    stamp(&format!("{at}.updated"), Some(&n.updated))
}

fn stamp(path: &str, s: Option<&Stamp>) -> Result<(), FieldProblem> {
    match s {
        Some(s) if !stamp_in_range(s) => Err(FieldProblem::rule(path, FieldRule::StampYears)),
        _ => Ok(()),
    }
}

/// Takes out of `doc` (a notes file parsed untyped) every note that does not
/// fit the format, so that the rest can be read; returns each one's problem.
/// Only for readers that never write the file back.
pub(crate) fn set_aside_bad_notes(doc: &mut Value) -> Vec<FieldProblem> {
    let Some(Value::Array(notes)) = doc.get_mut("notes") else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    let mut kept = Vec::with_capacity(notes.len());
    for (i, v) in std::mem::take(notes).into_iter().enumerate() {
        let at = format!("notes[{i}]");
        let bad = match Note::deserialize_value(&v) {
            Err(e) => Some(FieldProblem::rule(
                at,
                FieldRule::NoteDoesNotFit(plain_serde_message(&e.to_string())),
            )),
            Ok(n) => note_stamps(&at, &n).err(),
        };
        match bad {
            Some(p) => problems.push(p),
            None => kept.push(v),
        }
    }
    *notes = kept;
    problems
}

impl Note {
    fn deserialize_value(v: &Value) -> serde_json::Result<Note> {
        serde::Deserialize::deserialize(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bad_note_is_set_aside_and_the_rest_stay() {
        let mut doc: Value = serde_json::from_str(
            r#"{"format":"bunkakai.notes/1","session":"s","group":"A","notes":[
            {"id":"1","created":"2026-01-20T14:10:00+09:00","updated":"2026-01-20T14:10:00+09:00","kind":"issue","text":"a"},
            {"id":"2","created":"2026-01-20T14:10:00+09:00","updated":"2026-01-20T14:10:00+09:00","kind":"bogus","text":"b"},
            {"id":"3","created":"2026-01-20T14:10:00+09:00","updated":"2026-01-20T14:10:00+09:00","kind":"issue","text":"c"}]}"#,
        )
        .unwrap();
        let problems = set_aside_bad_notes(&mut doc);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "notes[1]");
        let notes: GroupNotes = serde_json::from_value(doc).unwrap();
        assert_eq!(notes.notes.len(), 2);
    }

    #[test]
    fn a_file_named_for_another_group_is_refused() {
        let notes = GroupNotes::new("s", "B");
        let p = check_notes(&notes, Some("A")).unwrap_err();
        assert_eq!(p.path, "group");
        assert!(check_notes(&notes, Some("B")).is_ok());
    }
}
