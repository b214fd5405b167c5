//! The colours of each scheme, at each colour depth, and what they look like in RGB — so a
//! test can compute the contrast of every style against the background the scheme is made
//! for.

use ratatui::style::Color;

/// A colour as 24-bit RGB.
pub type Rgb = (u8, u8, u8);

/// One colour of a scheme: exact for 24-bit terminals, the nearest of xterm's 256 for
/// 256-colour ones, and a chosen ANSI colour (never colour 8, which is the background in
/// Solarized Dark and others) for 16-colour ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ink {
    pub rgb: Rgb,
    pub ansi16: Color,
}

const fn ink(rgb: u32, ansi16: Color) -> Ink {
    Ink {
        rgb: ((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8),
        ansi16,
    }
}

/// Every colour a scheme uses, and the terminal colours it is made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// The background and default text the scheme declares at 24-bit and 256 colours.
    pub background: Rgb,
    pub foreground: Rgb,
    /// At 16 colours the terminal's own palette decides; the scheme is checked against
    /// xterm's default palette and this background (black or white) and foreground.
    pub background16: Rgb,
    pub foreground16: Rgb,
    pub title: Ink,
    pub heading: Ink,
    pub muted: Ink,
    pub label: Ink,
    pub link: Ink,
    pub gap: Ink,
    pub summit: Ink,
    pub other: Ink,
    pub accent: Ink,
    pub bar: Ink,
    pub border_focused: Ink,
    pub border: Ink,
    pub tab: Ink,
    pub tab_active: Ink,
    pub tab_active_text: Ink,
    /// A selected row in a list without the focus (24-bit and 256 only: at 16 colours the
    /// row is marked by attributes, as no ANSI grey is safe on every scheme).
    pub idle_selection: Ink,
    pub status: Ink,
    pub status_text: Ink,
    pub search_match: Ink,
    pub search_match_text: Ink,
}

/// For dark backgrounds: the look sco-dash has always had.
pub const DARK: Palette = Palette {
    background: (0x28, 0x28, 0x28),
    foreground: (0xd0, 0xd0, 0xd0),
    background16: (0, 0, 0),
    foreground16: (0xe5, 0xe5, 0xe5),
    title: ink(0xffffff, Color::White),
    heading: ink(0xe5c07b, Color::Yellow),
    muted: ink(0x9e9e9e, Color::Gray),
    label: ink(0x56b6c2, Color::Cyan),
    link: ink(0x7fb4ff, Color::Cyan),
    gap: ink(0xff8787, Color::LightRed),
    summit: ink(0x5fd7d7, Color::LightCyan),
    other: ink(0xd787d7, Color::LightMagenta),
    accent: ink(0xffd75f, Color::LightYellow),
    bar: ink(0x87d787, Color::Green),
    border_focused: ink(0x5fd7d7, Color::LightCyan),
    border: ink(0x9e9e9e, Color::Gray),
    tab: ink(0xd0d0d0, Color::Gray),
    tab_active: ink(0x5fd7d7, Color::LightCyan),
    tab_active_text: ink(0x000000, Color::Black),
    idle_selection: ink(0x444444, Color::Reset),
    status: ink(0x1d4e89, Color::Blue),
    status_text: ink(0xffffff, Color::White),
    search_match: ink(0xffd75f, Color::LightYellow),
    search_match_text: ink(0x000000, Color::Black),
};

/// For light backgrounds: dark inks, none of the pale yellows and cyans of the dark scheme.
pub const LIGHT: Palette = Palette {
    background: (0xff, 0xff, 0xff),
    foreground: (0x1c, 0x1c, 0x1c),
    background16: (0xff, 0xff, 0xff),
    foreground16: (0, 0, 0),
    title: ink(0x000000, Color::Black),
    heading: ink(0x875f00, Color::Blue),
    muted: ink(0x5f5f5f, Color::Reset),
    label: ink(0x005f87, Color::Magenta),
    link: ink(0x0050b3, Color::Blue),
    gap: ink(0xaf0000, Color::Red),
    summit: ink(0x005f5f, Color::Blue),
    other: ink(0x870087, Color::Magenta),
    accent: ink(0xaf3a00, Color::Red),
    bar: ink(0x2e7d32, Color::Blue),
    border_focused: ink(0x005f87, Color::Blue),
    border: ink(0x5f5f5f, Color::Reset),
    tab: ink(0x444444, Color::Reset),
    tab_active: ink(0x005f87, Color::Blue),
    tab_active_text: ink(0xffffff, Color::White),
    idle_selection: ink(0xd0d0d0, Color::Reset),
    status: ink(0x1d4e89, Color::Blue),
    status_text: ink(0xffffff, Color::White),
    search_match: ink(0xffd75f, Color::LightYellow),
    search_match_text: ink(0x000000, Color::Black),
};

