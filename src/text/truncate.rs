//! Cutting text to a width without cutting a wide character in half.

use std::borrow::Cow;
use std::ops::Range;

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

/// `text` cut to `cells` so that the characters `span` (char indices) show: from the start
/// when they fit there, else from shortly before them, each cut side marked with the
/// ellipsis. A search hit deep in a long text is seen in its context this way.
pub fn excerpt(text: &str, span: Range<usize>, cells: usize) -> Cow<'_, str> {
    let graphemes: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
    // Grapheme indices of the span's first and last characters.
    let mut chars = 0;
    let (mut first, mut end) = (graphemes.len(), graphemes.len());
    for (i, (_, g)) in graphemes.iter().enumerate() {
        let next = chars + g.chars().count();
        if first == graphemes.len() && next > span.start {
            first = i;
        }
        if next >= span.end {
            end = i + 1;
            break;
        }
        chars = next;
    }
    let ellipsis = width(Glyph::Ellipsis.as_str());
    let cells_of = |range: Range<usize>| -> usize {
        graphemes[range]
            .iter()
            .map(|(_, g)| grapheme_width(g))
            .sum()
    };
    let whole = cells_of(0..graphemes.len());
    if whole <= cells || first >= graphemes.len() || cells_of(0..end) + ellipsis <= cells {
        return truncate(text, cells);
    }
    // Room between the two ellipses; a third of what the match leaves goes before it.
    let room = cells.saturating_sub(2 * ellipsis);
    let lead = room.saturating_sub(cells_of(first..end)) / 3;
    let mut start = first;
    while start > 0 && cells_of(start - 1..first) <= lead {
        start -= 1;
    }
    let mut stop = start;
    while stop < graphemes.len() && cells_of(start..stop + 1) <= room {
        stop += 1;
    }
    if stop == graphemes.len() {
        // The text ends in view: the room of the closing ellipsis goes to what comes before.
        while start > 0 && cells_of(start - 1..stop) + ellipsis <= cells {
            start -= 1;
        }
    }
    // In Latin text, cut between words rather than inside one.
    let space = |i: usize| graphemes[i].1.trim().is_empty();
    if start > 0
        && !space(start - 1)
        && let Some(at) = (start..first).find(|&i| space(i))
    {
        start = at;
    }
    while start < first && space(start) {
        start += 1;
    }
    if stop < graphemes.len()
        && !space(stop)
        && let Some(at) = (end..stop).rev().find(|&i| space(i))
    {
        stop = at;
    }
    while stop > end && space(stop - 1) {
        stop -= 1;
    }
    let byte = |i: usize| graphemes.get(i).map_or(text.len(), |(b, _)| *b);
    let mut out = String::new();
    if start > 0 && ellipsis <= cells {
        out.push_str(Glyph::Ellipsis.as_str());
    }
    out.push_str(&text[byte(start)..byte(stop)]);
    if stop < graphemes.len() && width(&out) + ellipsis <= cells {
        out.push_str(Glyph::Ellipsis.as_str());
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

    #[test]
    fn an_excerpt_shows_the_span_with_what_surrounds_it() {
        let text = "中方愿同各方一道，未来5年在上合组织国家建设10所“鲁班工坊”，并提供奖学金名额";
        let at = text.chars().position(|c| c == '鲁').unwrap_or(0);
        let shown = excerpt(text, at..at + 4, 24);
        assert!(shown.contains("鲁班工坊"), "{shown}");
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert!(width(&shown) <= 24, "{shown}");
        // Near the start, the start is kept; near the end, the end.
        assert_eq!(excerpt(text, 0..2, 10), truncate(text, 10));
        let end = text.chars().count();
        let tail = excerpt(text, end - 2..end, 12);
        assert!(tail.starts_with('…') && tail.ends_with("名额"), "{tail}");
        assert_eq!(excerpt("天津", 0..2, 10), "天津");
        // Latin text is cut between words.
        let english =
            "In the next five years China will build ten Luban Workshops in member states";
        let at = english.find("Luban").unwrap_or(0);
        assert_eq!(excerpt(english, at..at + 5, 30), "…ten Luban Workshops in…");
    }
}
