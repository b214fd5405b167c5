//! Makes data strings safe to put on a terminal: no string can move the cursor, change
//! colours or reorder text, whatever the data folder holds.

use std::borrow::Cow;

/// Control characters become visible pictures (␛ for ESC, ␀ for NUL, ␡ for DEL, � for C1);
/// bidi controls are dropped.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_care) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|c| !is_bidi_control(*c))
            .map(|c| match c as u32 {
                code @ 0x00..=0x1f => char::from_u32(0x2400 + code).unwrap_or('\u{fffd}'),
                0x7f => '\u{2421}',
                0x80..=0x9f => '\u{fffd}',
                _ => c,
            })
            .collect(),
    )
}

fn needs_care(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_and_inert() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\u{241b}[31mb");
        assert_eq!(sanitize("x\u{85}y\u{7f}"), "x\u{fffd}y\u{2421}");
        assert_eq!(sanitize("tab\there"), "tab\u{2409}here");
    }

    #[test]
    fn bidi_controls_are_dropped_and_clean_text_is_borrowed() {
        assert_eq!(sanitize("ab\u{202e}cd\u{2066}"), "abcd");
        assert!(matches!(sanitize("上海合作组织"), Cow::Borrowed(_)));
    }
}
