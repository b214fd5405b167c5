//! Display width in terminal cells: the one width function the whole app uses.
//!
//! Width is measured per grapheme cluster with unicode-width: 天 is two cells, `a` one, a
//! combining mark none. East Asian "ambiguous" characters (─ · “ ” … →) are one cell in most
//! terminals and two in those set up for CJK; the mode says which, and everything that
//! measures text (wrapping, truncation, layout, drawing) measures it the same way.

use std::cell::Cell;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// How wide the terminal draws East Asian Ambiguous characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Ambiguous {
    #[default]
    Narrow,
    Wide,
}

thread_local! {
    /// The mode of the terminal this thread draws for, while `with_ambiguous` runs: the local
    /// terminal's loop and each SSH viewer hold their mode as a value and measure under it.
    /// (A scope rather than a parameter: every measure of text, hundreds of them, would take
    /// it otherwise.) Outside any scope, narrow, as most terminals are.
    static THIS_THREAD: Cell<Option<Ambiguous>> = const { Cell::new(None) };
}

pub fn ambiguous() -> Ambiguous {
    THIS_THREAD.with(Cell::get).unwrap_or_default()
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
        Ambiguous::Wide => {
            let letter = grapheme.chars().next().is_some_and(is_ambiguous_letter);
            grapheme.width_cjk() + usize::from(letter)
        }
    }
}

/// A letter (or modifier symbol) of East Asian Width "Ambiguous": Cyrillic А–я, Ё, ё; Greek
/// Α–ω; Latin-1 and Latin Extended-A letters such as é, ó, ü, æ, ß. unicode-width gives them
/// one cell even in its East Asian context, but the terminals that draw ambiguous characters
/// wide (xterm -cjk_width, VTE's cjk-ambiguous-width, iTerm2, mintty, PuTTY, WezTerm) draw
/// every ambiguous character wide, letters too: Russian text takes two cells a letter there.
/// The set is Unicode's (EastAsianWidth.txt `A`, General_Category L* or Sk).
pub fn is_ambiguous_letter(c: char) -> bool {
    matches!(c as u32,
        0x00A8 | 0x00AA | 0x00B4 | 0x00B8 | 0x00BA | 0x00C6 | 0x00D0 | 0x00D8
        | 0x00DE..=0x00E1 | 0x00E6 | 0x00E8..=0x00EA | 0x00EC..=0x00ED | 0x00F0
        | 0x00F2..=0x00F3 | 0x00F8..=0x00FA | 0x00FC | 0x00FE | 0x0101 | 0x0111 | 0x0113
        | 0x011B | 0x0126..=0x0127 | 0x012B | 0x0131..=0x0133 | 0x0138 | 0x013F..=0x0142
        | 0x0144 | 0x0148..=0x014B | 0x014D | 0x0152..=0x0153 | 0x0166..=0x0167 | 0x016B
        | 0x01CE | 0x01D0 | 0x01D2 | 0x01D4 | 0x01D6 | 0x01D8 | 0x01DA | 0x01DC | 0x0251
        | 0x0261 | 0x02C4 | 0x02C7 | 0x02C9..=0x02CB | 0x02CD | 0x02D0 | 0x02D8..=0x02DB
        | 0x02DD | 0x02DF | 0x0391..=0x03A1 | 0x03A3..=0x03A9 | 0x03B1..=0x03C1
        | 0x03C3..=0x03C9 | 0x0401 | 0x0410..=0x044F | 0x0451 | 0x207F | 0x2113 | 0x2126
        | 0x212B)
}

/// Cells taken by one character standing alone, in a given mode.
fn char_width_in(mode: Ambiguous, c: char) -> usize {
    use unicode_width::UnicodeWidthChar;
    match mode {
        Ambiguous::Narrow => c.width().unwrap_or(0),
        Ambiguous::Wide if is_ambiguous_letter(c) => 2,
        Ambiguous::Wide => c.width_cjk().unwrap_or(0),
    }
}

/// Cells taken by one grapheme cluster on this terminal.
pub fn grapheme_width(grapheme: &str) -> usize {
    grapheme_width_in(ambiguous(), grapheme)
}

/// True for a grapheme two cells wide on every terminal: ideographs, kana, hangul, full-width
/// forms. Not an ambiguous letter, which only some terminals draw wide: a Russian word is a
/// word, not a run of characters a line may break between.
pub fn is_wide_everywhere(grapheme: &str) -> bool {
    grapheme_width_in(Ambiguous::Narrow, grapheme) >= 2
}

/// True for a grapheme whose width depends on the mode.
pub fn is_ambiguous(grapheme: &str) -> bool {
    grapheme_width_in(Ambiguous::Narrow, grapheme) != grapheme_width_in(Ambiguous::Wide, grapheme)
}

/// Cells taken by a string.
pub fn width(text: &str) -> usize {
    if let Some(cells) = width_of_lone_characters(ambiguous(), text) {
        return cells;
    }
    text.graphemes(true).map(grapheme_width).sum()
}

/// The width of a text in which every character is a grapheme of its own (Latin, Greek,
/// Cyrillic, CJK, the punctuation, arrows and box drawing the app draws), summed character by
/// character; `None`
/// when some character may join the one before it (a combining mark, a variation selector,
/// a joiner) and the text must be cut into graphemes first. Most text the app measures is
/// of the first kind, and cutting graphemes is most of the cost of measuring it.
fn width_of_lone_characters(mode: Ambiguous, text: &str) -> Option<usize> {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return Some(text.len());
    }
    let mut cells = 0;
    for c in text.chars() {
        // Greek and Cyrillic without their combining marks (U+0300–U+036F, U+0483–U+0489).
        let lone = matches!(c,
            ' '..='~'
            | '\u{a0}'..='\u{2ff}'
            | '\u{370}'..='\u{482}'
            | '\u{48a}'..='\u{52f}'
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
        cells += char_width_in(mode, c);
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
            (0x370, 0x482),
            (0x48a, 0x52f),
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

    #[test]
    fn russian_letters_take_two_cells_in_wide_mode() {
        let wide = |text: &str| with_ambiguous(Ambiguous::Wide, || width(text));
        assert_eq!(width("Путин"), 5);
        assert_eq!(wide("Путин"), 10);
        assert_eq!(wide("Ёж ёж"), 9);
        assert_eq!(wide("ШОС-2025"), 11);
        // Composed or decomposed, the same.
        assert_eq!(wide("е\u{308}"), wide("ё"));
        assert!(is_ambiguous("я") && is_ambiguous("Ё") && is_ambiguous("é"));
        // Cyrillic letters outside Russian's alphabet are not ambiguous.
        assert!(!is_ambiguous("ї") && !is_ambiguous("ђ"));
        assert_eq!(wide("Türkiye António"), 17);
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
