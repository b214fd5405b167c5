//! Where the terminal's cursor is after the bytes written so far, when that is certain, so
//! that a cursor move to where it already is can be left out.
//!
//! ratatui's crossterm backend moves the cursor before every cell that does not follow the
//! previous one, and the cell after a double-width character never does: each Chinese
//! character cost a move (`ESC[12;40H`, 8 bytes) on top of its own 3 bytes. ratatui keeps
//! those moves on purpose, for terminals that draw a character wider or narrower than
//! Unicode says; so the cursor is tracked only through characters whose width no terminal
//! disputes (printable ASCII, and the wide CJK ideographs, kana, hangul, full-width forms
//! and CJK punctuation), and any other character or sequence makes it unknown again.

use unicode_width::UnicodeWidthChar;

/// The cursor's row and column, 1-based as in `ESC[row;colH`, when certain.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cursor {
    at: Option<(u32, u32)>,
}

impl Cursor {
    /// After `text` (no escape sequence in it) is written.
    pub(super) fn after_text(&mut self, text: &[u8]) {
        let Some((row, mut col)) = self.at else {
            return;
        };
        // A character split across writes is not certain: forget the position.
        let Ok(text) = std::str::from_utf8(text) else {
            self.at = None;
            return;
        };
        for c in text.chars() {
            match undisputed_width(c) {
                Some(width) => col += width,
                None => {
                    self.at = None;
                    return;
                }
            }
        }
        self.at = Some((row, col));
    }

    /// Takes a complete escape sequence; `false` when it is a cursor move to where the cursor
    /// already is, which need not be sent.
    pub(super) fn keep(&mut self, sequence: &[u8]) -> bool {
        match cursor_position(sequence) {
            Some(target) if self.at == Some(target) => false,
            Some(target) => {
                self.at = Some(target);
                true
            }
            None => {
                // Colours and attributes leave the cursor where it is; anything else may not.
                if !is_sgr(sequence) {
                    self.at = None;
                }
                true
            }
        }
    }
}

/// The columns `c` takes on every terminal, or `None` when terminals differ (ambiguous
/// width, emoji, combining marks) or it is not printable.
fn undisputed_width(c: char) -> Option<u32> {
    if c.is_ascii_graphic() || c == ' ' {
        return Some(1);
    }
    let wide_block = matches!(c,
        '\u{3000}'..='\u{303E}'   // CJK symbols and punctuation
        | '\u{3041}'..='\u{30FF}' // kana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{AC00}'..='\u{D7A3}' // hangul syllables
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF01}'..='\u{FF60}' // full-width forms
        | '\u{20000}'..='\u{2FFFD}'
        | '\u{30000}'..='\u{3FFFD}');
    // Inside those blocks a few are combining marks or narrow: Unicode's width decides.
    (wide_block && c.width() == Some(2) && c.width_cjk() == Some(2)).then_some(2)
}

/// `ESC [ row ; col H` (crossterm's `MoveTo`), as (row, col); omitted numbers are 1.
fn cursor_position(sequence: &[u8]) -> Option<(u32, u32)> {
    let params = sequence.strip_prefix(b"\x1b[")?.strip_suffix(b"H")?;
    let params = std::str::from_utf8(params).ok()?;
    if !params.bytes().all(|b| b.is_ascii_digit() || b == b';') {
        return None;
    }
    let mut numbers = params.split(';');
    let mut next = || -> Option<u32> {
        match numbers.next() {
            None | Some("") => Some(1),
            Some(n) => n.parse().ok(),
        }
    };
    let position = (next()?, next()?);
    numbers.next().is_none().then_some(position)
}

fn is_sgr(sequence: &[u8]) -> bool {
    sequence
        .strip_prefix(b"\x1b[")
        .and_then(|rest| rest.strip_suffix(b"m"))
        .is_some_and(|params| params.iter().all(|b| b.is_ascii_digit() || *b == b';'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moves_kept(stream: &[&[u8]]) -> Vec<bool> {
        let mut cursor = Cursor::default();
        let mut kept = Vec::new();
        for part in stream {
            if part.starts_with(b"\x1b") {
                let keep = cursor.keep(part);
                if cursor_position(part).is_some() {
                    kept.push(keep);
                }
            } else {
                cursor.after_text(part);
            }
        }
        kept
    }

    #[test]
    fn a_move_after_a_chinese_character_to_the_next_cell_is_left_out() {
        let stream: [&[u8]; 6] = [
            b"\x1b[3;36H",
            "织".as_bytes(),
            b"\x1b[3;38H",
            "天".as_bytes(),
            b"\x1b[1m",
            b"\x1b[3;40H",
        ];
        assert_eq!(moves_kept(&stream), [true, false, false]);
    }

    #[test]
    fn moves_stay_after_characters_whose_width_terminals_dispute() {
        // Ambiguous (·, —, box drawing), an emoji, a combining mark, a variation selector.
        for text in ["·", "—", "│", "😀", "e\u{301}", "中\u{fe0f}"] {
            let stream: [&[u8]; 3] = [b"\x1b[1;1H", text.as_bytes(), b"\x1b[1;3H"];
            assert_eq!(moves_kept(&stream), [true, true], "{text:?}");
        }
    }

    #[test]
    fn a_move_elsewhere_or_after_another_sequence_is_kept() {
        let stream: [&[u8]; 5] = [
            b"\x1b[2;1H",
            b"ab",
            b"\x1b[2;4H", // one past where the cursor is
            b"\x1b[?2026h",
            b"\x1b[2;4H", // where it is, but a mode change came between
        ];
        assert_eq!(moves_kept(&stream), [true, true, true]);
    }

    #[test]
    fn positions_parse_as_crossterm_writes_them() {
        assert_eq!(cursor_position(b"\x1b[12;40H"), Some((12, 40)));
        assert_eq!(cursor_position(b"\x1b[H"), Some((1, 1)));
        assert_eq!(cursor_position(b"\x1b[;5H"), Some((1, 5)));
        assert_eq!(cursor_position(b"\x1b[1;2;3H"), None);
        assert_eq!(cursor_position(b"\x1b[?1H"), None);
        assert_eq!(cursor_position(b"\x1b[5A"), None);
    }
}
