//! sco-dash: a terminal dashboard for the 2025 SCO summit in Tianjin.
//!
//! Everything lives in the library so that the binary, the tests and the benches share it.

// The local terminal stops, resumes and resizes on Unix signals (SIGTSTP, SIGCONT, SIGWINCH)
// and the SSH server stops on SIGTERM/SIGINT/SIGHUP: say so at once, not in a hundred errors.
#[cfg(not(unix))]
compile_error!(
    "sco-dash builds on Unix-like systems only (Linux, macOS, the BSDs): its terminal handling \
     and SSH server rely on Unix signals. On Windows, build and run it inside WSL."
);

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
