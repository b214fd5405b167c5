//! Which items a pane's list shows, and in what order: its filters (facets), the search
//! query, and the sort column. What each filter and column means is the pane's own
//! (`Pane::facets`, `Pane::sorts`); this file only applies them.

use strum::EnumCount;

use crate::app::catalog::Catalog;
use crate::app::pane::{Facet, FacetSpec, FacetValue};
use crate::app::tab::Tab;
use crate::data::Lang;
use crate::text::glyphs::Glyph;
use crate::text::search::Query;

/// A pane's filters, one per key slot; `None` shows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets([Option<FacetValue>; Facet::COUNT]);

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sort {
    /// Index into the pane's `sorts()`; 0 is the pane's own order.
    pub column: usize,
    pub reverse: bool,
}

impl Sort {
    /// Whether the list is in another order than the pane's own.
    pub fn is_active(self) -> bool {
        self.column > 0 || self.reverse
    }
}

/// What marks the sorted column: ascending, or descending when `reverse`.
pub fn sort_arrow(reverse: bool) -> Glyph {
    if reverse {
        Glyph::SortDown
    } else {
        Glyph::SortUp
    }
}

/// The values a facet can take, in order: those of the items the pane's other filters keep,
/// so that no value leads to an empty list (years with an event of the chosen kind).
fn options(catalog: &Catalog, tab: Tab, spec: &FacetSpec, others: &Facets) -> Vec<FacetValue> {
    let count = tab.pane().count(catalog);
    let mut values: Vec<FacetValue> = (0..count)
        .filter(|&item| others.keeps(catalog, tab, item))
        .filter_map(|item| (spec.value_of)(catalog, item))
        .collect();
    values.sort();
    values.dedup();
    values
}

/// A value a filter can take, with how many records have it under the other filters;
/// `None` is every record.
pub type Choice = (Option<FacetValue>, usize);

impl Facets {
    /// What a facet can be set to: every record first, then each value with its count
    /// (under the pane's other filters). Empty when the pane has no such facet.
    pub fn choices(&self, catalog: &Catalog, tab: Tab, slot: Facet) -> Vec<Choice> {
        let Some(spec) = tab.pane().facet(slot) else {
            return Vec::new();
        };
        let mut others = self.clone();
        others.0[slot as usize] = None;
        let mut counted: Vec<(FacetValue, usize)> = Vec::new();
        let mut all = 0;
        for item in 0..tab.pane().count(catalog) {
            if !others.keeps(catalog, tab, item) {
                continue;
            }
            all += 1;
            if let Some(value) = (spec.value_of)(catalog, item) {
                match counted.iter_mut().find(|(v, _)| *v == value) {
                    Some((_, n)) => *n += 1,
                    None => counted.push((value, 1)),
                }
            }
        }
        counted.sort_by(|a, b| a.0.cmp(&b.0));
        std::iter::once((None, all))
            .chain(counted.into_iter().map(|(v, n)| (Some(v), n)))
            .collect()
    }

    /// The value a facet is set to.
    pub fn get(&self, slot: Facet) -> Option<&FacetValue> {
        self.0[slot as usize].as_ref()
    }

    /// Sets a facet (`None`: every record).
    pub fn set(&mut self, slot: Facet, value: Option<FacetValue>) {
        self.0[slot as usize] = value;
    }

    /// Moves a facet to its next value (after the last, back to everything). Returns false
    /// when the pane has no such facet.
    pub fn cycle(&mut self, catalog: &Catalog, tab: Tab, slot: Facet) -> bool {
        let Some(spec) = tab.pane().facet(slot) else {
            return false;
        };
        let mut others = self.clone();
        others.0[slot as usize] = None;
        let values = options(catalog, tab, spec, &others);
        if values.is_empty() {
            return false;
        }
        let current = &mut self.0[slot as usize];
        *current = match current
            .as_ref()
            .and_then(|c| values.iter().position(|v| v == c))
        {
            None => values.first().cloned(),
            Some(i) => values.get(i + 1).cloned(),
        };
        true
    }

    /// These filters with one more set, e.g. meetings in 北京.
    pub fn with(mut self, slot: Facet, value: FacetValue) -> Facets {
        self.0[slot as usize] = Some(value);
        self
    }

