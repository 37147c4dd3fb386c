//! The theme comparison on a large archive: `cargo bench --bench
//! review_compare` with `BUNKAKAI_BENCH_ARCHIVE` naming a sessions folder
//! (the 100,000-note archive of `gen_archive.py`: 100 sittings × 10 groups
//! × 100 notes; made at bench time, never committed).
//!
//! The archive is read once, then each step is a key pressed as the
//! reviewer presses it and the frame drawn after it at 80×24 (the work the
//! screen does between the key and what is seen), repeated: opening the
//! comparison of the most used theme from the list, moving to the next
//! question, paging the answers, and typing a filter a character at a time
//! (each character narrows the comparison and its counts). Medians and the
//! slowest go to stdout for BENCHMARKS.md.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use bunkakai::i18n::Lang;
use bunkakai::review::Archive;
use bunkakai::review::screen::run::to_action;
use bunkakai::review::screen::{Action, Loaded, ReviewView, State, View, update};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const RUNS: usize = 15;

fn press(state: &mut State, code: KeyCode) {
    let ev = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    if let Some(action) = to_action(state, ev) {
        update(state, action);
    }
}

fn draw(state: &State, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|f| f.render_widget(&ReviewView(state), f.area()))
        .unwrap();
}

/// The time from pressing `codes` (the last one timed with its frame) to
/// the frame drawn.
fn timed(state: &mut State, terminal: &mut Terminal<TestBackend>, codes: &[KeyCode]) -> Duration {
    let t0 = Instant::now();
    for c in codes {
        press(state, *c);
    }
    draw(state, terminal);
    t0.elapsed()
}

fn report(what: &str, mut times: Vec<Duration>) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{what:<58} median {:>7.1} ms  slowest {:>7.1} ms  ({} runs)",
        ms(times[times.len() / 2]),
        ms(*times.last().unwrap()),
        times.len()
    );
}

fn main() {
    let Some(dir) = std::env::var_os("BUNKAKAI_BENCH_ARCHIVE").map(PathBuf::from) else {
        println!(
            "set BUNKAKAI_BENCH_ARCHIVE to a sessions folder, e.g. one made by \
             `python3 gen_archive.py DIR` (100 sittings × 10 groups × 100 notes)"
        );
        return;
    };
    let t0 = Instant::now();
    let archive = Archive::load(&dir);
    let loaded = Loaded::new(archive);
    let notes = loaded.note_total().unwrap_or(0);
    println!(
        "archive {}: {} sittings, {notes} notes, {} themes, read in {:.0} ms",
        dir.display(),
        loaded.archive.sittings.len(),
        loaded.themes.len(),
        t0.elapsed().as_secs_f64() * 1000.0
    );
    // The most used theme: the widest comparison.
    let (theme, entry) = loaded
        .themes
        .iter()
        .enumerate()
        .max_by_key(|(_, t)| t.notes)
        .expect("a theme");
    println!(
        "theme compared: {} ({} sittings, {} notes, {} questions)",
        entry.titles.join(" / "),
        entry.uses.len(),
        entry.notes,
        entry.questions.len()
    );
    let (mut state, _) = State::new(Lang::Ja, (80, 24));
    update(&mut state, Action::Loaded(Box::new(loaded)));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let home = state.views.clone();
    let themes_view = vec![home[0].clone(), View::Themes { selected: theme }];

    let mut open = Vec::new();
    let mut next = Vec::new();
    let mut page = Vec::new();
    for _ in 0..RUNS {
        state.views = themes_view.clone();
        state.compare = Default::default();
        draw(&state, &mut terminal);
        open.push(timed(&mut state, &mut terminal, &[KeyCode::Enter]));
        next.push(timed(&mut state, &mut terminal, &[KeyCode::Down]));
        page.push(timed(&mut state, &mut terminal, &[KeyCode::PageDown]));
    }
    report("open the comparison (Enter on the theme)", open);
    report("next question (Down)", next);
    report("page the answers (PgDn)", page);

    for filter in [
        "k:課題",
        "stage:① k:課題",
        "3-40",
        "from:2025-06-01 to:2025-12-31",
    ] {
        let mut per_key = Vec::new();
        let mut whole = Vec::new();
        for _ in 0..RUNS {
            state.views = themes_view.clone();
            state.compare = Default::default();
            press(&mut state, KeyCode::Enter);
            draw(&state, &mut terminal);
            let t0 = Instant::now();
            press(&mut state, KeyCode::Char('f'));
            draw(&state, &mut terminal);
            for c in filter.chars() {
                per_key.push(timed(&mut state, &mut terminal, &[KeyCode::Char(c)]));
            }
            per_key.push(timed(&mut state, &mut terminal, &[KeyCode::Enter]));
            whole.push(t0.elapsed());
            assert!(
                state.compare.error.is_none(),
                "{filter}: {:?}",
                state.compare.error
            );
        }
        report(&format!("filter `{filter}`: each key typed"), per_key);
        report(
            &format!("filter `{filter}`: f, the whole filter, Enter"),
            whole,
        );
    }
}
