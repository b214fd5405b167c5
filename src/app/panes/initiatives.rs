use std::collections::HashMap;
use std::sync::LazyLock;

use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Line, Role, Target};
use crate::app::pane::{Facet, FacetSpec, FacetValue, Pane, SortKey, SortSpec};
use crate::app::panes::columns::{self, Column, Sorting, Table, Width};
use crate::app::panes::common::{Row, headed_rows, outcome_title, sources};
use crate::app::search::{Entry, IndexSource, texts};
use crate::app::tab::Tab;
use crate::data::model::{Initiative, InitiativeGroup};
use crate::text::glyphs::Glyph;
use crate::text::search::pinyin_key;

fn count(catalog: &Catalog) -> usize {
    catalog.data.initiatives.len()
}

fn group_role(group: InitiativeGroup) -> Role {
    match group {
        InitiativeGroup::Summit => Role::Summit,
        InitiativeGroup::Other => Role::Other,
    }
}

/// The commitment a table row shows: the first, as printed, e.g. "20亿元人民币".
pub fn headline_commitment(initiative: &Initiative) -> String {
    initiative
        .commitments
        .first()
        .map_or(String::new(), |c| c.as_printed.clone())
}

/// The table's columns: the category from a list 50 cells wide, the commitment from 64. The
/// group (summit or other) is not a column: the list is split into the two groups.
static COLUMNS: [Column<()>; 4] = [
    Column {
        title: |_| Glyph::Numero.as_str(),
        width: Width::Cells(4),
        from: 0,
        cell: |catalog, _, i, _| {
            let initiative = &catalog.data.initiatives[i];
            (initiative.n.to_string(), group_role(initiative.group))
        },
        sort: Some(Sorting::OWN_ORDER),
    },
    Column {
        title: |w| w.c_category,
        width: Width::Content { min: 5, max: 16 },
        from: 50,
        cell: |catalog, _, i, _| {
            let label = catalog.data.initiatives[i]
                .category
                .short_label(catalog.lang);
            (label.to_string(), Role::Muted)
        },
        sort: Some(Sorting::by(|catalog, items| {
            let label = |&item: &usize| catalog.data.initiatives[item].category.label(catalog.lang);
            items
                .iter()
                .map(|i| SortKey::Text(pinyin_key(label(i))))
                .collect()
        })),
    },
    Column {
        title: |w| w.c_initiative,
        width: Width::Fill,
        from: 0,
        // The short title, which leads with what tells the rows apart, so that a title cut at
        // its end (by the row) keeps it; the detail has the whole text.
        cell: |catalog, _, i, _| (catalog.data.initiatives[i].title().to_string(), Role::Text),
        sort: None,
    },
    Column {
        title: |w| w.c_commitment,
        width: Width::Content { min: 8, max: 26 },
        from: 64,
        cell: |catalog, _, i, _| {
            let initiative = &catalog.data.initiatives[i];
            (headline_commitment(initiative), Role::Accent)
        },
        sort: Some(Sorting {
            descending_keys: true,
            key: Some(commitment_keys),
        }),
    },
];

static SORTS: LazyLock<Vec<SortSpec>> = LazyLock::new(|| columns::sorts(&COLUMNS));

fn table(catalog: &Catalog) -> Table<'_, ()> {
    Table {
        columns: &COLUMNS,
        catalog,
        context: &(),
        records: count(catalog),
    }
}

/// The rows, with a heading where the group changes while the list is in number order
/// (sorted by another column, the groups mix, and each row's number says its group).
fn rows(catalog: &Catalog, width: usize, items: &[usize]) -> Vec<Row> {
    let items: Vec<usize> = items
        .iter()
        .copied()
        .filter(|&i| i < catalog.data.initiatives.len())
        .collect();
    let lines = table(catalog).rows(&items, width);
    headed_rows(width, &items, lines, |i| {
        let group = catalog.data.initiatives[i].group;
        let label = group.label(catalog.lang).to_string();
        (group, vec![(label, group_role(group))])
    })
}

fn detail(catalog: &Catalog, item: usize, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    let Some(initiative) = catalog.data.initiatives.get(item) else {
        return doc;
    };
    let (w, lang) = (catalog.words(), catalog.lang);
    doc.segments(vec![
        (format!("{} ", (w.initiative)(initiative.n)), Role::Accent),
        (
            initiative.group.label(lang).to_string(),
            group_role(initiative.group),
        ),
        (
            format!(" {} {}", Glyph::Separator, initiative.category.label(lang)),
            Role::Muted,
        ),
    ]);
    doc.wrapped(("", Role::Title), 0, &initiative.text, Role::Title);
    if !initiative.commitments.is_empty() {
        doc.heading(w.h_commitments);
        for commitment in &initiative.commitments {
            let period = commitment
                .period
                .as_ref()
                .map_or(String::new(), |p| (w.aside)(&p.text));
            doc.bullet(&format!(
                "{} {}{period}",
                commitment.as_printed, commitment.what
            ));
        }
    }
    if let Some(outcomes) = catalog.outcomes_of_initiative.get(&initiative.n) {
        doc.heading(w.h_outcome_of);
        for n in outcomes {
            doc.link(&outcome_title(catalog, *n), Target::Outcome(*n));
        }
    }
    sources(&mut doc, catalog, &initiative.sources);
    doc
}

