//! Which items a pane's list shows, and in what order: its filters (facets), the search
//! query, and the sort column.

use chrono::Datelike;

use crate::app::catalog::Catalog;
use crate::app::panes::meetings;
use crate::app::tab::Tab;
use crate::data::model::{Category, EventKind, InitiativeGroup};
use crate::text::glyphs::Glyph;
use crate::text::search::{Query, pinyin_key};

/// A pane's filters. Each is cycled by one key; `None` shows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub group: Option<InitiativeGroup>,
    pub category: Option<Category>,
    pub city: Option<String>,
    pub year: Option<i32>,
    pub kind: Option<EventKind>,
}

/// Which facet a key cycles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    /// Initiatives: summit/other; Timeline: the kind of event.
    Type,
    /// Initiatives: category; Meetings: city.
    Category,
    /// Meetings and Timeline: year.
    Year,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sort {
    /// Index into `sort_columns(tab)`; 0 is the pane's own order.
    pub column: usize,
    pub reverse: bool,
}

/// The columns a pane can sort by (its table headers), first the natural order.
pub fn sort_columns(tab: Tab) -> Vec<&'static str> {
    match tab {
        Tab::Initiatives => vec![Glyph::Numero.as_str(), "类别", "承诺"],
        Tab::Meetings => vec!["日期", "会见对象", "国家/组织"],
        _ => Vec::new(),
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

/// The year a meeting belongs to: its date's, or its timeline event's.
pub fn meeting_year(catalog: &Catalog, item: usize) -> Option<i32> {
    let meeting = catalog.data.meetings.get(item)?;
    if let Some(date) = meeting.date {
        return Some(date.0.year());
    }
    let events = catalog.events_of_meeting.get(&meeting.id)?;
    let event = catalog
        .data
        .timeline
        .iter()
        .find(|e| events.contains(&e.id))?;
    Some(event.date.year())
}

fn event_year(catalog: &Catalog, item: usize) -> Option<i32> {
    catalog
        .timeline
        .get(item)
        .map(|&i| catalog.data.timeline[i].date.year())
}

/// The values a facet can take in a pane, in order; empty where the pane has no such facet.
fn options(catalog: &Catalog, tab: Tab, facet: Facet) -> Vec<String> {
    let mut values: Vec<String> = match (tab, facet) {
        // In the printed order, not alphabetical.
        (Tab::Initiatives, Facet::Type) => return vec!["summit".into(), "other".into()],
        (Tab::Initiatives, Facet::Category) => {
            let mut c: Vec<Category> = catalog
                .data
                .initiatives
                .iter()
                .map(|i| i.category)
                .collect();
            c.sort();
            c.dedup();
            return c.iter().map(|c| c.label_zh().to_string()).collect();
        }
        (Tab::Meetings, Facet::Category) => catalog
            .data
            .meetings
            .iter()
            .filter_map(|m| m.city.clone())
            .collect(),
        (Tab::Meetings, Facet::Year) => (0..catalog.data.meetings.len())
            .filter_map(|i| meeting_year(catalog, i))
            .map(|y| y.to_string())
            .collect(),
        (Tab::Timeline, Facet::Year) => (0..catalog.timeline.len())
            .filter_map(|i| event_year(catalog, i))
            .map(|y| y.to_string())
            .collect(),
        (Tab::Timeline, Facet::Type) => {
            let mut k: Vec<EventKind> = catalog.data.timeline.iter().map(|e| e.kind).collect();
            k.sort();
            k.dedup();
            return k.iter().map(|k| k.label_zh().to_string()).collect();
        }
        _ => Vec::new(),
    };
    values.sort();
    values.dedup();
    values
}

impl Facets {
    /// Moves a facet to its next value (after the last, back to everything). Returns false
    /// when the pane has no such facet.
    pub fn cycle(&mut self, catalog: &Catalog, tab: Tab, facet: Facet) -> bool {
        let values = options(catalog, tab, facet);
        if values.is_empty() {
            return false;
        }
        let current = self.value(tab, facet);
        let next = match current.and_then(|c| values.iter().position(|v| *v == c)) {
            None => values.first().cloned(),
            Some(i) => values.get(i + 1).cloned(),
        };
        self.set(catalog, tab, facet, next);
        true
    }

    fn value(&self, tab: Tab, facet: Facet) -> Option<String> {
        match (tab, facet) {
            (Tab::Initiatives, Facet::Type) => self.group.map(|g| {
                if g == InitiativeGroup::Summit {
                    "summit".into()
                } else {
                    "other".into()
                }
            }),
            (Tab::Initiatives, Facet::Category) => self.category.map(|c| c.label_zh().to_string()),
            (Tab::Meetings, Facet::Category) => self.city.clone(),
            (Tab::Timeline, Facet::Type) => self.kind.map(|k| k.label_zh().to_string()),
            (_, Facet::Year) => self.year.map(|y| y.to_string()),
            _ => None,
        }
    }

    fn set(&mut self, catalog: &Catalog, tab: Tab, facet: Facet, value: Option<String>) {
        match (tab, facet) {
            (Tab::Initiatives, Facet::Type) => {
                self.group = value.map(|v| {
                    if v == "summit" {
                        InitiativeGroup::Summit
                    } else {
                        InitiativeGroup::Other
                    }
                });
            }
            (Tab::Initiatives, Facet::Category) => {
                self.category = value.and_then(|v| {
                    catalog
                        .data
                        .initiatives
                        .iter()
                        .map(|i| i.category)
                        .find(|c| c.label_zh() == v)
                });
            }
            (Tab::Meetings, Facet::Category) => self.city = value,
            (Tab::Timeline, Facet::Type) => {
                self.kind = value.and_then(|v| {
                    catalog
                        .data
                        .timeline
                        .iter()
                        .map(|e| e.kind)
                        .find(|k| k.label_zh() == v)
                });
            }
            (_, Facet::Year) => self.year = value.and_then(|v| v.parse().ok()),
            _ => {}
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Facets::default()
    }

    /// The active filters as the status bar says them: "组别=峰会倡议 年份=2025".
    pub fn describe(&self) -> Vec<String> {
        let mut parts = Vec::new();
        if let Some(group) = self.group {
            parts.push(format!("组别={}", group.label_zh()));
        }
        if let Some(category) = self.category {
            parts.push(format!("类别={}", category.label_zh()));
        }
        if let Some(city) = &self.city {
            parts.push(format!("城市={city}"));
        }
        if let Some(kind) = self.kind {
            parts.push(format!("类型={}", kind.label_zh()));
        }
        if let Some(year) = self.year {
            parts.push(format!("年份={year}"));
        }
        parts
    }

    fn keeps(&self, catalog: &Catalog, tab: Tab, item: usize) -> bool {
        match tab {
            Tab::Initiatives => {
                let Some(i) = catalog.data.initiatives.get(item) else {
                    return false;
                };
                self.group.is_none_or(|g| g == i.group)
                    && self.category.is_none_or(|c| c == i.category)
            }
            Tab::Meetings => {
                let Some(m) = catalog.data.meetings.get(item) else {
                    return false;
                };
                self.city
                    .as_ref()
                    .is_none_or(|c| m.city.as_ref() == Some(c))
                    && self
                        .year
                        .is_none_or(|y| meeting_year(catalog, item) == Some(y))
            }
            Tab::Timeline => {
                let Some(e) = catalog
                    .timeline
                    .get(item)
                    .map(|&i| &catalog.data.timeline[i])
                else {
                    return false;
                };
                self.kind.is_none_or(|k| k == e.kind)
                    && self.year.is_none_or(|y| y == e.date.year())
            }
            _ => true,
        }
    }
}

/// The first commitment's value, for sorting initiatives by what they promise.
fn commitment_value(catalog: &Catalog, item: usize) -> f64 {
    catalog
        .data
        .initiatives
        .get(item)
        .and_then(|i| i.commitments.first())
        .map_or(0.0, |c| c.value.0)
}

/// The list's items: filtered, searched, sorted.
pub fn items(
    catalog: &Catalog,
    tab: Tab,
    facets: &Facets,
    query: Option<&Query>,
    sort: Sort,
) -> Vec<usize> {
    let count = crate::app::panes::count(catalog, tab);
    let matching = query.map(|q| catalog.search().matching_items(q, tab));
    let mut items: Vec<usize> = (0..count)
        .filter(|&i| facets.keeps(catalog, tab, i))
        .filter(|i| matching.as_ref().is_none_or(|m| m.binary_search(i).is_ok()))
        .collect();
    let meeting = |i: usize| &catalog.data.meetings[i];
    match (tab, sort.column) {
        (Tab::Initiatives, 1) => {
            items.sort_by_cached_key(|&i| {
                pinyin_key(catalog.data.initiatives[i].category.label_zh())
            });
        }
        (Tab::Initiatives, 2) => {
            items.sort_by(|&a, &b| {
                commitment_value(catalog, b).total_cmp(&commitment_value(catalog, a))
            });
        }
        (Tab::Meetings, 1) => {
            items.sort_by_cached_key(|&i| pinyin_key(&meetings::counterpart(catalog, meeting(i))))
        }
        (Tab::Meetings, 2) => {
            items.sort_by_cached_key(|&i| pinyin_key(&meetings::country_name(catalog, meeting(i))))
        }
        _ => {}
    }
    if sort.reverse {
        items.reverse();
    }
    items
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::data::embedded;

    fn catalog() -> Catalog {
        Catalog::new(Arc::new(embedded().expect("embedded data")))
    }

    /// All of a pane's items, sorted by a column.
    fn sorted(catalog: &Catalog, tab: Tab, column: usize, reverse: bool) -> Vec<usize> {
        items(
            catalog,
            tab,
            &Facets::default(),
            None,
            Sort { column, reverse },
        )
    }

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
        let facets = Facets {
            city: Some("北京".into()),
            year: Some(2025),
            ..Facets::default()
        };
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
        assert_eq!(facets.describe(), ["城市=北京", "年份=2025"]);
    }

    #[test]
    fn a_meeting_without_a_day_takes_its_year_from_the_timeline() {
        let catalog = catalog();
        let kazan = catalog
            .data
            .meetings
            .iter()
            .position(|m| m.id == "kazan-2024-iran")
            .expect("kazan");
        assert_eq!(meeting_year(&catalog, kazan), Some(2024));
    }

    #[test]
    fn initiatives_sort_by_commitment_value_largest_first_and_reverse() {
        let catalog = catalog();
        let by_value = sorted(&catalog, Tab::Initiatives, 2, false);
        let first = &catalog.data.initiatives[by_value[0]];
        assert_eq!(
            first.commitments[0].as_printed, "1万个",
            "10,000 training places lead"
        );
        let reversed = sorted(&catalog, Tab::Initiatives, 2, true);
        assert_eq!(reversed.first(), by_value.last());
    }

    #[test]
    fn meetings_sort_by_counterpart_in_pinyin_order() {
        let catalog = catalog();
        let sorted = sorted(&catalog, Tab::Meetings, 1, false);
        let names: Vec<String> = sorted
            .iter()
            .map(|&i| pinyin_key(&meetings::counterpart(&catalog, &catalog.data.meetings[i])))
            .collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
        assert_eq!(
            meetings::counterpart(&catalog, &catalog.data.meetings[sorted[0]]),
            "阿塞拜疆领导人（未具名）"
        );
    }
}
