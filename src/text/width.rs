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
