use std::sync::LazyLock;

use crate::app::catalog::{Catalog, voice_order};
use crate::app::detail::{Doc, Line, Role, Target};
use crate::app::pane::{Facet, FacetSpec, FacetValue, Pane, SortKey, SortSpec};
use crate::app::panes::columns::{self, Column, Sorting, Table, Width};
use crate::app::panes::common::{Row, event_links, sources};
use crate::app::panes::timeline::derived_mark;
use crate::app::search::{Entry, IndexSource, SEPARATOR, texts};
use crate::app::tab::Tab;
use crate::data::DataSet;
use crate::data::model::Voice;
use crate::data::values::PartialDate;
use crate::text::search::pinyin_key;

fn count(catalog: &Catalog) -> usize {
    catalog.voices.len()
}

/// The voice at a place in the list (the list is in date order).
fn voice(catalog: &Catalog, item: usize) -> Option<&Voice> {
    catalog
        .voices
        .get(item)
        .and_then(|&i| catalog.data.voices.get(i))
}

fn country_name(data: &DataSet, voice: &Voice) -> String {
    data.country(&voice.country)
        .map_or(voice.country.clone(), |c| c.name_zh.clone())
}

/// The table's columns: the date (a derived one marked `*`), who spoke, as what, for whom,
/// and what they said.
static COLUMNS: [Column<()>; 5] = [
    Column {
        title: |w| w.c_date,
        width: Width::Content { min: 8, max: 16 },
        from: 0,
        cell: |catalog, (), i, _| {
            let Some(v) = voice(catalog, i) else {
                return (String::new(), Role::Text);
            };
            let mark = derived_mark(v.certainty).trim_end();
            let date = (catalog.words().short_partial)(v.date);
            (format!("{date}{mark}"), Role::Text)
        },
        sort: Some(Sorting::OWN_ORDER),
    },
    Column {
        title: |w| w.c_speaker,
        // Wide enough for most names whole ("Emomali Rahmon") where the fill column presses.
        width: Width::Content { min: 16, max: 24 },
        from: 0,
        cell: |catalog, (), i, _| {
            let speaker = voice(catalog, i).map_or(String::new(), |v| v.speaker.clone());
            (speaker, Role::Accent)
        },
        sort: Some(Sorting::by(|catalog, items| {
            items
                .iter()
                .map(|&i| {
                    let speaker = voice(catalog, i).map_or("", |v| v.speaker.as_str());
                    SortKey::Text(pinyin_key(speaker))
                })
                .collect()
        })),
    },
    // The office is the same on many rows (国家主席 on most of Xi Jinping's): on a narrow
    // list it gives way to what was said, which tells the rows apart.
    Column {
        title: |w| w.c_role,
        width: Width::Content { min: 4, max: 16 },
        from: 96,
        cell: |catalog, (), i, _| {
            let role = voice(catalog, i).and_then(|v| v.role.clone());
            (role.unwrap_or_default(), Role::Text)
        },
        sort: None,
    },
    Column {
        title: |w| w.c_country,
        width: Width::Content { min: 6, max: 22 },
        from: 0,
        cell: |catalog, (), i, _| {
            let name = voice(catalog, i).map_or(String::new(), |v| country_name(&catalog.data, v));
            (name, Role::Text)
        },
        sort: Some(Sorting::by(|catalog, items| {
            items
                .iter()
                .map(|&i| {
                    let name =
                        voice(catalog, i).map_or(String::new(), |v| country_name(&catalog.data, v));
                    SortKey::Text(pinyin_key(&name))
                })
                .collect()
        })),
    },
    Column {
        title: |w| w.h_said,
        width: Width::Fill,
        from: 0,
        cell: |catalog, (), i, _| {
            let said = voice(catalog, i).map_or(String::new(), |v| v.said.clone());
            (said, Role::Text)
        },
        sort: None,
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

fn rows(catalog: &Catalog, width: usize, items: &[usize]) -> Vec<Row> {
    table(catalog).item_rows(items, width)
}

fn detail(catalog: &Catalog, item: usize, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    let Some(v) = voice(catalog, item) else {
        return doc;
    };
    let w = catalog.words();
    doc.wrapped(("", Role::Title), 0, &v.speaker, Role::Title);
    if let Some(role) = &v.role {
        doc.field(w.c_role, role);
    }
    doc.field(w.c_country, &country_name(&catalog.data, v));
    let mut date = (w.partial)(v.date);
    if v.certainty.is_derived() {
        date.push_str(w.derived);
    }
    doc.field(w.f_date, &date);
    let precision = match (v.date, v.certainty.is_derived()) {
        (PartialDate::Year(_), false) => Some(w.only_year),
        (PartialDate::Month(..), false) => Some(w.only_month),
        (PartialDate::Year(_), true) => Some(w.derived_year),
        (PartialDate::Month(..), true) => Some(w.derived_month),
        (PartialDate::Day(_), _) => None,
    };
    if let Some(precision) = precision {
        doc.wrapped(("", Role::Muted), 0, precision, Role::Muted);
    }
    if let Some(note) = &v.date_note {
        let label = if v.certainty.is_derived() {
            w.derived_label
        } else {
            w.note_label
        };
        doc.wrapped(
            (label, Role::Muted),
            crate::text::width(label),
            note,
            Role::Muted,
        );
    }
    if let Some(place) = &v.place {
        doc.field(w.f_place, place);
    }
    doc.heading(w.h_said);
    doc.paragraph(&v.said);
    if !v.quotes.is_empty() {
        doc.heading(w.h_quotes);
        let indent = crate::text::width(w.quote_open);
        for quote in &v.quotes {
            doc.wrapped(
                (w.quote_open, Role::Muted),
                indent,
                &format!("{quote}{}", w.quote_close),
                Role::Text,
            );
        }
    }
    if let Some(event) = &v.event {
        event_links(&mut doc, catalog, w.h_timeline, std::slice::from_ref(event));
    }
    if let Some(id) = &v.meeting {
        doc.heading(w.h_meetings);
        let label = catalog.meeting_index.get(id).map_or(id.clone(), |&i| {
            super::meetings::link_label(catalog, &catalog.data.meetings[i])
        });
        doc.link(&label, Target::Meeting(id.clone()));
    }
    sources(&mut doc, catalog, &v.sources);
    doc
}

/// A heading and a link to each of the voices (indices into `data.voices`), for the detail of
/// the event or meeting they name: who spoke and their first quote (their role when they have
/// none), wrapped whole as every link is.
pub fn links(doc: &mut Doc, catalog: &Catalog, voices: &[usize]) {
    if voices.is_empty() {
        return;
    }
    let w = catalog.words();
    doc.heading(w.h_voices);
    for voice in voices.iter().filter_map(|&i| catalog.data.voices.get(i)) {
        let label = match (voice.quotes.first(), &voice.role) {
            (Some(quote), _) => format!(
                "{}{}{}{quote}{}",
                voice.speaker, w.colon, w.quote_open, w.quote_close
            ),
            (None, Some(role)) => format!("{}{}", voice.speaker, (w.aside)(role)),
            (None, None) => voice.speaker.clone(),
        };
        doc.link(&label, Target::Voice(voice.id.clone()));
    }
}

pub fn locate(catalog: &Catalog, id: &str) -> Option<usize> {
    catalog
        .voice_index
        .get(id)
        .and_then(|&i| catalog.voice_place.get(i).copied())
}

/// Who said what (言论): speakers by date, each with what they said, the quotes and the
/// occasion.
pub struct Voices;

static FACETS: [FacetSpec; 2] = [
    FacetSpec {
        slot: Facet::Category,
        name: |w| w.c_country,
        value_of: |catalog, item| {
            let v = voice(catalog, item)?;
            Some(FacetValue::Text(country_name(&catalog.data, v)))
        },
    },
    FacetSpec {
        slot: Facet::Year,
        name: |w| w.c_year,
        value_of: |catalog, item| voice(catalog, item).map(|v| FacetValue::Year(v.date.year())),
    },
];

impl Pane for Voices {
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
        let data = source.data;
        let mut entries = Vec::new();
        for (item, index) in voice_order(data).into_iter().enumerate() {
            let v = &data.voices[index];
            let country = data.country(&v.country);
            let country_name = country_name(data, v);
            let head = format!(
                "{} {}",
                (source.lang.words().short_partial)(v.date),
                v.speaker
            );
            let separator = Some(head.len() + 1);
            let title = format!("{head} {SEPARATOR} {country_name}");
            let mut fields = vec![v.speaker.clone()];
            fields.extend(v.role.clone());
            fields.push(country_name);
            if let Some(country) = country {
                fields.push(country.name_en.clone());
                fields.extend(country.aliases.iter().cloned());
            }
            fields.push(v.said.clone());
            fields.extend(v.quotes.iter().cloned());
            fields.extend(v.place.clone());
            fields.push(v.date.to_string());
            // So that "/推定" lists the derived dates, and a note's words find its voice.
            if v.certainty.is_derived() {
                fields.push(v.certainty.label(source.lang).to_string());
            }
            fields.extend(v.date_note.clone());
            entries.push(Entry {
                tab: Tab::Voices,
                item,
                id: v.id.clone(),
                title,
                separator,
                fields: texts(fields),
            });
        }
        entries
    }
}

#[cfg(test)]
mod tests;