    pub fn is_empty(&self) -> bool {
        *self == Facets::default()
    }

    /// The active filters as the status bar says them: "组别=峰会倡议 年份=2025".
    pub fn describe(&self, lang: Lang, tab: Tab) -> Vec<String> {
        tab.pane()
            .facets()
            .iter()
            .filter_map(|spec| {
                let value = self.0[spec.slot as usize].as_ref()?;
                Some(format!(
                    "{}={}",
                    (spec.name)(lang.words()),
                    value.label(lang)
                ))
            })
            .collect()
    }

    fn keeps(&self, catalog: &Catalog, tab: Tab, item: usize) -> bool {
        tab.pane().facets().iter().all(|spec| {
            self.0[spec.slot as usize]
                .as_ref()
                .is_none_or(|wanted| (spec.value_of)(catalog, item).as_ref() == Some(wanted))
        })
    }
}

/// The list's items: filtered, searched, sorted.
pub fn items(
    catalog: &Catalog,
    tab: Tab,
    facets: &Facets,
    query: Option<&Query>,
    sort: Sort,
) -> Vec<usize> {
    let pane = tab.pane();
    let matching = query.map(|q| catalog.search().matching_items(q, tab));
    let mut items: Vec<usize> = (0..pane.count(catalog))
        .filter(|&i| facets.keeps(catalog, tab, i))
        .filter(|i| matching.as_ref().is_none_or(|m| m.binary_search(i).is_ok()))
        .collect();
    if let Some(key) = pane.sorts().get(sort.column).and_then(|s| s.key) {
        let keys = key(catalog, &items);
        let mut order: Vec<usize> = (0..items.len()).collect();
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        items = order.into_iter().map(|i| items[i]).collect();
    }
    if sort.reverse {
        items.reverse();
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::catalog;

    #[test]
    fn initiative_filters_cycle_through_groups_then_show_all() {
        let catalog = catalog();
        let mut facets = Facets::default();
        assert!(facets.cycle(&catalog, Tab::Initiatives, Facet::Type));
        assert_eq!(
            items(&catalog, Tab::Initiatives, &facets, None, Sort::default()).len(),
            23
        );
        facets.cycle(&catalog, Tab::Initiatives, Facet::Type);
        assert_eq!(
            items(&catalog, Tab::Initiatives, &facets, None, Sort::default()).len(),
            13
        );
        facets.cycle(&catalog, Tab::Initiatives, Facet::Type);
        assert!(facets.is_empty());
        assert!(
            !facets.cycle(&catalog, Tab::Outcomes, Facet::Year),
            "outcomes have no year filter"
        );
    }

    #[test]
    fn filters_combine_with_each_other_and_with_search() {
        let catalog = catalog();
        let facets = Facets::default()
            .with(Facet::Category, FacetValue::Text("北京".into()))
            .with(Facet::Year, FacetValue::Year(2025));
        let beijing = items(&catalog, Tab::Meetings, &facets, None, Sort::default());
        assert_eq!(
            beijing.len(),
            7,
            "the seven 2 September meetings in the Great Hall"
        );
        let query = Query::new("伊朗").expect("query");
        let iran = items(
            &catalog,
            Tab::Meetings,
            &facets,
            Some(&query),
            Sort::default(),
        );
        assert_eq!(iran.len(), 1);
        assert_eq!(
            facets.describe(Lang::Zh, Tab::Meetings),
            ["城市=北京", "年份=2025"]
        );
    }

    #[test]
    fn a_filter_offers_only_values_the_other_filters_leave() {
        let catalog = catalog();
        let mut facets = Facets::default();
        // Every kind of event, then every year the key offers under it: none is empty.
        while facets.cycle(&catalog, Tab::Timeline, Facet::Type) && !facets.is_empty() {
            let mut by_year = facets.clone();
            while by_year.cycle(&catalog, Tab::Timeline, Facet::Year)
                && by_year.0[Facet::Year as usize].is_some()
            {
                let shown = items(&catalog, Tab::Timeline, &by_year, None, Sort::default());
                assert!(!shown.is_empty(), "{by_year:?} leads to nothing");
            }
        }
    }
}
