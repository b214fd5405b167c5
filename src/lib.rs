//! sco-dash: a terminal dashboard for the 2025 SCO summit in Tianjin.
//!
//! Everything lives in the library so that the binary, the tests and the benches share it.

pub mod app;
pub mod config;
pub mod data;
pub mod exit;
pub mod export;
pub mod output;
pub mod ssh;
pub mod term;
pub mod text;
pub mod ui;
