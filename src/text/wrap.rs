//! Line wrapping for mixed Chinese and Latin text.
//!
//! ratatui's own wrapping breaks only at spaces and knows no Chinese line-breaking rules, so
//! the app wraps text itself and renders the lines it gets. Lines break between ideographs
//! and at spaces and after hyphens between Latin words, never inside a grapheme or a word
//! (unless the word is wider than the line). Kinsoku: closing punctuation (，。）” …) never starts a line and
//! opening punctuation (（“《 …) never ends one. We get both by gluing closing punctuation to
//! what precedes it and opening punctuation to what follows, so a glued unit moves as one.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use unicode_segmentation::UnicodeSegmentation;

use super::width::{grapheme_width, width};

/// May not start a line.
const CLOSING: &str = "，。、；：？！）」』》〉】〕｝”’…—·．,.;:?!)]}%％";
/// May not end a line.
const OPENING: &str = "（「『《〈【〔｛“‘([{";

pub fn is_closing(grapheme: &str) -> bool {
    let mut chars = grapheme.chars();
    chars.next().is_some_and(|c| CLOSING.contains(c))
}

pub fn is_opening(grapheme: &str) -> bool {
    let mut chars = grapheme.chars();
    chars.next().is_some_and(|c| OPENING.contains(c))
}

fn is_hyphen(grapheme: &str) -> bool {
    matches!(grapheme, "-" | "\u{2010}")
}

/// A grapheme after which a line may break even without a space: ideographs and other wide
/// characters.
fn breaks_after(grapheme: &str) -> bool {
    grapheme_width(grapheme) >= 2
}

#[derive(Debug, PartialEq)]
enum Unit<'a> {
    Space,
    Word(Vec<&'a str>),
}

fn units(line: &str) -> Vec<Unit<'_>> {
    let mut units: Vec<Unit<'_>> = Vec::new();
    let mut opening: Vec<&str> = Vec::new();
    // Whether the last word may take more Latin graphemes (it is an open Latin run).
    let mut latin_open = false;
    for grapheme in line.graphemes(true) {
        if grapheme.chars().all(char::is_whitespace) {
            if !matches!(units.last(), Some(Unit::Space)) {
                units.push(Unit::Space);
            }
            latin_open = false;
            continue;
        }
        if is_opening(grapheme) {
            opening.push(grapheme);
            latin_open = false;
            continue;
        }
        if is_closing(grapheme) && opening.is_empty() {
            // After a space ("word ）") the mark still may not start a line: it joins the
            // word before the space, space and all.
            let spaced = matches!(units.as_slice(), [.., Unit::Word(_), Unit::Space]);
            if spaced {
                units.pop();
            }
            if let Some(Unit::Word(word)) = units.last_mut() {
                if spaced {
                    word.push(" ");
                }
                word.push(grapheme);
                latin_open = false;
                continue;
            }
        }
        let wide = breaks_after(grapheme);
        if !wide
            && latin_open
            && opening.is_empty()
            && let Some(Unit::Word(word)) = units.last_mut()
        {
            word.push(grapheme);
            // A hyphen ends a piece the line may break after ("China-|SCO").
            latin_open = !is_hyphen(grapheme);
            continue;
        }
        let mut word = std::mem::take(&mut opening);
        word.push(grapheme);
        units.push(Unit::Word(word));
        latin_open = !wide;
    }
    if !opening.is_empty() {
        units.push(Unit::Word(opening));
    }
    units
}

/// Wraps `text` into lines of at most `cells` cells. Hard line breaks in `text` are kept.
pub fn wrap(text: &str, cells: usize) -> Vec<String> {
    if cells == 0 {
        return Vec::new();
    }
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph, cells, &mut lines);
    }
    lines
}

fn wrap_paragraph(text: &str, cells: usize, lines: &mut Vec<String>) {
    let mut line = String::new();
    let mut used = 0;
    let mut space_pending = false;
    for unit in units(text) {
        let word = match unit {
            Unit::Space => {
                space_pending = used > 0;
                continue;
            }
            Unit::Word(word) => word,
        };
        let word_width: usize = word.iter().map(|g| grapheme_width(g)).sum();
        let space = usize::from(space_pending);
        if used + space + word_width <= cells {
            if space_pending {
                line.push(' ');
            }
            line.extend(word.iter().copied());
            used += space + word_width;
        } else {
            if used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            if word_width <= cells {
                line.extend(word.iter().copied());
                used = word_width;
            } else {
                // Wider than a whole line: break it between graphemes.
                split_word(&word, cells, &mut line, &mut used, lines);
            }
        }
        space_pending = false;
    }
    if used > 0 || lines.is_empty() || text.is_empty() {
        lines.push(line);
    }
}

type Cache = HashMap<(String, usize, crate::text::width::Ambiguous), Rc<[String]>>;

