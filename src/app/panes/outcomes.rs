use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Role, Target};
use crate::app::pane::Pane;
use crate::app::panes::common::{Row, event_links, sources, wrapped_row};
use crate::app::search::{Entry, IndexSource, texts};
use crate::app::tab::Tab;

fn count(catalog: &Catalog) -> usize {
    catalog.data.outcomes.len()
}

/// The rows, each title on one line or going on onto up to `lines`.
fn rows(catalog: &Catalog, width: usize, items: &[usize], lines: usize) -> Vec<Row> {
    items
        .iter()
        .filter_map(|&i| catalog.data.outcomes.get(i).map(|x| (i, x)))
        .flat_map(|(i, outcome)| {
            let lead = (format!("{} ", outcome.n), Role::Accent);
            wrapped_row(width, vec![lead], (&outcome.title, Role::Text), i, lines)
        })
        .collect()
}

fn detail(catalog: &Catalog, item: usize, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    let Some(outcome) = catalog.data.outcomes.get(item) else {
        return doc;
    };
    let w = catalog.words();
    doc.segments(vec![((w.outcome)(outcome.n), Role::Accent)]);
    doc.wrapped(("", Role::Title), 0, &outcome.title, Role::Title);
    doc.blank();
    doc.paragraph(&outcome.summary);
    if !outcome.facts.is_empty() {
        doc.heading(w.h_facts);
        for fact in &outcome.facts {
            doc.bullet(fact);
        }
    }
    if !outcome.initiatives.is_empty() {
        doc.heading(w.h_initiatives);
        for n in &outcome.initiatives {
            let text = catalog
                .data
                .initiative(*n)
                .map_or(String::new(), |i| i.text.clone());
            doc.link(&format!("{n}. {text}"), Target::Initiative(*n));
        }
    }
    let documents = catalog.data.summit.as_ref().map(|s| &s.documents);
    if !outcome.documents.is_empty() {
        doc.heading(w.h_documents);
        for id in &outcome.documents {
            let title = documents
                .and_then(|d| d.iter().find(|d| &d.id == id))
                .map_or(id.clone(), |d| d.display_title_in(catalog.lang));
            doc.link(&title, Target::Document(id.clone()));
        }
    }
    event_links(&mut doc, catalog, w.h_events, &outcome.events);
    if let Some(note) = &outcome.note {
        doc.heading(w.h_note);
        doc.wrapped(("", Role::Muted), 0, note, Role::Muted);
    }
    sources(&mut doc, catalog, &outcome.sources);
    doc
}

pub fn locate(catalog: &Catalog, n: u32) -> Option<usize> {
    catalog.data.outcomes.iter().position(|o| o.n == n)
}

/// The eight outcomes (八大成果).
pub struct Outcomes;

impl Pane for Outcomes {
    fn count(&self, catalog: &Catalog) -> usize {
        count(catalog)
    }

    fn rows(&self, catalog: &Catalog, width: usize, items: &[usize]) -> Vec<Row> {
        rows(catalog, width, items, 1)
    }

    fn wrapped_rows(
        &self,
        catalog: &Catalog,
        width: usize,
        items: &[usize],
        lines: usize,
    ) -> Option<Vec<Row>> {
        Some(rows(catalog, width, items, lines))
    }

    fn detail(&self, catalog: &Catalog, item: usize, width: usize) -> Doc {
        detail(catalog, item, width)
    }

    fn search_entries(&self, source: &IndexSource) -> Vec<Entry> {
        let mut entries = Vec::new();
        for (item, o) in source.data.outcomes.iter().enumerate() {
            let title = format!("{} {}", (source.lang.words().outcome)(o.n), o.title);
            let mut fields = vec![title.clone(), o.summary.clone()];
            fields.extend(o.facts.iter().cloned());
            entries.push(Entry {
                tab: Tab::Outcomes,
                item,
                id: o.n.to_string(),
                title,
                separator: None,
                fields: texts(fields),
            });
        }
        entries
    }
}
