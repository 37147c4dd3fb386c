//! The only code that touches the disk: session folders, atomic saves, writer locks, versioned JSON documents.

pub mod error;
pub mod format;
pub mod lock;
pub mod sessions;

pub use error::{IoOp, StoreError};
pub use format::{FormatError, FormatTag, check_format};
pub use lock::WriterLock;
