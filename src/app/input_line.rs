//! A one-line text input that is right for CJK: the cursor moves by grapheme, its display
//! column counts wide characters as two cells (so an input method's candidate window opens
//! where the caret is), and pasted text arrives sanitised.

use unicode_segmentation::UnicodeSegmentation;

use crate::text::width;

/// The longest query a search line takes. Every keystroke searches the whole data set with
/// the line's text, so its length bounds the work one key can cause; no real query is longer.
/// The same cap cuts a query that comes from anywhere else (`sco-dash search`).
pub const MAX_CHARS: usize = crate::text::search::MAX_QUERY_CHARS;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputLine {
    text: String,
    /// Byte offset of the caret, always on a grapheme boundary.
    cursor: usize,
}

impl InputLine {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Cells from the start of the line to the caret.
    pub fn cursor_column(&self) -> usize {
        width(&self.text[..self.cursor])
    }

    pub fn insert(&mut self, text: &str) {
        // One line, no control characters: a paste of several lines becomes one.
        let clean: String = text
            .chars()
            .map(|c| {
                if c == '\n' || c == '\r' || c == '\t' {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !c.is_control())
            .take(MAX_CHARS.saturating_sub(self.text.chars().count()))
            .collect();
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    pub fn backspace(&mut self) {
        if let Some((start, _)) = self.text[..self.cursor].grapheme_indices(true).next_back() {
            self.text.replace_range(start..self.cursor, "");
            self.cursor = start;
        }
    }

    pub fn delete(&mut self) {
        if let Some(grapheme) = self.text[self.cursor..].graphemes(true).next() {
            let end = self.cursor + grapheme.len();
            self.text.replace_range(self.cursor..end, "");
        }
    }

    pub fn left(&mut self) {
        if let Some((start, _)) = self.text[..self.cursor].grapheme_indices(true).next_back() {
            self.cursor = start;
        }
    }

    pub fn right(&mut self) {
        if let Some(grapheme) = self.text[self.cursor..].graphemes(true).next() {
            self.cursor += grapheme.len();
        }
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> InputLine {
        let mut line = InputLine::default();
        line.insert(text);
        line
    }

    #[test]
    fn the_caret_column_counts_wide_characters_twice() {
        let mut line = typed("鲁班gf");
        assert_eq!(line.cursor_column(), 6);
        line.left();
        line.left();
        assert_eq!(line.cursor_column(), 4);
        line.left();
        assert_eq!(line.cursor_column(), 2);
    }

    #[test]
    fn backspace_and_arrows_move_by_grapheme() {
        let mut line = typed("天e\u{301}津");
        line.left();
        line.backspace();
        assert_eq!(line.text(), "天津", "the accented e goes as one");
        line.home();
        line.delete();
        assert_eq!(line.text(), "津");
        line.backspace();
        assert_eq!(line.text(), "津", "nothing before the caret");
    }

    #[test]
    fn inserting_in_the_middle_and_clearing() {
        let mut line = typed("天峰会");
        line.home();
        line.right();
        line.insert("津");
        assert_eq!((line.text(), line.cursor_column()), ("天津峰会", 4));
        line.clear();
        assert_eq!((line.text(), line.cursor_column()), ("", 0));
    }

    #[test]
    fn the_line_stops_growing_at_its_limit() {
        let mut line = typed(&"天".repeat(MAX_CHARS - 1));
        line.insert("津峰会");
        assert_eq!(line.text().chars().count(), MAX_CHARS);
        assert!(line.text().ends_with("天津"), "what fits is kept");
        line.insert("a");
        assert_eq!(
            line.text().chars().count(),
            MAX_CHARS,
            "typing on changes nothing"
        );
        line.backspace();
        line.insert("ab");
        assert!(line.text().ends_with('a'));
    }

    #[test]
    fn pasted_text_is_one_clean_line() {
        let line = typed("鲁班\n工坊\u{1b}[2J");
        assert_eq!(line.text(), "鲁班 工坊[2J");
    }
}
