//! Serving the dashboard over SSH. An SSH channel delivers raw bytes, not crossterm events,
//! so the server parses them into the app's own input (`ssh::input`) and drives the same
//! `App` the local terminal does.

pub mod input;
