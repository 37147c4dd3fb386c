//! Following other processes' saves in a sitting's folder.
//!
//! Saves replace files by rename, so the folder is watched, not single
//! files. Network and synced folders often deliver no change events at all,
//! so a cheap scan of the few files of a sitting (a `stat` each) also runs on
//! an interval: every few seconds as a safety net while events work, at the
//! `--poll` interval when asked, and by itself when watching fails.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use notify::{RecursiveMode, Watcher};
use tokio::sync::mpsc::{self, UnboundedSender};

/// How a sitting's folder is followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WatchMode {
    /// Change events from the operating system, with a slow scan as a net.
    Events,
    /// Only scanning, at this interval (`--poll SECONDS`).
    Poll(Duration),
}

/// How often the safety-net scan runs while change events work.
pub(crate) const NET_INTERVAL: Duration = Duration::from_secs(2);
/// How long to wait after an event for the burst of a save to settle.
const SETTLE: Duration = Duration::from_millis(40);

/// What identifies a version of a file without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileStamp {
    /// Size in bytes.
    pub(crate) len: u64,
    /// Last modification time, when the file system keeps one.
    pub(crate) modified: Option<SystemTime>,
}

/// The data files of a sitting and their stamps.
pub(crate) type Snapshot = BTreeMap<PathBuf, FileStamp>;

/// Stamps the files other processes write: `session.json`, `run.json`,
/// `notes/*.json` and their journals `notes/*.journal` (drafts, locks and
/// temp files are not data).
pub(crate) fn snapshot(dir: &Path) -> Snapshot {
    let mut files = vec![dir.join("session.json"), dir.join("run.json")];
    if let Ok(entries) = std::fs::read_dir(dir.join("notes")) {
        files.extend(
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| is_data_file(p)),
        );
    }
    let mut stamps: Snapshot = files
        .into_iter()
        .filter_map(|p| {
            let meta = std::fs::metadata(&p).ok()?;
            Some((
                p,
                FileStamp {
                    len: meta.len(),
                    modified: meta.modified().ok(),
                },
            ))
        })
        .collect();
    // A sessions folder (the review's) is followed sitting by sitting; a
    // sitting's own folder (it has a plan) holds no sittings to look for.
    if !stamps.contains_key(&dir.join("session.json")) {
        for sitting in super::sessions::list(dir) {
            stamps.extend(snapshot(&dir.join(sitting)));
        }
    }
    stamps
}

fn is_data_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    (name.ends_with(".json") || name.ends_with(".journal")) && !name.starts_with('.')
}

/// The files added, removed or changed between two snapshots.
pub(crate) fn changed(old: &Snapshot, new: &Snapshot) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = new
        .iter()
        .filter(|(p, s)| old.get(*p) != Some(s))
        .map(|(p, _)| p.clone())
        .collect();
    out.extend(old.keys().filter(|p| !new.contains_key(*p)).cloned());
    out.sort();
    out
}

/// A running watch; dropping it stops the events (the scan task ends when
/// its receiver is dropped).
pub(crate) struct SittingWatch {
    _watcher: Option<notify::RecommendedWatcher>,
    /// True when only scanning is in use (asked for, or events failed).
    pub(crate) polling: bool,
}

/// Starts following `dir`, sending the list of changed data files whenever
/// something changed. Must be called inside a tokio runtime.
pub(crate) fn spawn(
    dir: PathBuf,
    mode: WatchMode,
    tx: UnboundedSender<Vec<PathBuf>>,
) -> SittingWatch {
    let (event_tx, mut event_rx) = mpsc::unbounded_channel::<()>();
    let watcher = match mode {
        WatchMode::Events => start_events(&dir, event_tx),
        WatchMode::Poll(_) => None,
    };
    let interval = match (mode, &watcher) {
        (WatchMode::Poll(every), _) => every,
        (WatchMode::Events, Some(_)) => NET_INTERVAL,
        (WatchMode::Events, None) => Duration::from_secs(1),
    };
    let polling = watcher.is_none();
    if polling && mode == WatchMode::Events {
        tracing::warn!(dir = %dir.display(), "change events unavailable; scanning every second");
    }
    // The starting point is taken now, so changes right after the call count.
    let mut last = snapshot(&dir);
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(interval);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                event = event_rx.recv(), if !polling => {
                    if event.is_none() { break; }
                    tokio::time::sleep(SETTLE).await;
                    while event_rx.try_recv().is_ok() {}
                }
                _ = ticker.tick() => {}
            }
            let now = snapshot(&dir);
            let diff = changed(&last, &now);
            last = now;
            if !diff.is_empty() && tx.send(diff).is_err() {
                break;
            }
        }
    });
    SittingWatch {
        _watcher: watcher,
        polling,
    }
}

