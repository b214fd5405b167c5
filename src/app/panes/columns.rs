//! A table's columns, typed: each column owns its title, its width, its cell and its sort (as
//! bottom's `ProcColumn` does), so a sort cannot drift from its header and a new column is
//! one entry in its pane's list.

use crate::app::catalog::Catalog;
use crate::app::detail::{Line, Role};
use crate::app::pane::{SortKeys, SortSpec};
use crate::app::panes::common::{Row, table_line};
use crate::app::words::Words;
use crate::text::width;

/// One column of a pane's table. A cell is read from the catalog and `C`, what the pane works
/// out once for all its rows (`()` when nothing).
pub struct Column<C: ?Sized> {
    pub title: fn(&Words) -> &'static str,
    pub width: Width,
    /// The narrowest list that shows the column; narrower lists drop it (the detail has it).
    pub from: usize,
    /// The item's cell, given the cells it has: its text and how it is drawn.
    pub cell: fn(&Catalog, &C, usize, usize) -> (String, Role),
    /// How the column sorts; `None` for a column that does not.
    pub sort: Option<Sorting>,
}

/// A column's width.
#[derive(Clone, Copy)]
pub enum Width {
    Cells(usize),
    /// As wide as its widest cell (and its title), within bounds: it grows with the content,
    /// and gives way to the fill column on a narrow list.
    Content {
        min: usize,
        max: usize,
    },
    /// What the other columns leave.
    Fill,
}

/// The fewest cells the fill column (the one that tells rows apart) keeps before the
/// content columns give way: 16, or two fifths of the list.
fn fill_min(width: usize) -> usize {
    (width * 2 / 5).max(16)
}
/// The most records a content column is measured over: the work per frame stays bounded
/// however large the data.
const MEASURED: usize = 1_000;

/// What a table is drawn from: its columns, the catalog, what its pane worked out for all
/// rows, and how many records it has.
pub struct Table<'a, C: ?Sized> {
    pub columns: &'a [Column<C>],
    pub catalog: &'a Catalog,
    pub context: &'a C,
    pub records: usize,
}

/// How a column sorts.
#[derive(Clone, Copy)]
pub struct Sorting {
    /// Whether the keys put the largest first (amounts), so the header marks it ▼.
    pub descending_keys: bool,
    /// The keys; `None` is the pane's own order (the column the list is in order of).
    pub key: Option<SortKeys>,
}

impl Sorting {
    /// The pane's own order.
    pub const OWN_ORDER: Sorting = Sorting {
        descending_keys: false,
        key: None,
    };

    pub const fn by(key: SortKeys) -> Sorting {
        Sorting {
            descending_keys: false,
            key: Some(key),
        }
    }
}

/// The sorts a pane offers, one per sorting column, in the columns' order.
pub fn sorts<C: ?Sized>(columns: &[Column<C>]) -> Vec<SortSpec> {
    columns
        .iter()
        .filter_map(|column| {
            let sorting = column.sort?;
            Some(SortSpec {
                title: column.title,
                descending_keys: sorting.descending_keys,
                key: sorting.key,
            })
        })
        .collect()
}

