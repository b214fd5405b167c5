//! Helpers the test modules share.

pub mod common;
pub mod pty;
pub mod screens;
pub mod serve_process;
#[cfg(feature = "ssh")]
pub mod ssh_client;
pub mod values;
