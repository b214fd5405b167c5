//! Raw terminal input bytes, as an SSH channel delivers them, parsed into the app's `Input`:
//! UTF-8 text (a CJK character may arrive split across packets), control keys, CSI and SS3
//! sequences for arrows, navigation and function keys (with modifiers), Alt as an ESC
//! prefix, SGR mouse reports, and bracketed paste. A lone ESC is ambiguous (the start of a
//! sequence, or the Esc key), so it is held until the caller says no more bytes came in
//! time (`flush`).

use super::{Input, Key, KeyCode, Mouse, MouseKind};

const ESC: u8 = 0x1b;
const PASTE_END: &[u8] = b"\x1b[201~";
/// A paste larger than this is cut: a hostile client must not grow our memory.
pub const PASTE_LIMIT: usize = 64 * 1024;

#[derive(Debug, Default)]
pub struct InputParser {
    pending: Vec<u8>,
    paste: Option<Vec<u8>>,
}

enum Step {
    /// Consumed this many bytes, producing maybe an input.
    Done(usize, Option<Input>),
    /// The bytes so far are the start of something longer: wait for more.
    NeedMore,
}

impl InputParser {
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds bytes; returns the inputs they complete.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Input> {
        self.pending.extend_from_slice(bytes);
        let mut inputs = Vec::new();
        loop {
            if let Some(paste) = &mut self.paste {
                match find(&self.pending, PASTE_END) {
                    Some(end) => {
                        paste.extend_from_slice(&self.pending[..end]);
                        self.pending.drain(..end + PASTE_END.len());
                        let text = String::from_utf8_lossy(paste).into_owned();
                        self.paste = None;
                        inputs.push(Input::Paste(text));
                        continue;
                    }
                    None => {
                        // Keep a tail that could be the start of the end marker.
                        let keep = (PASTE_END.len() - 1).min(self.pending.len());
                        let take = self.pending.len() - keep;
                        if paste.len() + take <= PASTE_LIMIT {
                            paste.extend_from_slice(&self.pending[..take]);
                        }
                        self.pending.drain(..take);
                        return inputs;
                    }
                }
            }
            if self.pending.is_empty() {
                return inputs;
            }
            match parse(&self.pending) {
                Step::Done(used, input) => {
                    self.pending.drain(..used);
                    match input {
                        Some(Input::Paste(_)) => self.paste = Some(Vec::new()),
                        Some(input) => inputs.push(input),
                        None => {}
                    }
                }
                Step::NeedMore => return inputs,
            }
        }
    }

    /// No more bytes came for a while: a held ESC is the Esc key, an unfinished sequence is
    /// given up, and a paste whose end marker never came (cut by the input cap, or a client
    /// that lost it) ends with what it has, so the keys typed after it work again.
    pub fn flush(&mut self) -> Vec<Input> {
        let pending = std::mem::take(&mut self.pending);
        if let Some(mut paste) = self.paste.take() {
            let room = PASTE_LIMIT.saturating_sub(paste.len());
            paste.extend_from_slice(&pending[..pending.len().min(room)]);
            return vec![Input::Paste(String::from_utf8_lossy(&paste).into_owned())];
        }
        match pending.as_slice() {
            [ESC] => vec![Input::Key(Key::plain(KeyCode::Esc))],
            _ => Vec::new(),
        }
    }

    /// Whether bytes are held waiting for more (the caller then sets a short timer).
    pub fn is_waiting(&self) -> bool {
        !self.pending.is_empty() && self.paste.is_none()
    }

