//! What the display costs the terminal while a block runs: the bytes the
//! thin backend writes, second after second, at the projector's 120x35.
//! Counted, not timed (`scripts/idle_cost_live.py` measures the real
//! console in a pseudo-terminal).

use ratatui::Terminal;

use super::DisplayView;
use super::tests::{at, exchange_running};
use crate::i18n::Lang;
use crate::tui::backend::ThinBackend;

#[test]
fn a_running_block_costs_at_most_200_bytes_a_second_at_120x35() {
    for lang in [Lang::Ja, Lang::En] {
        let mut s = exchange_running(lang);
        s.size = (120, 35);
        let mut t = Terminal::new(ThinBackend::with_size(Vec::new(), 120, 35)).unwrap();
        t.clear().unwrap();
        let mut start = 0;
        for sec in 0..62 {
            if sec == 2 {
                start = t.backend().writer().len();
            }
            let view = DisplayView::new(&s, at(sec));
            t.draw(|f| f.render_widget(&view, f.area())).unwrap();
        }
        let rate = (t.backend().writer().len() - start) as f64 / 60.0;
        eprintln!("display {lang:?} 120x35: {rate:.1} B/s");
        assert!(rate <= 200.0, "{lang:?}: {rate:.1} B/s");
    }
}
