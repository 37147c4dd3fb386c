//! `bunkakai review`: browse past sittings, open one group by group with
//! its timing table, compare a theme across groups and sittings, and search
//! every note as you type.
//!
//! [`state`] holds the state and the pure `update`; [`view`] draws it;
//! [`run`] hands it to the shared runtime ([`crate::tui::runtime`]).

pub mod actions_tab;
pub(crate) mod compare_filter_box;
mod compare_summary;
pub(crate) mod content;
mod footer;
mod help;
pub mod keys;
pub(crate) mod loaded;
mod navigate;
pub(crate) mod owner_filter;
mod pinned;
mod prepared_lines;
mod record_lines;
pub mod run;
pub mod search_box;
pub(crate) mod state;
mod tab_bar;
mod typing_line;
pub mod view;
mod view_actions;
mod view_lists;
mod view_panes;

pub use run::run;
pub use state::{Action, Effect, Loaded, State, View, update};
pub use view::ReviewView;
