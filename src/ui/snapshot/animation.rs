//! Screens one after another in one SVG: the README's moving picture of the tour.
//!
//! Each screen is drawn as [`to_svg`](super::to_svg) draws it (the same cells, colours and
//! grid), but written to be small: the colours are classes in one style sheet; a row is
//! defined once and every screen that shows it refers to it (`<use>`); glyphs a browser takes
//! from one font share a `<text>`, stretched by `textLength` onto their cells; consecutive
//! identical screens are one frame, held for their time together. A CSS animation shows one
//! frame at a time, looping; it needs no script, so it plays where the SVG is an `<img>` (as
//! in a README on GitHub). Without animation (a converter, or a reader who asked for reduced
//! motion) the first frame shows.

use std::collections::HashMap;
use std::fmt::Write;
use std::hash::Hash;
use std::time::Duration;

use ratatui::buffer::Buffer;

use super::{BASELINE, CELL_H, CELL_W, Painted, background_runs, canvas, escape, painted_row};
use crate::ui::theme::Scheme;

/// One screen and how long it stays.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub screen: Buffer,
    pub hold: Duration,
}

/// Consecutive identical screens as one frame, held for their time together; frames held for
/// no time are dropped (they would never show).
pub fn merge(frames: &[Frame]) -> Vec<Frame> {
    let mut merged: Vec<Frame> = Vec::new();
    for frame in frames.iter().filter(|frame| !frame.hold.is_zero()) {
        match merged.last_mut() {
            Some(last) if last.screen == frame.screen => last.hold += frame.hold,
            _ => merged.push(frame.clone()),
        }
    }
    merged
}

