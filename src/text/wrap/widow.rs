//! No ideograph alone on a paragraph's last line (`世贸组⏎织`): the line before gives up its
//! last word (`世贸⏎组织`) when the two then fit on the last line.

use super::fill::{Line, Placed, line_width};
use super::{is_closing, is_opening};
use crate::text::width::is_wide_everywhere;

/// One ideograph (or other wide letter), with only punctuation around it: `织`, `织。”`.
pub fn is_lone(graphemes: &[&str]) -> bool {
    let mut rest = graphemes.iter().skip_while(|g| is_opening(g));
    let Some(first) = rest.next() else {
        return false;
    };
    is_ideograph(first) && rest.all(|g| is_closing(g))
}

pub fn is_ideograph(grapheme: &str) -> bool {
    is_wide_everywhere(grapheme) && grapheme.chars().next().is_some_and(char::is_alphanumeric)
}

/// Moves the last word of the second-to-last line (with whatever is glued to it) down to a
/// lone last line, when that line then still fits and the one before keeps a word.
pub(super) fn avoid(lines: &mut [Line<'_>], cells: usize) {
    let [.., previous, last] = lines else {
        return;
    };
    let lone = match last.as_slice() {
        [lone] => lone.clone(),
        _ => return,
    };
    // After a space it is a Latin line's word, not a character of a Chinese run.
    if lone.spaced || !is_lone(&lone.graphemes) {
        return;
    }
    // The run to move: the last word and those it is glued to.
    let mut start = previous.len().saturating_sub(1);
    while start > 0 && previous[start].glued {
        start -= 1;
    }
    if start == 0 {
        return;
    }
    let mut moved: Vec<Placed<'_>> = previous[start..].to_vec();
    moved.push(lone);
    if line_width(&moved) > cells {
        return;
    }
    previous.truncate(start);
    *last = moved;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_ideograph_with_its_punctuation_is_lone() {
        assert!(is_lone(&["织"]));
        assert!(is_lone(&["织", "。", "”"]));
        assert!(is_lone(&["“", "织", "”"]));
        assert!(!is_lone(&["组", "织"]));
        assert!(!is_lone(&["a"]));
        assert!(!is_lone(&["。"]));
    }
}
