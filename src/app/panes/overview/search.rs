//! The overview as search sees it: one entry per thing the page says that no other pane
//! holds — the summit, its two meetings, who attended, the figures, the documents, the
//! chairmanship, the next summit, each leader, the sources. (The outcomes and the results
//! chart on the page are the Outcomes and Results panes' records, found there.) Each entry's
//! id names an anchor the sections set, so a hit lands on its line at any width.

use crate::app::search::{Entry, IndexSource, SEPARATOR, texts};
use crate::app::tab::Tab;
use crate::app::words::Words;
use crate::data::model::{Document, Summit};

/// The anchors of the sections that hold no entry of their own, so that the lines of one
/// entry end where the next section starts.
pub const OUTCOMES: &str = "outcomes";
pub const CHART: &str = "chart";

pub const SUMMIT: &str = "summit";
pub const MEETINGS: &str = "meetings";
pub const PARTICIPANTS: &str = "participants";
pub const FIGURES: &str = "figures";
pub const CHAIRMANSHIP: &str = "chairmanship";
pub const NEXT_SUMMIT: &str = "next-summit";
pub const SOURCES: &str = "sources";

pub fn leader(id: &str) -> String {
    format!("leader/{id}")
}

pub fn document(id: &str) -> String {
    format!("document/{id}")
}

/// The overview's entries, in the page's reading order. Both languages make the same
/// entries in the same order (search pairs them with their twins by place).
pub fn entries(source: &IndexSource) -> Vec<Entry> {
    let Some(summit) = &source.data.summit else {
        return Vec::new();
    };
    let w = source.lang.words();
    let mut entries = Entries::default();
    entries.push(
        SUMMIT.into(),
        summit.name.clone(),
        vec![
            summit.name.clone(),
            summit.short_name.clone(),
            summit.city.clone(),
            summit.venue.clone(),
            country_name(source, &summit.host),
        ],
    );
    entries.documents(summit, source, |d| d.event.is_none());
    entries.section(
        NEXT_SUMMIT,
        w.h_next_summit,
        vec![
            summit.next.host_name.clone(),
            summit.next.slogan.clone(),
            (w.next_year)(summit.next.year),
        ],
    );
    let mut meetings = vec![summit.summary.clone()];
    for meeting in &summit.meetings {
        meetings.push(meeting.name.clone());
        meetings.extend(meeting.chaired_by.clone());
    }
    entries.section(MEETINGS, w.h_two_meetings, meetings);
    entries.figures(summit, w);
    let chair = &summit.chairmanship;
    entries.section(
        CHAIRMANSHIP,
        w.h_chairmanship,
        [chair.slogan.clone(), Some(chair.summary.clone())]
            .into_iter()
            .flatten()
            .collect(),
    );
    entries.leaders(summit, source);
    entries.documents(summit, source, |d| d.event.is_some());
    entries.section(
        SOURCES,
        w.h_sources,
        summit
            .sources
            .iter()
            .filter_map(|id| source.data.source(id))
            .map(|s| s.citation_in(source.lang))
            .collect(),
    );
    entries.0
}

/// A country's name, or its id when the data has no such country.
fn country_name(source: &IndexSource, id: &str) -> String {
    source
        .data
        .country(id)
        .map_or(id.to_string(), |c| c.name_zh.clone())
}

#[derive(Default)]
struct Entries(Vec<Entry>);

impl Entries {
    /// One entry: its id (the anchor), its title, and what it is found by, the field that
    /// names it first.
    fn push(&mut self, id: String, title: String, fields: Vec<String>) {
        self.0.push(Entry {
            tab: Tab::Overview,
            item: self.0.len(),
            id,
            title,
            separator: None,
            fields: texts(fields),
        });
    }

    /// A section's entry, found by its heading and its texts.
    fn section(&mut self, id: &str, heading: &str, texts: Vec<String>) {
        let mut fields = vec![heading.to_string()];
        fields.extend(texts);
        self.push(id.into(), heading.into(), fields);
    }

    /// The participants' and the summit's figures, a section each, found as printed with
    /// what they count.
    fn figures(&mut self, summit: &Summit, w: &Words) {
        self.section(
            PARTICIPANTS,
            w.h_participants,
            summit
                .participants
                .iter()
                .map(|f| (w.amount)(&f.as_printed, &f.what))
                .collect(),
        );
        self.section(
            FIGURES,
            w.h_figures,
            summit
                .figures
                .iter()
                .map(|f| (w.figure)(&f.as_printed, &f.what))
                .collect(),
        );
    }

    /// One entry per leader, titled by office and name, found by those, the remark and the
    /// quotes.
    fn leaders(&mut self, summit: &Summit, source: &IndexSource) {
        let w = source.lang.words();
        for person in &summit.leaders {
            let office = w.office_of(source.data, &person.country, &person.title);
            let title = format!("{office} {SEPARATOR} {}", person.name);
            let mut fields = vec![person.name.clone(), office];
            fields.extend(person.remark.clone());
            fields.extend(person.quotes.iter().cloned());
            self.push(leader(&person.id), title, fields);
        }
    }

    /// One entry per document a section lists.
    fn documents(&mut self, summit: &Summit, source: &IndexSource, keep: fn(&Document) -> bool) {
        for d in summit.documents.iter().filter(|d| keep(d)) {
            let title = d.display_title_in(source.lang);
            self.push(document(&d.id), title.clone(), vec![title]);
        }
    }
}
