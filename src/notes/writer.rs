//! A scripted note-taker for the store's crash and concurrency tests
//! (`bunkakai notes-writer`, hidden): commits notes one by one through the
//! same locked save as the console (a line added to the journal) and prints each note's id once its save
//! has returned, so a harness that kills it knows exactly what was committed.
//!
//! `--naive` writes the way a careless program would (truncate the file in
//! place, write it in small pieces, no lock, no fsync, no rename): the
//! harness must catch it, which proves the harness can fail.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::model::notes::{GroupNotes, Note, NoteKind};
use crate::model::notes_change::change_of;
use crate::store::notes_file;

/// How the scripted note-taker writes (the options of the hidden
/// `notes-writer` command).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::Args)]
pub struct WriterOptions {
    // Notes `from..count` are written.
    #[arg(long, default_value_t = 0)]
    pub from: u64,
    #[arg(long)]
    pub count: u64,
    // A console coalesces notes typed while a save is under way.
    /// Notes per save.
    #[arg(long, default_value_t = 1)]
    pub batch: u64,
    // The negative control.
    /// Write carelessly (no lock, no temp file, no fsync).
    #[arg(long)]
    pub naive: bool,
}

/// How many saves the writer makes between two folds of the journal.
const FOLD_EVERY: u64 = 2;

/// Commits notes as `<prefix>-<n>` into `group`'s file in the sitting
/// folder `dir`, printing each id once the save holding it has returned.
pub fn notes_writer(dir: &Path, group: &str, prefix: &str, opts: WriterOptions) -> ExitCode {
    let WriterOptions {
        from,
        count,
        batch,
        naive,
    } = opts;
    let path = notes_file::notes_path(dir, group);
    if let Err(e) = notes_file::prepare_dir(&path) {
        eprintln!("{e}");
        return ExitCode::FAILURE;
    }
    let mut doc = match notes_file::load(&path, "writer", group) {
        Ok(d) => d,
        Err(_) if naive => GroupNotes::new("writer", group),
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout().lock();
    let mut n = from;
    let mut saves = 0u64;
    while n < count {
        let ids: Vec<String> = (n..count.min(n + batch.max(1)))
            .map(|i| format!("{prefix}-{i}"))
            .collect();
        for (i, id) in ids.iter().enumerate() {
            doc.notes.push(note(id, n + i as u64));
        }
        n += ids.len() as u64;
        let saved = if naive {
            naive_save(&path, &doc)
        } else {
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            append_retrying(&path, &change_of(&doc, &ids, false))
        };
        if let Err(e) = saved {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
        for id in &ids {
            let _ = writeln!(out, "{id}");
        }
        let _ = out.flush();
        // Now and then fold the journal, as an idle console does: a kill in
        // the middle of a fold, or other writers' commits during it, must
        // lose no note printed above and double none.
        saves += 1;
        if !naive && saves.is_multiple_of(FOLD_EVERY) {
            let _ = notes_file::fold(&path, "writer", group);
        }
    }
    ExitCode::SUCCESS
}

/// Commits like the console (a line added to the group's journal): a save
/// that found the lock busy for too long is tried again (the console
/// retries on its timer).
fn append_retrying(path: &Path, change: &GroupNotes) -> Result<(), String> {
    loop {
        match notes_file::append(path, change) {
            Err(crate::store::StoreError::Locked { .. }) => continue,
            other => return other.map_err(|e| e.to_string()),
        }
    }
}

fn note(id: &str, n: u64) -> Note {
    let at = chrono::Utc::now().fixed_offset();
    let speakers = ["函館市", "気仙沼市", "新潟県", "妙高市", "浜松市", "焼津市"];
    let text = format!("{n}件目：セミナーの集客は商工会議所経由、参加企業は12社。");
    Note {
        block: Some("exchange".into()),
        theme: Some("2".into()),
        question: Some("q1".into()),
        speaker: Some(speakers[(n % 6) as usize].into()),
        ..Note::new(id, at, NoteKind::ALL[(n % 6) as usize], text)
    }
}

/// The careless save: truncate in place and write piece by piece.
fn naive_save(path: &Path, doc: &GroupNotes) -> Result<(), String> {
    let bytes = serde_json::to_vec_pretty(doc).map_err(|e| e.to_string())?;
    let mut f = std::fs::File::create(path).map_err(|e| e.to_string())?;
    for chunk in bytes.chunks(512) {
        f.write_all(chunk).map_err(|e| e.to_string())?;
    }
    Ok(())
}
