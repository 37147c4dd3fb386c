//! The terminal runtime every screen shares: entering and leaving the
//! terminal safely (even on a panic or a hang-up), reading its keys with an
//! own byte parser (`input`), the key tables that
//! dispatch keys and generate the `?` help, a few widgets every screen needs
//! (the "terminal too small" message, the help popup, popups and borders)
//! and the wait until the displayed second changes.
//!
//! Screens are plain functions over their own state; nothing here knows the
//! workshop.

pub(crate) mod backend;
pub(crate) mod bigtext;
#[cfg(test)]
pub(crate) mod buffer_marks;
pub mod buffer_text;
pub(crate) mod console;
pub(crate) mod input;
pub(crate) mod keys;
pub(crate) mod osc;
pub(crate) mod runtime;
pub(crate) mod screen;
pub mod text;
pub(crate) mod tick;
pub(crate) mod widgets;

#[cfg(test)]
pub(crate) mod test_surface;

pub(crate) use console::Console;
