//! Display width in terminal cells: the one width function the whole app uses.
//!
//! Width is measured per grapheme cluster with unicode-width, as ratatui's buffer does, so
//! what we wrap and truncate is exactly what the buffer draws: 天 is two cells, `a` one,
//! a combining mark none.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Cells taken by one grapheme cluster.
pub fn grapheme_width(grapheme: &str) -> usize {
    grapheme.width()
}

/// Cells taken by a string.
pub fn width(text: &str) -> usize {
    text.graphemes(true).map(grapheme_width).sum()
}

/// Pads `text` with spaces to `cells` (no-op when already as wide).
pub fn pad_to(text: &str, cells: usize) -> String {
    let mut padded = text.to_string();
    padded.extend(std::iter::repeat_n(' ', cells.saturating_sub(width(text))));
    padded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_takes_two_cells_and_combining_marks_none() {
        assert_eq!(width("天津"), 4);
        assert_eq!(width("SCO峰会"), 7);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("“上合”"), 6);
        assert_eq!(pad_to("天", 4), "天  ");
    }
}
