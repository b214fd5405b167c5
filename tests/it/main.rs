//! The integration tests, one binary with a module per area: each test binary links the whole
//! crate again, so one binary instead of twenty saves minutes of every cold build (as cargo's
//! own `tests/testsuite` does). Run one area with `cargo test --test it render::`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod ambiguous_width;
mod broken_data;
mod cli;
mod e2e_pty;
mod embedded_data;
mod english_layer;
mod hostile_strings;
mod list_rows;
mod no_panic;
mod not_fitting;
mod properties;
mod readme_keys;
mod render;
mod render_axis;
mod render_charts;
mod render_en;
mod render_ru;
mod render_search;
mod render_tour;
mod screenshots;
mod serve;
mod serve_attack;
mod serve_process;
mod typesetting;
mod wrapped_links;
