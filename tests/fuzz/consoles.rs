//! Each console given what the readers made of a mutant: a few actions
//! through its `update`, then (on drawing cases) its view on an 80×24
//! `TestBackend`.

use std::collections::BTreeSet;

use bunkakai::display::view::DisplayView;
use bunkakai::facilitator::view::FacilitatorView;
use bunkakai::i18n::Lang;
use bunkakai::model::Plan;
use bunkakai::model::Stamp;
use bunkakai::model::notes::GroupNotes;
use bunkakai::model::run::RunState;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub(crate) fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(80, 24)).unwrap()
}

pub(crate) fn facilitator(
    plan: &Plan,
    run: Option<RunState>,
    notes: Option<&GroupNotes>,
    now: Stamp,
    draw: bool,
) {
    use bunkakai::facilitator::{Action, Command, GroupDigest, State, update};
    let run = run.unwrap_or_else(|| RunState::new(plan));
    let mut s = State::new(plan.clone(), run, Lang::Ja);
    if let Some(n) = notes {
        update(
            &mut s,
            Action::NotesLoaded(vec![("A".into(), Ok(GroupDigest::of(n)))]),
            now,
        );
    }
    for c in [
        Command::StartPause,
        Command::Extend5,
        Command::Cut5,
        Command::NextTurn,
        Command::NextBlock,
        Command::PreviousBlock,
    ] {
        update(&mut s, Action::Command(c), now);
        update(&mut s, Action::Tick, now);
    }
    if draw {
        let view = FacilitatorView::new(&s, now);
        terminal()
            .draw(|f| f.render_widget(&view, f.area()))
            .unwrap();
    }
}

pub(crate) fn display(
    plan: &Plan,
    run: Option<RunState>,
    error: Option<String>,
    now: Stamp,
    draw: bool,
) {
    use bunkakai::display::{Action, RunRead, State, update};
    let mut s = State::new(plan.clone(), Lang::Ja);
    update(
        &mut s,
        Action::RunRead(RunRead::Read(Box::new(RunState::new(plan)))),
        now,
    );
    let read = match run {
        Some(r) => RunRead::Read(Box::new(r)),
        None => RunRead::Unreadable(error.unwrap_or_default()),
    };
    update(&mut s, Action::RunRead(read), now);
    // A good state stays on screen whatever came after it.
    assert!(s.run.is_some());
    if draw {
        let view = DisplayView::new(&s, now);
        terminal()
            .draw(|f| f.render_widget(&view, f.area()))
            .unwrap();
    }
}

/// The note-taker given the group's notes as read; types and commits a
/// note. Returns the ids of the notes it holds.
pub(crate) fn note_taker(
    plan: &Plan,
    run: Option<RunState>,
    notes: Option<GroupNotes>,
    now: Stamp,
    draw: bool,
) -> BTreeSet<String> {
    use bunkakai::notes::{Action, State, update};
    let Some(group) = plan.group("A").cloned() else {
        return BTreeSet::new();
    };
    let now = now.to_utc();
    let doc = GroupNotes::new(&plan.id, "A");
    let mut s = State::new(Lang::Ja, plan, &group, doc, "fz".into());
    update(&mut s, Action::RunChanged(run.map(Box::new)), now);
    if let Some(n) = notes {
        update(&mut s, Action::FileChanged(n), now);
    }
    for c in "ファズ".chars() {
        update(
            &mut s,
            Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            now,
        );
    }
    update(
        &mut s,
        Action::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
        now,
    );
    update(&mut s, Action::Tick, now);
    assert!(
        s.doc.notes.iter().any(|n| n.text == "ファズ"),
        "a committed note is held by the console"
    );
    if draw {
        terminal()
            .draw(|f| bunkakai::notes::view::draw(f, &s, now))
            .unwrap();
    }
    s.doc.notes.iter().map(|n| n.id.clone()).collect()
}
