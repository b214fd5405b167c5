use std::sync::LazyLock;

use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Line, Role};
use crate::app::pane::{Facet, FacetSpec, FacetValue, Pane, SortKey, SortSpec};
use crate::app::panes::columns::{self, Column, Sorting, Table, Width};
use crate::app::panes::common::{Row, event_links, sources};
use crate::app::search::{Entry, IndexSource, SEPARATOR, texts};
use crate::app::tab::Tab;
use crate::app::words::Words;
use chrono::{Datelike, NaiveDate};

use crate::app::panes::timeline::derived_mark;
use crate::data::model::Meeting;
use crate::data::values::{Certainty, PartialDate};
use crate::text::glyphs::Glyph;
use crate::text::search::pinyin_key;

fn count(catalog: &Catalog) -> usize {
    catalog.data.meetings.len()
}

pub fn country_name(catalog: &Catalog, meeting: &Meeting) -> String {
    let id = &meeting.counterpart.country;
    catalog
        .data
        .country(id)
        .map_or(id.clone(), |c| c.name_zh.clone())
}

/// "米尔济约耶夫", or the country's leader when the source names no one.
pub fn counterpart(catalog: &Catalog, meeting: &Meeting) -> String {
    match (&meeting.counterpart.name, &meeting.counterpart.title) {
        (Some(name), _) => name.clone(),
        (None, Some(title)) => {
            catalog
                .words()
                .unnamed_office_of(&catalog.data, &meeting.counterpart.country, title)
        }
        (None, None) => catalog
            .words()
            .unnamed_leader_of(&catalog.data, &meeting.counterpart.country),
    }
}

/// A link to a meeting, as another pane's detail names it: "俄罗斯 · 普京".
pub fn link_label(catalog: &Catalog, meeting: &Meeting) -> String {
    format!(
        "{} {} {}",
        country_name(catalog, meeting),
        Glyph::Separator,
        counterpart(catalog, meeting)
    )
}

/// The table's columns. On a list narrower than 64 cells the part of day and the city give
/// way (the detail shows them).
static COLUMNS: [Column<()>; 5] = [
    Column {
        title: |w| w.c_date,
        // The language's own date, short: "2025年9月2日*", "2 Sep 2025*".
        width: Width::Content { min: 8, max: 16 },
        from: 0,
        cell: |catalog, (), i, _| {
            let m = &catalog.data.meetings[i];
            let short = catalog.words().short_partial;
            let (date, certainty) = match m.date {
                Some(date) => (short(PartialDate::Day(date.0)), m.certainty),
                None => event_date(catalog, &m.id).map_or_else(
                    || (catalog.words().date_unknown.to_string(), Certainty::Stated),
                    |(date, certainty)| (short(date), certainty),
                ),
            };
            let role = if m.date.is_some() {
                Role::Text
            } else {
                Role::Muted
            };
            (
                format!("{date}{}", derived_mark(certainty).trim_end()),
                role,
            )
        },
        sort: Some(Sorting::OWN_ORDER),
    },
    Column {
        title: |w| w.c_part,
        width: Width::Content { min: 4, max: 12 },
        from: 64,
        cell: |catalog, (), i, _| {
            let part = catalog.data.meetings[i].time_of_day;
            let part = part.map_or(String::new(), |t| t.label(catalog.lang).to_string());
            (part, Role::Muted)
        },
        sort: None,
    },
    Column {
        title: |w| w.c_city,
        width: Width::Content { min: 4, max: 16 },
        from: 64,
        cell: |catalog, (), i, _| {
            let city = catalog.data.meetings[i].city.clone();
            (city.unwrap_or_default(), Role::Text)
        },
        sort: None,
    },
    Column {
        title: |w| w.c_counterpart,
        width: Width::Fill,
        from: 0,
        cell: |catalog, (), i, _| {
            let name = counterpart(catalog, &catalog.data.meetings[i]);
            (name, Role::Accent)
        },
        sort: Some(Sorting::by(|catalog, items| {
            let name = |&item: &usize| counterpart(catalog, &catalog.data.meetings[item]);
            items
                .iter()
                .map(|i| SortKey::Text(pinyin_key(&name(i))))
                .collect()
        })),
    },
    Column {
        title: |w| w.c_country,
        width: Width::Content { min: 6, max: 22 },
        from: 0,
        cell: |catalog, (), i, _| {
            let name = country_name(catalog, &catalog.data.meetings[i]);
            (name, Role::Text)
        },
        sort: Some(Sorting::by(|catalog, items| {
            let name = |&item: &usize| country_name(catalog, &catalog.data.meetings[item]);
            items
                .iter()
                .map(|i| SortKey::Text(pinyin_key(&name(i))))
                .collect()
        })),
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

/// The days a meeting may have been on: its day, or — when the sources give none — the span
/// of its timeline event, the month or the year it is dated to. `None` when nothing dates it.
pub fn known_days(catalog: &Catalog, meeting: &Meeting) -> Option<(NaiveDate, NaiveDate)> {
    if let Some(date) = meeting.date {
        return Some((date.0, date.0));
    }
    let event = first_event(catalog, &meeting.id)?;
    let last = event.end.unwrap_or(event.date).last_day();
    Some((event.date.first_day(), last))
}

/// A meeting's first timeline event in the data's own order.
fn first_event<'a>(catalog: &'a Catalog, meeting: &str) -> Option<&'a crate::data::model::Event> {
    let events = catalog.events_of_meeting.get(meeting)?;
    let first = events
        .iter()
        .filter_map(|id| catalog.event_index.get(id))
        .min()?;
    catalog.data.timeline.get(*first)
}