    /// Whether a bracketed paste has begun and not ended (the caller then sets a longer
    /// timer: a paste's bytes come in a burst).
    pub fn in_paste(&self) -> bool {
        self.paste.is_some()
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn key(code: KeyCode, ctrl: bool, alt: bool) -> Option<Input> {
    Some(Input::Key(Key { code, ctrl, alt }))
}

fn parse(bytes: &[u8]) -> Step {
    match bytes[0] {
        ESC => parse_escape(bytes),
        b'\r' | b'\n' => Step::Done(1, key(KeyCode::Enter, false, false)),
        b'\t' => Step::Done(1, key(KeyCode::Tab, false, false)),
        0x7f | 0x08 => Step::Done(1, key(KeyCode::Backspace, false, false)),
        c @ 0x01..=0x1a => Step::Done(1, key(KeyCode::Char(char::from(b'a' + c - 1)), true, false)),
        0x00 | 0x1c..=0x1f => Step::Done(1, None),
        _ => parse_text(bytes, false),
    }
}

/// One UTF-8 character as a key (with Alt when it followed an ESC).
fn parse_text(bytes: &[u8], alt: bool) -> Step {
    let offset = usize::from(alt);
    let rest = &bytes[offset..];
    let len = match rest[0] {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return Step::Done(offset + 1, None), // a stray continuation byte
    };
    if rest.len() < len {
        return Step::NeedMore;
    }
    match std::str::from_utf8(&rest[..len])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => Step::Done(offset + len, key(KeyCode::Char(c), false, alt)),
        None => Step::Done(offset + 1, None),
    }
}

fn parse_escape(bytes: &[u8]) -> Step {
    match bytes.get(1) {
        None => Step::NeedMore,
        Some(b'[') => parse_csi(bytes),
        Some(b'O') => match bytes.get(2) {
            None => Step::NeedMore,
            Some(&c) => Step::Done(3, ss3(c).and_then(|code| key(code, false, false))),
        },
        Some(&ESC) => Step::Done(1, key(KeyCode::Esc, false, false)),
        Some(&c) if c < 0x20 || c == 0x7f => match parse(&bytes[1..]) {
            // Alt with a control key: ESC then the key.
            Step::Done(used, Some(Input::Key(mut key))) => {
                key.alt = true;
                Step::Done(used + 1, Some(Input::Key(key)))
            }
            Step::Done(used, other) => Step::Done(used + 1, other),
            Step::NeedMore => Step::NeedMore,
        },
        Some(_) => parse_text(bytes, true),
    }
}

/// The cursor and navigation keys that CSI and SS3 sequences share.
fn cursor_key(c: u8) -> Option<KeyCode> {
    Some(match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        _ => return None,
    })
}

/// `ESC O x`: cursor keys in application mode, and F1–F4.
fn ss3(c: u8) -> Option<KeyCode> {
    match c {
        b'P'..=b'S' => Some(KeyCode::F(c - b'P' + 1)),
        _ => cursor_key(c),
    }
}

/// `ESC [ params final`: params are digits, ';' and a leading '<' (SGR mouse).
fn parse_csi(bytes: &[u8]) -> Step {
    let Some(end) = bytes[2..].iter().position(|b| (0x40..=0x7e).contains(b)) else {
        // A sequence that never ends is dropped rather than held for ever.
        return if bytes.len() > 32 {
            Step::Done(bytes.len(), None)
        } else {
            Step::NeedMore
        };
    };
    let end = end + 2;
    let params = &bytes[2..end];
    let final_byte = bytes[end];
    let used = end + 1;
    if params.first() == Some(&b'<') {
        return Step::Done(used, sgr_mouse(&params[1..], final_byte));
    }
    let numbers: Vec<u16> = std::str::from_utf8(params)
        .unwrap_or("")
        .split(';')
        .map(|n| n.parse().unwrap_or(0))
        .collect();
    let modifiers = numbers.get(1).copied().unwrap_or(1).saturating_sub(1);
    let (ctrl, alt) = (modifiers & 4 != 0, modifiers & 2 != 0);
    let code = match (cursor_key(final_byte), final_byte) {
        (Some(code), _) => code,
        (None, b'Z') => KeyCode::BackTab,
        (None, b'~') => match numbers.first().copied().unwrap_or(0) {
            200 => return Step::Done(used, Some(Input::Paste(String::new()))),
            1 | 7 => KeyCode::Home,
            4 | 8 => KeyCode::End,
            3 => KeyCode::Delete,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            n @ 11..=15 => KeyCode::F((n - 10) as u8),
            n @ 17..=21 => KeyCode::F((n - 11) as u8),
            n @ 23..=24 => KeyCode::F((n - 12) as u8),
            _ => return Step::Done(used, None),
        },
        _ => return Step::Done(used, None),
    };
    Step::Done(used, key(code, ctrl, alt))
}

