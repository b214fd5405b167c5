//! Where a doc's lines are drawn when it is set as blocks side by side (see `page.rs`): each
//! line has a row and a column of its own, so a line's place no longer follows from its
//! index. A doc without a grid is read top to bottom, line `i` on row `i`.

use std::ops::Range;

use super::Doc;

/// Where one line is drawn: its row on the page and the cells it may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub row: usize,
    pub x: usize,
    pub width: usize,
}

/// One block of the page (a section): its lines, in one column, on consecutive rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub lines: Range<usize>,
    /// Which band of the page, and which column of that band, it sits in.
    pub band: usize,
    pub column: usize,
    pub x: usize,
    pub width: usize,
    pub top: usize,
    pub height: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grid {
    /// One per line of the doc.
    pub places: Vec<Place>,
    pub blocks: Vec<Block>,
    /// Rows of the whole page.
    pub rows: usize,
    /// Column rules: the cell they are drawn in and the rows they run along.
    pub rules: Vec<(usize, Range<usize>)>,
}

impl Doc {
    /// Rows the doc takes on screen.
    pub fn rows(&self) -> usize {
        self.grid.as_ref().map_or(self.lines.len(), |g| g.rows)
    }

    /// Where line `line` is drawn.
    pub fn place(&self, line: usize) -> Place {
        match self.grid.as_ref().and_then(|g| g.places.get(line)) {
            Some(place) => *place,
            None => Place {
                row: line,
                x: 0,
                width: self.width,
            },
        }
    }

    /// The line drawn at a cell of the page, if any.
    pub fn line_at(&self, x: usize, row: usize) -> Option<usize> {
        match &self.grid {
            None => (row < self.lines.len() && x < self.width).then_some(row),
            Some(grid) => grid
                .places
                .iter()
                .position(|p| p.row == row && (p.x..p.x + p.width).contains(&x)),
        }
    }

    /// The lines on rows `top..top + height`, with where each goes.
    pub fn visible(&self, top: usize, height: usize) -> Vec<(usize, Place)> {
        let rows = top..top.saturating_add(height);
        match &self.grid {
            None => rows
                .filter(|&row| row < self.lines.len())
                .map(|row| (row, self.place(row)))
                .collect(),
            Some(grid) => grid
                .places
                .iter()
                .enumerate()
                .filter(|(_, p)| rows.contains(&p.row))
                .map(|(i, p)| (i, *p))
                .collect(),
        }
    }

    /// The column rules to draw (none for a doc read top to bottom).
    pub fn rules(&self) -> &[(usize, Range<usize>)] {
        self.grid.as_ref().map_or(&[], |g| &g.rules)
    }
}
