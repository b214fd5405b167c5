//! Cutting text to a width without cutting a wide character in half.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use super::glyphs::Glyph;
use super::width::{grapheme_width, width};

/// `text` if it fits in `cells`, else as much as fits followed by an ellipsis ("…", or "..."
/// in wide mode). A wide character that would straddle the limit is left out whole.
pub fn truncate(text: &str, cells: usize) -> Cow<'_, str> {
    let ellipsis = Glyph::Ellipsis.as_str();
    if width(text) <= cells {
        return Cow::Borrowed(text);
    }
    if cells == 0 {
        return Cow::Borrowed("");
    }
    let budget = cells.saturating_sub(width(ellipsis));
    let mut used = 0;
    let mut out = String::new();
    for grapheme in text.graphemes(true) {
        let w = grapheme_width(grapheme);
        if used + w > budget {
            break;
        }
        used += w;
        out.push_str(grapheme);
    }
    // When the ellipsis is wider than the room, it is left out.
    if width(ellipsis) <= cells {
        out.push_str(ellipsis);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_exceeds_the_width_nor_splits_a_wide_character() {
        assert_eq!(truncate("上海合作组织", 12), "上海合作组织");
        assert_eq!(truncate("上海合作组织", 6), "上海…");
        assert_eq!(truncate("上海合作组织", 5), "上海…");
        assert_eq!(truncate("上海合作组织", 1), "…");
        assert_eq!(truncate("上海", 0), "");
        assert_eq!(truncate("SCO summit", 6), "SCO s…");
    }

    #[test]
    fn wide_mode_cuts_with_three_dots() {
        use crate::text::width::{Ambiguous, with_ambiguous};
        with_ambiguous(Ambiguous::Wide, || {
            assert_eq!(truncate("上海合作组织", 7), "上海...");
            assert_eq!(truncate("上海合作组织", 6), "上...");
            assert_eq!(truncate("SCO summit", 6), "SCO...");
            assert_eq!(truncate("SCO summit", 3), "...");
            assert_eq!(truncate("SCO summit", 2), "", "no room for the ellipsis");
        });
    }
}
