//! A page set in blocks, like a newspaper's front page: bands from top to bottom, each either
//! one block across the width or several blocks side by side in columns. A block (a section:
//! a heading and its items) is never split between columns, and the columns of a band are
//! made as even as whole blocks allow. The lines stay in the order the bands and blocks are
//! given, so links are numbered the same at every width; only their places change.

use super::{Block, Doc, Grid, Line, Place};

/// Cells between two columns (a rule in the middle).
pub const COLUMN_GAP: usize = 3;
/// Rows between two blocks, and between two bands.
const BLOCK_GAP: usize = 1;
/// How many rows taller than the shortest possible a band's tallest column may be, to even
/// out its other columns or keep its blocks in reading order.
const SLACK: usize = 2;
/// Blocks in a band beyond which the balance is found greedily rather than by trying every
/// split.
const EXHAUSTIVE: usize = 12;

/// One band of a page.
pub enum Band {
    /// A block across the whole width.
    Wide(Doc),
    /// Blocks side by side in this many columns, each block laid out at `column_width`.
    Columns(Vec<Doc>, usize),
}

/// The width of each of `columns` columns across `width` cells.
pub fn column_width(width: usize, columns: usize) -> usize {
    let columns = columns.max(1);
    (width.saturating_sub(COLUMN_GAP * (columns - 1)) / columns).max(1)
}

/// The page the bands make, `width` cells wide.
pub fn compose(width: usize, bands: Vec<Band>) -> Doc {
    let mut page = Doc::new(width);
    let mut grid = Grid::default();
    let mut top = 0;
    for (band, content) in bands.into_iter().enumerate() {
        let (docs, columns) = match content {
            Band::Wide(doc) => (vec![doc], 1),
            Band::Columns(docs, columns) => (docs, columns.max(1)),
        };
        let docs: Vec<Doc> = docs
            .into_iter()
            .map(trimmed)
            .filter(|d| !d.lines.is_empty())
            .collect();
        if docs.is_empty() {
            continue;
        }
        let column_width = if columns == 1 {
            width
        } else {
            column_width(width, columns)
        };
        let heights: Vec<usize> = docs.iter().map(|d| d.lines.len()).collect();
        let mut bottoms: Vec<Option<usize>> = vec![None; columns];
        for (doc, column) in docs.into_iter().zip(balance(&heights, columns)) {
            let x = column * (column_width + COLUMN_GAP);
            let y = bottoms[column].map_or(top, |bottom| bottom + BLOCK_GAP);
            bottoms[column] = Some(y + doc.lines.len());
            append(
                &mut page,
                &mut grid,
                doc,
                (band, column),
                (x, column_width),
                y,
            );
        }
        let bottom_of_band = bottoms.iter().flatten().copied().max().unwrap_or(top);
        for (column, bottom) in bottoms.iter().enumerate().skip(1) {
            if bottom.is_some() {
                let x = column * (column_width + COLUMN_GAP) - COLUMN_GAP / 2 - 1;
                grid.rules.push((x, top..bottom_of_band));
            }
        }
        grid.rows = bottom_of_band;
        top = bottom_of_band + BLOCK_GAP;
    }
    page.grid = Some(grid);
    page
}

/// A block without blank lines at either end.
fn trimmed(mut doc: Doc) -> Doc {
    while doc.lines.last().is_some_and(|l| l.segments.is_empty()) {
        doc.lines.pop();
    }
    let lead = doc
        .lines
        .iter()
        .take_while(|l| l.segments.is_empty())
        .count();
    doc.lines.drain(..lead);
    let last = doc.lines.len();
    for (_, line) in &mut doc.anchors {
        *line = line.saturating_sub(lead).min(last);
    }
    doc
}

/// Adds a block's lines (its links renumbered after the page's) at a place.
fn append(
    page: &mut Doc,
    grid: &mut Grid,
    block: Doc,
    (band, column): (usize, usize),
    (x, width): (usize, usize),
    top: usize,
) {
    // A blank line between blocks keeps them apart when the page is copied as text; it sits
    // on the gap row, where nothing else is drawn.
    if !page.lines.is_empty() {
        page.lines.push(Line::default());
        grid.places.push(Place {
            row: top.saturating_sub(1),
            x,
            width,
        });
    }
    let offset = page.links.len();
    page.links.extend(block.links);
    let first = page.lines.len();
    page.anchors.extend(
        block
            .anchors
            .into_iter()
            .map(|(id, line)| (id, first + line)),
    );
    let height = block.lines.len();
    for (row, mut line) in block.lines.into_iter().enumerate() {
        line.link = line.link.map(|l| l + offset);
        page.lines.push(line);
        grid.places.push(Place {
            row: top + row,
            x,
            width,
        });
    }
    grid.blocks.push(Block {
        lines: first..first + height,
        band,
        column,
        x,
        width,
        top,
        height,
    });
}

