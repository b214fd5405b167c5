//! The results list as people read it: each section with its numbers, the items the sources
//! hold (initiative sections take theirs from the initiatives) and the gaps between them.

use serde::Serialize;

use crate::data::dataset::DataSet;
use crate::data::numbering;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResultsView {
    pub total_declared: u32,
    pub total_present: usize,
    pub sections: Vec<SectionView>,
    /// The list as a table, in number order: each item the sources hold, and each run of
    /// numbers they lack, a row.
    #[serde(skip)]
    pub table: Vec<TableRow>,
}

/// A row of the results table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableRow {
    /// `sections[section].items[item]`.
    Item { section: usize, item: usize },
    /// Numbers `first..=last` of `sections[section]`, which the sources do not hold.
    Gap {
        section: usize,
        first: u32,
        last: u32,
    },
}

impl TableRow {
    pub fn section(self) -> usize {
        match self {
            TableRow::Item { section, .. } | TableRow::Gap { section, .. } => section,
        }
    }

    /// The first number the row stands for.
    fn first(self, sections: &[SectionView]) -> u32 {
        match self {
            TableRow::Item { section, item } => sections[section].items[item].n,
            TableRow::Gap { first, .. } => first,
        }
    }
}

/// Every section's items and gaps in number order.
fn table(sections: &[SectionView]) -> Vec<TableRow> {
    let mut rows = Vec::new();
    for (s, section) in sections.iter().enumerate() {
        let start = rows.len();
        rows.extend((0..section.items.len()).map(|item| TableRow::Item { section: s, item }));
        rows.extend(section.gaps.iter().map(|&[first, last]| TableRow::Gap {
            section: s,
            first,
            last,
        }));
        rows[start..].sort_by_key(|row| row.first(sections));
    }
    rows
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionView {
    pub id: String,
    pub(crate) group: String,
    pub(crate) title: String,
    pub declared_count: u32,
    pub first: u32,
    pub last: u32,
    pub(crate) present: usize,
    /// Runs of numbers the sources do not hold, as `[first, last]` pairs.
    pub gaps: Vec<[u32; 2]>,
    pub items: Vec<ItemView>,
    pub(crate) note: Option<String>,
    pub(crate) sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemView {
    pub(crate) n: u32,
    pub title: String,
    pub(crate) note: Option<String>,
}

pub fn results_view(data: &DataSet) -> ResultsView {
    let ranges = numbering::ranges(&data.results);
    let sections: Vec<SectionView> = data
        .results
        .iter()
        .zip(ranges)
        .map(|(section, range)| {
            let mut items: Vec<ItemView> = match section.initiatives {
                Some(group) => data
                    .initiatives_in(group)
                    .map(|i| ItemView {
                        n: i.n,
                        title: i.text.clone(),
                        note: None,
                    })
                    .collect(),
                None => section
                    .items
                    .iter()
                    .map(|item| ItemView {
                        n: item.n,
                        title: item.title.clone(),
                        note: item.note.clone(),
                    })
                    .collect(),
            };
            items.sort_by_key(|item| item.n);
            let numbers: Vec<u32> = items.iter().map(|item| item.n).collect();
            let gaps = numbering::gaps(range.clone(), &numbers)
                .into_iter()
                .map(|gap| [*gap.start(), *gap.end()])
                .collect();
            SectionView {
                id: section.id.clone(),
                group: section.group.clone(),
                title: section.title.clone(),
                declared_count: section.declared_count,
                first: *range.start(),
                last: *range.end(),
                present: items.len(),
                gaps,
                items,
                note: section.note.clone(),
                sources: section.sources.clone(),
            }
        })
        .collect();
    ResultsView {
        total_declared: sections.iter().map(|s| s.declared_count).sum(),
        total_present: sections.iter().map(|s| s.present).sum(),
        table: table(&sections),
        sections,
    }
}
