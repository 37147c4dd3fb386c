//! One sitting of the search cache, as bytes: what `bunkakai search` needs
//! to find and print a hit (folded text, original text, speaker, kind,
//! group, theme, clock time) without parsing the sitting's JSON again.
//!
//! Each note's hit line as printed in Japanese (the head made inert, the
//! text made inert, the newline) is kept whole, one after the other in the
//! notes' order: hits of neighbouring notes are then one piece of the file,
//! written without being put together; a clean text is not stored twice but
//! read from its line.
//!
//! A block is written by [`encode`] from a parsed sitting and read in place
//! by [`Block::decode`], which checks every length against the bytes it has:
//! a corrupt block reads as `None`, never as a panic or a wrong hit.

use chrono::{Datelike, NaiveDate, Timelike};

use super::super::archive::Sitting;
use super::super::fold::{Moved, fold, moved_clusters};
use crate::i18n::Lang;
use crate::i18n::review::kind_label;
use crate::model::notes::NoteKind;
pub(crate) use crate::store::search_cache::FileStamp;
use crate::tui::text::sanitize::inert;

use super::bytes::{Reader, Writer};

const ROW: usize = 60;
const NO_THEME: u16 = u16::MAX;
const FLAG_CLEAN: u8 = 2;
const FLAG_SPEAKER: u8 = 4;
const FLAG_SPEAKER_CLEAN: u8 = 8;
/// The text is clean and read from its line (in [`Block::lines`]).
const FLAG_TEXT_IN_LINE: u8 = 16;

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

/// A sitting's block, read in place.
#[derive(Debug, Clone)]
pub(crate) struct Block<'a> {
    /// The sitting's folder name.
    pub(crate) folder: &'a str,
    /// The files it was built from.
    pub(crate) stamps: Vec<FileStamp>,
    /// The sitting's day.
    pub(crate) date: Option<NaiveDate>,
    /// The plan's start time, seconds after midnight.
    pub(crate) start: Option<u32>,
    /// The sitting's id.
    pub(crate) id: &'a str,
    /// The plan's themes: id and folded title.
    pub(crate) themes: Vec<(&'a str, &'a str)>,
    /// The groups' ids.
    pub(crate) groups: Vec<&'a str>,
    rows: &'a [u8],
    folded: &'a [u8],
    shown: &'a [u8],
    lines: &'a [u8],
}

/// One live note of a block.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row<'a> {
    /// Its text, folded for search.
    pub(crate) folded: &'a [u8],
    /// Its text as written (UTF-8, checked when shown).
    pub(crate) text: &'a [u8],
    /// Its hit line as printed in Japanese, newline included.
    pub(crate) line: &'a [u8],
    /// The length of the line's head (before the text).
    pub(crate) head: usize,
    /// True when [`Row::text`] is the part of [`Row::line`] after its head.
    pub(crate) text_in_line: bool,
    /// Who said it (UTF-8, checked when shown).
    pub(crate) speaker: Option<&'a [u8]>,
    /// The speaker's name, folded.
    pub(crate) speaker_folded: &'a [u8],
    /// Index of its group in [`Block::groups`].
    pub(crate) group: usize,
    /// Index of its theme in [`Block::themes`].
    pub(crate) theme: Option<usize>,
    /// Its kind.
    pub(crate) kind: NoteKind,
    /// Its clock time in the sitting's zone, minutes after midnight.
    pub(crate) minute: u16,
    moved: &'a [u8],
    /// True when its text holds nothing that must be made inert to be shown.
    pub(crate) clean: bool,
    /// True when the speaker's name (or `—`) holds nothing to make inert.
    pub(crate) speaker_clean: bool,
}

