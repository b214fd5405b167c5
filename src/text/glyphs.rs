//! Every glyph the chrome draws that East Asian Width calls "ambiguous", with what it becomes
//! in each ambiguous-width mode. A terminal that draws ambiguous characters two cells wide
//! would draw ─ · → … ▲ two cells each; wide mode uses ASCII instead, one cell in both models,
//! so the chrome looks the same whichever model measures it. Data text keeps its characters.
//! Frames are `ui::put::border_set`; everything else the chrome writes is ASCII, CJK (two cells
//! in both models) or one of these.

use std::fmt;

use super::width::{Ambiguous, ambiguous};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    /// A horizontal rule (the timeline's year separators).
    Rule,
    /// The present and missing parts of a bar.
    BarFull,
    BarEmpty,
    /// A vertical divider: between columns, tabs, and the status bar's parts.
    Divider,
    /// Between the parts of one line: `天津 · 梅江会展中心`, `Enter 保留 · Esc 清除`.
    Separator,
    /// Before an item of a list in the detail.
    Bullet,
    /// Before a link, and between a document and what it led to.
    Link,
    /// Where text was cut.
    Ellipsis,
    /// The sorted column, ascending and descending.
    SortUp,
    SortDown,
    /// Between the ends of a range: `1–20/57`, `1–6`.
    Range,
    /// Before a quote's speaker, and between a search hit and where it matched.
    Dash,
    /// Around text the chrome quotes (the pane's search).
    OpenQuote,
    CloseQuote,
    /// Between the columns and rows of a size: `80×24`.
    Times,
    /// The initiatives' number column.
    Numero,
    /// Presence over SSH: presenting, following, browsing alone; a tour running or paused.
    Presenting,
    Following,
    Paused,
    /// Key names.
    KeyUp,
    KeyDown,
    KeyLeft,
    KeyRight,
    /// Both vertical arrow keys, in the search-everything footer.
    KeysUpDown,
}

impl Glyph {
    pub const ALL: [Glyph; 24] = [
        Glyph::Rule,
        Glyph::BarFull,
        Glyph::BarEmpty,
        Glyph::Divider,
        Glyph::Separator,
        Glyph::Bullet,
        Glyph::Link,
        Glyph::Ellipsis,
        Glyph::SortUp,
        Glyph::SortDown,
        Glyph::Range,
        Glyph::Dash,
        Glyph::OpenQuote,
        Glyph::CloseQuote,
        Glyph::Times,
        Glyph::Numero,
        Glyph::Presenting,
        Glyph::Following,
        Glyph::Paused,
        Glyph::KeyUp,
        Glyph::KeyDown,
        Glyph::KeyLeft,
        Glyph::KeyRight,
        Glyph::KeysUpDown,
    ];

    /// (narrow, wide): side by side, so no glyph has one without the other.
    const fn variants(self) -> (&'static str, &'static str) {
        match self {
            Glyph::Rule => ("─", "-"),
            Glyph::BarFull => ("█", "#"),
            Glyph::BarEmpty => ("░", "."),
            Glyph::Divider => ("│", "|"),
            Glyph::Separator => ("·", "|"),
            Glyph::Bullet => ("·", "-"),
            Glyph::Link => ("→", "->"),
            Glyph::Ellipsis => ("…", "..."),
            Glyph::SortUp => ("▲", "^"),
            Glyph::SortDown => ("▼", "v"),
            Glyph::Range => ("–", "-"),
            Glyph::Dash => ("—", "-"),
            Glyph::OpenQuote => ("“", "\""),
            Glyph::CloseQuote => ("”", "\""),
            Glyph::Times => ("×", "x"),
            Glyph::Numero => ("№", "#"),
            Glyph::Presenting => ("●", "*"),
            Glyph::Following => ("▶", ">"),
            Glyph::Paused => ("‖", "||"),
            Glyph::KeyUp => ("↑", "Up"),
            Glyph::KeyDown => ("↓", "Down"),
            Glyph::KeyLeft => ("←", "Left"),
            Glyph::KeyRight => ("→", "Right"),
            Glyph::KeysUpDown => ("↑↓", "Up/Down"),
        }
    }

    pub const fn in_mode(self, mode: Ambiguous) -> &'static str {
        match mode {
            Ambiguous::Narrow => self.variants().0,
            Ambiguous::Wide => self.variants().1,
        }
    }

    /// The glyph for this terminal's mode.
    pub fn as_str(self) -> &'static str {
        self.in_mode(ambiguous())
    }
}

/// Writes the glyph for this terminal's mode, so `format!("{} {}", a, Glyph::Separator)`.
impl fmt::Display for Glyph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// A variant left out of `ALL` would be left out of the test below.
const _: () = assert!(Glyph::ALL.len() == Glyph::KeysUpDown as usize + 1);

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn all_lists_every_glyph_once() {
        for (i, glyph) in Glyph::ALL.iter().enumerate() {
            assert_eq!(*glyph as usize, i, "{glyph:?}");
        }
    }

    #[test]
    fn narrow_mode_keeps_the_glyphs_the_screen_always_had() {
        let narrow: Vec<&str> = Glyph::ALL
            .iter()
            .map(|g| g.in_mode(Ambiguous::Narrow))
            .collect();
        assert_eq!(
            narrow,
            [
                "─", "█", "░", "│", "·", "·", "→", "…", "▲", "▼", "–", "—", "“", "”", "×", "№",
                "●", "▶", "‖", "↑", "↓", "←", "→", "↑↓"
            ]
        );
    }

    #[test]
    fn every_wide_glyph_is_as_wide_in_both_width_models() {
        for glyph in Glyph::ALL {
            let wide = glyph.in_mode(Ambiguous::Wide);
            assert!(!wide.is_empty(), "{glyph:?}");
            assert_eq!(wide.width(), wide.width_cjk(), "{glyph:?} {wide:?}");
            assert!(
                wide.is_ascii(),
                "{glyph:?} {wide:?}: ASCII reads the same in every font"
            );
        }
    }

    #[test]
    fn as_str_follows_the_mode() {
        use super::super::width::with_ambiguous;
        assert_eq!(
            with_ambiguous(Ambiguous::Wide, || format!("a{}b", Glyph::Link)),
            "a->b"
        );
        assert_eq!(
            with_ambiguous(Ambiguous::Narrow, || Glyph::Link.to_string()),
            "→"
        );
    }
}
