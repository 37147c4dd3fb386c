//! The only code that touches the disk.
pub mod archive;
pub mod sessions;
