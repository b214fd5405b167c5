use chrono::Datelike;

use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Role, Target};
use crate::app::pane::{Facet, FacetSpec, FacetValue, Pane};
use crate::app::panes::common::{Row, outcome_title, row, sources, wrapped_row};
use crate::app::search::{Entry, IndexSource, texts};
use crate::app::tab::Tab;
use crate::app::words::Words;
use crate::data::model::Event;
use crate::data::values::{Certainty, PartialDate};
use crate::text::glyphs::Glyph;

fn count(catalog: &Catalog) -> usize {
    catalog.timeline.len()
}

fn event(catalog: &Catalog, item: usize) -> Option<&Event> {
    catalog
        .timeline
        .get(item)
        .and_then(|&i| catalog.data.timeline.get(i))
}

/// What the time column shows: a clock time (`10:20~` when approximate), a part of the day,
/// or the month of a month-precise event. A year-only event shows nothing: it has no day.
fn when(catalog: &Catalog, event: &Event) -> String {
    if let Some(time) = event.time {
        return format!("{time}{}", if event.time_approx { "~" } else { "" });
    }
    if let Some(part) = event.time_of_day {
        return part.label(catalog.lang).to_string();
    }
    match event.date {
        PartialDate::Month(_, m) => (catalog.words().month)(m),
        _ => String::new(),
    }
}

/// The one-cell mark, in the timeline and meeting lists, of a date the texts do not print but
/// that is derived from what they print; the detail spells it out as 推定 with its note.
pub fn derived_mark(certainty: Certainty) -> &'static str {
    if certainty.is_derived() { "*" } else { " " }
}

/// Events under year separators and, for day-precise events, day separators.
/// A title that does not fit goes on onto up to `lines` lines.
fn rows(catalog: &Catalog, width: usize, items: &[usize], lines: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut year = None;
    let mut day = None;
    for &item in items {
        let Some(event) = catalog
            .timeline
            .get(item)
            .map(|&i| &catalog.data.timeline[i])
        else {
            continue;
        };
        if year != Some(event.date.year()) {
            year = Some(event.date.year());
            day = None;
            let glyph = Glyph::Rule.as_str();
            let label = format!("{glyph}{glyph} {} ", event.date.year());
            let rule = glyph.repeat(
                width.saturating_sub(crate::text::width(&label)) / crate::text::width(glyph).max(1),
            );
            rows.push(row(
                width,
                vec![(label, Role::Heading), (rule, Role::Muted)],
                None,
            ));
        }
        if let PartialDate::Day(d) = event.date
            && day != Some(d)
        {
            day = Some(d);
            let label = format!("  {}", (catalog.words().day)(d.month(), d.day()));
            rows.push(row(width, vec![(label, Role::Label)], None));
        } else if !matches!(event.date, PartialDate::Day(_)) {
            day = None;
        }
        let when = crate::text::width::pad_to(&when(catalog, event), 6);
        let words = catalog.words();
        let title = match event.end {
            Some(end) if end != event.date => {
                format!("{}{}", event.title, (words.until)(&(words.partial)(end)))
            }
            _ => event.title.clone(),
        };
        let lead = vec![
            (format!("  {when}"), Role::Muted),
            (derived_mark(event.certainty).to_string(), Role::Muted),
        ];
        rows.extend(wrapped_row(width, lead, (&title, Role::Text), item, lines));
    }
    rows
}

