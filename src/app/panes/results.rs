use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Role};
use crate::app::pane::Pane;
use crate::app::panes::common::{Row, row, sources};
use crate::app::search::{Entry, IndexSource, texts};
use crate::app::tab::Tab;
use crate::app::words::Words;
use crate::text::glyphs::Glyph;
use crate::text::width::pad_to;

fn count(catalog: &Catalog) -> usize {
    catalog.results.sections.len()
}

/// Each section's declared total first, then — labelled — how many the sources list, right
/// aligned on the widest: never a bare "0/24", which reads as "none".
fn rows(catalog: &Catalog, width: usize, items: &[usize]) -> Vec<Row> {
    let w = catalog.words();
    let said = |s: &crate::data::results_view::SectionView| {
        (w.declared_named)(s.declared_count, s.present, Glyph::Separator.as_str())
    };
    let widest = catalog
        .results
        .sections
        .iter()
        .map(|s| crate::text::width(&said(s)))
        .max()
        .unwrap_or(0);
    items
        .iter()
        .filter_map(|&i| catalog.results.sections.get(i).map(|x| (i, x)))
        .map(|(i, section)| {
            let said = said(section);
            let counts = format!(
                "{}{said}",
                " ".repeat(widest.saturating_sub(crate::text::width(&said)))
            );
            let title_width = width.saturating_sub(crate::text::width(&counts) + 1);
            let title = crate::text::truncate(&section.title, title_width).into_owned();
            let role = if section.present == 0 {
                Role::Muted
            } else {
                Role::Text
            };
            let segments = vec![
                (pad_to(&title, title_width + 1), role),
                (counts, Role::Accent),
            ];
            row(width, segments, Some(i))
        })
        .collect()
}

/// The section's items in number order, with every run the sources lack shown where it falls.
fn detail(catalog: &Catalog, item: usize, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    let Some(section) = catalog.results.sections.get(item) else {
        return doc;
    };
    let w = catalog.words();
    doc.segments(vec![(section.group.clone(), Role::Accent)]);
    doc.wrapped(("", Role::Title), 0, &section.title, Role::Title);
    doc.field(
        w.f_numbers,
        &format!("{}{}{}", section.first, Glyph::Range, section.last),
    );
    doc.field(
        w.f_items,
        &(w.counts)(section.declared_count, section.present),
    );
    if let Some(note) = &section.note {
        doc.wrapped(("", Role::Muted), 0, note, Role::Muted);
    }
    doc.blank();
    let number_width = section.last.to_string().len() + 2;
    let mut gaps = section.gap_ranges().peekable();
    for entry in &section.items {
        while let Some(gap) = gaps.next_if(|gap| *gap.start() < entry.n) {
            gap_line(&mut doc, w, gap);
        }
        let number = pad_to(&format!("{}.", entry.n), number_width);
        doc.wrapped(
            (&number, Role::Muted),
            number_width,
            &entry.title,
            Role::Text,
        );
        if let Some(note) = &entry.note {
            doc.wrapped(
                (&" ".repeat(number_width), Role::Muted),
                number_width,
                note,
                Role::Muted,
            );
        }
    }
    for gap in gaps {
        gap_line(&mut doc, w, gap);
    }
    sources(&mut doc, catalog, &section.sources);
    doc
}

fn gap_line(doc: &mut Doc, w: &Words, gap: std::ops::RangeInclusive<u32>) {
    let missing = w.not_in_sources_label;
    let label = if gap.start() == gap.end() {
        format!("{} {missing}", gap.start())
    } else {
        format!("{}{}{} {missing}", gap.start(), Glyph::Range, gap.end())
    };
    doc.segments(vec![(label, Role::Gap)]);
}

pub fn locate(catalog: &Catalog, id: &str) -> Option<usize> {
    catalog.results.sections.iter().position(|s| s.id == id)
}

/// The results list (成果清单), by section.
pub struct Results;

impl Pane for Results {
    fn count(&self, catalog: &Catalog) -> usize {
        count(catalog)
    }

    fn rows(&self, catalog: &Catalog, width: usize, items: &[usize]) -> Vec<Row> {
        rows(catalog, width, items)
    }

    fn detail(&self, catalog: &Catalog, item: usize, width: usize) -> Doc {
        detail(catalog, item, width)
    }

    fn search_entries(&self, source: &IndexSource) -> Vec<Entry> {
        let mut entries = Vec::new();
        for (item, s) in source.results.sections.iter().enumerate() {
            let mut fields = vec![s.title.clone()];
            fields.extend(s.items.iter().map(|i| format!("{}. {}", i.n, i.title)));
            entries.push(Entry {
                tab: Tab::Results,
                item,
                id: s.id.clone(),
                title: s.title.clone(),
                separator: None,
                fields: texts(fields),
            });
        }
        entries
    }
}
