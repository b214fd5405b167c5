//! How each role looks. One place for colour, so a viewer without colour (`NO_COLOR`, a
//! dumb terminal) gets the same screen in plain attributes, and a viewer with 256 or 24-bit
//! colour gets steadier greys and blues. Chosen per viewer, never from process-wide state.

use ratatui::style::{Color, Modifier, Style};

use crate::app::detail::Role;
use crate::ui::colours::{DARK, Ink, LIGHT, Palette, Rgb, nearest_256};

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

/// Which way round the colours go: light text on a dark background, or dark on light.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    #[default]
    Dark,
    Light,
}

impl Scheme {
    pub fn palette(self) -> &'static Palette {
        match self {
            Scheme::Dark => &DARK,
            Scheme::Light => &LIGHT,
        }
    }
}

/// What `--color` (or the config file) asks for: the depth the terminal's variables imply,
/// or one given outright.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    clap::ValueEnum,
    serde::Deserialize,
    serde::Serialize,
)]
pub enum ColorChoice {
    /// From `TERM`, `COLORTERM` and `NO_COLOR`.
    #[default]
    #[serde(rename = "auto")]
    Auto,
    #[serde(rename = "never")]
    Never,
    #[value(name = "16")]
    #[serde(rename = "16")]
    Ansi16,
    #[value(name = "256")]
    #[serde(rename = "256")]
    Ansi256,
    #[serde(rename = "truecolor")]
    Truecolor,
}

impl ColorChoice {
    /// The depth to draw with, given the one the terminal's variables imply.
    pub fn depth(self, detected: Depth) -> Depth {
        match self {
            ColorChoice::Auto => detected,
            ColorChoice::Never => Depth::Mono,
            ColorChoice::Ansi16 => Depth::Ansi16,
            ColorChoice::Ansi256 => Depth::Ansi256,
            ColorChoice::Truecolor => Depth::TrueColor,
        }
    }
}

/// What `--theme` (or the config file) asks for.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    clap::ValueEnum,
    serde::Deserialize,
    serde::Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    /// Ask the terminal for its background (OSC 11), or read `COLORFGBG`; dark if neither
    /// answers.
    #[default]
    Auto,
    Dark,
    Light,
    /// No colour at all: bold, underline and reverse only.
    Mono,
}

