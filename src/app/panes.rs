//! Each pane's content: its list rows, its detail for the selected item, and where a link
//! into it lands. Pure functions of the catalog and a width.

mod common;
pub mod initiatives;
pub mod meetings;
pub mod outcomes;
pub mod overview;
pub mod results;
pub mod timeline;

pub use common::Row;

use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Line, Target};
use crate::app::tab::Tab;
use crate::app::view::{Sort, sort_arrow, sort_columns};

/// How many items the pane's list holds (0 for the overview, which has none).
pub fn count(catalog: &Catalog, tab: Tab) -> usize {
    match tab {
        Tab::Overview => 0,
        Tab::Outcomes => outcomes::count(catalog),
        Tab::Initiatives => initiatives::count(catalog),
        Tab::Timeline => timeline::count(catalog),
        Tab::Meetings => meetings::count(catalog),
        Tab::Results => results::count(catalog),
    }
}

/// A table's column titles, kept above the rows, the sorted one marked ▲ or ▼.
pub fn header(tab: Tab, width: usize, sort: Sort) -> Option<Line> {
    let mark = |column: &str| -> String {
        let columns = sort_columns(tab);
        match columns.get(sort.column) {
            Some(sorted) if *sorted == column && (sort.column > 0 || sort.reverse) => {
                format!("{column}{}", sort_arrow(sort.reverse))
            }
            _ => column.to_string(),
        }
    };
    match tab {
        Tab::Initiatives => Some(initiatives::header(width, &mark)),
        Tab::Meetings => Some(meetings::header(width, &mark)),
        _ => None,
    }
}

/// The list rows of the given items, in their order.
pub fn rows(catalog: &Catalog, tab: Tab, width: usize, items: &[usize]) -> Vec<Row> {
    match tab {
        Tab::Overview => Vec::new(),
        Tab::Outcomes => outcomes::rows(catalog, width, items),
        Tab::Initiatives => initiatives::rows(catalog, width, items),
        Tab::Timeline => timeline::rows(catalog, width, items),
        Tab::Meetings => meetings::rows(catalog, width, items),
        Tab::Results => results::rows(catalog, width, items),
    }
}

pub fn detail(catalog: &Catalog, tab: Tab, item: usize, width: usize) -> Doc {
    match tab {
        Tab::Overview => overview::detail(catalog, width),
        Tab::Outcomes => outcomes::detail(catalog, item, width),
        Tab::Initiatives => initiatives::detail(catalog, item, width),
        Tab::Timeline => timeline::detail(catalog, item, width),
        Tab::Meetings => meetings::detail(catalog, item, width),
        Tab::Results => results::detail(catalog, item, width),
    }
}

/// Where a link leads: the pane, and the item there (for the overview, the link to select).
pub fn locate(catalog: &Catalog, target: &Target) -> Option<(Tab, usize)> {
    match target {
        Target::Outcome(n) => outcomes::locate(catalog, *n).map(|i| (Tab::Outcomes, i)),
        Target::Initiative(n) => initiatives::locate(catalog, *n).map(|i| (Tab::Initiatives, i)),
        Target::Event(id) => timeline::locate(catalog, id).map(|i| (Tab::Timeline, i)),
        Target::Meeting(id) => meetings::locate(catalog, id).map(|i| (Tab::Meetings, i)),
        Target::Section(id) => results::locate(catalog, id).map(|i| (Tab::Results, i)),
        Target::Document(id) => overview::document_link(catalog, id).map(|i| (Tab::Overview, i)),
    }
}
