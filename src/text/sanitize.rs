//! Makes strings safe to put on a terminal: no string can move the cursor, change colours,
//! set the window title or reorder text, whatever the data folder, a key in it, its path or
//! the config file holds. Everything sco-dash shows — the dashboard, SSH viewers, stdout,
//! stderr, logs — goes through this one module.

use std::borrow::Cow;

/// For one line of text: control characters become visible pictures (␛ for ESC, ␀ for NUL,
/// ␡ for DEL), C1 controls and bidi controls become their code point (`<U+009B>`,
/// `<U+202E>`), so a reader sees that something was there and what.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    sanitize_keeping(text, |_| false)
}

/// For a message of several lines (toml's errors quote the source line under the message):
/// as [`sanitize`], but line feeds stay line feeds.
pub fn sanitize_lines(text: &str) -> Cow<'_, str> {
    sanitize_keeping(text, |c| c == '\n')
}

/// True for a character that must never reach a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn sanitize_keeping(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c as u32 {
            _ if keep(c) => out.push(c),
            code @ 0x00..=0x1f => out.push(char::from_u32(0x2400 + code).unwrap_or('\u{fffd}')),
            0x7f => out.push('\u{2421}'),
            code @ 0x80..=0x9f => out.push_str(&format!("<U+{code:04X}>")),
            code if is_bidi_control(c) => out.push_str(&format!("<U+{code:04X}>")),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The characters that reorder text (Trojan Source): embeddings, overrides, isolates and
/// the invisible marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible_and_inert() {
        assert_eq!(sanitize("a\u{1b}[31mb"), "a\u{241b}[31mb");
        assert_eq!(sanitize("x\u{85}y\u{7f}"), "x<U+0085>y\u{2421}");
        assert_eq!(sanitize("tab\there"), "tab\u{2409}here");
        assert_eq!(sanitize("\u{1b}]0;T\u{7}"), "\u{241b}]0;T\u{2407}");
    }

    #[test]
    fn bidi_controls_are_named_and_clean_text_is_borrowed() {
        assert_eq!(sanitize("ab\u{202e}cd\u{2066}"), "ab<U+202E>cd<U+2066>");
        assert_eq!(sanitize("\u{200f}\u{61c}"), "<U+200F><U+061C>");
        assert!(matches!(sanitize("上海合作组织"), Cow::Borrowed(_)));
    }

    #[test]
    fn messages_keep_their_line_feeds_and_nothing_else() {
        assert_eq!(
            sanitize_lines("line 1\r\n  | key\u{1b}[2J\n"),
            "line 1\u{240d}\n  | key\u{241b}[2J\n"
        );
        assert_eq!(sanitize("a\nb"), "a\u{240a}b");
    }

    #[test]
    fn the_output_of_the_sanitiser_is_always_safe() {
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert!(!sanitize(&all).chars().any(is_unsafe));
        assert!(
            !sanitize_lines(&all)
                .chars()
                .any(|c| c != '\n' && is_unsafe(c))
        );
    }
}
