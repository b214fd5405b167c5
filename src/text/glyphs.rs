//! The glyphs the chrome repeats cell by cell — rules, bars, column dividers — in each
//! ambiguous-width mode. In a terminal that draws ambiguous characters two cells wide, ─ █ ░ │
//! would each take two cells, so wide mode uses ASCII, which is one cell in both models.

use super::width::Ambiguous;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fills {
    /// A horizontal rule (the timeline's year separators).
    pub rule: &'static str,
    /// The present and missing parts of a bar.
    pub bar_full: &'static str,
    pub bar_empty: &'static str,
    /// A vertical divider between columns.
    pub divider: &'static str,
}

pub const NARROW: Fills = Fills {
    rule: "─",
    bar_full: "█",
    bar_empty: "░",
    divider: "│",
};

pub const WIDE: Fills = Fills {
    rule: "-",
    bar_full: "#",
    bar_empty: ".",
    divider: "|",
};

pub fn fills_in(mode: Ambiguous) -> &'static Fills {
    match mode {
        Ambiguous::Narrow => &NARROW,
        Ambiguous::Wide => &WIDE,
    }
}

/// The fill glyphs of this terminal's mode.
pub fn fills() -> &'static Fills {
    fills_in(super::width::ambiguous())
}