/// xterm's default 16 colours, in ANSI order.
const XTERM16: [Rgb; 16] = [
    (0x00, 0x00, 0x00),
    (0xcd, 0x00, 0x00),
    (0x00, 0xcd, 0x00),
    (0xcd, 0xcd, 0x00),
    (0x00, 0x00, 0xee),
    (0xcd, 0x00, 0xcd),
    (0x00, 0xcd, 0xcd),
    (0xe5, 0xe5, 0xe5),
    (0x7f, 0x7f, 0x7f),
    (0xff, 0x00, 0x00),
    (0x00, 0xff, 0x00),
    (0xff, 0xff, 0x00),
    (0x5c, 0x5c, 0xff),
    (0xff, 0x00, 0xff),
    (0x00, 0xff, 0xff),
    (0xff, 0xff, 0xff),
];

const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// The RGB of one of xterm's 256 colours.
pub fn indexed_rgb(index: u8) -> Rgb {
    match index {
        0..=15 => XTERM16[usize::from(index)],
        16..=231 => {
            let i = usize::from(index - 16);
            (CUBE[i / 36], CUBE[(i / 6) % 6], CUBE[i % 6])
        }
        232..=255 => {
            let level = 8 + 10 * (index - 232);
            (level, level, level)
        }
    }
}

/// The nearest of xterm's 256 colours (from the colour cube and the grey ramp, which every
/// 256-colour terminal agrees on; the first 16 vary between schemes).
pub fn nearest_256(rgb: Rgb) -> u8 {
    let distance = |other: Rgb| {
        let d = |a: u8, b: u8| (i32::from(a) - i32::from(b)).pow(2);
        d(rgb.0, other.0) + d(rgb.1, other.1) + d(rgb.2, other.2)
    };
    (16..=255u8)
        .min_by_key(|&i| distance(indexed_rgb(i)))
        .unwrap_or(16)
}

/// The RGB a terminal with xterm's palette shows for a colour; `default` for none.
pub fn resolve(color: Option<Color>, default: Rgb) -> Rgb {
    let named = |i: u8| indexed_rgb(i);
    match color {
        None | Some(Color::Reset) => default,
        Some(Color::Rgb(r, g, b)) => (r, g, b),
        Some(Color::Indexed(i)) => indexed_rgb(i),
        Some(Color::Black) => named(0),
        Some(Color::Red) => named(1),
        Some(Color::Green) => named(2),
        Some(Color::Yellow) => named(3),
        Some(Color::Blue) => named(4),
        Some(Color::Magenta) => named(5),
        Some(Color::Cyan) => named(6),
        Some(Color::Gray) => named(7),
        Some(Color::DarkGray) => named(8),
        Some(Color::LightRed) => named(9),
        Some(Color::LightGreen) => named(10),
        Some(Color::LightYellow) => named(11),
        Some(Color::LightBlue) => named(12),
        Some(Color::LightMagenta) => named(13),
        Some(Color::LightCyan) => named(14),
        Some(Color::White) => named(15),
    }
}

/// WCAG 2 contrast ratio of two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance =
        |(r, g, b): Rgb| 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_the_wcag_examples() {
        assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 0.01);
        assert!((contrast((0x77, 0x77, 0x77), (255, 255, 255)) - 4.48).abs() < 0.01);
        assert!((contrast((1, 2, 3), (1, 2, 3)) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn the_256_colour_table_is_xterms() {
        assert_eq!(indexed_rgb(16), (0, 0, 0));
        assert_eq!(indexed_rgb(24), (0, 95, 135));
        assert_eq!(indexed_rgb(231), (255, 255, 255));
        assert_eq!(indexed_rgb(232), (8, 8, 8));
        assert_eq!(nearest_256((0x87, 0xd7, 0x87)), 114);
        assert_eq!(nearest_256((0x9e, 0x9e, 0x9e)), 247);
    }
}
