//! Runs the real binary, as a user or a script would.
#![allow(dead_code, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

pub fn sco_dash(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sco-dash"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the sco-dash binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}
