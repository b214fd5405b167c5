//! One frame without a terminal: the `snapshot` command, the screenshots and the tests use it;
//! and the tour as frames, written as one animated SVG by [`animation`].

pub mod animation;

use crate::data::Lang;
use std::fmt::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use crate::app::input::{Input, Key};
use crate::app::{App, Catalog, Tab};
use crate::text::width::grapheme_width;
use crate::ui::colours::resolve;
use crate::ui::theme::Scheme;
use crate::ui::{Theme, render};
pub use animation::{Frame, to_animated_svg};

/// Renders `tab` at a size after the given keys.
pub fn frame(
    catalog: Arc<Catalog>,
    lang: Lang,
    tab: Tab,
    width: u16,
    height: u16,
    keys: &[Key],
    theme: &Theme,
) -> Buffer {
    let mut app = App::new(catalog, width, height);
    app.set_lang(lang);
    app.update(crate::app::Action::GoTo(tab));
    for key in keys {
        app.handle(Input::Key(*key));
    }
    draw(&app, theme)
}

/// The tour at a size, a pass in each language in turn, as the frames a reader sees: the
/// tour is ticked by a clock of our own, each step drawn when the tour shows it and held
/// until the tour says the next is due (`interval`, at least the tour's shortest).
pub fn tour(
    catalog: Arc<Catalog>,
    langs: &[Lang],
    width: u16,
    height: u16,
    interval: Duration,
    theme: &Theme,
) -> Vec<Frame> {
    let mut app = App::new(catalog, width, height);
    app.start_tour(interval);
    let steps = app.tour().map_or(0, |tour| tour.steps().len());
    let mut now = Instant::now();
    let mut frames = Vec::with_capacity(steps * langs.len());
    for &lang in langs {
        // The tour goes round once in each language; the switch keeps its place.
        app.set_lang(lang);
        for _ in 0..steps {
            app.tour_tick(now);
            let due = app.tour_due_at().unwrap_or(now + interval);
            frames.push(Frame {
                screen: draw(&app, theme),
                hold: due - now,
            });
            now = due;
        }
    }
    frames
}

/// The tour as one animated SVG (see [`tour`] and [`to_animated_svg`]): what
/// `snapshot --tour` writes and the README shows.
pub fn tour_svg(
    catalog: Arc<Catalog>,
    langs: &[Lang],
    (width, height): (u16, u16),
    interval: Duration,
    theme: &Theme,
) -> String {
    let frames = tour(catalog, langs, width, height, interval, theme);
    let about = match langs {
        [Lang::Zh] => "The sco-dash tour in Chinese",
        [Lang::En] => "The sco-dash tour in English",
        [Lang::Zh, Lang::En] => "The sco-dash tour in Chinese, then English",
        [Lang::En, Lang::Zh] => "The sco-dash tour in English, then Chinese",
        [Lang::Ru] => "The sco-dash tour in Russian",
        [Lang::Ru, Lang::Zh] => "The sco-dash tour in Russian, then Chinese",
        _ => "The sco-dash tour",
    };
    to_animated_svg(&frames, theme.scheme, about)
}

pub fn draw(app: &App, theme: &Theme) -> Buffer {
    let area = Rect::new(0, 0, app.size().0, app.size().1);
    let mut buf = Buffer::empty(area);
    render(app, theme, area, &mut buf);
    buf
}

/// The cells a row shows, left to right: a wide glyph once, its hidden second cell skipped.
pub fn row_cells(buf: &Buffer, y: u16) -> Vec<(u16, &str, usize)> {
    let mut cells = Vec::new();
    let mut x = buf.area.x;
    while x < buf.area.right() {
        let symbol = buf[(x, y)].symbol();
        let w = grapheme_width(symbol).max(1);
        cells.push((x, symbol, w));
        x += w as u16;
    }
    cells
}

/// The frame as plain text, one line per row.
pub fn to_text(buf: &Buffer) -> String {
    let mut text = String::new();
    for y in buf.area.top()..buf.area.bottom() {
        let row: String = row_cells(buf, y).iter().map(|(_, s, _)| *s).collect();
        text.push_str(row.trim_end());
        text.push('\n');
    }
    text
}

const CELL_W: f32 = 9.0;
const CELL_H: f32 = 19.0;
/// Where a row's text sits: its baseline, from the row's top.
const BASELINE: f32 = CELL_H * 0.78;
const FONTS: &str = "'Sarasa Mono SC', 'Noto Sans Mono CJK SC', 'Source Han Mono SC', 'WenQuanYi Zen Hei Mono', 'Microsoft YaHei Mono', Menlo, Consolas, monospace";
/// The terminal the SVG pretends to be: its background, default text and 16 colours.
struct Canvas {
    background: &'static str,
    foreground: &'static str,
    scheme: Scheme,
}

const DARK_CANVAS: Canvas = Canvas {
    background: "#1e1e2e",
    foreground: "#d9e0ee",
    scheme: Scheme::Dark,
};

/// A white terminal with xterm's colours: what the light scheme is checked against.
const LIGHT_CANVAS: Canvas = Canvas {
    background: "#ffffff",
    foreground: "#1c1c1c",
    scheme: Scheme::Light,
};

