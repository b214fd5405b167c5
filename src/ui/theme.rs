//! How each role looks. One place for colour, so a viewer without colour (`NO_COLOR`, a
//! dumb terminal) gets the same screen in plain attributes, and a viewer with 256 or 24-bit
//! colour gets steadier greys and blues. Chosen per viewer, never from process-wide state.

use ratatui::style::{Color, Modifier, Style};

use crate::app::detail::Role;

/// How many colours the viewer's terminal shows, as its `TERM` and `COLORTERM` tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Depth {
    /// No colour: `NO_COLOR`, or a dumb terminal. Attributes (bold, reverse) only.
    Mono,
    /// The 16 ANSI colours every colour terminal has.
    Ansi16,
    /// xterm's 256-colour palette (`TERM=*-256color`).
    Ansi256,
    /// 24-bit colour (`COLORTERM=truecolor` or `24bit`, `TERM=*-direct`).
    TrueColor,
}

impl Depth {
    /// The depth a terminal offers, from the variables a terminal (or an SSH client) passes on.
    /// `NO_COLOR` set to anything non-empty wins, as <https://no-color.org> asks.
    pub fn detect(term: Option<&str>, colorterm: Option<&str>, no_color: Option<&str>) -> Depth {
        if no_color.is_some_and(|v| !v.is_empty()) {
            return Depth::Mono;
        }
        let term = term.unwrap_or("").to_ascii_lowercase();
        if term == "dumb" {
            return Depth::Mono;
        }
        let colorterm = colorterm.unwrap_or("").to_ascii_lowercase();
        if colorterm == "truecolor" || colorterm == "24bit" || term.ends_with("-direct") {
            Depth::TrueColor
        } else if term.contains("256color") {
            Depth::Ansi256
        } else {
            Depth::Ansi16
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub depth: Depth,
}

impl Default for Theme {
    /// The 16 ANSI colours: right on any colour terminal, and what snapshots are drawn with.
    fn default() -> Self {
        Theme {
            depth: Depth::Ansi16,
        }
    }
}

/// Colours that the 16-colour palette only approximates: ANSI dark grey is unreadable on many
/// dark schemes, and blue varies from navy to violet between terminals.
#[derive(Debug, Clone, Copy)]
enum Tone {
    Muted,
    IdleSelection,
    StatusBar,
}

impl Theme {
    pub const PLAIN: Theme = Theme { depth: Depth::Mono };

    pub fn new(depth: Depth) -> Theme {
        Theme { depth }
    }

    /// The theme for a terminal described by these variables (see [`Depth::detect`]).
    pub fn detect(term: Option<&str>, colorterm: Option<&str>, no_color: Option<&str>) -> Theme {
        Theme::new(Depth::detect(term, colorterm, no_color))
    }

    /// The theme for the terminal this process runs in, from its own environment.
    pub fn for_this_terminal() -> Theme {
        let var = |name| std::env::var(name).ok();
        Theme::detect(
            var("TERM").as_deref(),
            var("COLORTERM").as_deref(),
            var("NO_COLOR").as_deref(),
        )
    }

    pub fn color(&self) -> bool {
        self.depth != Depth::Mono
    }

    fn tone(&self, tone: Tone) -> Color {
        match (tone, self.depth) {
            (Tone::Muted, Depth::TrueColor) => Color::Rgb(0x8a, 0x8a, 0x8a),
            (Tone::Muted, Depth::Ansi256) => Color::Indexed(245),
            (Tone::Muted, _) => Color::DarkGray,
            (Tone::IdleSelection, Depth::TrueColor) => Color::Rgb(0x44, 0x44, 0x44),
            (Tone::IdleSelection, Depth::Ansi256) => Color::Indexed(238),
            (Tone::IdleSelection, _) => Color::DarkGray,
            (Tone::StatusBar, Depth::TrueColor) => Color::Rgb(0x1d, 0x4e, 0x89),
            (Tone::StatusBar, Depth::Ansi256) => Color::Indexed(24),
            (Tone::StatusBar, _) => Color::Blue,
        }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color() {
            Style::new().fg(color)
        } else {
            Style::new()
        }
    }

    pub fn role(&self, role: Role) -> Style {
        match role {
            Role::Title => self.fg(Color::White).add_modifier(Modifier::BOLD),
            Role::Heading => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Role::Text => Style::new(),
            Role::Muted => self.fg(self.tone(Tone::Muted)),
            Role::Label => self.fg(Color::Cyan),
            Role::Link => self.fg(Color::LightBlue).add_modifier(Modifier::UNDERLINED),
            Role::Gap => self.fg(Color::LightRed).add_modifier(Modifier::ITALIC),
            Role::Summit => self.fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            Role::Other => self.fg(Color::LightMagenta),
            Role::Accent => self.fg(Color::LightYellow),
            Role::Bar => self.fg(Color::Green),
            Role::BarEmpty => self.fg(self.tone(Tone::Muted)),
        }
    }

    pub fn selected_row(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A selected row in a list that does not have the focus.
    pub fn selected_row_idle(&self) -> Style {
        if self.color() {
            Style::new().bg(self.tone(Tone::IdleSelection))
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// The characters a search matched.
    pub fn search_match(&self) -> Style {
        if self.color() {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        }
    }

    pub fn selected_link(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color()) {
            (true, true) => Style::new().fg(Color::LightCyan),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => self.fg(self.tone(Tone::Muted)),
        }
    }

    pub fn tab(&self, active: bool) -> Style {
        match (active, self.color()) {
            (true, true) => Style::new()
                .fg(Color::Black)
                .bg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            (false, _) => self.fg(Color::Gray),
        }
    }

    pub fn status(&self) -> Style {
        if self.color() {
            Style::new().bg(self.tone(Tone::StatusBar)).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn status_key(&self) -> Style {
        self.status().add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_follows_what_the_terminal_says() {
        let d = Depth::detect;
        assert_eq!(d(Some("xterm-256color"), None, None), Depth::Ansi256);
        assert_eq!(
            d(Some("xterm-256color"), Some("truecolor"), None),
            Depth::TrueColor
        );
        assert_eq!(d(Some("xterm-direct"), None, None), Depth::TrueColor);
        assert_eq!(d(Some("screen"), Some("24bit"), None), Depth::TrueColor);
        assert_eq!(d(Some("linux"), None, None), Depth::Ansi16);
        assert_eq!(d(None, None, None), Depth::Ansi16);
        assert_eq!(d(Some("dumb"), Some("truecolor"), None), Depth::Mono);
        assert_eq!(
            d(Some("xterm-256color"), Some("truecolor"), Some("1")),
            Depth::Mono
        );
        // An empty NO_COLOR does not count (no-color.org).
        assert_eq!(d(Some("xterm"), None, Some("")), Depth::Ansi16);
    }

    #[test]
    fn richer_terminals_get_steadier_greys_and_the_same_attributes() {
        let muted = |depth| Theme::new(depth).role(Role::Muted).fg;
        assert_eq!(muted(Depth::Ansi16), Some(Color::DarkGray));
        assert_eq!(muted(Depth::Ansi256), Some(Color::Indexed(245)));
        assert!(matches!(muted(Depth::TrueColor), Some(Color::Rgb(..))));
        assert_eq!(muted(Depth::Mono), None);
        for depth in [Depth::Mono, Depth::Ansi16, Depth::Ansi256, Depth::TrueColor] {
            let theme = Theme::new(depth);
            assert!(
                theme
                    .role(Role::Heading)
                    .add_modifier
                    .contains(Modifier::BOLD)
            );
        }
    }
}
