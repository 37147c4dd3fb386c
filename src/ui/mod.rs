//! Screens as views of their state: each draws what it is given into a
//! `Rect` and never changes the model.

pub mod notes;
