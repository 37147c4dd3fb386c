//! The consoles as pure state machines: state, actions, effects, `update`.
//! The event loops that drive them live in `crate::tui`-facing modules.

pub mod notes;
