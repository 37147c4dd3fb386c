//! Helpers shared by the note-taker's end-to-end tests: a copy of the bundled
//! sitting in a temporary folder, and the real binary in a pseudo-terminal
//! whose screen is kept by a vt100 parser.

#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use expectrl::Session;

pub mod cli;
pub mod notes;
use expectrl::process::unix::{PtyStream, UnixProcess};

/// The built `bunkakai` binary.
pub const BIN: &str = env!("CARGO_BIN_EXE_bunkakai");

/// The plan of `jichitai-09` as the tests know it: a frozen copy in
/// `tests/fixtures/sittings/`, not the bundled (user-editable) `sessions/`.
pub fn plan_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sittings/jichitai-09/session.json")
}

/// The plan of `jichitai-09`, read.
pub fn plan() -> bunkakai::model::Plan {
    let bytes = std::fs::read(plan_file()).unwrap();
    bunkakai::model::read_plan(&bytes, "jichitai-09")
        .plan
        .expect("the fixture plan is valid")
}

/// An instant on the sitting's day (2026-01-20, Japan time): `at("14:10")`
/// or `at("14:10:30")`.
pub fn at(time: &str) -> bunkakai::model::Stamp {
    let time = if time.len() == 5 {
        format!("{time}:00")
    } else {
        time.to_string()
    };
    chrono::DateTime::parse_from_rfc3339(&format!("2026-01-20T{time}+09:00")).unwrap()
}

/// A temporary sessions folder holding a copy of `jichitai-09`.
pub fn sitting() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("jichitai-09");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(plan_file(), dir.join("session.json")).unwrap();
    (tmp, dir)
}

/// The console running in a pseudo-terminal.
pub struct Console {
    session: Session<UnixProcess, PtyStream>,
    /// The screen as a terminal would show it.
    pub screen: Arc<Mutex<vt100::Parser>>,
    /// Bytes the console has written so far.
    pub bytes: Arc<Mutex<usize>>,
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
        let bytes = Arc::new(Mutex::new(0));
        let (s, b) = (screen.clone(), bytes.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock().unwrap().process(&buf[..n]);
                *b.lock().unwrap() += n;
            }
        });
        Console {
            session,
            screen,
            bytes,
        }
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
        let deadline = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < deadline {
            if self.contents().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("{text:?} never appeared; screen:\n{}", self.contents());
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
        use expectrl::process::unix::WaitStatus;
        let deadline = Instant::now() + Duration::from_secs(secs);
        while Instant::now() < deadline {
            match self.session.get_process().status() {
                Ok(WaitStatus::Exited(_, code)) => return Some(code),
                Ok(WaitStatus::StillAlive) => {}
                _ => return None,
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
