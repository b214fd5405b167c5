//! The results list (成果清单) as a table: each of its items the sources hold a row, and each
//! run of numbers they lack a row of its own, in number order; filtered by section (`t`) and
//! by whether the sources hold the item (`c`), sorted, searched, opened and copied like any
//! other list.

use std::sync::LazyLock;

use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Line, Role};
use crate::app::pane::{Facet, FacetSpec, FacetValue, Pane, SortKey, SortSpec};
use crate::app::panes::columns::{self, Column, Sorting, Table, Width};
use crate::app::panes::common::{Row, headed_rows, sources};
use crate::app::search::{Entry, IndexSource, texts};
use crate::app::tab::Tab;
use crate::app::words::Words;
use crate::data::results_view::{ItemView, SectionView, TableRow};
use crate::text::glyphs::Glyph;
use crate::text::search::pinyin_key;

fn count(catalog: &Catalog) -> usize {
    catalog.results.table.len()
}

fn table_row(catalog: &Catalog, row: usize) -> Option<(TableRow, &SectionView)> {
    let row = *catalog.results.table.get(row)?;
    Some((row, catalog.results.sections.get(row.section())?))
}

fn item_of(row: TableRow, section: &SectionView) -> Option<&ItemView> {
    match row {
        TableRow::Item { item, .. } => section.items.get(item),
        TableRow::Gap { .. } => None,
    }
}

/// The numbers a row stands for: `24`, or `1–23` for a run the sources lack.
fn numbers(row: TableRow, section: &SectionView) -> String {
    match row {
        TableRow::Item { item, .. } => section.items.get(item).map_or(0, |i| i.n).to_string(),
        TableRow::Gap { first, last, .. } if first == last => first.to_string(),
        TableRow::Gap { first, last, .. } => format!("{first}{}{last}", Glyph::Range),
    }
}

/// What a row's title column says: the item's title, or that the sources lack it.
fn title(w: &Words, row: TableRow, section: &SectionView) -> String {
    match item_of(row, section) {
        Some(item) => item.title.clone(),
        None => w.not_in_sources_label.to_string(),
    }
}

fn in_sources(w: &Words, row: TableRow) -> &'static str {
    match row {
        TableRow::Item { .. } => w.in_sources,
        TableRow::Gap { .. } => w.not_in_sources,
    }
}

static COLUMNS: [Column<()>; 3] = [
    Column {
        title: |_| Glyph::Numero.as_str(),
        width: Width::Content { min: 4, max: 9 },
        from: 0,
        cell: |catalog, (), i, _| match table_row(catalog, i) {
            Some((row, section)) => (numbers(row, section), Role::Muted),
            None => (String::new(), Role::Muted),
        },
        sort: Some(Sorting::OWN_ORDER),
    },
    Column {
        title: |w| w.c_section,
        width: Width::Content { min: 8, max: 28 },
        // Headings name the section (see `rows`); only a list with room to spare repeats it.
        from: 140,
        cell: |catalog, (), i, _| match table_row(catalog, i) {
            Some((_, section)) => (section.title.clone(), Role::Accent),
            None => (String::new(), Role::Accent),
        },
        sort: Some(Sorting::by(|catalog, rows| {
            rows.iter()
                .map(|&i| {
                    SortKey::Text(
                        table_row(catalog, i)
                            .map_or(String::new(), |(r, _)| format!("{:04}", r.section())),
                    )
                })
                .collect()
        })),
    },
    Column {
        title: |w| w.c_item,
        width: Width::Fill,
        from: 0,
        cell: |catalog, (), i, _| match table_row(catalog, i) {
            Some((row @ TableRow::Item { .. }, section)) => {
                (title(catalog.words(), row, section), Role::Text)
            }
            Some((row, section)) => (title(catalog.words(), row, section), Role::Gap),
            None => (String::new(), Role::Text),
        },
        sort: Some(Sorting::by(|catalog, rows| {
            rows.iter()
                .map(|&i| {
                    let title = table_row(catalog, i)
                        .and_then(|(row, section)| item_of(row, section))
                        .map_or(String::new(), |item| pinyin_key(&item.title));
                    // The runs the sources lack after every title.
                    SortKey::Text(if title.is_empty() {
                        "\u{10FFFF}".to_string()
                    } else {
                        title
                    })
                })
                .collect()
        })),
    },
];

