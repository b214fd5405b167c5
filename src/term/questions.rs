//! What a terminal is asked when the dashboard opens on it (the local one, and each SSH
//! viewer's): how wide it draws East Asian Ambiguous characters (draw `·` on the second row,
//! ask for the cursor: `ESC[6n`) and its background colour (OSC 11), followed by a
//! device-attributes request (`ESC[c`) that every terminal answers, and answers last (they
//! answer in order), so a terminal that ignores the first two ends the wait at once. The
//! dashboard draws meanwhile; the answers arrive among the keys typed, and are taken out.

use crate::text::width::Ambiguous;
use crate::ui::theme::Scheme;

/// The questions, then the probe glyph erased (the report gives the cursor as it was when
/// asked). A cursor report from the first row would read like Shift-F3, hence the second.
/// OSC 11 ends with BEL: some rxvt versions end their answer to an ST-ended one by ESC alone.
pub const QUESTIONS: &[u8] = b"\x1b[2;1H\xc2\xb7\x1b[6n\x1b]11;?\x07\x1b[c\x1b[2;1H\x1b[2K";

/// What the terminal has said so far.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Answers {
    pub ambiguous: Option<Ambiguous>,
    pub background: Option<Scheme>,
    /// The device attributes came: nothing more will.
    pub done: bool,
}

impl Answers {
    /// Takes the answers out of what the viewer sent (what is left are their keys).
    pub fn take_from(&mut self, bytes: &mut Vec<u8>) {
        if let Some((range, column)) = cursor_report(bytes) {
            self.ambiguous = Some(if column >= 3 {
                Ambiguous::Wide
            } else {
                Ambiguous::Narrow
            });
            bytes.drain(range);
        }
        if let Some((range, scheme)) = background(bytes) {
            self.background = scheme;
            bytes.drain(range);
        }
        if let Some(range) = device_attributes(bytes) {
            self.done = true;
            bytes.drain(range);
        }
    }
}

fn find(bytes: &[u8], needle: &[u8]) -> Option<usize> {
    bytes.windows(needle.len()).position(|w| w == needle)
}

/// `ESC[2;<column>R`: where the cursor went after `·` on row 2.
fn cursor_report(bytes: &[u8]) -> Option<(std::ops::Range<usize>, usize)> {
    const START: &[u8] = b"\x1b[2;";
    let start = find(bytes, START)?;
    let digits_at = start + START.len();
    let digits = bytes[digits_at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let end = digits_at + digits;
    if digits == 0 || bytes.get(end) != Some(&b'R') {
        return None;
    }
    let column = std::str::from_utf8(&bytes[digits_at..end])
        .ok()?
        .parse()
        .ok()?;
    Some((start..end + 1, column))
}

/// `OSC 11 ; rgb:RRRR/GGGG/BBBB` ended by BEL or ST: light or dark (`None` if unreadable).
fn background(bytes: &[u8]) -> Option<(std::ops::Range<usize>, Option<Scheme>)> {
    const START: &[u8] = b"\x1b]11;";
    let start = find(bytes, START)?;
    let body_at = start + START.len();
    let rest = &bytes[body_at..];
    let (body, terminator) = match (rest.iter().position(|&b| b == 0x07), find(rest, b"\x1b\\")) {
        (Some(bel), Some(st)) if st < bel => (st, 2),
        (Some(bel), _) => (bel, 1),
        (None, Some(st)) => (st, 2),
        (None, None) => return None,
    };
    let scheme = xterm_color::Color::parse(&rest[..body]).ok().map(|color| {
        if color.perceived_lightness() > 0.5 {
            Scheme::Light
        } else {
            Scheme::Dark
        }
    });
    Some((start..body_at + body + terminator, scheme))
}

/// `ESC[?…c`.
fn device_attributes(bytes: &[u8]) -> Option<std::ops::Range<usize>> {
    let start = find(bytes, b"\x1b[?")?;
    let length = bytes[start + 3..]
        .iter()
        .position(|&b| b == b'c')
        .filter(|&n| {
            bytes[start + 3..start + 3 + n]
                .iter()
                .all(|b| b.is_ascii_digit() || *b == b';')
        })?;
    Some(start..start + 3 + length + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_answer_is_found_and_taken_out_of_the_typed_bytes() {
        let mut answers = Answers::default();
        let mut typed = b"j\x1b[2;3R\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?62;22ck".to_vec();
        answers.take_from(&mut typed);
        assert_eq!(
            answers,
            Answers {
                ambiguous: Some(Ambiguous::Wide),
                background: Some(Scheme::Light),
                done: true
            }
        );
        assert_eq!(typed, b"jk");
    }

    #[test]
    fn a_terminal_that_knows_neither_question_answers_only_the_attributes() {
        let mut answers = Answers::default();
        let mut typed = b"\x1b[?1;2c".to_vec();
        answers.take_from(&mut typed);
        assert_eq!(answers.ambiguous, None);
        assert!(answers.done && typed.is_empty());
        let mut dark = Answers::default();
        let mut typed = b"\x1b[2;2R\x1b]11;rgb:1e1e/1e1e/1e1e\x07".to_vec();
        dark.take_from(&mut typed);
        assert_eq!(
            (dark.ambiguous, dark.background, dark.done),
            (Some(Ambiguous::Narrow), Some(Scheme::Dark), false)
        );
        let mut keys = b"jk\x1b[A".to_vec();
        Answers::default().take_from(&mut keys);
        assert_eq!(keys, b"jk\x1b[A");
    }
}