pub fn locate(catalog: &Catalog, n: u32) -> Option<usize> {
    catalog.data.initiatives.iter().position(|i| i.n == n)
}

/// Sorting by what initiatives promise: by the first commitment, grouped by what it counts
/// (as the charts group them: projects and training places apart, though both count in 个;
/// in the order they first appear in the list, the same in either language), the most first
/// within a group; initiatives without a figure last. Values of different things are never
/// compared.
fn commitment_keys(catalog: &Catalog, items: &[usize]) -> Vec<SortKey> {
    let initiatives = &catalog.data.initiatives;
    let counted = |item: usize| crate::app::chart::counted(catalog, item, 0);
    let mut units: HashMap<String, usize> = HashMap::new();
    for item in (0..initiatives.len()).filter(|&i| !initiatives[i].commitments.is_empty()) {
        let next = units.len();
        units.entry(counted(item)).or_insert(next);
    }
    items
        .iter()
        .map(|&item| match initiatives[item].commitments.first() {
            Some(c) => SortKey::Amount {
                group: units.get(&counted(item)).copied().unwrap_or(usize::MAX - 1),
                value: c.value.0,
            },
            None => SortKey::Amount {
                group: usize::MAX,
                value: 0.0,
            },
        })
        .collect()
}

/// The 36 cooperation initiatives (合作倡议).
pub struct Initiatives;

static FACETS: [FacetSpec; 2] = [
    FacetSpec {
        slot: Facet::Type,
        name: |w| w.c_group,
        value_of: |catalog, item| {
            let group = catalog.data.initiatives.get(item)?.group;
            Some(FacetValue::Group(group))
        },
    },
    FacetSpec {
        slot: Facet::Category,
        name: |w| w.c_category,
        value_of: |catalog, item| {
            let category = catalog.data.initiatives.get(item)?.category;
            Some(FacetValue::Category(category))
        },
    },
];

impl Pane for Initiatives {
    fn count(&self, catalog: &Catalog) -> usize {
        count(catalog)
    }

    fn rows(&self, catalog: &Catalog, width: usize, items: &[usize]) -> Vec<Row> {
        rows(catalog, width, items)
    }

    fn header(
        &self,
        catalog: &Catalog,
        width: usize,
        sorted: &dyn Fn(usize) -> String,
    ) -> Option<Line> {
        Some(table(catalog).header(width, sorted))
    }

    fn detail(&self, catalog: &Catalog, item: usize, width: usize) -> Doc {
        detail(catalog, item, width)
    }

    fn facets(&self) -> &'static [FacetSpec] {
        &FACETS
    }

    fn sorts(&self) -> &'static [SortSpec] {
        SORTS.as_slice()
    }

    fn search_entries(&self, source: &IndexSource) -> Vec<Entry> {
        let mut entries = Vec::new();
        for (item, i) in source.data.initiatives.iter().enumerate() {
            let title = format!("{}. {}", i.n, i.text);
            let mut fields = vec![
                i.text.clone(),
                i.short.clone().unwrap_or_default(),
                i.category.label(source.lang).to_string(),
                i.group.label(source.lang).to_string(),
            ];
            fields.extend(
                i.commitments
                    .iter()
                    .map(|c| format!("{} {}", c.as_printed, c.what)),
            );
            entries.push(Entry {
                tab: Tab::Initiatives,
                item,
                id: i.n.to_string(),
                title,
                separator: None,
                fields: texts(fields),
            });
        }
        entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing::sorted;

    #[test]
    fn initiatives_sort_by_commitment_value_largest_first_and_reverse() {
        // With its English layer, whose units say what the Chinese measure words count.
        let catalog = std::sync::Arc::new(Catalog::embedded().expect("embedded data"));
        let by_value = sorted(&catalog, Tab::Initiatives, 2, false);
        let first = &catalog.data.initiatives[by_value[0]];
        assert_eq!(
            first.commitments[0].as_printed, "100个",
            "the 100 projects lead: the first thing counted, and alone in it"
        );
        let reversed = sorted(&catalog, Tab::Initiatives, 2, true);
        assert_eq!(reversed.first(), by_value.last());
        // Each unit's initiatives stand together, the most first; no unit comes back later.
        let firsts: Vec<_> = by_value
            .iter()
            .filter_map(|&i| {
                let c = catalog.data.initiatives[i].commitments.first()?;
                Some((crate::app::chart::counted(&catalog, i, 0), c.value.0))
            })
            .collect();
        let mut done: Vec<&str> = Vec::new();
        for pair in firsts.windows(2) {
            if pair[0].0 == pair[1].0 {
                assert!(pair[0].1 >= pair[1].1, "{pair:?}");
            } else {
                done.push(&pair[0].0);
                assert!(
                    !done.contains(&pair[1].0.as_str()),
                    "{} comes back",
                    pair[1].0
                );
            }
        }
        // The header says which way it runs: the most first is ▼.
        let header = crate::app::panes::header(
            &catalog,
            Tab::Initiatives,
            100,
            crate::app::view::Sort {
                column: 2,
                reverse: false,
            },
        )
        .unwrap();
        let text: String = header.segments.iter().map(|s| s.text.as_str()).collect();
        assert!(text.contains("承诺▼"), "{text}");
    }
}
