//! The overview's sections, each a block laid out at the width it is given: a heading and its
//! items, never split between columns.

use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Role, Target};
use crate::app::panes::common::sources;
use crate::app::panes::overview::search as anchors;
use crate::app::words::Words;
use crate::data::Lang;
use crate::data::model::{Leader, Summit};
use crate::text::glyphs::Glyph;
use crate::text::width;

/// The summit's name, and when, where and who hosted it, in two or three lines.
pub fn header(catalog: &Catalog, summit: &Summit, page: usize) -> Doc {
    let mut doc = Doc::new(page);
    doc.anchor(anchors::SUMMIT);
    let w = catalog.words();
    let name = format!("{}{}", summit.name, (w.aside)(&summit.short_name));
    // The name in English beside it when both fit on the line, under it when not; an English
    // screen has it already.
    let en = summit.name_en.as_ref().filter(|_| catalog.lang == Lang::Zh);
    match en {
        Some(en) if width(&name) + 2 + width(en) <= page => {
            doc.segments(vec![(name, Role::Title), (format!("  {en}"), Role::Muted)]);
        }
        Some(en) => {
            doc.wrapped(("", Role::Title), 0, &name, Role::Title);
            doc.wrapped(("", Role::Muted), 0, en, Role::Muted);
        }
        None => doc.wrapped(("", Role::Title), 0, &name, Role::Title),
    }
    let host = catalog
        .data
        .country(&summit.host)
        .map_or(summit.host.clone(), |c| c.name_zh.clone());
    let colon = w.colon;
    let dot = Glyph::Separator;
    doc.paragraph(&format!(
        "{} {dot} {} {dot} {} {dot} {}{colon}{host}",
        (w.span)(&(w.date)(summit.start), &(w.date)(summit.end)),
        summit.city,
        summit.venue,
        w.f_host,
    ));
    doc
}

/// The eight outcomes, each a link to its record.
pub fn outcomes(catalog: &Catalog, _summit: &Summit, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    doc.anchor(anchors::OUTCOMES);
    doc.heading(catalog.words().h_eight_outcomes);
    for outcome in &catalog.data.outcomes {
        doc.link(
            &format!("{} {}", outcome.n, outcome.title),
            Target::Outcome(outcome.n),
        );
    }
    doc
}

/// The documents the Tianjin summit adopted, each a link to the outcome that carries it.
/// `document_link` counts on one link per document that has an outcome, in this order.
pub fn documents(catalog: &Catalog, summit: &Summit, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    let w = catalog.words();
    let tianjin: Vec<_> = summit
        .documents
        .iter()
        .filter(|d| d.event.is_none())
        .collect();
    if tianjin.is_empty() {
        return doc;
    }
    doc.heading(w.h_summit_documents);
    for document in tianjin {
        doc.anchor(&anchors::document(&document.id));
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
    doc
}

pub fn next_summit(catalog: &Catalog, summit: &Summit, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    let w = catalog.words();
    doc.anchor(anchors::NEXT_SUMMIT);
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
    doc
}

/// What the summit was, and its two meetings.
pub fn meetings(catalog: &Catalog, summit: &Summit, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    let w = catalog.words();
    doc.anchor(anchors::MEETINGS);
    doc.heading(w.h_two_meetings);
    doc.paragraph(&summit.summary);
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
    doc
}

pub fn participants(catalog: &Catalog, summit: &Summit, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    let w = catalog.words();
    if summit.participants.is_empty() {
        return doc;
    }
    doc.anchor(anchors::PARTICIPANTS);
    doc.heading(w.h_participants);
    for figure in &summit.participants {
        doc.bullet(&(w.amount)(&figure.as_printed, &figure.what));
    }
    doc
}

pub fn chairmanship(catalog: &Catalog, summit: &Summit, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    let w = catalog.words();
    let chair = &summit.chairmanship;
    doc.anchor(anchors::CHAIRMANSHIP);
    doc.heading(w.h_chairmanship);
    doc.field(
        w.f_term,
        &(w.span)(&(w.date)(chair.start), &(w.date)(chair.end)),
    );
    if let Some(slogan) = &chair.slogan {
        doc.field(w.f_theme, slogan);
    }
    doc.paragraph(&chair.summary);
    doc
}

/// The leaders the texts name at the summit: each links to the meeting with Xi Jinping, when
/// there is one, and says what they said.
pub fn leaders(catalog: &Catalog, summit: &Summit, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    if summit.leaders.is_empty() {
        return doc;
    }
    let w = catalog.words();
    doc.heading(w.h_leaders);
    for leader in &summit.leaders {
        doc.anchor(&anchors::leader(&leader.id));
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
        leader_words(&mut doc, w, leader);
    }
    doc
}

/// "俄罗斯总统"
pub fn leader_name(catalog: &Catalog, leader: &Leader) -> String {
    catalog
        .words()
        .office_of(&catalog.data, &leader.country, &leader.title)
}

/// A leader's remark and quotes, indented under their name.
pub fn leader_words(doc: &mut Doc, w: &Words, leader: &Leader) {
    if let Some(remark) = &leader.remark {
        doc.wrapped(("  ", Role::Text), 2, remark, Role::Text);
    }
    for quote in &leader.quotes {
        let open = format!("  {}", w.quote_open);
        let quote = format!("{quote}{}", w.quote_close);
        doc.wrapped((&open, Role::Muted), 3, &quote, Role::Muted);
    }
}

/// Documents adopted at earlier summits, each a link to that summit's timeline event.
pub fn earlier_documents(catalog: &Catalog, summit: &Summit, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    let w = catalog.words();
    let other: Vec<_> = summit
        .documents
        .iter()
        .filter(|d| d.event.is_some())
        .collect();
    if other.is_empty() {
        return doc;
    }
    doc.heading(w.h_earlier_documents);
    for document in other {
        doc.anchor(&anchors::document(&document.id));
        let event = document.event.clone().unwrap_or_default();
        let when = catalog
            .event_index
            .get(&event)
            .map(|&i| &catalog.data.timeline[i])
            .map(|e| e.title.as_str());
        doc.link_to(
            &document.display_title_in(catalog.lang),
            when,
            Target::Event(event),
        );
    }
    doc
}

pub fn summit_sources(catalog: &Catalog, summit: &Summit, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    doc.anchor(anchors::SOURCES);
    sources(&mut doc, catalog, &summit.sources);
    doc
}
