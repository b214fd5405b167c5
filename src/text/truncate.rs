//! Cutting text to a width without cutting a wide character in half.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use super::width::{grapheme_width, width};

pub const ELLIPSIS: &str = "…";

/// `text` if it fits in `cells`, else as much as fits followed by "…". A wide character that
/// would straddle the limit is left out whole.
pub fn truncate(text: &str, cells: usize) -> Cow<'_, str> {
    if width(text) <= cells {
        return Cow::Borrowed(text);
    }
    if cells == 0 {
        return Cow::Borrowed("");
    }
    let budget = cells.saturating_sub(width(ELLIPSIS));
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
    // In a wide-ambiguous terminal "…" takes two cells; with one cell left, nothing fits.
    if width(ELLIPSIS) <= cells {
        out.push_str(ELLIPSIS);
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
}