/// Which column each block goes in, blocks kept in their order within a column: the tallest
/// column as short as whole blocks allow; among splits within `SLACK` rows of that, the one
/// whose columns differ least (a block too tall to share a column leaves the others to be
/// evened out), then the one that keeps most to reading order (down the first column, then
/// the next). The first block always heads the first column.
pub fn balance(heights: &[usize], columns: usize) -> Vec<usize> {
    let columns = columns.max(1);
    if columns == 1 || heights.len() <= 1 {
        return vec![0; heights.len()];
    }
    if heights.len() > EXHAUSTIVE {
        return greedy(heights, columns);
    }
    let mut splits = Vec::new();
    let mut split = vec![0; heights.len()];
    every_split(heights.len(), columns, 1, &mut split, &mut splits);
    let measure = |split: &[usize]| {
        let totals = column_heights(heights, split, columns);
        let tallest = totals.iter().copied().max().unwrap_or(0);
        // Every column counts, an empty one too, unless there are fewer blocks than columns.
        let shortest = totals[..columns.min(heights.len())]
            .iter()
            .copied()
            .min()
            .unwrap_or(0);
        (tallest, tallest - shortest)
    };
    let best = splits.iter().map(|s| measure(s).0).min().unwrap_or(0);
    splits
        .into_iter()
        .filter(|s| measure(s).0 <= best + SLACK)
        .min_by_key(|s| {
            let (tallest, spread) = measure(s);
            (spread, out_of_order(s), tallest, s.clone())
        })
        .unwrap_or_else(|| vec![0; heights.len()])
}

/// Each column's height under a split, gaps between its blocks included.
pub fn column_heights(heights: &[usize], split: &[usize], columns: usize) -> Vec<usize> {
    let mut totals: Vec<Option<usize>> = vec![None; columns];
    for (&height, &column) in heights.iter().zip(split) {
        totals[column] = Some(totals[column].map_or(height, |t| t + BLOCK_GAP + height));
    }
    totals.into_iter().map(Option::unwrap_or_default).collect()
}

/// Every split in which each column's first block comes after the previous column's (so the
/// same split is not tried once per order of its columns).
fn every_split(
    len: usize,
    columns: usize,
    at: usize,
    split: &mut Vec<usize>,
    out: &mut Vec<Vec<usize>>,
) {
    if at == len {
        out.push(split.clone());
        return;
    }
    let opened = split[..at].iter().max().map_or(0, |m| m + 1);
    for column in 0..opened.min(columns - 1) + 1 {
        split[at] = column;
        every_split(len, columns, at + 1, split, out);
    }
}

/// Pairs of blocks that read in the other order (a later block in an earlier column).
fn out_of_order(split: &[usize]) -> usize {
    split
        .iter()
        .enumerate()
        .map(|(i, a)| split[i + 1..].iter().filter(|b| *b < a).count())
        .sum()
}

/// Each block to the column that is shortest so far.
fn greedy(heights: &[usize], columns: usize) -> Vec<usize> {
    let mut totals = vec![0usize; columns];
    heights
        .iter()
        .map(|&height| {
            let column = (0..columns).min_by_key(|&c| totals[c]).unwrap_or(0);
            totals[column] += height + BLOCK_GAP;
            column
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::detail::Target;

    fn block(lines: usize, link: bool) -> Doc {
        let mut doc = Doc::new(20);
        for i in 0..lines {
            if link && i == 0 {
                doc.link("link", Target::Outcome(1));
            } else {
                doc.paragraph("text");
            }
        }
        doc
    }

    #[test]
    fn a_tall_block_stands_alone_and_the_rest_keep_their_order() {
        let split = balance(&[10, 4, 9, 6, 7, 45, 7, 6], 2);
        let heights = column_heights(&[10, 4, 9, 6, 7, 45, 7, 6], &split, 2);
        assert!(heights.iter().max().unwrap() - heights.iter().min().unwrap() <= 4);
        assert_eq!(split[0], 0);
        assert_eq!(split[5], 1, "the tall block goes to the second column");
    }

    #[test]
    fn even_blocks_split_in_reading_order() {
        assert_eq!(balance(&[5, 5, 5, 5], 2), vec![0, 0, 1, 1]);
        assert_eq!(balance(&[9, 10], 3), vec![0, 1]);
        assert_eq!(balance(&[3, 3, 3], 1), vec![0, 0, 0]);
    }

    #[test]
    fn links_are_renumbered_in_order_and_land_on_their_rows() {
        let page = compose(
            43,
            vec![
                Band::Wide(block(2, true)),
                Band::Columns(vec![block(3, true), block(3, true)], 2),
            ],
        );
        assert_eq!(page.links.len(), 3);
        assert_eq!(page.link_rows(0).map(|r| r.start), Some(0));
        // Both column blocks start on the row after the gap.
        assert_eq!(page.link_rows(1).map(|r| r.start), Some(3));
        assert_eq!(page.link_rows(2).map(|r| r.start), Some(3));
        let second = page.place(page.link_line(2).unwrap());
        assert_eq!(second.x, 20 + COLUMN_GAP);
        assert_eq!(page.line_at(second.x + 1, 3), page.link_line(2));
        assert_eq!(page.rows(), 6);
        assert_eq!(page.rules(), &[(21, 3..6)]);
    }
}
