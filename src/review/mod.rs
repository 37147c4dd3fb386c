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
pub(crate) mod compare_filter;
pub mod export;
pub mod export_all;
pub mod export_cmd;
pub mod files;
pub(crate) mod fold;
pub(crate) mod hit;
pub(crate) mod record;
pub mod report;
pub mod screen;
pub(crate) mod search;
pub mod search_cmd;
pub(crate) mod themes;
pub(crate) mod timing;

pub use archive::{Archive, Sitting};
pub use search::{Filters, NoteIndex, Query};
