use std::sync::Arc;

use super::*;
use crate::data::Lang;

fn catalogs() -> Vec<Arc<Catalog>> {
    let zh = Arc::new(Catalog::embedded().unwrap());
    let en = Arc::clone(zh.in_lang(Lang::En));
    vec![zh, en]
}

/// The inside widths of the overview's frame at these terminal widths.
const WIDTHS: [usize; 7] = [58, 78, 98, 118, 158, 198, 238];

#[test]
fn sections_never_split_and_headings_head_their_blocks() {
    for catalog in catalogs() {
        for width in WIDTHS {
            let doc = detail(&catalog, width);
            let grid = doc.grid.as_ref().unwrap();
            for block in &grid.blocks {
                for (row, line) in block.lines.clone().enumerate() {
                    let place = doc.place(line);
                    assert_eq!((place.x, place.row), (block.x, block.top + row));
                    assert!(doc.lines[line].width() <= block.width, "{width}");
                }
            }
            for (i, line) in doc.lines.iter().enumerate() {
                if line
                    .segments
                    .first()
                    .is_some_and(|s| s.role == Role::Heading)
                {
                    assert!(
                        grid.blocks.iter().any(|b| b.lines.start == i),
                        "{width}: a heading in the middle of a block: {line:?}"
                    );
                }
            }
            // No two lines on the same cell.
            for (i, a) in grid.places.iter().enumerate() {
                for b in &grid.places[i + 1..] {
                    let apart = a.row != b.row || a.x + a.width <= b.x || b.x + b.width <= a.x;
                    assert!(
                        apart || doc.lines[i].segments.is_empty(),
                        "{width}: {a:?} {b:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn the_columns_of_every_band_are_balanced() {
    for catalog in catalogs() {
        for width in WIDTHS {
            let doc = detail(&catalog, width);
            let grid = doc.grid.as_ref().unwrap();
            let bands = grid.blocks.iter().map(|b| b.band).max().unwrap_or(0) + 1;
            for band in 0..bands {
                let blocks: Vec<_> = grid.blocks.iter().filter(|b| b.band == band).collect();
                let columns = blocks.iter().map(|b| b.column).max().unwrap_or(0) + 1;
                if columns == 1 {
                    continue;
                }
                let top = blocks.iter().map(|b| b.top).min().unwrap_or(0);
                let heights: Vec<usize> = (0..columns)
                    .map(|c| {
                        blocks
                            .iter()
                            .filter(|b| b.column == c)
                            .map(|b| b.top + b.height - top)
                            .max()
                            .unwrap_or(0)
                    })
                    .collect();
                let tallest = *heights.iter().max().unwrap();
                let shortest = *heights.iter().min().unwrap();
                let biggest_block = blocks.iter().map(|b| b.height).max().unwrap_or(0);
                // Within a few rows, unless one block alone is taller than an even split.
                assert!(
                    tallest - shortest <= 4 || tallest == biggest_block,
                    "{:?} {width} band {band}: {heights:?}",
                    catalog.lang
                );
            }
        }
    }
}

#[test]
fn document_links_land_on_their_documents_at_every_width() {
    for catalog in catalogs() {
        let summit = catalog.data.summit.as_ref().unwrap();
        for width in WIDTHS {
            let doc = detail(&catalog, width);
            let mut landed = 0;
            for document in summit.documents.iter().filter(|d| d.event.is_none()) {
                let Some(link) = document_link(&catalog, &document.id) else {
                    continue;
                };
                let line = doc.link_line(link).unwrap();
                let text: String = doc.lines[line]
                    .segments
                    .iter()
                    .map(|s| s.text.as_str())
                    .collect();
                let title = document.display_title_in(catalog.lang);
                let start: String = title.chars().take(6).collect();
                assert!(text.contains(&start), "{width}: {start} on {text}");
                landed += 1;
            }
            assert!(landed >= 6, "{landed}");
        }
    }
}

#[test]
fn at_80_columns_the_first_screen_holds_the_summit_the_outcomes_and_figures() {
    for catalog in catalogs() {
        let doc = detail(&catalog, 78);
        let rows = 20; // 24 rows less the tab bar, the status bar and the frame.
        let outcomes = catalog.data.outcomes.len();
        for n in 0..outcomes {
            assert!(
                doc.link_rows(n).is_some_and(|r| r.start < rows),
                "outcome {n}"
            );
        }
        let first_figure = &catalog.data.summit.as_ref().unwrap().figures[0].as_printed;
        let row = doc
            .lines
            .iter()
            .position(|l| {
                l.segments
                    .iter()
                    .any(|s| s.text.contains(first_figure.as_str()))
            })
            .map(|line| doc.place(line).row);
        assert!(row.is_some_and(|r| r + 2 < rows), "{row:?}");
    }
}

#[test]
fn the_copied_overview_gives_one_section_after_another_and_a_figure_a_line() {
    for catalog in catalogs() {
        let doc = Overview.plain(&catalog, 0, 4000);
        let summit = catalog.data.summit.as_ref().unwrap();
        for figure in &summit.figures {
            let on_its_line = doc.lines.iter().any(|line| {
                let text: String = line.segments.iter().map(|s| s.text.as_str()).collect();
                text.contains(&figure.as_printed) && text.contains(&figure.what)
            });
            assert!(on_its_line, "{}", figure.as_printed);
        }
        assert!(doc.grid.as_ref().unwrap().places.iter().all(|p| p.x == 0));
    }
}
