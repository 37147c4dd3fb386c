//! The only code that touches the disk.
pub mod sessions;
pub mod watch;
