//! A terminal for tests of the runtime: frames go to ratatui's
//! `TestBackend`, raw bytes are kept, and a frame can be made to fail as a
//! closed terminal would.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Frame;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::console::RawOut;
use super::runtime::Surface;

/// A test terminal.
pub(crate) struct TestSurface {
    pub(crate) terminal: Terminal<TestBackend>,
    /// Frames drawn so far.
    pub(crate) frames: usize,
    /// Bytes written outside frames.
    pub(crate) raw: Vec<u8>,
    /// The frame number (from 1) that fails, as a gone terminal's write.
    pub(crate) fail_at: Option<usize>,
    /// Once set, every frame fails.
    pub(crate) broken: Arc<AtomicBool>,
    pub(crate) dead: bool,
}

impl TestSurface {
    pub(crate) fn new(w: u16, h: u16) -> TestSurface {
        TestSurface {
            terminal: Terminal::new(TestBackend::new(w, h)).unwrap(),
            frames: 0,
            raw: Vec::new(),
            fail_at: None,
            broken: Arc::default(),
            dead: false,
        }
    }
}

impl RawOut for TestSurface {
    fn write_raw(&mut self, bytes: &[u8]) {
        if !self.dead {
            self.raw.extend_from_slice(bytes);
        }
    }

    fn hung_up(&mut self) {
        self.dead = true;
    }
}

impl Surface for TestSurface {
    fn draw(&mut self, view: &mut dyn FnMut(&mut Frame)) -> io::Result<()> {
        self.frames += 1;
        if self.fail_at == Some(self.frames) || self.broken.load(Ordering::SeqCst) {
            return Err(io::Error::new(io::ErrorKind::BrokenPipe, "terminal closed"));
        }
        let _ = self.terminal.draw(|f| view(f));
        Ok(())
    }

    fn size(&self) -> io::Result<(u16, u16)> {
        let s = self.terminal.size().unwrap_or_default();
        Ok((s.width, s.height))
    }

    fn is_dead(&self) -> bool {
        self.dead
    }
}
