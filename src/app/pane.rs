//! What a pane is: one unit that knows its records, its list and detail, its filters and
//! its sort columns. Each `app/panes/<pane>.rs` implements it, so adding a facet or a sort
//! column to a pane touches that pane's file; `Tab::pane` is the one place that maps a tab
//! to its pane, and the compiler checks it covers every tab.

use std::cmp::Ordering;

use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Line};
use crate::app::panes::Row;
use crate::app::search::{Entry, IndexSource};
use crate::app::words::Words;
use crate::data::Lang;
use crate::data::model::{Category, EventKind, InitiativeGroup};

/// Which key cycles a facet. The keymap binds keys to these slots; what a slot filters is
/// up to each pane (kind of event on the timeline, group of initiatives).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumCount, strum::EnumIter)]
pub enum Facet {
    /// `t`: initiatives by group, events by kind.
    Type,
    /// `c`: initiatives by category, meetings by city.
    Category,
    /// `Y`: meetings and events by year.
    Year,
}

/// A value a facet filters on, typed by what it is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FacetValue {
    Group(InitiativeGroup),
    Category(Category),
    /// A name the data gives (a city, a kind of meeting), in code-point order.
    Text(String),
    Kind(EventKind),
    Year(i32),
}

impl FacetValue {
    /// The value as the status bar says it.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            FacetValue::Group(g) => g.label(lang).to_string(),
            FacetValue::Category(c) => c.label(lang).to_string(),
            FacetValue::Text(text) => text.clone(),
            FacetValue::Kind(k) => k.label(lang).to_string(),
            FacetValue::Year(y) => y.to_string(),
        }
    }
}

/// One filter a pane offers: the key slot that cycles it, its name, and each item's value.
/// The values it cycles through are those its items have, in `FacetValue`'s order.
pub struct FacetSpec {
    pub slot: Facet,
    /// As the status bar names it: "城市".
    pub name: fn(&Words) -> &'static str,
    pub value_of: fn(&Catalog, usize) -> Option<FacetValue>,
}

/// The sort keys of some items, in their order.
pub type SortKeys = fn(&Catalog, &[usize]) -> Vec<SortKey>;

/// One column a pane's list can be sorted by; the first of a pane's columns is its own order.
pub struct SortSpec {
    /// The column's title in the list header, which carries the ▲/▼ mark (a function: it
    /// is in the reader's language, and a glyph's form depends on the terminal).
    pub title: fn(&Words) -> &'static str,
    /// Whether the keys put the largest first (amounts), so the header marks it ▼.
    pub descending_keys: bool,
    /// The keys of the given items, in their order (all at once, so a key may depend on the
    /// others: the order of units by first appearance); `None` keeps the pane's own order.
    /// Sorting is stable.
    pub key: Option<SortKeys>,
}

impl SortSpec {
    /// Whether the column, unreversed, puts the largest first (its mark is then ▼).
    pub fn descending(&self) -> bool {
        self.key.is_some_and(|_| self.descending_keys)
    }
}

/// What a column sorts on.
#[derive(Debug, Clone, PartialEq)]
pub enum SortKey {
    /// Text in pinyin order (`pinyin_key`).
    Text(String),
    /// A quantity in a group of like quantities (one unit): groups in order, the largest
    /// first within each.
    Amount { group: usize, value: f64 },
}

impl Eq for SortKey {}

impl PartialOrd for SortKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SortKey {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (SortKey::Text(a), SortKey::Text(b)) => a.cmp(b),
            (SortKey::Amount { group: g, value: a }, SortKey::Amount { group: h, value: b }) => {
                g.cmp(h).then(b.total_cmp(a))
            }
            (SortKey::Text(_), SortKey::Amount { .. }) => Ordering::Less,
            (SortKey::Amount { .. }, SortKey::Text(_)) => Ordering::Greater,
        }
    }
}

/// A pane of the dashboard.
pub trait Pane: Sync {
    /// How many items its list holds (0 for a pane without a list).
    fn count(&self, catalog: &Catalog) -> usize;

    /// The list rows of the given items, in their order, at a width.
    fn rows(&self, catalog: &Catalog, width: usize, items: &[usize]) -> Vec<Row>;

    /// The list rows with each title that does not fit on one line going on onto up to
    /// `lines` (see `common::wrapped_row`), for a list with the height to show them all;
    /// `None` for a pane whose rows stay one line (the tables, whose columns line up).
    fn wrapped_rows(
        &self,
        _catalog: &Catalog,
        _width: usize,
        _items: &[usize],
        _lines: usize,
    ) -> Option<Vec<Row>> {
        None
    }

    /// The list's column titles; `sorted(i)` is sort column `i`'s title with its mark.
    fn header(
        &self,
        _catalog: &Catalog,
        _width: usize,
        _sorted: &dyn Fn(usize) -> String,
    ) -> Option<Line> {
        None
    }

    /// The detail of one item, laid out at a width.
    fn detail(&self, catalog: &Catalog, item: usize, width: usize) -> Doc;

    /// The detail as plain text reads it (what `y` copies): the detail, unless the pane sets
    /// things side by side that text should give one after another.
    fn plain(&self, catalog: &Catalog, item: usize, width: usize) -> Doc {
        self.detail(catalog, item, width)
    }

    /// Its records as search sees them.
    fn search_entries(&self, _source: &IndexSource) -> Vec<Entry> {
        Vec::new()
    }

    /// The filters it offers.
    fn facets(&self) -> &'static [FacetSpec] {
        &[]
    }

    /// The columns it sorts by, its own order first (empty when it does not sort).
    fn sorts(&self) -> &'static [SortSpec] {
        &[]
    }

    /// The filter a key slot cycles here, if any.
    fn facet(&self, slot: Facet) -> Option<&'static FacetSpec> {
        self.facets().iter().find(|f| f.slot == slot)
    }
}
