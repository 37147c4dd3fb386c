//! Looking back over past sittings: the archive as the reviewer reads it,
//! search with Japanese-aware folding, theme comparison, planned-against-
//! actual timing, the exports, and the `bunkakai review` screen.
//!
//! Everything but `Archive::load` is pure: it works on bytes and values, so
//! it is tested without a disk or a terminal.

pub mod actions;
pub mod actions_cmd;
pub mod archive;
pub mod cache;
pub mod compare_filter;
pub mod export;
pub mod export_all;
pub mod export_cmd;
pub mod files;
pub mod fold;
pub mod hit;
pub mod record;
pub mod report;
pub mod screen;
pub mod search;
pub mod search_cmd;
pub mod themes;
pub mod timing;

pub use archive::{Archive, GroupRecord, Sitting};
pub use search::{Filters, NoteAt, NoteIndex, Query};