fn detail(catalog: &Catalog, item: usize, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    let Some(event) = event(catalog, item) else {
        return doc;
    };
    let (w, lang) = (catalog.words(), catalog.lang);
    doc.segments(vec![(event.kind.label(lang).to_string(), Role::Accent)]);
    doc.wrapped(("", Role::Title), 0, &event.title, Role::Title);
    doc.field(w.f_date, &date_line(catalog, event));
    if let Some(precision) = precision(w, event) {
        doc.wrapped(("", Role::Muted), 0, precision, Role::Muted);
    }
    if let Some(note) = &event.date_note {
        date_note(&mut doc, w, event.certainty, note);
    }
    if let Some(place) = &event.place {
        doc.field(w.f_place, place);
    }
    if let Some(summary) = &event.summary {
        doc.blank();
        doc.paragraph(summary);
    }
    meeting_links(&mut doc, catalog, event);
    summit_documents(&mut doc, catalog, event);
    if let Some(ggi) = catalog
        .data
        .summit
        .as_ref()
        .and_then(|s| s.ggi.as_ref())
        .filter(|g| g.event == event.id)
    {
        ggi_detail(&mut doc, w, ggi);
    }
    outcome_links(&mut doc, catalog, event);
    if let Some(voices) = catalog.voices_of_event.get(&event.id) {
        super::voices::links(&mut doc, catalog, voices);
    }
    sources(&mut doc, catalog, &event.sources);
    doc
}

/// The date field: the date or span, the time or part of the day, and the derived mark.
fn date_line(catalog: &Catalog, event: &Event) -> String {
    let (w, lang) = (catalog.words(), catalog.lang);
    let mut date = (w.partial)(event.date);
    if let Some(end) = event.end {
        date = (w.span)(&date, &(w.partial)(end));
    }
    if let Some(time) = event.time {
        date = format!(
            "{date} {time}{}",
            if event.time_approx { w.approx } else { "" }
        );
    } else if let Some(part) = event.time_of_day {
        date = format!("{date} {}", part.label(lang));
    }
    if event.certainty.is_derived() {
        date = format!("{date}{}", w.derived);
    }
    date
}

