//! The summit at a glance, as a dashboard: the summit and its eight outcomes at the top, the
//! headline figures, the results-list chart, the documents and the next summit, then the
//! rest to read. Each section is a block that is never split between columns; from 100
//! columns they sit side by side (see `detail::page`).

mod chart;
mod figures;
pub mod search;
mod sections;

use crate::app::catalog::Catalog;
use crate::app::detail::page::{Band, column_width, compose};
use crate::app::detail::{Doc, Role};
use crate::app::layout::WIDE;
use crate::app::pane::Pane;
use crate::app::panes::common::Row;
use crate::app::search::{Entry, IndexSource};
use crate::data::model::Summit;

pub use sections::{leader_name, leader_words};

/// One section, laid out at a width.
type Section = fn(&Catalog, &Summit, usize) -> Doc;

/// From this many cells the page has three columns (two from `WIDE`).
const THREE_COLUMNS: usize = 180;

/// The dashboard, in reading order.
const DASHBOARD: [Section; 6] = [
    sections::header,
    sections::outcomes,
    figures::figures,
    chart::results,
    sections::documents,
    sections::next_summit,
];
/// The sections to read on.
const REST: [Section; 6] = [
    sections::meetings,
    sections::participants,
    sections::chairmanship,
    sections::leaders,
    sections::earlier_documents,
    sections::summit_sources,
];

/// Columns a page of `width` cells has.
fn columns(width: usize) -> usize {
    if width >= THREE_COLUMNS {
        3
    } else if width >= usize::from(WIDE) {
        2
    } else {
        1
    }
}

fn detail(catalog: &Catalog, width: usize) -> Doc {
    let Some(summit) = &catalog.data.summit else {
        let mut doc = Doc::new(width);
        doc.wrapped(("", Role::Text), 0, catalog.words().no_summit, Role::Text);
        return doc;
    };
    let build = |section: &Section, width| section(catalog, summit, width);
    let count = columns(width);
    let column = column_width(width, count);
    let [header, outcomes, figures, chart, documents, next] = DASHBOARD;
    let rest = || REST.iter().map(|s| build(s, column)).collect();
    // Links keep one order at every width (outcomes, chart, documents, leaders, earlier
    // documents): `document_link` and a kept selection count on it.
    let bands = match count {
        // In reading order: at 80×24 the summit, the outcomes and the first figures fill the
        // first screen.
        1 => DASHBOARD
            .iter()
            .chain(&REST)
            .map(|s| Band::Wide(build(s, width)))
            .collect(),
        // The figures, tall as tiles two abreast, beside the outcomes, the chart, the
        // documents and the next summit: at 120×40 the first screen shows all but the foot of
        // the documents and the next summit.
        2 => vec![
            Band::Wide(build(&header, width)),
            Band::Columns(
                [outcomes, figures, chart, documents, next]
                    .iter()
                    .map(|s| build(s, column))
                    .collect(),
                2,
            ),
            Band::Columns(rest(), 2),
        ],
        // Three columns: the outcomes, the chart, the documents and the next summit side by
        // side, the figures across the page under them.
        _ => vec![
            Band::Wide(build(&header, width)),
            Band::Columns(
                [outcomes, chart, documents, next]
                    .iter()
                    .map(|s| build(s, column))
                    .collect(),
                count,
            ),
            Band::Wide(build(&figures, width)),
            Band::Columns(rest(), count),
        ],
    };
    compose(width, bands)
}

/// The overview's link index of a summit document (for links that lead here): the outcomes
/// and the chart's sections come first, one link each, then one per document with an outcome.
/// The order of the links is the same at every width.
pub fn document_link(catalog: &Catalog, id: &str) -> Option<usize> {
    let documents = &catalog.data.summit.as_ref()?.documents;
    let linked: Vec<&str> = documents
        .iter()
        .filter(|d| d.event.is_none())
        .filter(|d| {
            catalog
                .outcomes_of_document
                .get(&d.id)
                .is_some_and(|o| !o.is_empty())
        })
        .map(|d| d.id.as_str())
        .collect();
    let position = linked.iter().position(|d| *d == id)?;
    Some(catalog.data.outcomes.len() + catalog.results.sections.len() + position)
}

/// The summit at a glance: a page of links, without a list.
pub struct Overview;

impl Pane for Overview {
    fn count(&self, _catalog: &Catalog) -> usize {
        0
    }

    fn rows(&self, _catalog: &Catalog, _width: usize, _items: &[usize]) -> Vec<Row> {
        Vec::new()
    }

    fn detail(&self, catalog: &Catalog, _item: usize, width: usize) -> Doc {
        detail(catalog, width)
    }

    /// What the page says that no other pane holds, each entry anchored to its lines.
    fn search_entries(&self, source: &IndexSource) -> Vec<Entry> {
        search::entries(source)
    }

    /// One section after another, the figures one a line (tiles are for a screen).
    fn plain(&self, catalog: &Catalog, _item: usize, width: usize) -> Doc {
        let Some(summit) = &catalog.data.summit else {
            return detail(catalog, width);
        };
        let [header, outcomes, _tiles, chart, documents, next] = DASHBOARD;
        let list: Section = figures::figure_list;
        let sections = [header, outcomes, list, chart, documents, next]
            .iter()
            .chain(&REST)
            .map(|section| Band::Wide(section(catalog, summit, width)))
            .collect();
        compose(width, sections)
    }
}

#[cfg(test)]
mod tests;
