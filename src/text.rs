//! Text that is right in a real terminal: display width, wrapping with Chinese line-breaking
//! rules, truncation, and sanitising. Pure functions, no terminal here.

pub mod glyphs;
pub mod quotes;
pub mod sanitize;
pub mod search;
pub mod truncate;
pub mod width;
pub mod wrap;

pub use sanitize::sanitize;
pub use truncate::truncate;
pub use width::width;
pub use wrap::{wrap, wrap_cached};
