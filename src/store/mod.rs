//! The only code that touches the disk: session folders, atomic saves, writer locks, versioned JSON documents.

pub mod format;
pub mod sessions;

pub use format::{FormatError, FormatTag, check_format};