fn start_events(dir: &Path, tx: UnboundedSender<()>) -> Option<notify::RecommendedWatcher> {
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        // Opening or reading a file is no change; and the scan itself opens
        // the notes folder, so reacting to access events would feed back.
        if res.is_ok_and(|e| is_change(&e.kind)) {
            let _ = tx.send(());
        }
    })
    .map_err(|e| tracing::warn!(error = %e, "cannot create a file watcher"))
    .ok()?;
    watcher
        .watch(dir, RecursiveMode::Recursive)
        .map_err(
            |e| tracing::warn!(error = %e, dir = %dir.display(), "cannot watch the sitting folder"),
        )
        .ok()?;
    Some(watcher)
}

/// True for the events that can mean another process saved a file.
fn is_change(kind: &notify::EventKind) -> bool {
    use notify::event::{AccessKind, AccessMode};
    match kind {
        // A file closed after writing (an in-place save) is a change.
        notify::EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        notify::EventKind::Access(_) => false,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_sees_data_files_only_and_diff_names_changes() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        std::fs::create_dir(dir.join("notes")).unwrap();
        std::fs::write(dir.join("session.json"), "{}").unwrap();
        std::fs::write(dir.join("notes/A.json"), "{}").unwrap();
        std::fs::write(dir.join("notes/.A.json.tmp.1.2"), "x").unwrap();
        std::fs::write(dir.join("notes/A.json.lock"), "").unwrap();
        std::fs::write(dir.join("notes/A.journal"), "").unwrap();
        let before = snapshot(dir);
        assert_eq!(before.len(), 3, "{before:?}");

        std::fs::write(dir.join("notes/A.json"), "{\"n\": 1}").unwrap();
        // A note-taker's save adds a line to the group's journal.
        std::fs::write(dir.join("notes/A.journal"), "{}\n").unwrap();
        std::fs::write(dir.join("run.json"), "{}").unwrap();
        std::fs::remove_file(dir.join("session.json")).unwrap();
        let after = snapshot(dir);
        assert_eq!(
            changed(&before, &after),
            vec![
                dir.join("notes/A.journal"),
                dir.join("notes/A.json"),
                dir.join("run.json"),
                dir.join("session.json")
            ]
        );
        assert!(changed(&after, &after).is_empty());
    }

    #[test]
    fn a_sessions_folder_is_followed_sitting_by_sitting_and_a_sitting_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let one = tmp.path().join("one");
        std::fs::create_dir_all(one.join("notes")).unwrap();
        std::fs::write(one.join("session.json"), "{}").unwrap();
        std::fs::write(one.join("notes/A.json"), "{}").unwrap();
        // A copy of an older sitting kept inside a sitting's folder is not
        // that sitting's data.
        std::fs::create_dir_all(one.join("old")).unwrap();
        std::fs::write(one.join("old/session.json"), "{}").unwrap();
        let mut of_sessions: Vec<PathBuf> = snapshot(tmp.path()).into_keys().collect();
        of_sessions.sort();
        assert_eq!(
            of_sessions,
            vec![one.join("notes/A.json"), one.join("session.json")]
        );
        let of_sitting: Vec<PathBuf> = snapshot(&one).into_keys().collect();
        assert_eq!(
            of_sitting,
            vec![one.join("notes/A.json"), one.join("session.json")]
        );
    }

    #[tokio::test(flavor = "current_thread")]
    async fn polling_reports_a_new_notes_file() {
        let tmp = tempfile::tempdir().unwrap();
        let (tx, mut rx) = mpsc::unbounded_channel();
        let watch = spawn(
            tmp.path().to_path_buf(),
            WatchMode::Poll(Duration::from_millis(20)),
            tx,
        );
        assert!(watch.polling);
        std::fs::create_dir(tmp.path().join("notes")).unwrap();
        std::fs::write(tmp.path().join("notes/B.json"), "{}").unwrap();
        // Well under the safety-net scan (NET_INTERVAL) and the one-second
        // fallback scan: only an event can report the change in time.
        let got = tokio::time::timeout(Duration::from_millis(500), rx.recv())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(got, vec![tmp.path().join("notes/B.json")]);
    }

    #[test]
    fn reading_a_file_is_not_a_change() {
        use notify::EventKind;
        use notify::event::{AccessKind, AccessMode, CreateKind, ModifyKind, RenameMode};
        assert!(!is_change(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(is_change(&EventKind::Create(CreateKind::File)));
        assert!(is_change(&EventKind::Modify(ModifyKind::Name(
            RenameMode::To
        ))));
    }

    #[tokio::test(flavor = "current_thread")]
    async fn events_report_a_replaced_run_file() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("run.json"), "{}").unwrap();
        let (tx, mut rx) = mpsc::unbounded_channel();
        let _watch = spawn(tmp.path().to_path_buf(), WatchMode::Events, tx);
        tokio::time::sleep(Duration::from_millis(50)).await;
        std::fs::write(tmp.path().join(".run.json.tmp"), "{\"x\": 1}").unwrap();
        std::fs::rename(
            tmp.path().join(".run.json.tmp"),
            tmp.path().join("run.json"),
        )
        .unwrap();
        // Well under the safety-net scan (NET_INTERVAL) and the one-second
        // fallback scan: only an event can report the change in time.
        let got = tokio::time::timeout(Duration::from_millis(500), rx.recv())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(got, vec![tmp.path().join("run.json")]);
    }
}