/// For an event not dated to the day, why its date stops at the month or year: the sources
/// give no more, or the date is derived that far.
fn precision(w: &'static Words, event: &Event) -> Option<&'static str> {
    match (event.date, event.certainty.is_derived()) {
        (PartialDate::Year(_), false) => Some(w.only_year),
        (PartialDate::Month(..), false) => Some(w.only_month),
        (PartialDate::Year(_), true) => Some(w.derived_year),
        (PartialDate::Month(..), true) => Some(w.derived_month),
        (PartialDate::Day(_), _) => None,
    }
}

/// A note on a date, labelled as the derivation when the date is derived (the reader needs
/// to know the sources do not print it).
pub(super) fn date_note(doc: &mut Doc, w: &Words, certainty: Certainty, note: &str) {
    let label = if certainty.is_derived() {
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

/// The meetings held at the event, each a link to its detail.
fn meeting_links(doc: &mut Doc, catalog: &Catalog, event: &Event) {
    if event.meetings.is_empty() {
        return;
    }
    doc.heading(catalog.words().h_meetings);
    for id in &event.meetings {
        let label = catalog.meeting_index.get(id).map_or(id.clone(), |&i| {
            super::meetings::link_label(catalog, &catalog.data.meetings[i])
        });
        doc.link(&label, Target::Meeting(id.clone()));
    }
}

/// The summit documents adopted at the event.
fn summit_documents(doc: &mut Doc, catalog: &Catalog, event: &Event) {
    let documents: Vec<String> = catalog
        .data
        .summit
        .iter()
        .flat_map(|s| &s.documents)
        .filter(|d| d.event.as_deref() == Some(event.id.as_str()))
        .map(|d| d.display_title_in(catalog.lang))
        .collect();
    if !documents.is_empty() {
        doc.heading(catalog.words().h_documents);
        for title in documents {
            doc.bullet(&title);
        }
    }
}

/// The event's outcomes: those it names first, then those that name it.
fn outcome_links(doc: &mut Doc, catalog: &Catalog, event: &Event) {
    let mut outcomes = event.outcomes.clone();
    outcomes.extend(
        catalog
            .outcomes_of_event
            .get(&event.id)
            .into_iter()
            .flatten()
            .filter(|n| !event.outcomes.contains(n)),
    );
    if !outcomes.is_empty() {
        doc.heading(catalog.words().h_outcomes);
        for n in outcomes {
            doc.link(&outcome_title(catalog, n), Target::Outcome(n));
        }
    }
}

/// The initiative's five core concepts and the reactions the texts report.
fn ggi_detail(doc: &mut Doc, w: &Words, ggi: &crate::data::model::Ggi) {
    if !ggi.concepts.is_empty() {
        doc.heading(w.h_concepts);
        for concept in &ggi.concepts {
            let mut line = concept.name.clone();
            if let Some(role) = &concept.role {
                line = format!("{line}{}{role}", w.colon);
            }
            if let Some(wang) = &concept.wang_yi {
                let quoted = format!("{}{wang}{}", Glyph::OpenQuote, Glyph::CloseQuote);
                line = format!("{line}{}", (w.wang_put_it)(&quoted));
            }
            doc.bullet(&line);
        }
    }
    if !ggi.reactions.is_empty() {
        doc.heading(w.h_reactions);
        for reaction in &ggi.reactions {
            doc.bullet(&format!(
                "{}{}{}{}",
                reaction.name,
                (w.aside)(&reaction.affiliation),
                w.colon,
                reaction.remark
            ));
            for quote in &reaction.quotes {
                let open = format!("  {}", w.quote_open);
                let quote = format!("{quote}{}", w.quote_close);
                doc.wrapped((&open, Role::Muted), 3, &quote, Role::Muted);
            }
        }
    }
}

/// What the initiative's part of its event's detail says, for search: each concept with its
/// role and Wang Yi's wording, each reaction with who gave it and their words.
fn ggi_texts(ggi: &crate::data::model::Ggi) -> Vec<String> {
    let mut texts = Vec::new();
    for concept in &ggi.concepts {
        texts.push(concept.name.clone());
        texts.extend(concept.role.clone());
        texts.extend(concept.wang_yi.clone());
    }
    for reaction in &ggi.reactions {
        texts.push(reaction.name.clone());
        texts.push(reaction.affiliation.clone());
        texts.push(reaction.remark.clone());
        texts.extend(reaction.quotes.iter().cloned());
    }
    texts
}

pub fn locate(catalog: &Catalog, id: &str) -> Option<usize> {
    catalog.event_index.get(id).map(|&i| catalog.event_place[i])
}

/// The timeline: events by date, under year and day separators.
pub struct Timeline;

static FACETS: [FacetSpec; 2] = [
    FacetSpec {
        slot: Facet::Type,
        name: |w| w.c_kind,
        value_of: |catalog, item| event(catalog, item).map(|e| FacetValue::Kind(e.kind)),
    },
    FacetSpec {
        slot: Facet::Year,
        name: |w| w.c_year,
        value_of: |catalog, item| event(catalog, item).map(|e| FacetValue::Year(e.date.year())),
    },
];

impl Pane for Timeline {
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

    fn facets(&self) -> &'static [FacetSpec] {
        &FACETS
    }

    fn search_entries(&self, source: &IndexSource) -> Vec<Entry> {
        let mut entries = Vec::new();
        for (item, &index) in source.timeline.iter().enumerate() {
            let e = &source.data.timeline[index];
            let title = format!(
                "{} {}",
                (source.lang.words().short_partial)(e.date),
                e.title
            );
            let fields = [
                Some(e.title.clone()),
                e.summary.clone(),
                e.place.clone(),
                Some(e.date.to_string()),
                Some(e.kind.label(source.lang).to_string()),
                // So that "/推定" lists the derived dates, and a note's words find its event.
                e.certainty
                    .is_derived()
                    .then(|| e.certainty.label(source.lang).to_string()),
                e.date_note.clone(),
            ];
            let mut fields: Vec<String> = fields.into_iter().flatten().collect();
            // The event of the Global Governance Initiative shows its concepts and the
            // reactions to it: it is found by them.
            if let Some(ggi) = source
                .data
                .summit
                .as_ref()
                .and_then(|s| s.ggi.as_ref())
                .filter(|g| g.event == e.id)
            {
                fields.extend(ggi_texts(ggi));
            }
            entries.push(Entry {
                tab: Tab::Timeline,
                item,
                id: e.id.clone(),
                title,
                separator: None,
                fields: texts(fields),
            });
        }
        entries
    }
}
