//! The real binary in a pseudo-terminal whose screen is kept by a vt100
//! parser: keys typed, the screen read, signals sent, the exit awaited.

use std::io::Read;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use expectrl::Session;
use expectrl::process::unix::{PtyStream, UnixProcess, WaitStatus};

use super::BIN;

/// The console running in a pseudo-terminal.
pub struct Console {
    session: Session<UnixProcess, PtyStream>,
    /// The screen as a terminal would show it.
    pub screen: Arc<Mutex<vt100::Parser>>,
    /// Every byte the console has written, when it was started recorded.
    output: Option<Arc<Mutex<Vec<u8>>>>,
}

impl Console {
    /// Starts `bunkakai notes jichitai-09 --group B` in a `cols`×`rows` terminal.
    pub fn start(sessions: &Path, cols: u16, rows: u16, lang: &str) -> Console {
        Console::start_with(sessions, cols, rows, lang, &[])
    }

    /// [`Console::start`] with extra environment variables.
    pub fn start_with(
        sessions: &Path,
        cols: u16,
        rows: u16,
        lang: &str,
        env: &[(&str, &str)],
    ) -> Console {
        let args = ["notes", "jichitai-09", "--group", "B"];
        Console::spawn(&args, sessions, cols, rows, lang, env)
    }

    /// Starts `bunkakai ARGS` on `sessions` in a `cols`×`rows` terminal.
    pub fn spawn(
        args: &[&str],
        sessions: &Path,
        cols: u16,
        rows: u16,
        lang: &str,
        env: &[(&str, &str)],
    ) -> Console {
        Console::launch(args, sessions, (cols, rows), lang, env, false)
    }

    /// [`Console::spawn`] keeping every byte the console writes, for what
    /// the screen does not show (the bell, desktop notices): see
    /// [`Console::output`].
    pub fn spawn_recorded(
        args: &[&str],
        sessions: &Path,
        cols: u16,
        rows: u16,
        lang: &str,
    ) -> Console {
        Console::launch(args, sessions, (cols, rows), lang, &[], true)
    }

