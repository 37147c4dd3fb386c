//! The note-taker's console on the runtime, with a test terminal and a real
//! folder: however it ends, the notes not yet on disk and the draft are saved.

use std::io;
use std::path::Path;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use futures_util::{StreamExt, stream};
use tokio::sync::mpsc;

use super::*;
use crate::notes::tests::state_b;
use crate::tui::console::Start;
use crate::tui::runtime::drive;
use crate::tui::screen::Stop;
use crate::tui::test_surface::TestSurface;

fn key(code: KeyCode) -> io::Result<Event> {
    Ok(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
}

/// Types "n1", Enter, "dr" into group B's console in `dir`; then the
/// terminal breaks (the next frame fails), or a hang-up signal comes.
fn session(dir: &Path, signal: bool) -> (io::Result<()>, Files) {
    let notes = notes_file::notes_path(dir, "B");
    notes_file::prepare_dir(&notes).unwrap();
    let files = Files {
        dir: dir.to_path_buf(),
        draft: notes_file::draft_path(&notes, 1),
        notes,
        held: Vec::new(),
    };
    let mut live = Live::new(state_b(), files.clone());
    let mut surface = TestSurface::new(100, 30);
    let broken = surface.broken.clone();
    let keys = vec![
        key(KeyCode::Char('n')),
        key(KeyCode::Char('1')),
        key(KeyCode::Enter),
        key(KeyCode::Char('d')),
        key(KeyCode::Char('r')),
    ];
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let r = rt.block_on(async {
        let (stop_tx, stops) = mpsc::unbounded_channel();
        let events = stream::iter(keys)
            .chain(stream::once(Box::pin(async move {
                if signal {
                    stop_tx.send(Stop::HangUp).unwrap();
                    std::future::pending::<()>().await;
                }
                broken.store(true, std::sync::atomic::Ordering::SeqCst);
                Ok(Event::Resize(100, 30))
            })))
            .chain(stream::pending());
        let start = Start {
            size: (100, 30),
            polling: None,
        };
        drive(&mut live, &mut surface, events, stops, None, start).await
    });
    (r, files)
}

fn saved(files: &Files) -> (Vec<String>, String) {
    let doc = notes_file::load(&files.notes, "jichitai-09", "B").unwrap();
    let notes = doc.live_notes().map(|n| n.text.clone()).collect();
    let draft = notes_file::load_draft(&files.draft).unwrap().unwrap();
    (notes, draft.note.text)
}

#[test]
fn a_frame_that_cannot_be_written_still_saves_the_notes_and_the_draft() {
    let tmp = tempfile::tempdir().unwrap();
    let (r, files) = session(tmp.path(), false);
    assert!(r.is_err(), "the draw error is reported");
    let (notes, draft) = saved(&files);
    assert_eq!(notes, vec!["n1".to_string()]);
    assert_eq!(draft, "dr");
}

#[test]
fn a_hang_up_signal_saves_the_notes_and_the_draft() {
    let tmp = tempfile::tempdir().unwrap();
    let (r, files) = session(tmp.path(), true);
    assert!(r.is_ok());
    let (notes, draft) = saved(&files);
    assert_eq!(notes, vec!["n1".to_string()]);
    assert_eq!(draft, "dr");
}