/// For a meeting the sources do not date to the day: the date of its timeline event, at the
/// precision the sources give (July 2024, 2025), and whether that date is derived.
fn event_date(catalog: &Catalog, meeting: &str) -> Option<(PartialDate, Certainty)> {
    let event = first_event(catalog, meeting)?;
    // An event over several days (30–31 Aug) dates the meeting only to the month.
    let date = match (event.date, event.end) {
        (PartialDate::Day(day), Some(end)) if end != event.date => {
            PartialDate::Month(day.year(), day.month())
        }
        (date, _) => date,
    };
    Some((date, event.certainty))
}

fn detail(catalog: &Catalog, item: usize, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    let Some(m) = catalog.data.meetings.get(item) else {
        return doc;
    };
    let w = catalog.words();
    doc.wrapped(
        ("", Role::Title),
        0,
        &format!("{} {} {}", m.kind, Glyph::Separator, who(catalog, m)),
        Role::Title,
    );
    doc.field(w.f_time, &when(catalog, m));
    let place = [m.city.clone(), m.venue.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    doc.field(w.f_place, if place.is_empty() { w.unknown } else { &place });
    if let Some(occasion) = &m.occasion {
        doc.field(w.f_occasion, occasion);
    }
    if let Some(note) = &m.date_note {
        super::timeline::date_note(&mut doc, w, m.certainty, note);
    }
    sides(&mut doc, w, m);
    quotes(&mut doc, w, m);
    documents(&mut doc, w, m);
    if !m.attendees.is_empty() {
        doc.field(w.f_attending, &m.attendees.join(w.list_separator));
    }
    if let Some(note) = &m.note {
        doc.blank();
        let indent = crate::text::width(w.note_label);
        doc.wrapped((w.note_label, Role::Muted), indent, note, Role::Muted);
    }
    related(&mut doc, catalog, m);
    sources(&mut doc, catalog, &m.sources);
    doc
}

/// Whom China met: the counterpart's office and name when the sources give both.
fn who(catalog: &Catalog, m: &Meeting) -> String {
    let w = catalog.words();
    match (&m.counterpart.title, &m.counterpart.name) {
        (Some(title), Some(name)) => (w.titled)(
            &w.office_of(&catalog.data, &m.counterpart.country, title),
            name,
        ),
        _ => counterpart(catalog, m),
    }
}

/// The time field: the date and part of the day, marked when derived, or "unknown".
fn when(catalog: &Catalog, m: &Meeting) -> String {
    let (w, lang) = (catalog.words(), catalog.lang);
    let when = [
        m.date.map(w.date),
        m.time_of_day.map(|t| t.label(lang).to_string()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    match (when.is_empty(), m.certainty.is_derived()) {
        (true, _) => w.unknown.to_string(),
        (false, true) => format!("{when}{}", w.derived),
        (false, false) => when,
    }
}

/// What each side said, under its heading.
fn sides(doc: &mut Doc, w: &Words, m: &Meeting) {
    for (heading, points) in [
        (w.h_china_side, &m.chinese_side),
        (w.h_counterpart_side, &m.counterpart_side),
    ] {
        if !points.is_empty() {
            doc.heading(heading);
            for point in points {
                doc.bullet(point);
            }
        }
    }
}

/// The quotes, each in quotation marks with its speaker.
fn quotes(doc: &mut Doc, w: &Words, m: &Meeting) {
    if m.quotes.is_empty() {
        return;
    }
    doc.heading(w.h_quotes);
    let indent = crate::text::width(w.quote_open);
    for quote in &m.quotes {
        doc.wrapped(
            (w.quote_open, Role::Muted),
            indent,
            &format!(
                "{}{}{dash}{dash}{}",
                quote.text,
                w.quote_close,
                quote.speaker,
                dash = Glyph::Dash
            ),
            Role::Text,
        );
    }
}

/// The cooperation documents signed: their fields, or a note on them.
fn documents(doc: &mut Doc, w: &Words, m: &Meeting) {
    if m.documents.is_empty() && m.documents_note.is_none() {
        return;
    }
    doc.heading(w.h_coop_documents);
    if !m.documents.is_empty() {
        doc.field(w.f_fields, &m.documents.join(w.list_separator));
    }
    if let Some(note) = &m.documents_note {
        doc.paragraph(note);
    }
}

/// Where else the meeting appears: the summit leader it belongs to, its timeline events and
/// the voices on it.
fn related(doc: &mut Doc, catalog: &Catalog, m: &Meeting) {
    let w = catalog.words();
    let leader = catalog
        .data
        .summit
        .iter()
        .flat_map(|s| &s.leaders)
        .find(|l| l.meetings.contains(&m.id));
    if let Some(leader) = leader {
        doc.heading(w.h_at_summit);
        super::overview::leader_words(doc, w, leader);
    }
    if let Some(events) = catalog.events_of_meeting.get(&m.id) {
        event_links(doc, catalog, w.h_timeline, events);
    }
    if let Some(voices) = catalog.voices_of_meeting.get(&m.id) {
        super::voices::links(doc, catalog, voices);
    }
}

pub fn locate(catalog: &Catalog, id: &str) -> Option<usize> {
    catalog.meeting_index.get(id).copied()
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

/// The leaders' meetings (元首会见): a table of who, when and where.
pub struct Meetings;

static FACETS: [FacetSpec; 3] = [
    FacetSpec {
        slot: Facet::Type,
        name: |w| w.c_kind,
        value_of: |catalog, item| {
            let kind = catalog.data.meetings.get(item)?.kind.clone();
            Some(FacetValue::Text(kind))
        },
    },
    FacetSpec {
        slot: Facet::Category,
        name: |w| w.c_city,
        value_of: |catalog, item| {
            let city = catalog.data.meetings.get(item)?.city.clone()?;
            Some(FacetValue::Text(city))
        },
    },
    FacetSpec {
        slot: Facet::Year,
        name: |w| w.c_year,
        value_of: |catalog, item| meeting_year(catalog, item).map(FacetValue::Year),
    },
];

impl Pane for Meetings {
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
        for (item, m) in data.meetings.iter().enumerate() {
            let country = data.country(&m.counterpart.country);
            let name = m.counterpart.name.clone().unwrap_or_default();
            let country_zh = country.map_or(m.counterpart.country.clone(), |c| c.name_zh.clone());
            let date = m.date.map_or(String::new(), |d| d.to_string());
            let shown_date = m.date.map_or(String::new(), |d| {
                (source.lang.words().short_partial)(PartialDate::Day(d.0))
            });
            let who = if name.is_empty() {
                source.lang.words().unnamed
            } else {
                &name
            };
            let head = format!("{shown_date} {who}").trim_start().to_string();
            let separator = Some(head.len() + 1);
            let title = format!("{head} {SEPARATOR} {country_zh}")
                .trim_end()
                .to_string();
            let mut fields = vec![
                name,
                country_zh,
                m.counterpart.title.clone().unwrap_or_default(),
                m.kind.clone(),
            ];
            if let Some(country) = country {
                fields.push(country.name_en.clone());
                fields.extend(country.aliases.iter().cloned());
            }
            fields.extend(
                [
                    m.city.clone(),
                    m.venue.clone(),
                    m.occasion.clone(),
                    Some(date),
                ]
                .into_iter()
                .flatten(),
            );
            fields.extend(
                m.chinese_side
                    .iter()
                    .chain(&m.counterpart_side)
                    .chain(&m.documents)
                    .cloned(),
            );
            entries.push(Entry {
                tab: Tab::Meetings,
                item,
                id: m.id.clone(),
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
