//! Line wrapping for mixed Chinese and Latin text.
//!
//! ratatui's own wrapping breaks only at spaces and knows no Chinese line-breaking rules, so
//! the app wraps text itself and renders the lines it gets. Lines break between ideographs,
//! at spaces and after hyphens between Latin and Cyrillic words, never at a no-break space,
//! never inside a grapheme or a word unless the word is wider than the line: then a Russian
//! word is hyphenated by Russian rules (`hyphenate`), any other split between graphemes.
//! The rules, each in its own place:
//! - kinsoku (`units`): closing punctuation (，。）” …) never starts a line and opening
//!   punctuation (（“《 …) never ends one;
//! - numbers stay with their units and dates (`glue`): `313项`, `9月2日电`, `10,000 places`;
//! - no ideograph alone on a paragraph's last line when the line before can give it company
//!   (`widow`).

mod fill;
mod glue;
mod hyphenate;
mod units;
mod widow;

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

pub use glue::{UNITS, is_digit};

use super::width::width;

/// May not start a line.
const CLOSING: &str = "，。、；：？！）」』》〉】〕｝］〗｠〙〞〟”’…—·．,.;:?!)]}%％";
/// May not end a line.
const OPENING: &str = "（「『《〈【〔｛［〖｟〘〝“‘([{";

pub fn is_closing(grapheme: &str) -> bool {
    let mut chars = grapheme.chars();
    chars
        .next()
        .is_some_and(|c| !is_plain(c) && CLOSING.contains(c))
}

pub fn is_opening(grapheme: &str) -> bool {
    let mut chars = grapheme.chars();
    chars
        .next()
        .is_some_and(|c| !is_plain(c) && OPENING.contains(c))
}

/// Letters, digits and ideographs, most of any text: no bracket or stop among them, and
/// answered without looking through the lists (wrapping asks of every character).
fn is_plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Wraps `text` into lines of at most `cells` cells. Hard line breaks in `text` are kept.
pub fn wrap(text: &str, cells: usize) -> Vec<String> {
    if cells == 0 {
        return Vec::new();
    }
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        lines.extend(fill::paragraph(paragraph, cells));
    }
    lines
}

type Cache = HashMap<(String, usize, crate::text::width::Ambiguous), Rc<[String]>>;

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
mod tests;
