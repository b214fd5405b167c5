//! What the app's unit tests share: the embedded data (the curated Chinese set alone, as
//! these tests were written against), loaded and checked once per test binary, not once per
//! test.

use std::sync::{Arc, OnceLock};

use crate::app::view::{Facets, Sort, items};
use crate::app::{App, Catalog, Tab};

pub fn catalog() -> Arc<Catalog> {
    static CATALOG: OnceLock<Arc<Catalog>> = OnceLock::new();
    CATALOG
        .get_or_init(|| {
            Arc::new(Catalog::new(Arc::new(
                crate::data::embedded().expect("the embedded data loads"),
            )))
        })
        .clone()
}

/// An app on that catalog, `width` × `height`, on the overview.
pub fn app(width: u16, height: u16) -> App {
    App::new(catalog(), width, height)
}

/// All of a pane's items, sorted by a column.
pub fn sorted(catalog: &Catalog, tab: Tab, column: usize, reverse: bool) -> Vec<usize> {
    items(
        catalog,
        tab,
        &Facets::default(),
        None,
        Sort { column, reverse },
    )
}