/// The frames as one looping SVG, each shown for its hold. `about` says what it shows (the
/// SVG's description, followed by its timing); it is escaped like every text written.
pub fn to_animated_svg(frames: &[Frame], scheme: Scheme, about: &str) -> String {
    let frames = merge(frames);
    let canvas = canvas(scheme);
    let area = frames
        .first()
        .map(|frame| frame.screen.area)
        .unwrap_or_default();
    let total: Duration = frames.iter().map(|frame| frame.hold).sum();

    let mut parts = Parts::new(canvas);
    let mut rows: Interned<Vec<Element>> = Interned::default();
    let shown = shown_rows(&frames, &mut parts, &mut rows);
    let uses = glyph_uses(&parts, &rows);

    let mut svg = super::svg_open(area.width, area.height, r#" xml:space="preserve""#);
    svg.push('\n');
    let _ = writeln!(
        svg,
        "<desc>{}</desc>",
        escape(&format!("{about}{}", timing(&frames, total)))
    );
    write_style(&mut svg, &parts, &frames, total);
    let _ = writeln!(
        svg,
        r#"<rect width="100%" height="100%" fill="{}"/>"#,
        canvas.background
    );
    write_defs(&mut svg, &parts, &rows, &uses);
    write_frames(&mut svg, &shown);
    svg.push_str("</svg>\n");
    svg
}

/// Each frame as its rows, a row as an index into the rows written once (None: empty).
fn shown_rows(
    frames: &[Frame],
    parts: &mut Parts,
    rows: &mut Interned<Vec<Element>>,
) -> Vec<Vec<Option<usize>>> {
    let canvas = parts.canvas;
    frames
        .iter()
        .map(|frame| {
            let buf = &frame.screen;
            (buf.area.top()..buf.area.bottom())
                .map(|y| {
                    let row = parts.row(&painted_row(buf, y, canvas));
                    (!row.is_empty()).then(|| rows.index(row))
                })
                .collect()
        })
        .collect()
}

/// How many rows write each run of glyphs: one written in more than one row is defined once,
/// and those rows use it.
fn glyph_uses(parts: &Parts, rows: &Interned<Vec<Element>>) -> Vec<usize> {
    let mut uses = vec![0usize; parts.glyphs.items.len()];
    for element in rows.items.iter().flatten() {
        if let Element::Glyphs { glyphs, .. } = element {
            uses[*glyphs] += 1;
        }
    }
    uses
}

/// The style sheet: the colour classes, and the animation when there is more than one frame.
fn write_style(svg: &mut String, parts: &Parts, frames: &[Frame], total: Duration) {
    let _ = write!(
        svg,
        "<style>\ntext{{white-space:pre;fill:{}}}.b{{font-weight:bold}}.u{{text-decoration:underline}}\n",
        parts.canvas.foreground
    );
    for (n, colour) in parts.colours.items.iter().enumerate() {
        let _ = write!(svg, ".c{n}{{fill:{colour}}}");
    }
    svg.push('\n');
    if frames.len() > 1 {
        write_animation(svg, frames, total);
    }
    svg.push_str("</style>\n");
}

/// One frame visible at a time: each frame's keyframes show it from its start to its end in
/// the loop; reduced motion pauses on the first.
fn write_animation(svg: &mut String, frames: &[Frame], total: Duration) {
    let _ = writeln!(
        svg,
        ".f{{visibility:hidden;animation:{}s step-end infinite}}#f0{{visibility:visible}}",
        seconds(total)
    );
    let mut start = Duration::ZERO;
    for (n, frame) in frames.iter().enumerate() {
        let end = start + frame.hold;
        let (from, to) = (percent(start, total), percent(end, total));
        let before = if start.is_zero() {
            String::new()
        } else {
            "0%{visibility:hidden}".to_string()
        };
        let after = if end == total {
            "100%{visibility:visible}".to_string()
        } else {
            format!("{to}%{{visibility:hidden}}")
        };
        let _ = writeln!(
            svg,
            "#f{n}{{animation-name:k{n}}}@keyframes k{n}{{{before}{from}%{{visibility:visible}}{after}}}"
        );
        start = end;
    }
    svg.push_str("@media (prefers-reduced-motion:reduce){.f{animation-play-state:paused}}\n");
}

/// The shared runs of glyphs and every distinct row, written once for the frames to use.
fn write_defs(svg: &mut String, parts: &Parts, rows: &Interned<Vec<Element>>, uses: &[usize]) {
    svg.push_str("<defs>\n");
    for (n, glyphs) in parts.glyphs.items.iter().enumerate() {
        if uses[n] > 1 {
            let _ = writeln!(svg, "{}", glyphs.text(&format!(r#" id="t{n}""#)));
        }
    }
    for (n, row) in rows.items.iter().enumerate() {
        let _ = write!(svg, r#"<g id="r{n}">"#);
        for element in row {
            write_element(svg, parts, uses, element);
        }
        svg.push_str("</g>\n");
    }
    svg.push_str("</defs>\n");
}

/// One element of a row: a background, or a run of glyphs (by reference when shared).
fn write_element(svg: &mut String, parts: &Parts, uses: &[usize], element: &Element) {
    match *element {
        Element::Background { x, cells, colour } => {
            let _ = write!(
                svg,
                r#"<rect x="{}" y="-{BASELINE}" width="{}" height="{CELL_H}" class="c{colour}"/>"#,
                f32::from(x) * CELL_W,
                cells as f32 * CELL_W,
            );
        }
        Element::Glyphs { x, glyphs } if uses[glyphs] > 1 => {
            let _ = write!(svg, r##"<use href="#t{glyphs}"{}/>"##, at("x", x, CELL_W));
        }
        Element::Glyphs { x, glyphs } => {
            let x = at("x", x, CELL_W);
            svg.push_str(&parts.glyphs.items[glyphs].text(&x));
        }
    }
}

/// Each frame as a group of its rows, each row placed on its line.
fn write_frames(svg: &mut String, shown: &[Vec<Option<usize>>]) {
    for (n, frame) in shown.iter().enumerate() {
        let _ = write!(svg, r#"<g id="f{n}" class="f">"#);
        for (y, row) in frame.iter().enumerate() {
            if let Some(row) = row {
                let y = y as f32 * CELL_H + BASELINE;
                let _ = write!(svg, r##"<use href="#r{row}" y="{y}"/>"##);
            }
        }
        svg.push_str("</g>\n");
    }
}

/// ` x="531"` for cell 59 (nothing for 0, the default).
fn at(name: &str, cell: u16, size: f32) -> String {
    match cell {
        0 => String::new(),
        _ => format!(r#" {name}="{}""#, f32::from(cell) * size),
    }
}

/// Values numbered in the order first seen.
struct Interned<T> {
    items: Vec<T>,
    index: HashMap<T, usize>,
}

impl<T> Default for Interned<T> {
    fn default() -> Self {
        Interned {
            items: Vec::new(),
            index: HashMap::new(),
        }
    }
}

impl<T: Clone + Eq + Hash> Interned<T> {
    fn index(&mut self, item: T) -> usize {
        if let Some(&n) = self.index.get(&item) {
            return n;
        }
        self.items.push(item.clone());
        self.index.insert(item, self.items.len() - 1);
        self.items.len() - 1
    }
}

/// What a row is drawn with, at its place in the row (whose origin is the text's baseline).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Element {
    /// A background other than the canvas's over `cells` cells, in colour class `colour`.
    Background { x: u16, cells: usize, colour: usize },
    /// The run of glyphs numbered `glyphs`, from cell `x`.
    Glyphs { x: u16, glyphs: usize },
}

/// A run of glyphs wherever it is: its text, how many cells it covers, and its look.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Glyphs {
    text: String,
    cells: usize,
    /// The colour class; None for the canvas's foreground, the text's default.
    colour: Option<usize>,
    bold: bool,
    underline: bool,
}

impl Glyphs {
    /// The run as a `<text>` with more attributes (its id, or its place).
    fn text(&self, attributes: &str) -> String {
        let mut classes: Vec<String> = self.colour.map(|c| format!("c{c}")).into_iter().collect();
        classes.extend(self.bold.then(|| "b".to_string()));
        classes.extend(self.underline.then(|| "u".to_string()));
        let class = match classes.is_empty() {
            true => String::new(),
            false => format!(r#" class="{}""#, classes.join(" ")),
        };
        format!(
            r#"<text{attributes}{class} textLength="{}" lengthAdjust="spacingAndGlyphs">{}</text>"#,
            self.cells as f32 * CELL_W,
            escape(&self.text)
        )
    }
}

/// The colours and runs of glyphs of every row seen, each numbered once.
struct Parts<'c> {
    canvas: &'c super::Canvas,
    colours: Interned<String>,
    glyphs: Interned<Glyphs>,
}

impl<'c> Parts<'c> {
    fn new(canvas: &'c super::Canvas) -> Self {
        Parts {
            canvas,
            colours: Interned::default(),
            glyphs: Interned::default(),
        }
    }

    /// One row: its backgrounds, then its runs of glyphs; empty if it shows nothing but the
    /// canvas.
    fn row(&mut self, row: &[Painted]) -> Vec<Element> {
        let mut elements: Vec<Element> = background_runs(row, self.canvas)
            .into_iter()
            .map(|(x, cells, colour)| Element::Background {
                x,
                cells,
                colour: self.colours.index(colour.to_string()),
            })
            .collect();
        for run in runs(row) {
            let colour =
                (run.fg != self.canvas.foreground).then(|| self.colours.index(run.fg.to_string()));
            let glyphs = self.glyphs.index(Glyphs {
                text: run.text,
                cells: run.cells,
                colour,
                bold: run.bold,
                underline: run.underline,
            });
            elements.push(Element::Glyphs { x: run.x, glyphs });
        }
        elements
    }
}

/// " (24 screens in a 72 s loop, each shown 3 s)": what the picture's description ends with.
fn timing(frames: &[Frame], total: Duration) -> String {
    let each = match frames.iter().map(|frame| frame.hold).min() {
        Some(min) if frames.iter().all(|frame| frame.hold == min) => {
            format!("each shown {} s", seconds(min))
        }
        Some(min) => {
            let max = frames.iter().map(|frame| frame.hold).max().unwrap_or(min);
            format!("each shown {} to {} s", seconds(min), seconds(max))
        }
        None => return " (no screens)".to_string(),
    };
    format!(
        " ({} screen{} in a {} s loop, {each})",
        frames.len(),
        if frames.len() == 1 { "" } else { "s" },
        seconds(total)
    )
}

/// Seconds to the millisecond, without trailing zeros: 3, 2.5, 0.125.
fn seconds(time: Duration) -> String {
    trim(format!("{:.3}", time.as_secs_f64()))
}

/// Where `at` falls in the loop, as a percentage to four places: 25, 8.3333.
fn percent(at: Duration, total: Duration) -> String {
    trim(format!(
        "{:.4}",
        at.as_secs_f64() * 100.0 / total.as_secs_f64()
    ))
}

fn trim(number: String) -> String {
    if !number.contains('.') {
        return number;
    }
    number
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_string()
}

/// Which glyphs may share a `<text>`: one cell wide or two, and from the same font as far as
/// a browser goes, so their advances are equal and one `textLength` puts each on its cell.
/// ASCII is one font, so are the CJK characters; other glyphs go with those of their block of
/// 128 code points (box drawing with box drawing, braille with braille). A grapheme of more
/// than one character goes alone.
fn font(cell: &Painted) -> Option<(usize, u32)> {
    let mut chars = cell.symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None;
    };
    let code = u32::from(c);
    let cjk = (0x2E80..0x1F000).contains(&code) || code >= 0x20000;
    let block = if cell.cells == 2 && cjk {
        u32::MAX
    } else {
        code >> 7
    };
    Some((cell.cells, block))
}

/// A run of glyphs written as one `<text>`.
struct Run<'a> {
    x: u16,
    cells: usize,
    text: String,
    fg: &'a str,
    bold: bool,
    underline: bool,
    /// None for a grapheme of several characters, which no other glyph joins.
    font: Option<(usize, u32)>,
    /// Blank cells after the run, written only if a glyph follows.
    blanks: usize,
}

impl Run<'_> {
    /// Whether `cell` (not blank) continues the run: the next cell, in the same colour, weight
    /// and font; blanks between are spaces, so only ASCII runs without underline take them.
    fn takes(&self, cell: &Painted, font: Option<(usize, u32)>) -> bool {
        font.is_some()
            && font == self.font
            && usize::from(self.x) + self.cells + self.blanks == usize::from(cell.x)
            && self.fg == cell.fg
            && self.bold == cell.bold
            && self.underline == cell.underline
            && (self.blanks == 0 || (self.font == Some((1, 0)) && !self.underline))
    }
}

/// A row's glyphs in runs, each to be one `<text>`.
fn runs<'a>(row: &'a [Painted]) -> Vec<Run<'a>> {
    let mut runs: Vec<Run> = Vec::new();
    for cell in row {
        if cell.is_blank() {
            // Counted after the last run; a wide blank breaks the run (it is not a space).
            if let (Some(run), 1) = (runs.last_mut(), cell.cells) {
                run.blanks += 1;
            }
            continue;
        }
        let font = font(cell);
        match runs.last_mut() {
            Some(run) if run.takes(cell, font) => {
                run.text.extend(std::iter::repeat_n(' ', run.blanks));
                run.text.push_str(cell.symbol);
                run.cells += run.blanks + cell.cells;
                run.blanks = 0;
            }
            _ => runs.push(Run {
                x: cell.x,
                cells: cell.cells,
                text: cell.symbol.to_string(),
                fg: &cell.fg,
                bold: cell.bold,
                underline: cell.underline,
                font,
                blanks: 0,
            }),
        }
    }
    runs
}

#[cfg(test)]
mod tests;
