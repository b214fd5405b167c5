//! The panes, one file each (see `pane.rs` for what a pane is), and where a link lands.

mod columns;
mod common;
pub mod initiatives;
pub mod meetings;
pub mod outcomes;
pub mod overview;
pub mod results;
pub mod timeline;
pub mod voices;

pub use common::Row;

use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Line, Target};
use crate::app::pane::Pane;
use crate::app::tab::Tab;
use crate::app::view::{Sort, sort_arrow};

impl Tab {
    /// The pane this tab shows.
    pub fn pane(self) -> &'static dyn Pane {
        match self {
            Tab::Overview => &overview::Overview,
            Tab::Outcomes => &outcomes::Outcomes,
            Tab::Initiatives => &initiatives::Initiatives,
            Tab::Timeline => &timeline::Timeline,
            Tab::Meetings => &meetings::Meetings,
            Tab::Results => &results::Results,
            Tab::Voices => &voices::Voices,
        }
    }
}

/// How many items the pane's list holds (0 for the overview, which has none).
pub fn count(catalog: &Catalog, tab: Tab) -> usize {
    tab.pane().count(catalog)
}

/// A table's column titles, kept above the rows, the sorted one marked ▲ or ▼.
pub fn header(catalog: &Catalog, tab: Tab, width: usize, sort: Sort) -> Option<Line> {
    let pane = tab.pane();
    let words = catalog.words();
    let sorted = |column: usize| -> String {
        let title = pane.sorts().get(column).map_or("", |s| (s.title)(words));
        if column == sort.column && sort.is_active() {
            let descending = pane.sorts()[column].descending();
            format!("{title}{}", sort_arrow(sort.reverse != descending))
        } else {
            title.to_string()
        }
    };
    pane.header(catalog, width, &sorted)
}

/// Whether the pane's list is a table with a header line: the panes with typed columns,
/// which are those that sort (their own order is a column).
pub fn has_header(tab: Tab) -> bool {
    !tab.pane().sorts().is_empty()
}

/// The list rows of the given items, in their order.
pub fn rows(catalog: &Catalog, tab: Tab, width: usize, items: &[usize]) -> Vec<Row> {
    tab.pane().rows(catalog, width, items)
}

pub fn detail(catalog: &Catalog, tab: Tab, item: usize, width: usize) -> Doc {
    tab.pane().detail(catalog, item, width)
}

/// The detail as plain text reads it (see `Pane::plain`).
pub fn plain(catalog: &Catalog, tab: Tab, item: usize, width: usize) -> Doc {
    tab.pane().plain(catalog, item, width)
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
        Target::Voice(id) => voices::locate(catalog, id).map(|i| (Tab::Voices, i)),
    }
}
