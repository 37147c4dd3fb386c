//! bunkakai: a terminal app that runs a live breakout workshop.
//!
//! The library holds everything but the command line: the plan and its
//! validation (`model`), the only code that touches the disk (`store`) and the
//! ja/en label table (`i18n`).

pub mod check;
pub mod i18n;
pub mod logging;
pub mod model;
pub mod review;
pub mod store;
pub mod timer;
pub mod tui;
