//! How each role looks. One place for colour, so a viewer without colour (`NO_COLOR`, a
//! dumb terminal) gets the same screen in plain attributes.

use ratatui::style::{Color, Modifier, Style};

use crate::app::detail::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Theme { color: true }
    }
}

impl Theme {
    pub const PLAIN: Theme = Theme { color: false };

    /// Colour unless `NO_COLOR` is set (any value) or the terminal is `dumb`.
    pub fn from_env(no_color: Option<&str>, term: Option<&str>) -> Theme {
        let color = no_color.is_none_or(str::is_empty) && term != Some("dumb");
        Theme { color }
    }

    fn fg(&self, color: Color) -> Style {
        if self.color {
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
            Role::Muted => self.fg(Color::DarkGray),
            Role::Label => self.fg(Color::Cyan),
            Role::Link => self.fg(Color::LightBlue).add_modifier(Modifier::UNDERLINED),
            Role::Gap => self.fg(Color::LightRed).add_modifier(Modifier::ITALIC),
            Role::Summit => self.fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            Role::Other => self.fg(Color::LightMagenta),
            Role::Accent => self.fg(Color::LightYellow),
            Role::Bar => self.fg(Color::Green),
            Role::BarEmpty => self.fg(Color::DarkGray),
        }
    }

    pub fn selected_row(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A selected row in a list that does not have the focus.
    pub fn selected_row_idle(&self) -> Style {
        if self.color {
            Style::new().bg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// The characters a search matched.
    pub fn search_match(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        }
    }

    pub fn selected_link(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::LightCyan),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => self.fg(Color::DarkGray),
        }
    }

    pub fn tab(&self, active: bool) -> Style {
        match (active, self.color) {
            (true, true) => Style::new()
                .fg(Color::Black)
                .bg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            (false, _) => self.fg(Color::Gray),
        }
    }

    pub fn status(&self) -> Style {
        if self.color {
            Style::new().bg(Color::Blue).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn status_key(&self) -> Style {
        self.status().add_modifier(Modifier::BOLD)
    }
}
