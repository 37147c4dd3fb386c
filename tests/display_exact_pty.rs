//! The thin backend's bytes are exact: the display console at 80×24 in a
//! real pseudo-terminal, read back through a terminal emulator (vt100), is
//! cell by cell — text, full-width Japanese, colours and attributes — the
//! frame the same view renders in-process; and so are the facilitator and
//! the display after a block has run second after second (frames of
//! changed cells only, written the short ways).

mod common;

use bunkakai::display::State;
use bunkakai::display::view::DisplayView;
use bunkakai::i18n::Lang;
use bunkakai::model::{Stamp, read_plan};
use common::{Console, sitting};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const COLS: u16 = 80;
const ROWS: u16 = 24;

fn plan(dir: &std::path::Path) -> bunkakai::model::Plan {
    let bytes = std::fs::read(dir.join("session.json")).unwrap();
    read_plan(&bytes, "jichitai-09").plan.unwrap()
}

/// The frame the display draws in-process at `now`.
fn expected(dir: &std::path::Path, now: Stamp) -> Buffer {
    let mut state = State::new(plan(dir), Lang::Ja);
    state.size = (COLS, ROWS);
    let mut t = Terminal::new(TestBackend::new(COLS, ROWS)).unwrap();
    t.draw(|f| f.render_widget(&DisplayView::new(&state, now), f.area()))
        .unwrap()
        .buffer
        .clone()
}

fn vt_color(c: Color) -> vt100::Color {
    use vt100::Color::{Default, Idx, Rgb};
    match c {
        Color::Reset => Default,
        Color::Black => Idx(0),
        Color::Red => Idx(1),
        Color::Green => Idx(2),
        Color::Yellow => Idx(3),
        Color::Blue => Idx(4),
        Color::Magenta => Idx(5),
        Color::Cyan => Idx(6),
        Color::Gray => Idx(7),
        Color::DarkGray => Idx(8),
        Color::LightRed => Idx(9),
        Color::LightGreen => Idx(10),
        Color::LightYellow => Idx(11),
        Color::LightBlue => Idx(12),
        Color::LightMagenta => Idx(13),
        Color::LightCyan => Idx(14),
        Color::White => Idx(15),
        Color::Indexed(i) => Idx(i),
        Color::Rgb(r, g, b) => Rgb(r, g, b),
    }
}

/// Every cell where the terminal's screen differs from `want`.
fn differences(screen: &vt100::Screen, want: &Buffer) -> Vec<String> {
    let mut out = Vec::new();
    for y in 0..want.area.height {
        for x in 0..want.area.width {
            let got = screen.cell(y, x).unwrap();
            if got.is_wide_continuation() {
                continue;
            }
            let cell = &want[(x, y)];
            let m = cell.modifier;
            let want_text = match cell.symbol() {
                " " => "",
                s => s,
            };
            // A written space and an erased cell look the same.
            let got_text = match got.contents() {
                " " => "",
                s => s,
            };
            // Only the background shows in a blank.
            let shows = Modifier::REVERSED | Modifier::UNDERLINED | Modifier::CROSSED_OUT;
            if want_text.is_empty() && got_text.is_empty() && !m.intersects(shows) {
                if got.bgcolor() != vt_color(cell.bg) || got.inverse() || got.underline() {
                    out.push(format!(
                        "({x},{y}): blank {:?} / {:?}",
                        got.bgcolor(),
                        cell.bg
                    ));
                }
                continue;
            }
            let same = got_text == want_text
                && got.fgcolor() == vt_color(cell.fg)
                && got.bgcolor() == vt_color(cell.bg)
                && got.bold() == m.contains(Modifier::BOLD)
                && got.dim() == m.contains(Modifier::DIM)
                && got.italic() == m.contains(Modifier::ITALIC)
                && got.underline() == m.contains(Modifier::UNDERLINED)
                && got.inverse() == m.contains(Modifier::REVERSED);
            if !same {
                out.push(format!(
                    "({x},{y}): screen {:?} {:?}/{:?} bold={} dim={} inverse={}; frame {:?} {:?}/{:?} {:?}",
                    got.contents(),
                    got.fgcolor(),
                    got.bgcolor(),
                    got.bold(),
                    got.dim(),
                    got.inverse(),
                    cell.symbol(),
                    cell.fg,
                    cell.bg,
                    m
                ));
            }
        }
    }
    out
}

#[test]
fn the_display_at_80x24_is_on_screen_exactly_as_rendered() {
    let (tmp, dir) = sitting();
    let c = Console::spawn(
        &["display", "jichitai-09"],
        tmp.path(),
        COLS,
        ROWS,
        "ja",
        &[],
    );
    c.wait_for("開始待ち", 10);
    // The wall clock in the corner may turn between the two renders: the
    // screen must equal the frame at one of the two instants around it.
    let ok = c.wait_until(5, |c| {
        let before = bunkakai::timer::now(&plan(&dir));
        let parser = c.screen.lock().unwrap();
        let after = bunkakai::timer::now(&plan(&dir));
        let diffs: Vec<Vec<String>> = [before, after]
            .iter()
            .map(|&now| differences(parser.screen(), &expected(&dir, now)))
            .collect();
        diffs.iter().any(Vec::is_empty)
    });
    let last = {
        let now = bunkakai::timer::now(&plan(&dir));
        let parser = c.screen.lock().unwrap();
        differences(parser.screen(), &expected(&dir, now))
    };
    assert!(
        ok,
        "{} cells differ:\n{}\n{}",
        last.len(),
        last.join("\n"),
        c.contents()
    );
    c.signal(libc::SIGTERM);
    assert!(c.wait_exit(5));
}

