//! The dashboard as a state machine: our own input in, state out. No terminal here.

pub mod action;
pub mod axis;
pub mod catalog;
pub mod chart;
pub mod detail;
pub mod input;
pub mod input_line;
pub mod keymap;
pub mod layout;
pub mod map;
mod memo;
pub mod pane;
pub mod panes;
pub mod presence;
pub mod search;
pub mod state;
pub mod tab;
#[cfg(test)]
pub(crate) mod testing;
pub mod tour;
pub mod view;
pub mod words;

pub use action::Action;
pub use catalog::Catalog;
pub use input::{Input, Key, KeyCode};
pub use state::{App, Change, Focus};
pub use tab::Tab;
