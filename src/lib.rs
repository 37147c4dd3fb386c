//! bunkakai: a terminal app that runs a live breakout workshop.
//!
//! The library holds everything but the command line (`main.rs`, `cli`,
//! `commands` in the binary). From the bottom up:
//!
//! - `model`: the workshop's files as data — the plan (`session.json`),
//!   run.json, each group's notes, drafts and rescue copies, action-item
//!   follow-up, stages — with their reading rules; nothing touches the disk.
//! - `timer`: the agenda clock, pure functions of the plan, the run and `now`.
//! - `store`: the only code that touches the disk (atomic saves, locks,
//!   versioned documents, the notes journal, the archive, folder watching).
//! - `i18n`: every user-visible string in Japanese and English.
//! - `tui`: the runtime every console runs on (terminal guard and signals,
//!   the event loop, the input parser, key tables with generated help and
//!   footer, the text layer: sanitize, kinsoku wrap, truncation, widgets).
//! - Shared by consoles: `prompt_card` (a theme's card as text) and
//!   `previous_actions` (the previous sitting's action items).
//! - One folder per console: `facilitator` (`run`), `notes`, `display`,
//!   `review` (with search and the exports) and the sitting `picker`.
//! - Commands without a screen: `check` (the plan report, and how every
//!   command finds the sitting it names and refuses a broken plan),
//!   `prepare` (`new` and `roster import/assign/show`), and `logging`.
//!
//! Imports go down this list: a console never imports another console, and
//! `model`, `timer`, `store` and `tui` import no console. `i18n` imports
//! no console or command either: where words name a command's own types (the
//! roster commands' errors), they live with the command (`prepare::messages`).
//!
//! An item is `pub` only when the binary, the integration tests or the
//! benches use it; everything else is `pub(crate)` or private, so that
//! rustc reports code nothing uses.

// Most of the library is crate-only, and its docs link to crate-only items:
// read them with `cargo doc --document-private-items`, where every link
// resolves.
#![allow(rustdoc::private_intra_doc_links)]

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
