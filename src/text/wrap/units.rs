//! A paragraph cut into the words a line may break between.
//!
//! Ideographs are one word each; a Latin or Cyrillic run is one word up to a space or after a
//! hyphen. Kinsoku comes from gluing: closing punctuation joins the word before it and opening
//! punctuation the word after it, so a glued word moves as one. A no-break space joins the
//! words on either side of it (`2025 г.`, `Китай — ШОС`, `в действии`). Numbers and their
//! units are held together one level up (`glue`): they are separate words that prefer not to
//! part.

use unicode_segmentation::UnicodeSegmentation;

use super::glue::Glue;
use super::{is_closing, is_opening};
use crate::text::width::{grapheme_width, is_wide_everywhere};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word<'a> {
    pub graphemes: Vec<&'a str>,
    /// A space stands between this word and the one before.
    pub spaced: bool,
    /// Whether the line should not break before this word (a number and its unit, a date).
    pub glue: Glue,
}

impl<'a> Word<'a> {
    fn new(graphemes: Vec<&'a str>, spaced: bool) -> Self {
        Word {
            graphemes,
            spaced,
            glue: Glue::Free,
        }
    }

    pub fn width(&self) -> usize {
        self.graphemes.iter().map(|g| grapheme_width(g)).sum()
    }

    pub fn first(&self) -> &'a str {
        self.graphemes.first().copied().unwrap_or("")
    }

    pub fn last(&self) -> &'a str {
        self.graphemes.last().copied().unwrap_or("")
    }

    pub fn text(&self) -> String {
        self.graphemes.concat()
    }
}

fn is_hyphen(grapheme: &str) -> bool {
    matches!(grapheme, "-" | "\u{2010}")
}

/// A grapheme after which a line may break even without a space: ideographs and other wide
/// characters (wide on every terminal: a Cyrillic letter drawn wide is still a letter).
fn breaks_after(grapheme: &str) -> bool {
    is_wide_everywhere(grapheme)
}

/// A space the line may not break at: U+00A0 (the Russian layer's, before a dash and after a
/// short word), the narrow and figure no-break spaces, the word joiner.
pub(super) fn is_no_break(grapheme: &str) -> bool {
    matches!(grapheme, "\u{a0}" | "\u{202f}" | "\u{2007}" | "\u{2060}")
}

/// Marks that belong to the word before them although they are not closing punctuation:
/// `上海合作组织+` keeps its `+`, so it is never left alone before the closing quote.
pub(super) fn is_postfix(grapheme: &str) -> bool {
    grapheme == "+"
}

/// Inside a Latin word these do not end it when a letter or digit precedes them: `10,000`,
/// `1.5`, `e.g.`, `10:30` stay whole.
fn is_inner_mark(grapheme: &str) -> bool {
    matches!(grapheme, "." | "," | ":")
}

fn is_alphanumeric(grapheme: &str) -> bool {
    grapheme.chars().all(|c| c.is_ascii_alphanumeric())
}

pub(super) fn units(line: &str) -> Vec<Word<'_>> {
    let mut words: Vec<Word<'_>> = Vec::new();
    let mut opening: Vec<&str> = Vec::new();
    let mut spaced = false;
    // Whether the last word may take more Latin graphemes (it is an open Latin run).
    let mut latin_open = false;
    // The last grapheme was a no-break space: this one joins the same word, whatever it is.
    let mut joined = false;
    for grapheme in line.graphemes(true) {
        let no_break = is_no_break(grapheme);
        let space = !no_break && grapheme.chars().all(char::is_whitespace);
        if (no_break || (joined && !space))
            && opening.is_empty()
            && let Some(word) = words.last_mut()
        {
            if spaced {
                word.graphemes.push(" ");
            }
            word.graphemes.push(grapheme);
            spaced = false;
            joined = no_break;
            latin_open = !no_break && !breaks_after(grapheme) && !is_hyphen(grapheme);
            continue;
        }
        // A no-break space with no word before it to join starts one; what follows joins it.
        joined = no_break;
        if space {
            spaced = true;
            latin_open = false;
            continue;
        }
        if is_opening(grapheme) {
            opening.push(grapheme);
            latin_open = false;
            continue;
        }
        let attaches = is_closing(grapheme) || (is_postfix(grapheme) && !spaced);
        if attaches
            && opening.is_empty()
            && let Some(word) = words.last_mut()
        {
            // After a space ("word ）") the mark still may not start a line: it joins the
            // word before the space, space and all.
            if spaced {
                word.graphemes.push(" ");
            }
            let after_alphanumeric = is_alphanumeric(word.last());
            word.graphemes.push(grapheme);
            latin_open = latin_open && !spaced && after_alphanumeric && is_inner_mark(grapheme);
            spaced = false;
            continue;
        }
        let wide = breaks_after(grapheme);
        if !wide
            && latin_open
            && opening.is_empty()
            && let Some(word) = words.last_mut()
        {
            word.graphemes.push(grapheme);
            // A hyphen ends a piece the line may break after ("China-|SCO").
            latin_open = !is_hyphen(grapheme);
            continue;
        }
        let mut graphemes = std::mem::take(&mut opening);
        graphemes.push(grapheme);
        words.push(Word::new(graphemes, spaced));
        spaced = false;
        latin_open = !wide;
    }
    if !opening.is_empty() {
        words.push(Word::new(opening, spaced));
    }
    super::glue::mark(&mut words);
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<String> {
        units(line).iter().map(Word::text).collect()
    }

    #[test]
    fn numbers_with_inner_marks_are_one_word() {
        assert_eq!(texts("10,000 places"), ["10,000", "places"]);
        assert_eq!(texts("1.5 e.g. 10:30"), ["1.5", "e.g.", "10:30"]);
        // A sentence's full stop still ends the word.
        assert_eq!(texts("end. Next"), ["end.", "Next"]);
    }

    #[test]
    fn a_plus_stays_with_what_it_follows() {
        assert_eq!(texts("组织+”"), ["组", "织+”"]);
        assert_eq!(texts("a + b"), ["a", "+", "b"]);
    }

    #[test]
    fn spaces_are_remembered_on_the_word_after_them() {
        let words = units("ab  cd");
        assert!(!words[0].spaced && words[1].spaced);
    }
}