fn hex(color: Color, default: &str, canvas: &Canvas) -> String {
    if let (Scheme::Light, Color::Reset) = (canvas.scheme, color) {
        return default.to_string();
    }
    if canvas.scheme == Scheme::Light || matches!(color, Color::Indexed(_)) {
        let (r, g, b) = resolve(Some(color), (0, 0, 0));
        return format!("#{r:02x}{g:02x}{b:02x}");
    }
    let named = match color {
        Color::Reset => return default.to_string(),
        Color::Black => "#1e1e2e",
        Color::Red => "#e06c75",
        Color::Green => "#98c379",
        Color::Yellow => "#e5c07b",
        Color::Blue => "#3b6fb6",
        Color::Magenta => "#c678dd",
        Color::Cyan => "#56b6c2",
        Color::Gray => "#abb2bf",
        Color::DarkGray => "#6b7089",
        Color::LightRed => "#ff8b94",
        Color::LightGreen => "#b5e890",
        Color::LightYellow => "#f5d98b",
        Color::LightBlue => "#7fb4ff",
        Color::LightMagenta => "#e2a6f0",
        Color::LightCyan => "#8be9fd",
        Color::White => "#ffffff",
        Color::Rgb(r, g, b) => return format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(_) => return default.to_string(), // resolved above
    };
    named.to_string()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A cell as the SVG shows it: where it starts, what it shows over how many cells, and its
/// colours on the canvas (reversed video already swapped).
struct Painted<'a> {
    x: u16,
    symbol: &'a str,
    cells: usize,
    fg: String,
    bg: String,
    bold: bool,
    underline: bool,
}

impl Painted<'_> {
    fn is_blank(&self) -> bool {
        self.symbol.trim().is_empty()
    }
}

fn canvas(scheme: Scheme) -> &'static Canvas {
    match scheme {
        Scheme::Dark => &DARK_CANVAS,
        Scheme::Light => &LIGHT_CANVAS,
    }
}

/// A row's cells, left to right, in the canvas's colours.
fn painted_row<'a>(buf: &'a Buffer, y: u16, canvas: &Canvas) -> Vec<Painted<'a>> {
    row_cells(buf, y)
        .into_iter()
        .map(|(x, symbol, cells)| {
            let cell = &buf[(x, y)];
            let (mut fg, mut bg) = (
                hex(cell.fg, canvas.foreground, canvas),
                hex(cell.bg, canvas.background, canvas),
            );
            if cell.modifier.contains(Modifier::REVERSED) {
                std::mem::swap(&mut fg, &mut bg);
            }
            Painted {
                x,
                symbol,
                cells,
                fg,
                bg,
                bold: cell.modifier.contains(Modifier::BOLD),
                underline: cell.modifier.contains(Modifier::UNDERLINED),
            }
        })
        .collect()
}

/// A row's backgrounds: one run per stretch of equal colour other than the canvas's, as
/// (first column, cells, colour).
fn background_runs<'a>(row: &'a [Painted], canvas: &Canvas) -> Vec<(u16, usize, &'a str)> {
    let mut runs = Vec::new();
    let mut run: Option<(u16, usize, &str)> = None;
    for cell in row {
        match run {
            Some((start, len, colour))
                if colour == cell.bg && start as usize + len == cell.x as usize =>
            {
                run = Some((start, len + cell.cells, colour));
            }
            _ => {
                runs.extend(run);
                run = Some((cell.x, cell.cells, &cell.bg));
            }
        }
    }
    runs.extend(run);
    runs.retain(|(_, _, colour)| *colour != canvas.background);
    runs
}

/// The SVG's opening tag: its size in pixels, the font.
fn svg_open(width: u16, height: u16, extra: &str) -> String {
    let (w, h) = (f32::from(width) * CELL_W, f32::from(height) * CELL_H);
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONTS}" font-size="15"{extra}>"#
    )
}

/// The frame as SVG: every cell on a fixed grid, a wide glyph stretched over two cells, so it
/// looks as it does in a terminal wherever the SVG is shown.
pub fn to_svg(buf: &Buffer, scheme: Scheme) -> String {
    let canvas = canvas(scheme);
    let mut svg = svg_open(buf.area.width, buf.area.height, "");
    svg.push('\n');
    let _ = writeln!(
        svg,
        r#"<rect width="100%" height="100%" fill="{}"/>"#,
        canvas.background
    );
    for y in buf.area.top()..buf.area.bottom() {
        let py = f32::from(y) * CELL_H;
        let row = painted_row(buf, y, canvas);
        // Backgrounds first, one rectangle per run of equal colour.
        for (x, cells, colour) in background_runs(&row, canvas) {
            let (px, width) = (f32::from(x) * CELL_W, cells as f32 * CELL_W);
            let _ = writeln!(
                svg,
                r#"<rect x="{px}" y="{py}" width="{width}" height="{CELL_H}" fill="{colour}"/>"#
            );
        }
        for cell in row.iter().filter(|cell| !cell.is_blank()) {
            let px = f32::from(cell.x) * CELL_W;
            let span = cell.cells as f32 * CELL_W;
            let weight = if cell.bold {
                r#" font-weight="bold""#
            } else {
                ""
            };
            let underline = if cell.underline {
                r#" text-decoration="underline""#
            } else {
                ""
            };
            let _ = writeln!(
                svg,
                r#"<text x="{px}" y="{}" fill="{}" textLength="{span}" lengthAdjust="spacingAndGlyphs"{weight}{underline}>{}</text>"#,
                py + BASELINE,
                cell.fg,
                escape(cell.symbol)
            );
        }
    }
    svg.push_str("</svg>\n");
    svg
}

#[cfg(test)]
mod tests;
