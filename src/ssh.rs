//! Serving the dashboard over SSH. An SSH channel delivers raw bytes, not crossterm events,
//! so the server parses them into the app's own input (`app::input::bytes`) and drives the same
//! `App` the local terminal does, one per viewer.

#[cfg(feature = "ssh")]
pub mod admission;
#[cfg(feature = "ssh")]
pub mod command;
#[cfg(feature = "ssh")]
mod connection;
#[cfg(feature = "ssh")]
pub mod host_key;
#[cfg(feature = "ssh")]
pub mod keys;
#[cfg(feature = "ssh")]
mod kill;
#[cfg(feature = "ssh")]
pub mod limits;
#[cfg(feature = "ssh")]
pub mod log;
#[cfg(feature = "ssh")]
#[cfg(feature = "ssh")]
mod proxy;
#[cfg(feature = "ssh")]
mod refuse;
#[cfg(feature = "ssh")]
pub mod server;
#[cfg(feature = "ssh")]
mod stage;
#[cfg(feature = "ssh")]
mod viewer;

#[cfg(feature = "ssh")]
pub use connection::{PRESENTER_USER, clamp_size};
