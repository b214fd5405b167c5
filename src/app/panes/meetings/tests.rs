//! The meetings pane: its filters, sorts and years.

use super::*;
use crate::app::testing::{catalog, sorted};
use crate::app::view::{Facets, Sort, items};

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
fn meetings_sort_by_counterpart_in_pinyin_order() {
    let catalog = catalog();
    let sorted = sorted(&catalog, Tab::Meetings, 1, false);
    let names: Vec<String> = sorted
        .iter()
        .map(|&i| pinyin_key(&counterpart(&catalog, &catalog.data.meetings[i])))
        .collect();
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
    assert_eq!(
        counterpart(&catalog, &catalog.data.meetings[sorted[0]]),
        "阿塞拜疆领导人（未具名）"
    );
}

#[test]
fn meetings_filter_by_kind_then_show_all() {
    let catalog = catalog();
    let mut facets = Facets::default();
    let shown = |facets: &Facets| items(&catalog, Tab::Meetings, facets, None, Sort::default());
    let mut seen = Vec::new();
    while facets.cycle(&catalog, Tab::Meetings, Facet::Type) && !facets.is_empty() {
        let kinds: Vec<&str> = shown(&facets)
            .iter()
            .map(|&i| catalog.data.meetings[i].kind.as_str())
            .collect();
        assert!(kinds.windows(2).all(|w| w[0] == w[1]), "{kinds:?}");
        seen.push((kinds[0].to_string(), kinds.len()));
    }
    assert_eq!(seen.iter().map(|(_, n)| n).sum::<usize>(), count(&catalog));
    assert!(seen.contains(&("国事访问".to_string(), 2)), "{seen:?}");
    let state_visits = Facets::default().with(Facet::Type, FacetValue::Text("国事访问".into()));
    assert_eq!(
        state_visits.describe(crate::data::Lang::Zh, Tab::Meetings),
        ["类型=国事访问"]
    );
}
