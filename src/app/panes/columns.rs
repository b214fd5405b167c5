//! A table's columns, typed: each column owns its title, its width, its cell and its sort (as
//! bottom's `ProcColumn` does), so a sort cannot drift from its header and a new column is
//! one entry in its pane's list.

use crate::app::catalog::Catalog;
use crate::app::detail::{Line, Role};
use crate::app::pane::{SortKeys, SortSpec};
use crate::app::panes::common::table_line;
use crate::app::words::Words;

/// One column of a pane's table. A cell is read from the catalog and `C`, what the pane works
/// out once for all its rows (`()` when nothing).
pub struct Column<C: ?Sized> {
    pub title: fn(&Words) -> &'static str,
    pub width: Width,
    /// The narrowest list that shows the column; narrower lists drop it (the detail has it).
    pub from: usize,
    /// The item's cell: its text and how it is drawn.
    pub cell: fn(&Catalog, &C, usize) -> (String, Role),
    /// How the column sorts; `None` for a column that does not.
    pub sort: Option<Sorting>,
}

/// A column's width.
#[derive(Clone, Copy)]
pub enum Width {
    Cells(usize),
    /// As wide as the language's words need (the longest category name).
    Words(fn(&Words) -> usize),
    /// What the other columns leave.
    Fill,
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

/// The columns a list of this width shows, each with its width in cells; the fill column
/// takes what the others leave.
fn shown<'a, C: ?Sized>(
    columns: &'a [Column<C>],
    w: &Words,
    width: usize,
) -> Vec<(usize, &'a Column<C>, usize)> {
    let visible: Vec<(usize, &Column<C>)> = columns
        .iter()
        .enumerate()
        .filter(|(_, column)| width >= column.from)
        .collect();
    let fixed: usize = visible
        .iter()
        .map(|(_, column)| match column.width {
            Width::Cells(cells) => cells,
            Width::Words(cells) => cells(w),
            Width::Fill => 0,
        })
        .sum();
    visible
        .into_iter()
        .map(|(i, column)| {
            let cells = match column.width {
                Width::Cells(cells) => cells,
                Width::Words(cells) => cells(w),
                Width::Fill => width.saturating_sub(fixed),
            };
            (i, column, cells)
        })
        .collect()
}

/// The header line: each title, a sorting column's through `sorted` (which marks ▲▼) by its
/// place among the sorting columns.
pub fn header<C: ?Sized>(
    columns: &[Column<C>],
    w: &Words,
    width: usize,
    sorted: &dyn Fn(usize) -> String,
) -> Line {
    let cells: Vec<(String, Role, usize)> = shown(columns, w, width)
        .into_iter()
        .map(|(i, column, cells)| {
            let title = if column.sort.is_some() {
                let place = columns[..i].iter().filter(|c| c.sort.is_some()).count();
                sorted(place)
            } else {
                (column.title)(w).to_string()
            };
            (title, Role::Label, cells)
        })
        .collect();
    table_line(&cells, width)
}

/// An item's row.
pub fn row<C: ?Sized>(
    columns: &[Column<C>],
    catalog: &Catalog,
    context: &C,
    item: usize,
    width: usize,
) -> Line {
    let cells: Vec<(String, Role, usize)> = shown(columns, catalog.words(), width)
        .into_iter()
        .map(|(_, column, cells)| {
            let (text, role) = (column.cell)(catalog, context, item);
            (text, role, cells)
        })
        .collect();
    table_line(&cells, width)
}
