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

use chrono::NaiveDate;

use super::super::fold::Moved;
use crate::model::notes::NoteKind;
pub(crate) use crate::store::search_cache::FileStamp;

use super::bytes::Reader;

pub(crate) use super::encode::encode;

/// Bytes of one note's row.
pub(super) const ROW: usize = 60;
pub(super) const NO_THEME: u16 = u16::MAX;
pub(super) const FLAG_CLEAN: u8 = 2;
pub(super) const FLAG_SPEAKER: u8 = 4;
pub(super) const FLAG_SPEAKER_CLEAN: u8 = 8;
/// The text is clean and read from its line (in [`Block::lines`]).
pub(super) const FLAG_TEXT_IN_LINE: u8 = 16;

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