impl<C: ?Sized> Table<'_, C> {
    /// The columns a list of this width shows, each with its width in cells: content columns
    /// as wide as their widest cell (shrunk while the fill column would have fewer than
    /// `fill_min` cells: first those a narrow list drops, widest first), the fill column
    /// what the others leave.
    fn shown(&self, width: usize) -> Vec<(usize, &Column<C>, usize)> {
        let mut shown: Vec<(usize, &Column<C>, usize)> = self
            .columns
            .iter()
            .enumerate()
            .filter(|(_, column)| width >= column.from)
            .map(|(i, column)| {
                let cells = match column.width {
                    Width::Cells(cells) => cells,
                    Width::Content { min, max } => self.widest(column).clamp(min, max),
                    Width::Fill => 0,
                };
                (i, column, cells)
            })
            .collect();
        // The fill column needs no more than its widest cell.
        let fill_needs = shown
            .iter()
            .find(|(_, c, _)| matches!(c.width, Width::Fill))
            .map(|(_, column, _)| self.widest(column).min(fill_min(width)));
        let room = |shown: &[(usize, &Column<C>, usize)]| {
            width.saturating_sub(shown.iter().map(|(_, _, cells)| cells).sum::<usize>())
        };
        // The columns a narrow list drops anyway (`from` > 0) give way first.
        while fill_needs.is_some_and(|needs| room(&shown) < needs) {
            let widest = shown
                .iter_mut()
                .filter(
                    |(_, c, cells)| matches!(c.width, Width::Content { min, .. } if *cells > min),
                )
                .max_by_key(|(_, c, cells)| (c.from > 0, *cells));
            match widest {
                Some((_, _, cells)) => *cells -= 1,
                None => break,
            }
        }
        let left = room(&shown);
        for (_, column, cells) in &mut shown {
            if matches!(column.width, Width::Fill) {
                *cells = left;
            }
        }
        shown
    }

    /// The widest of a column's cells and its title, and the gap after it.
    fn widest(&self, column: &Column<C>) -> usize {
        let title = width((column.title)(self.catalog.words()));
        (0..self.records.min(MEASURED))
            .map(|i| width(&(column.cell)(self.catalog, self.context, i, usize::MAX).0))
            .max()
            .unwrap_or(0)
            .max(title)
            + 1
    }

    /// The header line: each title, a sorting column's through `sorted` (which marks ▲▼)
    /// by its place among the sorting columns.
    pub fn header(&self, width: usize, sorted: &dyn Fn(usize) -> String) -> Line {
        let w = self.catalog.words();
        let cells: Vec<(String, Role, usize)> = self
            .shown(width)
            .into_iter()
            .map(|(i, column, cells)| {
                let title = if column.sort.is_some() {
                    let place = self.columns[..i]
                        .iter()
                        .filter(|c| c.sort.is_some())
                        .count();
                    sorted(place)
                } else {
                    (column.title)(w).to_string()
                };
                (title, Role::Label, cells)
            })
            .collect();
        table_line(&cells, width)
    }

    /// The items' rows. Where the cells after the fill column are empty (an initiative
    /// without a commitment), the fill column takes their room too.
    pub fn rows(&self, items: &[usize], width: usize) -> Vec<Line> {
        let shown = self.shown(width);
        let fill = shown
            .iter()
            .position(|(_, c, _)| matches!(c.width, Width::Fill));
        items
            .iter()
            .map(|&item| {
                let mut cells: Vec<(String, Role, usize)> = shown
                    .iter()
                    .enumerate()
                    .map(|(place, (_, column, cells))| {
                        if Some(place) == fill {
                            return (String::new(), Role::Text, *cells);
                        }
                        // The cell is cut to its column less the gap after it.
                        let room = cells.saturating_sub(1);
                        let (text, role) = (column.cell)(self.catalog, self.context, item, room);
                        (text, role, *cells)
                    })
                    .collect();
                if let Some(f) = fill {
                    if cells[f + 1..].iter().all(|(text, _, _)| text.is_empty()) {
                        let spare: usize = cells[f + 1..].iter().map(|(_, _, c)| c).sum();
                        cells.truncate(f + 1);
                        cells[f].2 += spare;
                    }
                    let room = cells[f].2.saturating_sub(usize::from(f + 1 < cells.len()));
                    let (text, role) = (shown[f].1.cell)(self.catalog, self.context, item, room);
                    cells[f].0 = text;
                    cells[f].1 = role;
                }
                table_line(&cells, width)
            })
            .collect()
    }

    /// A plain table's list rows: one per item (those past its records left out).
    pub fn item_rows(&self, items: &[usize], width: usize) -> Vec<Row> {
        let items: Vec<usize> = items
            .iter()
            .copied()
            .filter(|&i| i < self.records)
            .collect();
        let lines = self.rows(&items, width);
        items
            .into_iter()
            .zip(lines)
            .map(|(i, line)| Row {
                line,
                item: Some(i),
            })
            .collect()
    }
}
