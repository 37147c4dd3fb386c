//! A save error is shown whole: the status line wraps it (kinsoku applied)
//! over up to three rows instead of cutting off what to do about it.

use std::path::PathBuf;

use ratatui::layout::Rect;

use super::tests::{fresh, render, t0};
use crate::i18n::Lang;
use crate::i18n::store::store_error_short;
use crate::store::error::{IoOp, StoreError};
use crate::tui::buffer_text::text_of as lines;

fn disk_full(file: &str, lang: Lang) -> String {
    let e = StoreError::Io {
        path: PathBuf::from(format!("/home/kyoko/workshops/jichitai-09/notes/{file}")),
        op: IoOp::WriteTemp,
        source: std::io::Error::from(std::io::ErrorKind::StorageFull),
    };
    store_error_short(&e, lang)
}

#[test]
fn a_disk_full_message_is_shown_whole_at_every_size() {
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in [(100, 30), (80, 24), (60, 16)] {
            for draft in [false, true] {
                let mut s = fresh(lang);
                let want = if draft {
                    s.draft_error = Some(disk_full("B.json.draft", lang));
                    s.draft_error.clone().unwrap()
                } else {
                    s.saving.error = Some(disk_full("B.json", lang));
                    crate::i18n::notes::save_error(s.saving.error.as_ref().unwrap(), lang)
                };
                let status = super::layout(Rect::new(0, 0, w, h), &s).status;
                let (buf, _) = render(&s, w, h, t0());
                let screen = lines(&buf);
                let rows: Vec<&str> = screen
                    .lines()
                    .skip(usize::from(status.y))
                    .take(usize::from(status.height))
                    .collect();
                let shown: String = rows.iter().map(|r| r.trim_end()).collect();
                let flat = |t: &str| t.split_whitespace().collect::<String>();
                assert_eq!(flat(&shown), flat(&want), "{lang:?} {w}x{h}:\n{screen}");
                for r in &rows {
                    let first = r.chars().next().unwrap_or(' ');
                    assert!(!"、。）".contains(first), "kinsoku: {r:?}");
                }
            }
        }
    }
}

/// A turn ended for a stopped console names who, when and what to do: the
/// notice is shown whole too (it was cut at 60 columns, and at 80 for a
/// long name), and the status line is one row again once it is gone.
#[test]
fn an_ended_turn_notice_is_shown_whole_at_every_size() {
    for lang in [Lang::Ja, Lang::En] {
        for (w, h) in [(100, 30), (80, 24), (60, 16)] {
            for want in [
                crate::i18n::notes::turn_left_open("気仙沼市", "14:05:10", lang),
                crate::i18n::notes::partner_turn_ended("気仙沼市", "14:05:10", lang),
            ] {
                let mut s = fresh(lang);
                s.notice = Some(crate::notes::Notice {
                    text: want.clone(),
                    until: t0() + chrono::Duration::seconds(10),
                });
                let status = super::layout(Rect::new(0, 0, w, h), &s).status;
                let (buf, _) = render(&s, w, h, t0());
                let screen = lines(&buf);
                let shown: String = (screen.lines())
                    .skip(usize::from(status.y))
                    .take(usize::from(status.height))
                    .map(|r| r.trim_end())
                    .collect();
                let flat = |t: &str| t.split_whitespace().collect::<String>();
                assert_eq!(flat(&shown), flat(&want), "{lang:?} {w}x{h}:\n{screen}");
                s.notice = None;
                assert_eq!(super::layout(Rect::new(0, 0, w, h), &s).status.height, 1);
            }
        }
    }
}
