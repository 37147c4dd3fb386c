//! What an idle facilitator console costs the terminal: the bytes the thin
//! backend writes while the first block runs and nobody touches the
//! keyboard, second after second at 100x30. Counted, not timed: the same
//! frames give the same bytes on every machine (`scripts/idle_cost.py`
//! measures the real console in a pseudo-terminal).

use ratatui::Terminal;

use super::FacilitatorView;
use super::tests::{at, base};
use crate::facilitator::action::{Action, Command};
use crate::facilitator::{GroupDigest, update};
use crate::i18n::Lang;
use crate::tui::backend::ThinBackend;

/// Bytes written in `secs` seconds of the first block running, after two
/// seconds to settle (as the script does).
fn idle_bytes(lang: Lang, w: u16, h: u16, secs: i64) -> usize {
    let mut s = base(lang);
    update(&mut s, Action::Resize(w, h), at(0));
    let digests = s
        .plan
        .groups
        .iter()
        .map(|g| (g.id.clone(), Ok(GroupDigest::default())))
        .collect();
    update(&mut s, Action::NotesLoaded(digests), at(0));
    update(&mut s, Action::Command(Command::StartPause), at(0));
    let mut t = Terminal::new(ThinBackend::with_size(Vec::new(), w, h)).unwrap();
    // As the console starts: a cleared screen.
    t.clear().unwrap();
    let mut start = 0;
    for sec in 0..2 + secs {
        if sec == 2 {
            start = t.backend().writer().len();
        }
        update(&mut s, Action::Tick, at(sec));
        let view = FacilitatorView::new(&s, at(sec));
        t.draw(|f| f.render_widget(&view, f.area())).unwrap();
    }
    t.backend().writer().len() - start
}

#[test]
fn the_first_block_running_costs_at_most_60_bytes_a_second_at_100x30() {
    for lang in [Lang::En, Lang::Ja] {
        let bytes = idle_bytes(lang, 100, 30, 60);
        let rate = bytes as f64 / 60.0;
        eprintln!("facilitator {lang:?} 100x30: {bytes} bytes in 60 s = {rate:.1} B/s");
        assert!(rate <= 60.0, "{lang:?}: {rate:.1} B/s");
    }
}