impl Scheme {
    /// The scheme `COLORFGBG` implies (`15;0` is light text on black; rxvt, Konsole and
    /// others set it): the last field is the background's ANSI number.
    pub fn from_colorfgbg(value: &str) -> Option<Scheme> {
        let background: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
        match background {
            0..=6 | 8 => Some(Scheme::Dark),
            7 | 9..=15 => Some(Scheme::Light),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub depth: Depth,
    pub scheme: Scheme,
}

impl Default for Theme {
    /// The 16 ANSI colours on a dark background: right on any colour terminal, and what
    /// snapshots are drawn with.
    fn default() -> Self {
        Theme {
            depth: Depth::Ansi16,
            scheme: Scheme::Dark,
        }
    }
}

impl Theme {
    pub const PLAIN: Theme = Theme {
        depth: Depth::Mono,
        scheme: Scheme::Dark,
    };

    pub fn new(depth: Depth) -> Theme {
        Theme {
            depth,
            scheme: Scheme::Dark,
        }
    }

    pub fn with_scheme(self, scheme: Scheme) -> Theme {
        Theme { scheme, ..self }
    }

    /// Applies a choice to the theme the terminal's variables gave. `ask` asks the terminal
    /// for its background; it is called only when the choice is `auto`, colour is on and
    /// `COLORFGBG` does not say.
    pub fn choose(
        self,
        choice: ThemeChoice,
        colorfgbg: Option<&str>,
        ask: impl FnOnce() -> Option<Scheme>,
    ) -> Theme {
        match choice {
            ThemeChoice::Mono => Theme::PLAIN,
            ThemeChoice::Dark => self.with_scheme(Scheme::Dark),
            ThemeChoice::Light => self.with_scheme(Scheme::Light),
            ThemeChoice::Auto if !self.color() => self,
            ThemeChoice::Auto => {
                let scheme = colorfgbg
                    .and_then(Scheme::from_colorfgbg)
                    .or_else(ask)
                    .unwrap_or_default();
                self.with_scheme(scheme)
            }
        }
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

    fn palette(&self) -> &'static Palette {
        self.scheme.palette()
    }

    /// An ink as this terminal can show it; `None` without colour, or where the 16-colour
    /// scheme leaves the terminal's own default.
    fn ink(&self, ink: Ink) -> Option<Color> {
        match self.depth {
            Depth::Mono => None,
            Depth::Ansi16 if ink.ansi16 == Color::Reset => None,
            Depth::Ansi16 => Some(ink.ansi16),
            Depth::Ansi256 => Some(Color::Indexed(nearest_256(ink.rgb))),
            Depth::TrueColor => Some(Color::Rgb(ink.rgb.0, ink.rgb.1, ink.rgb.2)),
        }
    }

    fn fg(&self, ink: Ink) -> Style {
        match self.ink(ink) {
            Some(color) => Style::new().fg(color),
            None => Style::new(),
        }
    }

    fn on(&self, text: Ink, background: Ink) -> Style {
        let mut style = self.fg(text);
        if let Some(color) = self.ink(background) {
            style = style.bg(color);
        }
        style
    }

    pub fn role(&self, role: Role) -> Style {
        let p = self.palette();
        match role {
            Role::Title => self.fg(p.title).add_modifier(Modifier::BOLD),
            Role::Heading => self.fg(p.heading).add_modifier(Modifier::BOLD),
            Role::Text => Style::new(),
            Role::Muted => self.fg(p.muted),
            Role::Label => self.fg(p.label),
            Role::Link => self.fg(p.link).add_modifier(Modifier::UNDERLINED),
            Role::Gap => self.fg(p.gap).add_modifier(Modifier::ITALIC),
            Role::Summit => self.fg(p.summit).add_modifier(Modifier::BOLD),
            Role::Other => self.fg(p.other),
            Role::Accent => self.fg(p.accent),
            Role::Bar => self.fg(p.bar),
            Role::BarEmpty => self.fg(p.muted),
            Role::Figure => self.fg(p.accent).add_modifier(Modifier::BOLD),
        }
    }

    pub fn selected_row(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A selected row in a list that does not have the focus.
    pub fn selected_row_idle(&self) -> Style {
        match self.depth {
            Depth::Ansi256 | Depth::TrueColor => {
                Style::new().bg(self.ink(self.palette().idle_selection).unwrap_or_default())
            }
            // No ANSI grey is safe as a background on every 16-colour scheme.
            Depth::Mono | Depth::Ansi16 => {
                Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
            }
        }
    }

    /// The characters a search matched.
    pub fn search_match(&self) -> Style {
        if self.color() {
            let p = self.palette();
            self.on(p.search_match_text, p.search_match)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        }
    }

    pub fn selected_link(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn border(&self, focused: bool) -> Style {
        let p = self.palette();
        match (focused, self.color()) {
            (true, true) => self.fg(p.border_focused),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => self.fg(p.border),
        }
    }

    pub fn tab(&self, active: bool) -> Style {
        let p = self.palette();
        match (active, self.color()) {
            (true, true) => self
                .on(p.tab_active_text, p.tab_active)
                .add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            (false, _) => self.fg(p.tab),
        }
    }

    pub fn status(&self) -> Style {
        if self.color() {
            let p = self.palette();
            self.on(p.status_text, p.status)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn status_key(&self) -> Style {
        self.status().add_modifier(Modifier::BOLD)
    }

    /// Every style text is drawn in, named, for checking contrast.
    pub fn text_styles(&self) -> Vec<(String, Style)> {
        let mut styles: Vec<(String, Style)> = Role::ALL
            .iter()
            .map(|role| (format!("{role:?}"), self.role(*role)))
            .collect();
        styles.extend([
            ("selected row idle".to_string(), self.selected_row_idle()),
            ("search match".to_string(), self.search_match()),
            ("border".to_string(), self.border(false)),
            ("border focused".to_string(), self.border(true)),
            ("tab".to_string(), self.tab(false)),
            ("tab active".to_string(), self.tab(true)),
            ("status".to_string(), self.status()),
            ("status key".to_string(), self.status_key()),
        ]);
        // Reversed rows swap the role's colour with the background: the same pair.
        styles
    }

    /// The background and default text colour this theme is made for.
    pub fn declared(&self) -> (Rgb, Rgb) {
        let p = self.palette();
        match self.depth {
            Depth::Ansi16 => (p.background16, p.foreground16),
            _ => (p.background, p.foreground),
        }
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
        assert_eq!(muted(Depth::Ansi16), Some(Color::Gray));
        assert_eq!(muted(Depth::Ansi256), Some(Color::Indexed(247)));
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

    #[test]
    fn the_background_comes_from_the_choice_then_colorfgbg_then_the_terminal() {
        let base = Theme::new(Depth::Ansi256);
        let never = || -> Option<Scheme> { panic!("the terminal must not be asked") };
        assert_eq!(
            base.choose(ThemeChoice::Light, None, never).scheme,
            Scheme::Light
        );
        assert_eq!(base.choose(ThemeChoice::Mono, None, never), Theme::PLAIN);
        let auto = |fgbg, answer| base.choose(ThemeChoice::Auto, fgbg, || answer).scheme;
        assert_eq!(auto(Some("0;15"), None), Scheme::Light);
        assert_eq!(
            auto(Some("15;default;0"), Some(Scheme::Light)),
            Scheme::Dark
        );
        assert_eq!(
            auto(Some("default;default"), Some(Scheme::Light)),
            Scheme::Light
        );
        assert_eq!(auto(None, Some(Scheme::Light)), Scheme::Light);
        assert_eq!(auto(None, None), Scheme::Dark);
        // Without colour there is nothing to ask.
        assert_eq!(
            Theme::PLAIN.choose(ThemeChoice::Auto, None, never),
            Theme::PLAIN
        );
    }

    fn every_theme() -> Vec<Theme> {
        let mut themes = Vec::new();
        for depth in [Depth::Mono, Depth::Ansi16, Depth::Ansi256, Depth::TrueColor] {
            for scheme in [Scheme::Dark, Scheme::Light] {
                themes.push(Theme::new(depth).with_scheme(scheme));
            }
        }
        themes
    }

    #[test]
    fn every_text_style_of_every_theme_has_contrast_of_at_least_4_5_to_1() {
        use crate::ui::colours::{contrast, resolve};
        let mut worst = Vec::new();
        for theme in every_theme() {
            let (background, foreground) = theme.declared();
            for (name, style) in theme.text_styles() {
                let fg = resolve(style.fg, foreground);
                let bg = resolve(style.bg, background);
                let ratio = contrast(fg, bg);
                worst.push((
                    ratio,
                    format!("{:?} {:?} {name}", theme.depth, theme.scheme),
                ));
                assert!(
                    ratio >= 4.5,
                    "{:?} {:?} {name}: {ratio:.2}:1 ({fg:?} on {bg:?})",
                    theme.depth,
                    theme.scheme
                );
            }
        }
        worst.sort_by(|a, b| a.0.total_cmp(&b.0));
        assert!(worst.len() > 100, "{}", worst.len());
    }

    #[test]
    fn colour_8_never_appears_in_any_16_colour_style() {
        for scheme in [Scheme::Dark, Scheme::Light] {
            let theme = Theme::new(Depth::Ansi16).with_scheme(scheme);
            for (name, style) in theme.text_styles() {
                assert_ne!(style.fg, Some(Color::DarkGray), "{scheme:?} {name}");
                assert_ne!(style.bg, Some(Color::DarkGray), "{scheme:?} {name}");
            }
        }
    }
}
