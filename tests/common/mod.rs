//! Support shared by the integration tests: the fixtures and temporary
//! copies of them, the binary run as a command ([`cli`]) or in a
//! pseudo-terminal ([`pty`]), notes as tests build them, the review
//! screen driven by keys, and a seeded random generator ([`rng`]).

#![allow(dead_code, unused_imports)]

pub mod cli;
pub mod fixtures;
pub mod notes;
pub mod pty;
pub mod review;
pub mod rng;

pub use fixtures::{archive_copy, archive_dir, at, copy_dir, listing, plan, plan_file, sitting};
pub use pty::{Console, cell_after};

/// The built `bunkakai` binary.
pub const BIN: &str = env!("CARGO_BIN_EXE_bunkakai");