/// Breaks a word too wide for any line between its graphemes, still keeping closing marks off
/// the start of a line and opening marks off its end where the carried graphemes fit.
fn split_word(
    word: &[&str],
    cells: usize,
    line: &mut String,
    used: &mut usize,
    lines: &mut Vec<String>,
) {
    let mut current: Vec<String> = line.graphemes(true).map(str::to_string).collect();
    let cells_of = |gs: &[String]| gs.iter().map(|g| grapheme_width(g)).sum::<usize>();
    for &grapheme in word {
        let w = grapheme_width(grapheme);
        if w > cells {
            continue; // cannot be shown at this width at all
        }
        if cells_of(&current) + w > cells {
            let mut carry: Vec<String> = Vec::new();
            while let Some(last) = current.last() {
                let first = carry.first().map_or(grapheme, String::as_str);
                let must_carry = is_closing(first) || is_opening(last);
                let fits = cells_of(&carry) + grapheme_width(last) + w <= cells;
                if !must_carry || current.len() < 2 || !fits {
                    break;
                }
                if let Some(last) = current.pop() {
                    carry.insert(0, last);
                }
            }
            lines.push(current.concat());
            current = carry;
        }
        current.push(grapheme.to_string());
    }
    *used = cells_of(&current);
    *line = current.concat();
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(HashMap::new());
}

/// Above this many entries the cache starts over; a screenful needs a few hundred.
const CACHE_LIMIT: usize = 4096;

/// [`wrap`], remembered by (text, width): drawing a frame wraps the same texts again.
pub fn wrap_cached(text: &str, cells: usize) -> Rc<[String]> {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        // The mode is part of the key: one thread may wrap for viewers in either mode.
        let key = (text.to_string(), cells, crate::text::width::ambiguous());
        if let Some(lines) = cache.get(&key) {
            return Rc::clone(lines);
        }
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        let lines: Rc<[String]> = wrap(text, cells).into();
        cache.insert(key, Rc::clone(&lines));
        lines
    })
}

/// The widest line `wrap` can produce is never wider than asked; this is its check.
pub fn fits(lines: &[String], cells: usize) -> bool {
    lines.iter().all(|line| width(line) <= cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_breaks_at_spaces_and_after_hyphens() {
        assert_eq!(
            wrap("a China-SCO Energy platform", 10),
            ["a China-", "SCO Energy", "platform"]
        );
        // A hyphen that starts a word, or a number like -5, is not a place to break in.
        assert_eq!(wrap("x -5 y", 3), ["x", "-5", "y"]);
    }

    #[test]
    fn breaks_between_ideographs() {
        assert_eq!(
            wrap("上海合作组织天津峰会", 8),
            ["上海合作", "组织天津", "峰会"]
        );
    }

    #[test]
    fn breaks_latin_only_at_spaces() {
        assert_eq!(
            wrap("the SCO summit in Tianjin", 10),
            ["the SCO", "summit in", "Tianjin"]
        );
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        // Width 6 would put "。" first on line 2; it travels with 会 instead.
        assert_eq!(wrap("天津峰会。成果", 8), ["天津峰", "会。成果"]);
        assert_eq!(wrap("一二三，四", 6), ["一二", "三，四"]);
    }

    #[test]
    fn closing_punctuation_after_a_space_stays_with_the_word() {
        assert_eq!(wrap("abcd efgh ）", 10), ["abcd", "efgh ）"]);
    }

    #[test]
    fn opening_punctuation_never_ends_a_line() {
        assert_eq!(
            wrap("成果文件《天津宣言》", 10),
            ["成果文件", "《天津宣", "言》"]
        );
        assert_eq!(wrap("成果文《天津", 8), ["成果文", "《天津"]);
        assert_eq!(wrap("一二“上合”", 6), ["一二", "“上合”"]);
    }

    #[test]
    fn mixed_lines_keep_numbers_and_words_whole() {
        assert_eq!(wrap("提供20亿元人民币", 6), ["提供20", "亿元人", "民币"]);
        assert_eq!(wrap("提供20亿元", 5), ["提供", "20亿", "元"]);
        assert_eq!(wrap("SCO峰会 Tianjin", 8), ["SCO峰会", "Tianjin"]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_split_between_graphemes() {
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        // Even then a closing mark takes the grapheme before it along.
        assert_eq!(wrap("abcdef，", 6), ["abcde", "f，"]);
    }

    #[test]
    fn hard_breaks_and_empty_text_are_kept() {
        assert_eq!(wrap("一\n\n二", 4), ["一", "", "二"]);
        assert_eq!(wrap("", 4), [""]);
        assert!(wrap("天", 0).is_empty());
    }

    #[test]
    fn the_cache_returns_the_same_lines() {
        let text = "中方将成立中国—上海合作组织能源合作平台";
        assert_eq!(&*wrap_cached(text, 10), wrap(text, 10).as_slice());
        assert!(Rc::ptr_eq(&wrap_cached(text, 10), &wrap_cached(text, 10)));
    }
}
