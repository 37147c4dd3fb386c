//! The only code that touches the disk: session folders, atomic saves, writer locks, versioned JSON documents.

pub mod atomic;
pub mod error;
pub mod format;
pub mod lock;
pub mod sessions;
pub mod temp;

pub use atomic::replace;
pub use error::{IoOp, StoreError};
pub use format::{FormatError, FormatTag, check_format};
pub use lock::WriterLock;
pub use temp::sweep_temp_files;
