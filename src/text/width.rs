//! Display width in terminal cells: the one width function the whole app uses.
//!
//! Width is measured per grapheme cluster with unicode-width: 天 is two cells, `a` one, a
//! combining mark none. East Asian "ambiguous" characters (─ · “ ” … →) are one cell in most
//! terminals and two in those set up for CJK; the mode says which, and everything that
//! measures text (wrapping, truncation, layout, drawing) measures it the same way.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// How wide the terminal draws East Asian Ambiguous characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Ambiguous {
    #[default]
    Narrow,
    Wide,
}

/// The mode of the terminal this process draws on: the local dashboard sets it once at
/// start.
static WIDE: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// A mode for this thread alone, while it works for one SSH viewer (`with_ambiguous`).
    static THIS_THREAD: Cell<Option<Ambiguous>> = const { Cell::new(None) };
}

pub fn set_ambiguous(mode: Ambiguous) {
    WIDE.store(mode == Ambiguous::Wide, Ordering::SeqCst);
}

pub fn ambiguous() -> Ambiguous {
    THIS_THREAD
        .with(Cell::get)
        .unwrap_or(if WIDE.load(Ordering::Relaxed) {
            Ambiguous::Wide
        } else {
            Ambiguous::Narrow
        })
}

/// Runs `work` measuring in `mode` on this thread: the SSH server draws for many viewers,
/// each terminal with its own mode, on a few shared threads.
pub fn with_ambiguous<T>(mode: Ambiguous, work: impl FnOnce() -> T) -> T {
    struct Restore(Option<Ambiguous>);
    impl Drop for Restore {
        fn drop(&mut self) {
            THIS_THREAD.with(|mode| mode.set(self.0));
        }
    }
    let _restore = Restore(THIS_THREAD.with(|this| this.replace(Some(mode))));
    work()
}

/// Cells taken by one grapheme cluster in a given mode.
pub fn grapheme_width_in(mode: Ambiguous, grapheme: &str) -> usize {
    match mode {
        Ambiguous::Narrow => grapheme.width(),
        Ambiguous::Wide => grapheme.width_cjk(),
    }
}

/// Cells taken by one grapheme cluster on this terminal.
pub fn grapheme_width(grapheme: &str) -> usize {
    grapheme_width_in(ambiguous(), grapheme)
}

/// True for a grapheme whose width depends on the mode.
pub fn is_ambiguous(grapheme: &str) -> bool {
    grapheme.width() != grapheme.width_cjk()
}

/// Cells taken by a string.
pub fn width(text: &str) -> usize {
    if let Some(cells) = width_of_lone_characters(ambiguous(), text) {
        return cells;
    }
    text.graphemes(true).map(grapheme_width).sum()
}

/// The width of a text in which every character is a grapheme of its own (Latin, CJK, the
/// punctuation, arrows and box drawing the app draws), summed character by character; `None`
/// when some character may join the one before it (a combining mark, a variation selector,
/// a joiner) and the text must be cut into graphemes first. Most text the app measures is
/// of the first kind, and cutting graphemes is most of the cost of measuring it.
fn width_of_lone_characters(mode: Ambiguous, text: &str) -> Option<usize> {
    use unicode_width::UnicodeWidthChar;

    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Some(text.len());
    }
    let mut cells = 0;
    for c in text.chars() {
        let lone = matches!(c,
            ' '..='~'
            | '\u{a0}'..='\u{2ff}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205e}'
            | '\u{2190}'..='\u{21ff}'
            | '\u{2500}'..='\u{25ff}'
            | '\u{3000}'..='\u{3029}'
            | '\u{3030}'..='\u{303f}'
            | '\u{4e00}'..='\u{9fff}'
            | '\u{ff01}'..='\u{ff60}');
        if !lone {
            return None;
        }
        cells += match mode {
            Ambiguous::Narrow => c.width(),
            Ambiguous::Wide => c.width_cjk(),
        }
        .unwrap_or(0);
    }
    Some(cells)
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

    #[test]
    fn lone_characters_measure_as_their_graphemes_do() {
        let by_graphemes = |mode, text: &str| {
            text.graphemes(true)
                .map(|g| grapheme_width_in(mode, g))
                .sum::<usize>()
        };
        // Every character of the ranges measured one by one, then runs of them mixed.
        let ranges = [
            (0x20, 0x7e),
            (0xa0, 0x2ff),
            (0x2010, 0x2027),
            (0x2030, 0x205e),
            (0x2190, 0x21ff),
            (0x2500, 0x25ff),
            (0x3000, 0x3029),
            (0x3030, 0x303f),
            (0x4e00, 0x4e40),
            (0x9fc0, 0x9fff),
            (0xff01, 0xff60),
        ];
        let all: String = ranges
            .iter()
            .flat_map(|&(a, b)| (a..=b).filter_map(char::from_u32))
            .collect();
        for mode in [Ambiguous::Narrow, Ambiguous::Wide] {
            for c in all.chars() {
                let text = c.to_string();
                assert_eq!(
                    width_of_lone_characters(mode, &text),
                    Some(by_graphemes(mode, &text)),
                    "{c:?} U+{:04X} {mode:?}",
                    c as u32
                );
            }
            assert_eq!(
                width_of_lone_characters(mode, &all),
                Some(by_graphemes(mode, &all))
            );
            // Text that may join characters goes the long way.
            for joined in ["e\u{301}", "中\u{fe0f}", "👩\u{200d}💻", "\u{1100}\u{1161}"] {
                assert_eq!(width_of_lone_characters(mode, joined), None, "{joined}");
            }
        }
    }

    #[test]
    fn ambiguous_characters_take_two_cells_only_in_wide_mode() {
        for (text, narrow, wide) in [("“上合”", 6, 8), ("─", 1, 2), ("a·b", 3, 4), ("天", 2, 2)]
        {
            let sum = |mode| {
                text.graphemes(true)
                    .map(|g| grapheme_width_in(mode, g))
                    .sum::<usize>()
            };
            assert_eq!(sum(Ambiguous::Narrow), narrow, "{text}");
            assert_eq!(sum(Ambiguous::Wide), wide, "{text}");
        }
        assert!(is_ambiguous("…") && !is_ambiguous("天") && !is_ambiguous("a"));
    }
}

#[cfg(test)]
mod thread_mode_tests {
    use super::*;

    #[test]
    fn a_thread_can_measure_in_its_own_mode_for_a_while() {
        assert_eq!(width("“·”"), 3);
        let inside = with_ambiguous(Ambiguous::Wide, || width("“·”"));
        assert_eq!(inside, 6);
        assert_eq!(width("“·”"), 3, "restored after");
    }
}