static SORTS: LazyLock<Vec<SortSpec>> = LazyLock::new(|| columns::sorts(&COLUMNS));

static FACETS: [FacetSpec; 2] = [
    FacetSpec {
        slot: Facet::Type,
        name: |w| w.c_section,
        value_of: |catalog, i| {
            let (_, section) = table_row(catalog, i)?;
            Some(FacetValue::Text(section.title.clone()))
        },
    },
    FacetSpec {
        slot: Facet::Category,
        name: |w| w.c_in_sources,
        value_of: |catalog, i| {
            let (row, _) = table_row(catalog, i)?;
            Some(FacetValue::Text(
                in_sources(catalog.words(), row).to_string(),
            ))
        },
    },
];

fn table(catalog: &Catalog) -> Table<'_, ()> {
    Table {
        columns: &COLUMNS,
        catalog,
        context: &(),
        records: count(catalog),
    }
}

/// The rows, with the section's title as a heading where the section changes while the list
/// is in its own order: a column would repeat the same words on every row and leave the
/// items too little room (sorted otherwise, the detail names each row's section).
fn rows(catalog: &Catalog, width: usize, items: &[usize]) -> Vec<Row> {
    let items: Vec<usize> = items
        .iter()
        .copied()
        .filter(|&i| table_row(catalog, i).is_some())
        .collect();
    let lines = table(catalog).rows(&items, width);
    headed_rows(width, &items, lines, |i| match table_row(catalog, i) {
        Some((row, section)) => (
            Some(row.section()),
            vec![(section.title.clone(), Role::Accent)],
        ),
        None => (None, Vec::new()),
    })
}

/// A row's detail: the item (or the run the sources lack), and the section it is in.
fn detail(catalog: &Catalog, row: usize, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    let Some((table_row, section)) = table_row(catalog, row) else {
        return doc;
    };
    let w = catalog.words();
    doc.segments(vec![
        (section.group.clone(), Role::Accent),
        (format!(" {} ", Glyph::Separator), Role::Muted),
        (section.title.clone(), Role::Accent),
    ]);
    match item_of(table_row, section) {
        Some(item) => {
            doc.field(w.f_numbers, &item.n.to_string());
            doc.wrapped(("", Role::Title), 0, &item.title, Role::Title);
            if let Some(note) = &item.note {
                doc.wrapped(("", Role::Muted), 0, note, Role::Muted);
            }
        }
        None => {
            doc.field(w.f_numbers, &numbers(table_row, section));
            doc.segments(vec![(w.not_in_sources_label.to_string(), Role::Gap)]);
        }
    }
    doc.blank();
    doc.field(
        w.f_section_numbers,
        &format!("{}{}{}", section.first, Glyph::Range, section.last),
    );
    doc.field(
        w.f_items,
        &(w.counts)(section.declared_count, section.present),
    );
    if let Some(note) = &section.note {
        doc.wrapped(("", Role::Muted), 0, note, Role::Muted);
    }
    sources(&mut doc, catalog, &section.sources);
    doc
}

/// Where a link to a section lands: its first row.
pub fn locate(catalog: &Catalog, id: &str) -> Option<usize> {
    let section = catalog.results.sections.iter().position(|s| s.id == id)?;
    catalog
        .results
        .table
        .iter()
        .position(|row| row.section() == section)
}

/// The results list (成果清单), item by item.
pub struct Results;

impl Pane for Results {
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
        let results = source.results;
        let mut entries = Vec::new();
        for (row, table_row) in results.table.iter().enumerate() {
            let Some(section) = results.sections.get(table_row.section()) else {
                continue;
            };
            let Some(item) = item_of(*table_row, section) else {
                continue;
            };
            let mut fields = vec![item.title.clone(), section.title.clone()];
            fields.extend(item.note.clone());
            entries.push(Entry {
                tab: Tab::Results,
                item: row,
                id: format!("{}-{}", section.id, item.n),
                title: format!("{}. {}", item.n, item.title),
                separator: None,
                fields: texts(fields),
            });
        }
        entries
    }
}