    fn launch(
        args: &[&str],
        sessions: &Path,
        (cols, rows): (u16, u16),
        lang: &str,
        env: &[(&str, &str)],
        record: bool,
    ) -> Console {
        let mut cmd = Command::new(BIN);
        cmd.envs(env.iter().copied());
        cmd.args(args)
            .arg("--sessions")
            .arg(sessions)
            .args(["--lang", lang])
            .env("LANG", "ja_JP.UTF-8")
            .env("TERM", "xterm-256color")
            .env("BUNKAKAI_LOG_DIR", sessions);
        let mut session = Session::spawn(cmd).unwrap();
        session
            .get_process_mut()
            .set_window_size(cols, rows)
            .unwrap();
        let mut reader = session.get_process().get_raw_handle().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().unwrap(),
            cols.try_into().unwrap(),
            0,
        )));
        let output = record.then(|| Arc::new(Mutex::new(Vec::new())));
        let (s, o) = (screen.clone(), output.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock().unwrap().process(&buf[..n]);
                if let Some(o) = &o {
                    o.lock().unwrap().extend_from_slice(&buf[..n]);
                }
            }
        });
        Console {
            session,
            screen,
            output,
        }
    }

    /// Every byte a console started with [`Console::spawn_recorded`] has
    /// written so far.
    pub fn output(&self) -> Vec<u8> {
        let output = self.output.as_ref().expect("started recorded");
        output.lock().unwrap().clone()
    }

    /// True when a recorded console has written `bytes` (in one piece).
    pub fn wrote(&self, bytes: &[u8]) -> bool {
        self.output().windows(bytes.len()).any(|w| w == bytes)
    }

    /// The process id.
    pub fn pid(&self) -> i32 {
        self.session.get_process().pid().as_raw()
    }

    /// Types bytes as the terminal would send them.
    pub fn send(&mut self, s: &str) {
        use std::io::Write;
        let mut w = self.session.get_process().get_raw_handle().unwrap();
        w.write_all(s.as_bytes()).unwrap();
        w.flush().unwrap();
    }

    /// Resizes the window (the console gets SIGWINCH) and the emulated
    /// screen with it.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let size = (rows.try_into().unwrap(), cols.try_into().unwrap());
        self.screen.lock().unwrap().set_size(size.0, size.1);
        self.session
            .get_process_mut()
            .set_window_size(cols, rows)
            .unwrap();
    }

    /// The text of row `row` of the screen.
    pub fn row(&self, row: u16) -> String {
        let parser = self.screen.lock().unwrap();
        let (_, cols) = parser.screen().size();
        parser.screen().contents_between(row, 0, row, cols.get())
    }

    /// True while the console is on the alternate screen.
    pub fn on_alternate_screen(&self) -> bool {
        self.screen.lock().unwrap().screen().alternate_screen()
    }

    /// True while the terminal's cursor is hidden.
    pub fn cursor_hidden(&self) -> bool {
        self.screen.lock().unwrap().screen().hide_cursor()
    }

    /// Waits until `done` holds; false if it did not within `secs`.
    pub fn wait_until(&self, secs: u64, done: impl Fn(&Console) -> bool) -> bool {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < deadline {
            if done(self) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        done(self)
    }

    /// The screen's text.
    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Where the terminal's cursor is: (row, column).
    pub fn cursor(&self) -> (u16, u16) {
        self.screen.lock().unwrap().screen().cursor_position()
    }

    /// Waits until the screen shows `text`; panics with the screen after `secs`.
    pub fn wait_for(&self, text: &str, secs: u64) {
        let what = format!("{text:?}");
        self.wait_to_read(&what, secs, |s| s.contains(text).then_some(()));
    }

    /// Waits until `read` finds what it looks for on the screen's text, and
    /// returns it; panics with the screen, naming `what`, after `secs`.
    pub fn wait_to_read<T>(&self, what: &str, secs: u64, read: impl Fn(&str) -> Option<T>) -> T {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            if let Some(found) = read(&self.contents()) {
                return found;
            }
            assert!(
                Instant::now() < deadline,
                "{what} never appeared; screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends a signal to the console.
    pub fn signal(&self, sig: i32) {
        // SAFETY: kill(2) with a pid we spawned; no memory is involved.
        assert_eq!(unsafe { libc::kill(self.pid(), sig) }, 0);
    }

    /// Waits for the console to end; true when it did within `secs`.
    pub fn wait_exit(&self, secs: u64) -> bool {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < deadline {
            if !self.session.get_process().is_alive().unwrap_or(false) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }
}

impl Console {
    /// Waits for the console to end; its exit code (`None` when it did not
    /// end within `secs` or was killed by a signal).
    pub fn wait_code(&self, secs: u64) -> Option<i32> {
        match self.wait_status(secs) {
            Some(WaitStatus::Exited(_, code)) => Some(code),
            _ => None,
        }
    }

    /// Waits for the console to end; how it ended (`None` when it did not
    /// end within `secs`).
    pub fn wait_status(&self, secs: u64) -> Option<WaitStatus> {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < deadline {
            match self.session.get_process().status() {
                Ok(WaitStatus::StillAlive) => {}
                Ok(status) => return Some(status),
                Err(_) => return None,
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

/// The cell (row, column) just after the first occurrence of `text` on a
/// row of the screen, counting full-width characters as two cells.
pub fn cell_after(screen: &str, text: &str) -> Option<(u16, u16)> {
    for (row, line) in screen.lines().enumerate() {
        if let Some(i) = line.find(text) {
            let col = unicode_width::UnicodeWidthStr::width(&line[..i + text.len()]);
            return Some((row as u16, col as u16));
        }
    }
    None
}
