//! bunkakai: a terminal app that runs a live breakout workshop.
//!
//! The library holds everything but the command line: the plan, run.json
//! and notes files (`model`), the agenda clock (`timer`), the only code that
//! touches the disk (`store`), the shared terminal runtime (`tui`), one
//! folder per console (`facilitator`, `notes`, `display`, `review`, and the
//! sitting `picker`) and the ja/en label tables (`i18n`).

pub mod check;
pub mod display;
pub mod facilitator;
pub mod i18n;
pub mod logging;
pub mod model;
pub mod notes;
pub mod picker;
pub mod prepare;
pub mod previous_actions;
pub(crate) mod prompt_card;
pub mod review;
pub mod store;
pub mod timer;
pub mod tui;