/// What a hit line without highlights shows of a note: its text made
/// inert, its speaker, group, kind and clock time.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Plain<'a> {
    /// Its text as shown on one line ([`inert`]).
    pub(crate) inert_text: &'a [u8],
    /// Who said it (UTF-8, checked when shown).
    pub(crate) speaker: Option<&'a [u8]>,
    /// True when the speaker's name (or `—`) holds nothing to make inert.
    pub(crate) speaker_clean: bool,
    /// Index of its group in [`Block::groups`].
    pub(crate) group: usize,
    /// Its kind.
    pub(crate) kind: NoteKind,
    /// Its clock time in the sitting's zone, minutes after midnight.
    pub(crate) minute: u16,
}

impl Row<'_> {
    /// The clusters whose folding moves bytes, to map matches back, put
    /// into `out` (used again from note to note).
    pub(crate) fn moved_into(&self, out: &mut Vec<Moved>) {
        let v = |c: &[u8]| u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as usize;
        out.clear();
        out.extend(
            self.moved
                .chunks_exact(16)
                .map(|c| [v(&c[0..]), v(&c[4..]), v(&c[8..]), v(&c[12..])]),
        );
    }
}

impl<'a> Block<'a> {
    /// Reads a block; `None` when the bytes are not a whole block.
    pub(crate) fn decode(bytes: &'a [u8]) -> Option<Block<'a>> {
        let mut r = Reader { bytes, at: 0 };
        let folder = r.str()?;
        let n = r.u32()? as usize;
        let mut stamps = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            stamps.push(FileStamp {
                name: r.str()?.to_string(),
                size: r.u64()?,
                mtime_ns: r.u64()? as i64,
                inode: r.u64()?,
            });
        }
        let date = match r.u32()? {
            u32::MAX => None,
            d => Some(NaiveDate::from_num_days_from_ce_opt(
                i32::try_from(d).ok()?,
            )?),
        };
        let start = Some(r.u32()?).filter(|s| *s != u32::MAX);
        let id = r.str()?;
        let n = r.u32()? as usize;
        let mut themes = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            themes.push((r.str()?, r.str()?));
        }
        let n = r.u32()? as usize;
        let mut groups = Vec::with_capacity(n.min(4096));
        for _ in 0..n {
            groups.push(r.str()?);
        }
        let n = r.u32()? as usize;
        let rows = r.take(n.checked_mul(ROW)?)?;
        let folded = r.bytes()?;
        let shown = r.bytes()?;
        let lines = r.bytes()?;
        (r.at == bytes.len()).then_some(Block {
            folder,
            stamps,
            date,
            start,
            id,
            themes,
            groups,
            rows,
            folded,
            shown,
            lines,
        })
    }

    /// How many live notes the block holds.
    pub(crate) fn len(&self) -> usize {
        self.rows.len() / ROW
    }

    /// The folded text of every note, one after the other.
    pub(crate) fn folded(&self) -> &'a [u8] {
        self.folded
    }

    /// Where note `i`'s folded text is in [`Block::folded`].
    pub(crate) fn folded_range(&self, i: usize) -> Option<std::ops::Range<usize>> {
        let row = self.rows.get(i * ROW..(i + 1) * ROW)?;
        let at = |k: usize| u32::from_le_bytes([row[k], row[k + 1], row[k + 2], row[k + 3]]);
        Some(at(0) as usize..at(4) as usize)
    }

    /// Every note's Japanese hit line, one after the other in the notes'
    /// order.
    pub(crate) fn lines(&self) -> &'a [u8] {
        self.lines
    }

    /// Where note `i`'s Japanese hit line is in [`Block::lines`]; `None`
    /// when the block is corrupt there.
    pub(crate) fn line_range(&self, i: usize) -> Option<std::ops::Range<usize>> {
        let row = self.rows.get(i * ROW..(i + 1) * ROW)?;
        let at = |k: usize| u32::from_le_bytes([row[k], row[k + 1], row[k + 2], row[k + 3]]);
        let start = at(48) as usize;
        let end = start.checked_add(at(52) as usize)?;
        (end <= self.lines.len()).then_some(start..end)
    }

    /// Note `i`'s line, cut into its head and the rest; `None` when the
    /// block is corrupt there.
    fn line(&self, row: &[u8]) -> Option<(&'a [u8], usize)> {
        let at = |k: usize| u32::from_le_bytes([row[k], row[k + 1], row[k + 2], row[k + 3]]);
        let start = at(48) as usize;
        let line = self.lines.get(start..start.checked_add(at(52) as usize)?)?;
        let head = at(56) as usize;
        // The line ends with a newline after its head.
        (head < line.len() && line.ends_with(b"\n")).then_some((line, head))
    }

    /// What a hit line without highlights shows of note `i`, read without
    /// the rest of the row; `None` when the block is corrupt there.
    pub(crate) fn plain(&self, i: usize) -> Option<Plain<'a>> {
        let row: &[u8; ROW] = self.rows.get(i * ROW..(i + 1) * ROW)?.try_into().ok()?;
        let u32_at = |k: usize| u32::from_le_bytes([row[k], row[k + 1], row[k + 2], row[k + 3]]);
        let slice = |k: usize| -> Option<&'a [u8]> {
            let start = u32_at(k) as usize;
            self.shown
                .get(start..start.checked_add(u32_at(k + 4) as usize)?)
        };
        let flags = row[37];
        let group = usize::from(u16::from_le_bytes([row[32], row[33]]));
        if group >= self.groups.len() {
            return None;
        }
        let (line, head) = self.line(row)?;
        Some(Plain {
            inert_text: &line[head..line.len() - 1],
            speaker: if flags & FLAG_SPEAKER != 0 {
                Some(slice(16)?)
            } else {
                None
            },
            speaker_clean: flags & FLAG_SPEAKER_CLEAN != 0,
            group,
            kind: *NoteKind::ALL.get(usize::from(row[36]))?,
            minute: u16::from_le_bytes([row[38], row[39]]),
        })
    }

    /// Note `i`, newest first; `None` when the block is corrupt there.
    pub(crate) fn row(&self, i: usize) -> Option<Row<'a>> {
        let row = self.rows.get(i * ROW..(i + 1) * ROW)?;
        let u32_at = |k: usize| u32::from_le_bytes([row[k], row[k + 1], row[k + 2], row[k + 3]]);
        let u16_at = |k: usize| u16::from_le_bytes([row[k], row[k + 1]]);
        let slice = |k: usize| -> Option<&'a [u8]> {
            let start = u32_at(k) as usize;
            self.shown
                .get(start..start.checked_add(u32_at(k + 4) as usize)?)
        };
        let folded = self.folded.get(u32_at(0) as usize..u32_at(4) as usize)?;
        let flags = row[37];
        let group = usize::from(u16_at(32));
        let theme = Some(usize::from(u16_at(34))).filter(|t| *t != usize::from(NO_THEME));
        if group >= self.groups.len() || theme.is_some_and(|t| t >= self.themes.len()) {
            return None;
        }
        let (line, head) = self.line(row)?;
        let text = if flags & FLAG_TEXT_IN_LINE != 0 {
            let start = u32_at(8) as usize;
            self.lines
                .get(start..start.checked_add(u32_at(12) as usize)?)?
        } else {
            slice(8)?
        };
        Some(Row {
            folded,
            text,
            line,
            head,
            text_in_line: flags & FLAG_TEXT_IN_LINE != 0,
            speaker: if flags & FLAG_SPEAKER != 0 {
                Some(slice(16)?)
            } else {
                None
            },
            speaker_folded: slice(24)?,
            group,
            theme,
            kind: *NoteKind::ALL.get(usize::from(row[36]))?,
            minute: u16_at(38),
            moved: {
                let at = u32_at(40) as usize;
                let len = (u32_at(44) as usize).checked_mul(16)?;
                self.shown.get(at..at.checked_add(len)?)?
            },
            clean: flags & FLAG_CLEAN != 0,
            speaker_clean: flags & FLAG_SPEAKER_CLEAN != 0,
        })
    }
}
