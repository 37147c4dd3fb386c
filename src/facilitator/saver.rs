//! Writing run.json: on a thread of its own so that a slow disk never holds
//! up the screen, retrying a failed save, and never writing over a file a
//! newer bunkakai wrote.

use std::path::PathBuf;
use std::sync::mpsc as std_mpsc;
use std::thread::JoinHandle;

use tokio::sync::mpsc::UnboundedSender;

use crate::model::run::RunState;
use crate::store;
use crate::timer;

use super::Action;

/// The thread writing run.json, and the way to hand it the next state.
pub(super) type Saver = (std_mpsc::Sender<RunState>, JoinHandle<()>);

/// How long a failed save of run.json waits before it is tried again.
const SAVE_RETRY: std::time::Duration = std::time::Duration::from_secs(2);

/// Writes run.json in the order asked, on a thread of its own so that a
/// slow disk never holds up the screen; when several states queue up only
/// the newest is written.
pub(super) fn spawn_saver(
    path: PathBuf,
    tz: chrono_tz::Tz,
    results: UnboundedSender<Action>,
) -> Saver {
    let (tx, rx) = std_mpsc::channel::<RunState>();
    let handle = std::thread::spawn(move || {
        // The state not yet on disk: a failed save is tried again every
        // SAVE_RETRY until it succeeds or a newer state replaces it.
        let mut pending: Option<RunState> = None;
        let mut closing = false;
        loop {
            let next = match pending {
                Some(_) if closing => Err(std_mpsc::RecvTimeoutError::Disconnected),
                Some(_) => rx.recv_timeout(SAVE_RETRY),
                None => rx
                    .recv()
                    .map_err(|_| std_mpsc::RecvTimeoutError::Disconnected),
            };
            match next {
                Ok(run) => pending = Some(run),
                Err(std_mpsc::RecvTimeoutError::Timeout) => {}
                Err(std_mpsc::RecvTimeoutError::Disconnected) if closing || pending.is_none() => {
                    break;
                }
                Err(std_mpsc::RecvTimeoutError::Disconnected) => closing = true,
            }
            while let Ok(newer) = rx.try_recv() {
                pending = Some(newer);
            }
            let Some(run) = pending.as_mut() else {
                continue;
            };
            // Stamped by this machine's clock so that readers elsewhere can
            // tell when their clock disagrees.
            run.saved = Some(timer::whole_second(
                chrono::Utc::now().with_timezone(&tz).fixed_offset(),
            ));
            let r = store::run_file::may_replace(&path)
                .and_then(|()| store::save_json(&path, run))
                .map_err(|e| e.to_string());
            match &r {
                Ok(()) => pending = None,
                Err(e) => tracing::error!(error = %e, "run.json not saved"),
            }
            let _ = results.send(Action::Saved(r));
        }
    });
    (tx, handle)
}
