//! The headline figures as tiles: each figure as printed, bold and set apart on its own
//! line(s), what it counts under it. Tiles sit side by side in rows as even as the width
//! allows; nothing is cut (a long figure or label wraps within its tile).

use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Line, Role, Segment};
use crate::data::model::Summit;
use crate::text::width::pad_to;
use crate::text::{sanitize, wrap_cached};

/// Cells between two tiles of a row.
const TILE_GAP: usize = 2;
/// The narrowest a tile gets (11 Chinese characters a line), and the widest (so a very wide
/// page does not spread one row thin).
const TILE_MIN: usize = 22;
const TILE_MAX: usize = 40;

pub fn figures(catalog: &Catalog, summit: &Summit, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    if summit.figures.is_empty() {
        return doc;
    }
    doc.anchor(super::search::FIGURES);
    doc.heading(catalog.words().h_figures);
    let tiles: Vec<(&str, &str)> = summit
        .figures
        .iter()
        .map(|f| (f.as_printed.as_str(), f.what.as_str()))
        .collect();
    let (per_row, tile) = grid(tiles.len(), width);
    for (i, row) in tiles.chunks(per_row).enumerate() {
        if i > 0 {
            doc.lines.push(Line::default());
        }
        tile_row(&mut doc, row, tile);
    }
    doc
}

/// The figures one a line, for text rather than a screen: "27个国家  上合组织国家（…）".
pub fn figure_list(catalog: &Catalog, summit: &Summit, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    let w = catalog.words();
    if summit.figures.is_empty() {
        return doc;
    }
    doc.anchor(super::search::FIGURES);
    doc.heading(w.h_figures);
    for figure in &summit.figures {
        doc.bullet(&(w.figure)(&figure.as_printed, &figure.what));
    }
    doc
}

/// How many tiles a row holds and how wide each is: as many as fit, then spread so the rows
/// come out even (19 figures in rows of 4 are 4+4+4+4+3, not 5+5+5+4 with a narrow last).
fn grid(count: usize, width: usize) -> (usize, usize) {
    let fit = ((width + TILE_GAP) / (TILE_MIN + TILE_GAP)).clamp(1, count.max(1));
    let rows = count.div_ceil(fit).max(1);
    let per_row = count.div_ceil(rows).max(1);
    let tile = (width.saturating_sub(TILE_GAP * (per_row - 1)) / per_row).clamp(1, TILE_MAX);
    (per_row, tile)
}

/// One row of tiles: the figures' lines first (so every label starts on the same line),
/// then the labels.
fn tile_row(doc: &mut Doc, row: &[(&str, &str)], tile: usize) {
    let wrap = |text: &str| wrap_cached(&sanitize(text), tile).to_vec();
    let numbers: Vec<Vec<String>> = row.iter().map(|(n, _)| wrap(n)).collect();
    let labels: Vec<Vec<String>> = row.iter().map(|(_, w)| wrap(w)).collect();
    let tall = |parts: &[Vec<String>]| parts.iter().map(Vec::len).max().unwrap_or(0);
    for (parts, role) in [(&numbers, Role::Figure), (&labels, Role::Text)] {
        for i in 0..tall(parts) {
            let mut segments = Vec::new();
            for (t, part) in parts.iter().enumerate() {
                let text = part.get(i).map_or("", String::as_str);
                let last = t + 1 == parts.len();
                let cell = if last {
                    text.to_string()
                } else {
                    pad_to(text, tile + TILE_GAP)
                };
                segments.push(Segment { text: cell, role });
            }
            while segments.last().is_some_and(|s| s.text.trim().is_empty()) {
                segments.pop();
            }
            doc.lines.push(Line {
                segments,
                link: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_come_out_even_and_tiles_fit_the_width() {
        for width in [58, 78, 97, 118, 198, 4000] {
            let (per_row, tile) = grid(19, width);
            assert!(
                per_row * tile + (per_row - 1) * TILE_GAP <= width,
                "{width}"
            );
            let rows = 19usize.div_ceil(per_row);
            assert!(per_row * rows - 19 < rows, "{width}: {per_row} a row");
            assert!(tile >= TILE_MIN || per_row == 1, "{width}");
        }
        // A column of the overview at 120 columns: tiles two abreast.
        assert_eq!(grid(19, 57), (2, 27));
    }

    #[test]
    fn every_tile_line_fits_and_nothing_is_cut() {
        let catalog = Catalog::embedded().unwrap();
        let summit = catalog.data.summit.as_ref().unwrap();
        for width in [58, 78, 118, 198] {
            let doc = figures(&catalog, summit, width);
            assert!(doc.lines.iter().all(|l| l.width() <= width), "{width}");
            let text: String = doc
                .lines
                .iter()
                .flat_map(|l| l.segments.iter().map(|s| s.text.as_str()))
                .collect::<String>()
                .replace(' ', "");
            for figure in &summit.figures {
                let first: String = figure.what.chars().take(4).collect();
                assert!(text.contains(&first.replace(' ', "")), "{width}: {first}");
            }
        }
    }
}
