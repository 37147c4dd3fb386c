//! Writing one sitting's block of the search cache (see [`super::block`]
//! for what it holds and how it is read).

use chrono::{Datelike, Timelike};

use super::super::archive::Sitting;
use super::super::fold::{fold, moved_clusters};
use super::block::{FLAG_CLEAN, FLAG_SPEAKER, FLAG_SPEAKER_CLEAN, FLAG_TEXT_IN_LINE, NO_THEME};
use super::bytes::Writer;
use crate::i18n::Lang;
use crate::i18n::review::kind_label;
use crate::model::notes::NoteKind;
use crate::store::search_cache::FileStamp;
use crate::tui::text::sanitize::inert;

/// Encodes a sitting's live notes, newest first (the order of the search).
pub(crate) fn encode(folder: &str, stamps: &[FileStamp], sitting: &Sitting) -> Vec<u8> {
    let mut w = Writer::default();
    w.str(folder);
    w.u32(stamps.len() as u32);
    for s in stamps {
        w.str(&s.name);
        w.u64(s.size);
        w.u64(s.mtime_ns as u64);
        w.u64(s.inode);
    }
    let date = sitting.date();
    w.u32(date.map_or(u32::MAX, |d| d.num_days_from_ce() as u32));
    let start = sitting.plan.as_ref().and_then(|p| p.start);
    w.u32(start.map_or(u32::MAX, |t| t.num_seconds_from_midnight()));
    w.str(&sitting.id);
    let themes: Vec<_> = sitting.plan.iter().flat_map(|p| p.themes.iter()).collect();
    w.u32(themes.len() as u32);
    for t in &themes {
        w.str(&t.id);
        w.str(&fold(&t.title));
    }
    w.u32(sitting.groups.len() as u32);
    for g in &sitting.groups {
        w.str(&g.id);
    }
    let mut notes: Vec<(i64, usize, &crate::model::notes::Note)> = Vec::new();
    for (gi, g) in sitting.groups.iter().enumerate() {
        let Some(file) = &g.notes else { continue };
        notes.extend(
            file.notes
                .iter()
                .filter(|n| !n.deleted)
                .map(|n| (n.created.timestamp(), gi, n)),
        );
    }
    notes.sort_by_key(|(at, _, _)| std::cmp::Reverse(*at));
    let (mut rows, mut folded, mut shown, mut lines) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let date = date.map(|d| d.to_string()).unwrap_or_default();
    let id = inert(&sitting.id);
    let group_ids: Vec<String> = sitting.groups.iter().map(|g| inert(&g.id)).collect();
    // Where each speaker's name is, as written and folded.
    let mut speakers: std::collections::HashMap<&str, [(u32, u32); 2]> =
        std::collections::HashMap::new();
    for (_, gi, n) in &notes {
        let group = &sitting.groups[*gi].id;
        let theme = sitting
            .theme_of(group, n)
            .and_then(|t| themes.iter().position(|x| x.id == t.id))
            .map_or(NO_THEME, |p| p as u16);
        let f_start = folded.len() as u32;
        folded.extend_from_slice(fold(&n.text).as_bytes());
        let f_end = folded.len() as u32;
        let put = |shown: &mut Vec<u8>, s: &[u8]| {
            let at = shown.len() as u32;
            shown.extend_from_slice(s);
            (at, s.len() as u32)
        };
        // A sitting has few speakers: each name is stored once, so that
        // printing many hits reads it from one warm place.
        let name = n.speaker.as_deref().unwrap_or_default();
        let [speaker, speaker_f] = *speakers.entry(name).or_insert_with(|| {
            let plain = put(&mut shown, name.as_bytes());
            [plain, put(&mut shown, fold(name).as_bytes())]
        });
        let local = sitting.local(&n.created);
        let minute = (local.hour() * 60 + local.minute()) as u16;
        let moved = moved_clusters(&n.text);
        let map: Vec<u8> = moved
            .iter()
            .flatten()
            .flat_map(|v| (*v as u32).to_le_bytes())
            .collect();
        let map_at = put(&mut shown, &map).0;
        let mut flags = 0;
        if n.speaker.is_some() {
            flags |= FLAG_SPEAKER;
        }
        let speaker_shown = inert(n.speaker.as_deref().unwrap_or("—"));
        if speaker_shown == n.speaker.as_deref().unwrap_or("—") {
            flags |= FLAG_SPEAKER_CLEAN;
        }
        // The line as `crate::review::hit::line` prints it in Japanese.
        let line_at = lines.len() as u32;
        let time = super::scan::clock(minute);
        let parts = [
            date.as_bytes(),
            id.as_bytes(),
            group_ids[*gi].as_bytes(),
            &time,
            speaker_shown.as_bytes(),
            kind_label(n.kind, Lang::Ja).as_bytes(),
        ];
        crate::review::hit::head(&mut lines, parts);
        let head = lines.len() as u32 - line_at;
        let inert_text = inert(&n.text);
        lines.extend_from_slice(inert_text.as_bytes());
        lines.push(b'\n');
        let line_len = lines.len() as u32 - line_at;
        let text = if inert_text == n.text {
            flags |= FLAG_CLEAN | FLAG_TEXT_IN_LINE;
            (line_at + head, n.text.len() as u32)
        } else {
            put(&mut shown, n.text.as_bytes())
        };
        for v in [f_start, f_end, text.0, text.1, speaker.0, speaker.1] {
            rows.extend_from_slice(&v.to_le_bytes());
        }
        rows.extend_from_slice(&speaker_f.0.to_le_bytes());
        rows.extend_from_slice(&speaker_f.1.to_le_bytes());
        rows.extend_from_slice(&(*gi as u16).to_le_bytes());
        rows.extend_from_slice(&theme.to_le_bytes());
        rows.push(kind_byte(n.kind));
        rows.push(flags);
        rows.extend_from_slice(&minute.to_le_bytes());
        rows.extend_from_slice(&map_at.to_le_bytes());
        rows.extend_from_slice(&(moved.len() as u32).to_le_bytes());
        for v in [line_at, line_len, head] {
            rows.extend_from_slice(&v.to_le_bytes());
        }
    }
    w.u32(notes.len() as u32);
    w.0.extend_from_slice(&rows);
    w.bytes(&folded);
    w.bytes(&shown);
    w.bytes(&lines);
    w.0
}

fn kind_byte(kind: NoteKind) -> u8 {
    NoteKind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as u8
}