/// The facilitator's frame in-process at `now`, from run.json as written.
fn facilitator_frame(dir: &std::path::Path, now: Stamp, w: u16, h: u16) -> Buffer {
    use bunkakai::facilitator::{Action, GroupDigest, State, update};
    let plan = plan(dir);
    let run = bunkakai::store::run_file::load(&dir.join("run.json"), Some(&plan)).unwrap();
    let mut s = State::new(plan, run, Lang::Ja);
    update(&mut s, Action::Resize(w, h), now);
    let digests = s
        .plan
        .groups
        .iter()
        .map(|g| (g.id.clone(), Ok(GroupDigest::default())))
        .collect();
    update(&mut s, Action::NotesLoaded(digests), now);
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let view = bunkakai::facilitator::view::FacilitatorView::new(&s, now);
    t.draw(|f| f.render_widget(&view, f.area()))
        .unwrap()
        .buffer
        .clone()
}

/// The display's frame in-process at `now`, following run.json.
fn display_frame(dir: &std::path::Path, now: Stamp, w: u16, h: u16) -> Buffer {
    use bunkakai::display::{Action, RunRead, update};
    let plan = plan(dir);
    let run = bunkakai::store::run_file::load(&dir.join("run.json"), Some(&plan)).unwrap();
    let mut state = State::new(plan, Lang::Ja);
    state.size = (w, h);
    update(
        &mut state,
        Action::RunRead(RunRead::Read(Box::new(run))),
        now,
    );
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(&DisplayView::new(&state, now), f.area()))
        .unwrap()
        .buffer
        .clone()
}

/// Waits until the console's screen equals its in-process frame at one of
/// the two instants around the read; the differences when it never does.
fn settles_exact(
    c: &Console,
    secs: u64,
    frame: &dyn Fn(Stamp) -> Buffer,
    now: &dyn Fn() -> Stamp,
) -> Result<(), String> {
    let ok = c.wait_until(secs, |c| {
        let before = now();
        let parser = c.screen.lock().unwrap();
        let after = now();
        [before, after]
            .iter()
            .any(|&t| differences(parser.screen(), &frame(t)).is_empty())
    });
    if ok {
        return Ok(());
    }
    let t = now();
    let parser = c.screen.lock().unwrap();
    let d = differences(parser.screen(), &frame(t));
    Err(format!(
        "{} cells differ:\n{}\n{}",
        d.len(),
        d.join("\n"),
        c.contents()
    ))
}

#[test]
fn the_facilitator_and_the_display_stay_exact_while_the_clock_runs() {
    let (tmp, dir) = sitting();
    let (fw, fh) = (100, 30);
    let mut run = Console::spawn(&["run", "jichitai-09"], tmp.path(), fw, fh, "ja", &[]);
    run.wait_for("開始待ち", 10);
    run.send(" ");
    run.wait_for("進行中", 10);
    let display = Console::spawn(&["display", "jichitai-09"], tmp.path(), 120, 35, "ja", &[]);
    display.wait_for("進行中", 10);
    // Ten seconds of the clock: the start notice has gone (eight seconds),
    // and each console has drawn about ten frames of changed cells.
    std::thread::sleep(std::time::Duration::from_secs(10));
    let now = || bunkakai::timer::now(&plan(&dir));
    let before = run.contents();
    let mut failures = Vec::new();
    let mut check = |what: &str, r: Result<(), String>| {
        if let Err(e) = r {
            failures.push(format!("{what}: {e}"));
        }
    };
    check(
        "facilitator",
        settles_exact(&run, 5, &|t| facilitator_frame(&dir, t, fw, fh), &now),
    );
    check(
        "display",
        settles_exact(&display, 5, &|t| display_frame(&dir, t, 120, 35), &now),
    );
    // Still exact a few frames later.
    std::thread::sleep(std::time::Duration::from_secs(3));
    let drew = run.contents() != before;
    check(
        "facilitator later",
        settles_exact(&run, 5, &|t| facilitator_frame(&dir, t, fw, fh), &now),
    );
    if !failures.is_empty() || !drew {
        // Leave no console behind a failure.
        run.signal(libc::SIGKILL);
        display.signal(libc::SIGKILL);
        panic!("the clock drew: {drew}\n{}", failures.join("\n"));
    }
    run.send("q");
    assert!(run.wait_exit(5));
    display.signal(libc::SIGTERM);
    assert!(display.wait_exit(5));
}
