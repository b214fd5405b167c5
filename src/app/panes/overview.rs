//! The summit at a glance: one scrollable page whose links lead to the results list's
//! sections and to the outcomes that carry each document.

use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Role, Target};
use crate::app::pane::Pane;
use crate::app::panes::common::{Row, sources};
use crate::app::words::Words;
use crate::text::glyphs::Glyph;
use crate::text::width::pad_to;

fn detail(catalog: &Catalog, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    let w = catalog.words();
    let Some(summit) = &catalog.data.summit else {
        doc.paragraph(w.no_summit);
        return doc;
    };
    doc.wrapped(
        ("", Role::Title),
        0,
        &format!("{}{}", summit.name, (w.aside)(&summit.short_name)),
        Role::Title,
    );
    if let Some(en) = &summit.name_en {
        doc.segments(vec![(en.clone(), Role::Muted)]);
    }
    doc.blank();
    doc.field(
        w.f_time,
        &(w.span)(&(w.date)(summit.start), &(w.date)(summit.end)),
    );
    doc.field(
        w.f_place,
        &format!("{} {} {}", summit.city, Glyph::Separator, summit.venue),
    );
    let host = catalog
        .data
        .country(&summit.host)
        .map_or(summit.host.clone(), |c| c.name_zh.clone());
    doc.field(w.f_host, &host);
    doc.blank();
    doc.paragraph(&summit.summary);

    doc.heading(w.h_two_meetings);
    for meeting in &summit.meetings {
        let time = meeting.time.map_or(String::new(), |t| {
            format!(" {t}{}", if meeting.time_approx { w.approx } else { "" })
        });
        let chair = meeting
            .chaired_by
            .as_ref()
            .map_or(String::new(), |c| (w.chaired_by)(c));
        doc.bullet(&format!(
            "{}{time} {}{chair}",
            (w.date)(meeting.date),
            meeting.name
        ));
    }
    if !summit.participants.is_empty() {
        doc.heading(w.h_participants);
        for figure in &summit.participants {
            doc.bullet(&(w.amount)(&figure.as_printed, &figure.what));
        }
    }

    let chair = &summit.chairmanship;
    doc.heading(w.h_chairmanship);
    doc.field(
        w.f_term,
        &(w.span)(&(w.date)(chair.start), &(w.date)(chair.end)),
    );
    if let Some(slogan) = &chair.slogan {
        doc.field(w.f_theme, slogan);
    }
    doc.paragraph(&chair.summary);

    doc.heading(w.h_next_summit);
    doc.field(
        w.f_when_where,
        &format!(
            "{} {} {}",
            (w.next_year)(summit.next.year),
            Glyph::Separator,
            summit.next.host_name
        ),
    );
    doc.field(w.f_slogan, &summit.next.slogan);

    results_chart(&mut doc, catalog);

    if !summit.figures.is_empty() {
        doc.heading(w.h_figures);
        for figure in &summit.figures {
            doc.bullet(&(w.figure)(&figure.as_printed, &figure.what));
        }
    }
    let (tianjin, other): (Vec<_>, Vec<_>) =
        summit.documents.iter().partition(|d| d.event.is_none());
    if !tianjin.is_empty() {
        doc.heading(w.h_summit_documents);
        for document in tianjin {
            let title = document.display_title_in(catalog.lang);
            match catalog
                .outcomes_of_document
                .get(&document.id)
                .and_then(|o| o.first())
            {
                Some(n) => doc.link_to(&title, Some(&(w.outcome)(*n)), Target::Outcome(*n)),
                None => doc.bullet(&title),
            }
        }
    }
    leaders(&mut doc, catalog, summit);
    // After the Tianjin documents, so that `document_link` still counts right.
    if !other.is_empty() {
        doc.heading(w.h_earlier_documents);
        for document in other {
            let event = document.event.clone().unwrap_or_default();
            let when = catalog
                .data
                .timeline
                .iter()
                .find(|e| e.id == event)
                .map(|e| e.title.as_str());
            doc.link_to(
                &document.display_title_in(catalog.lang),
                when,
                Target::Event(event),
            );
        }
    }
    sources(&mut doc, catalog, &summit.sources);
    doc
}