/// `ESC [ < button ; column ; row (M|m)`, 1-based; presses and the wheel only.
fn sgr_mouse(params: &[u8], final_byte: u8) -> Option<Input> {
    let text = std::str::from_utf8(params).ok()?;
    let mut parts = text.split(';').map(|n| n.parse::<u16>().ok());
    let (button, column, row) = (parts.next()??, parts.next()??, parts.next()??);
    if final_byte != b'M' {
        return None; // a release
    }
    // Shift, Alt and Ctrl are bits 4, 8 and 16 of the button.
    let kind = match button & !(4 | 8 | 16) {
        0 => MouseKind::Click,
        64 => MouseKind::ScrollUp,
        65 => MouseKind::ScrollDown,
        _ => return None,
    };
    Some(Input::Mouse(Mouse {
        kind,
        column: column.saturating_sub(1),
        row: row.saturating_sub(1),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(bytes: &[u8]) -> Vec<Input> {
        let mut parser = InputParser::new();
        let mut inputs = parser.feed(bytes);
        inputs.extend(parser.flush());
        inputs
    }

    fn k(code: KeyCode) -> Input {
        Input::Key(Key::plain(code))
    }

    #[test]
    fn text_control_keys_and_cjk() {
        assert_eq!(
            keys("j鲁\r\t\x7f".as_bytes()),
            [
                k(KeyCode::Char('j')),
                k(KeyCode::Char('鲁')),
                k(KeyCode::Enter),
                k(KeyCode::Tab),
                k(KeyCode::Backspace)
            ]
        );
        assert_eq!(
            keys(b"\x03\x15"),
            [Input::Key(Key::ctrl('c')), Input::Key(Key::ctrl('u'))]
        );
    }

    #[test]
    fn a_cjk_character_split_across_packets_arrives_whole() {
        let bytes = "鲁班".as_bytes();
        let mut parser = InputParser::new();
        let mut inputs = Vec::new();
        for byte in bytes {
            inputs.extend(parser.feed(&[*byte]));
        }
        assert_eq!(inputs, [k(KeyCode::Char('鲁')), k(KeyCode::Char('班'))]);
    }

    #[test]
    fn arrows_navigation_and_function_keys() {
        assert_eq!(
            keys(b"\x1b[A\x1bOB\x1b[5~\x1b[6~\x1b[H\x1b[4~\x1b[Z"),
            [
                k(KeyCode::Up),
                k(KeyCode::Down),
                k(KeyCode::PageUp),
                k(KeyCode::PageDown),
                k(KeyCode::Home),
                k(KeyCode::End),
                k(KeyCode::BackTab),
            ]
        );
        assert_eq!(
            keys(b"\x1bOP\x1b[15~\x1b[24~"),
            [k(KeyCode::F(1)), k(KeyCode::F(5)), k(KeyCode::F(12))]
        );
        assert_eq!(
            keys(b"\x1b[1;5C"),
            [Input::Key(Key {
                code: KeyCode::Right,
                ctrl: true,
                alt: false
            })]
        );
    }

    #[test]
    fn alt_is_an_escape_prefix_and_a_lone_escape_waits_for_the_timeout() {
        assert_eq!(
            keys(b"\x1bq"),
            [Input::Key(Key {
                code: KeyCode::Char('q'),
                ctrl: false,
                alt: true
            })]
        );
        let mut parser = InputParser::new();
        assert_eq!(parser.feed(b"\x1b"), []);
        assert!(parser.is_waiting());
        assert_eq!(parser.flush(), [k(KeyCode::Esc)]);
        // The same ESC followed in time by "[A" is an arrow, not Esc.
        assert_eq!(parser.feed(b"\x1b"), []);
        assert_eq!(parser.feed(b"[A"), [k(KeyCode::Up)]);
    }

    #[test]
    fn sgr_mouse_presses_and_wheel_and_no_releases() {
        assert_eq!(
            keys(b"\x1b[<0;12;1M\x1b[<0;12;1m\x1b[<65;3;4M"),
            [
                Input::Mouse(Mouse {
                    kind: MouseKind::Click,
                    column: 11,
                    row: 0
                }),
                Input::Mouse(Mouse {
                    kind: MouseKind::ScrollDown,
                    column: 2,
                    row: 3
                }),
            ]
        );
    }

    #[test]
    fn bracketed_paste_across_packets() {
        let mut parser = InputParser::new();
        assert_eq!(
            parser.feed(b"\x1b[200~\xe9\xb2\x81\xe7\x8f\xad\n\x1b[2"),
            []
        );
        assert_eq!(
            parser.feed(b"01~j"),
            [Input::Paste("鲁班\n".into()), k(KeyCode::Char('j'))]
        );
    }

    #[test]
    fn an_endless_paste_does_not_grow_without_bound() {
        let mut parser = InputParser::new();
        parser.feed(b"\x1b[200~");
        for _ in 0..100 {
            parser.feed(&[b'x'; 4096]);
        }
        let inputs = parser.feed(b"\x1b[201~");
        assert!(matches!(&inputs[..], [Input::Paste(text)] if text.len() <= PASTE_LIMIT));
    }

    #[test]
    fn a_paste_whose_end_was_lost_ends_on_the_timeout_and_keys_work_again() {
        let mut parser = InputParser::new();
        parser.feed(b"\x1b[200~");
        for _ in 0..20 {
            parser.feed(&[b'x'; 4096]);
        }
        assert!(parser.in_paste());
        assert_eq!(parser.feed(b"q"), [], "still swallowed: the paste is open");
        let flushed = parser.flush();
        assert!(matches!(&flushed[..], [Input::Paste(text)] if text.len() == PASTE_LIMIT));
        assert!(!parser.in_paste());
        assert_eq!(parser.feed(b"q"), [k(KeyCode::Char('q'))]);
    }

    #[test]
    fn garbage_is_dropped_not_fatal() {
        assert_eq!(keys(b"\xff\x80\x1b[99~\x1b[?1;2c"), []);
    }
}
