//! Logs go to a file in the user's state folder, never to the terminal a
//! screen is drawn on.

use std::path::PathBuf;

/// Where the log file lives: `$XDG_STATE_HOME/bunkakai/` (or the platform's
/// local data folder), overridable with `BUNKAKAI_LOG_DIR`.
pub(crate) fn log_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("BUNKAKAI_LOG_DIR") {
        return Some(PathBuf::from(dir));
    }
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("bunkakai"))
}

/// Kept while the program runs: lines are written to the file as they
/// come (a console logs a few lines an hour), so there is nothing to flush
/// and no writer thread, nor its buffer of 128,000 lines (4 MB).
#[derive(Debug)]
pub struct LogGuard;

/// Starts logging to `bunkakai.log`. When the folder cannot be made, the
/// program runs without a log.
pub fn init() -> Option<LogGuard> {
    let dir = log_dir()?;
    std::fs::create_dir_all(&dir).ok()?;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("bunkakai.log"))
        .ok()?;
    let subscriber = tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .finish();
    tracing::subscriber::set_global_default(subscriber).ok()?;
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "bunkakai started");
    Some(LogGuard)
}