/// The leaders the texts name at the summit: each links to the meeting with Xi Jinping, when
/// there is one, and says what they said. After the documents, so `document_link` counts right.
fn leaders(doc: &mut Doc, catalog: &Catalog, summit: &crate::data::model::Summit) {
    if summit.leaders.is_empty() {
        return;
    }
    let w = catalog.words();
    doc.heading(w.h_leaders);
    for leader in &summit.leaders {
        let label = format!(
            "{} {} {}",
            leader_name(catalog, leader),
            Glyph::Separator,
            leader.name
        );
        match leader.meetings.first() {
            Some(id) => doc.link(&label, Target::Meeting(id.clone())),
            None => doc.bullet(&label),
        }
        leader_words(doc, w, leader);
    }
}

/// "俄罗斯总统"
pub fn leader_name(catalog: &Catalog, leader: &crate::data::model::Leader) -> String {
    let country = catalog
        .data
        .country(&leader.country)
        .map_or(leader.country.clone(), |c| c.name_zh.clone());
    (catalog.words().office)(&country, &leader.title)
}

/// A leader's remark and quotes, indented under their name.
pub fn leader_words(doc: &mut Doc, w: &Words, leader: &crate::data::model::Leader) {
    if let Some(remark) = &leader.remark {
        doc.wrapped(("  ", Role::Text), 2, remark, Role::Text);
    }
    for quote in &leader.quotes {
        let open = format!("  {}", w.quote_open);
        let quote = format!("{quote}{}", w.quote_close);
        doc.wrapped((&open, Role::Muted), 3, &quote, Role::Muted);
    }
}

/// The results list by section: how many items each declares, and how many the sources hold.
fn results_chart(doc: &mut Doc, catalog: &Catalog) {
    let results = &catalog.results;
    let w = catalog.words();
    doc.heading(&(w.h_results)(
        results.total_declared,
        results.total_present,
    ));
    let label_width = 22.min(doc.width / 3);
    let counts_width = 8;
    let bar_width = doc
        .width
        .saturating_sub(
            label_width + counts_width + crate::text::width(&format!("{} ", Glyph::Link)),
        )
        .min(40);
    let largest = results
        .sections
        .iter()
        .map(|s| s.declared_count)
        .max()
        .unwrap_or(1)
        .max(1);
    for section in &results.sections {
        let declared = (section.declared_count as usize * bar_width).div_ceil(largest as usize);
        let present = (section.present * bar_width)
            .div_ceil(largest as usize)
            .min(declared);
        let label = crate::text::truncate(&section.title, label_width.saturating_sub(1));
        let index = doc.links.len();
        doc.links.push(Target::Section(section.id.clone()));
        doc.segments(vec![
            (format!("{} ", Glyph::Link), Role::Muted),
            (pad_to(&label, label_width), Role::Link),
            (Glyph::BarFull.as_str().repeat(present), Role::Bar),
            (
                Glyph::BarEmpty.as_str().repeat(declared - present),
                Role::BarEmpty,
            ),
            (
                format!(" {}/{}", section.present, section.declared_count),
                Role::Accent,
            ),
        ]);
        if let Some(line) = doc.lines.last_mut() {
            line.link = Some(index);
        }
    }
    doc.segments(vec![(
        format!(
            "  {} {}  {} {}",
            Glyph::BarFull,
            w.in_sources,
            Glyph::BarEmpty,
            w.not_in_sources
        ),
        Role::Muted,
    )]);
}

/// The overview's link index of a summit document (for links that lead here).
pub fn document_link(catalog: &Catalog, id: &str) -> Option<usize> {
    let documents = &catalog.data.summit.as_ref()?.documents;
    let linked: Vec<&str> = documents
        .iter()
        .filter(|d| d.event.is_none())
        .filter(|d| {
            catalog
                .outcomes_of_document
                .get(&d.id)
                .is_some_and(|o| !o.is_empty())
        })
        .map(|d| d.id.as_str())
        .collect();
    let position = linked.iter().position(|d| *d == id)?;
    Some(catalog.results.sections.len() + position)
}

/// The summit at a glance: a page of links, without a list.
pub struct Overview;

impl Pane for Overview {
    fn count(&self, _catalog: &Catalog) -> usize {
        0
    }

    fn rows(&self, _catalog: &Catalog, _width: usize, _items: &[usize]) -> Vec<Row> {
        Vec::new()
    }

    fn detail(&self, catalog: &Catalog, _item: usize, width: usize) -> Doc {
        detail(catalog, width)
    }
}
