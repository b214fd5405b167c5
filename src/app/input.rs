//! The app's own input type. The local terminal (crossterm) and the SSH server (raw bytes)
//! both translate into it, so the app never depends on where input comes from. `bytes`
//! parses raw terminal bytes (an SSH channel's, the local terminal's answers to questions).

pub mod bytes;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    Mouse(Mouse),
    Paste(String),
    Resize { width: u16, height: u16 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Self {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn ctrl(c: char) -> Self {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    pub const fn char(c: char) -> Self {
        Key::plain(KeyCode::Char(c))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Backspace,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Delete,
    F(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    Click,
    ScrollUp,
    ScrollDown,
}

/// Parses the key notation used by `snapshot --keys` and the tests: plain characters stand
/// for themselves, names in angle brackets for the rest: `jj<Enter><C-d><Esc>`.
pub fn parse_keys(notation: &str) -> Result<Vec<Key>, String> {
    let mut keys = Vec::new();
    let mut rest = notation;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            keys.push(named_key(&rest[1..end])?);
            rest = &rest[end + 1..];
            continue;
        }
        keys.push(Key::char(c));
        rest = &rest[c.len_utf8()..];
    }
    Ok(keys)
}

/// A key in the notation `parse_keys` reads: `j`, `<C-d>`, `<Enter>`.
pub fn key_notation(key: Key) -> String {
    let name = match key.code {
        KeyCode::Char(c) if key.ctrl => return format!("<C-{c}>"),
        KeyCode::Char('<') => "lt",
        KeyCode::Char(c) => return c.to_string(),
        KeyCode::Enter => "Enter",
        KeyCode::Esc => "Esc",
        KeyCode::Backspace => "BS",
        KeyCode::Tab => "Tab",
        KeyCode::BackTab => "S-Tab",
        KeyCode::Up => "Up",
        KeyCode::Down => "Down",
        KeyCode::Left => "Left",
        KeyCode::Right => "Right",
        KeyCode::Home => "Home",
        KeyCode::End => "End",
        KeyCode::PageUp => "PgUp",
        KeyCode::PageDown => "PgDn",
        KeyCode::Delete => "Del",
        KeyCode::F(n) => return format!("<F{n}>"),
    };
    format!("<{name}>")
}

fn named_key(name: &str) -> Result<Key, String> {
    if let Some(c) = name.strip_prefix("C-").and_then(single_char) {
        return Ok(Key::ctrl(c));
    }
    let code = match name {
        "Enter" | "CR" => KeyCode::Enter,
        "Esc" => KeyCode::Esc,
        "BS" | "Backspace" => KeyCode::Backspace,
        "Tab" => KeyCode::Tab,
        "S-Tab" | "BackTab" => KeyCode::BackTab,
        "Up" => KeyCode::Up,
        "Down" => KeyCode::Down,
        "Left" => KeyCode::Left,
        "Right" => KeyCode::Right,
        "Home" => KeyCode::Home,
        "End" => KeyCode::End,
        "PageUp" | "PgUp" => KeyCode::PageUp,
        "PageDown" | "PgDn" => KeyCode::PageDown,
        "Del" => KeyCode::Delete,
        "lt" => KeyCode::Char('<'),
        _ => return Err(format!("unknown key <{name}>")),
    };
    Ok(Key::plain(code))
}

fn single_char(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_notation_mixes_characters_and_names() {
        assert_eq!(
            parse_keys("j<Enter><C-d><lt>"),
            Ok(vec![
                Key::char('j'),
                Key::plain(KeyCode::Enter),
                Key::ctrl('d'),
                Key::char('<'),
            ])
        );
        assert!(parse_keys("<Nope>").is_err());
    }
}
