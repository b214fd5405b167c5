//! Rules beyond parsing: every link resolves, numbers are unique and in range, declared
//! counts hold, dates are in order, and every record cites a source.

use std::collections::{HashMap, HashSet};
use std::fmt::Display;

use crate::data::dataset::DataSet;
use crate::data::files::{self, DataFile};
use crate::data::model::{
    Country, Event, Ggi, Initiative, InitiativeGroup, Meeting, Outcome, Section, Source, Summit,
    Voice,
};
use crate::data::numbering;
use crate::data::values::{Certainty, Precision};

/// The typed records, each with its index in its file so that findings name the record as
/// the file has it even when an earlier record failed to load.
#[derive(Debug, Default)]
pub(crate) struct Records {
    pub(crate) summit: Option<Summit>,
    pub(crate) outcomes: Vec<(usize, Outcome)>,
    pub(crate) initiatives: Vec<(usize, Initiative)>,
    pub(crate) meetings: Vec<(usize, Meeting)>,
    pub(crate) timeline: Vec<(usize, Event)>,
    pub(crate) results: Vec<(usize, Section)>,
    pub(crate) voices: Vec<(usize, Voice)>,
    pub(crate) countries: Vec<(usize, Country)>,
    pub(crate) sources: Vec<(usize, Source)>,
}

impl Records {
    pub(crate) fn into_data_set(self) -> DataSet {
        fn strip<T>(records: Vec<(usize, T)>) -> Vec<T> {
            records.into_iter().map(|(_, record)| record).collect()
        }
        DataSet {
            summit: self.summit,
            outcomes: strip(self.outcomes),
            initiatives: strip(self.initiatives),
            meetings: strip(self.meetings),
            timeline: strip(self.timeline),
            results: strip(self.results),
            voices: strip(self.voices),
            countries: strip(self.countries),
            sources: strip(self.sources),
        }
    }
}

/// What links may point at, read from the raw files. `None` where the file is missing from
/// a data folder: links into it are not checked, since the loader already said so.
#[derive(Debug, Default)]
pub(crate) struct Targets {
    pub(crate) sources: Option<HashSet<String>>,
    pub(crate) countries: Option<HashSet<String>>,
    pub(crate) meetings: Option<HashSet<String>>,
    pub(crate) events: Option<HashSet<String>>,
    pub(crate) initiatives: Option<HashSet<String>>,
    pub(crate) outcomes: Option<HashSet<String>>,
    pub(crate) documents: Option<HashSet<String>>,
}

/// A rule broken at a record path, e.g. `meeting[7].sources[0]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub(crate) file: DataFile,
    pub(crate) path: String,
    pub(crate) message: String,
}

/// A record in its file, `event[7]`. The paths of a data set 100 times ours were half of
/// validating it: a path is written out only when a finding needs it.
#[derive(Clone, Copy)]
struct Item<'k>(&'k str, usize);

impl Display for Item<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

/// A field of a record, `event[7].sources`.
#[derive(Clone, Copy)]
struct Field<P>(P, &'static str);

impl<P: Display> Display for Field<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.0, self.1)
    }
}

/// An id as findings quote it: `"a-1"`.
#[derive(PartialEq, Eq, Hash)]
struct Quoted<'a>(&'a str);

impl Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "\"{}\"", self.0)
    }
}

struct Checker<'t> {
    targets: &'t Targets,
    findings: Vec<Finding>,
}

impl Checker<'_> {
    fn report(&mut self, file: DataFile, path: impl Into<String>, message: impl Into<String>) {
        self.findings.push(Finding {
            file,
            path: path.into(),
            message: message.into(),
        });
    }

    fn links<T: Display>(
        &mut self,
        file: DataFile,
        path: impl Display,
        values: &[T],
        target: &Option<HashSet<String>>,
        what: &str,
        target_file: DataFile,
    ) {
        let Some(known) = target else { return };
        for (i, value) in values.iter().enumerate() {
            let value = value.to_string();
            if !known.contains(&value) {
                self.report(
                    file,
                    format!("{path}[{i}]"),
                    format!("no {what} \"{value}\" in {}", target_file.name),
                );
            }
        }
    }

    fn link(
        &mut self,
        file: DataFile,
        path: impl Display,
        value: &str,
        target: &Option<HashSet<String>>,
        what: &str,
        target_file: DataFile,
    ) {
        if target.as_ref().is_some_and(|known| !known.contains(value)) {
            self.report(
                file,
                path.to_string(),
                format!("no {what} \"{value}\" in {}", target_file.name),
            );
        }
    }

    fn cites(&mut self, file: DataFile, record: impl Display, sources: &[String]) {
        if sources.is_empty() {
            self.report(
                file,
                format!("{record}.sources"),
                "no source: every record names the article it comes from",
            );
        }
        let targets = self.targets;
        self.links(
            file,
            Field(record, "sources"),
            sources,
            &targets.sources,
            "source",
            files::SOURCES,
        );
    }

    /// Reports every key after its first occurrence.
    fn unique<P: Display, K: Display + Eq + std::hash::Hash>(
        &mut self,
        file: DataFile,
        keys: impl IntoIterator<Item = (P, K)>,
        what: &str,
    ) {
        let mut first: HashMap<K, P> = HashMap::new();
        for (path, key) in keys {
            match first.get(&key) {
                Some(earlier) => {
                    let message = format!("duplicate {what} {key} (first at {earlier})");
                    self.report(file, path.to_string(), message);
                }
                None => {
                    first.insert(key, path);
                }
            }
        }
    }

    /// Numbers of a list printed 1, 2, 3 …: each within 1..=count.
    fn numbered<'r, R: 'r>(
        &mut self,
        file: DataFile,
        records: &'r [(usize, R)],
        number: impl Fn(&R) -> u32,
    ) {
        let key = file.key;
        let count = records.len() as u32;
        for (at, record) in records {
            let n = number(record);
            if !(1..=count).contains(&n) {
                self.report(
                    file,
                    format!("{key}[{at}].n"),
                    format!("number {n} is out of range 1–{count} ({count} records)"),
                );
            }
        }
        let keys = records
            .iter()
            .map(|(at, record)| (Field(Item(key, *at), "n"), number(record)));
        self.unique(file, keys, "number");
    }

    /// A derived date says how it was derived: the note is what users read instead of the
    /// source's own wording.
    fn date_provenance(
        &mut self,
        file: DataFile,
        record: impl Display,
        certainty: Certainty,
        note: Option<&str>,
    ) {
        if certainty.is_derived() && note.is_none() {
            self.report(
                file,
                format!("{record}.certainty"),
                "a derived date needs a date_note saying how it was derived, from which statements",
            );
        }
    }

    fn ids<'r, R: 'r>(
        &mut self,
        file: DataFile,
        records: &'r [(usize, R)],
        id: impl Fn(&R) -> &str,
    ) {
        let key = file.key;
        for (at, record) in records {
            let id = id(record);
            let well_formed = id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !well_formed {
                self.report(
                    file,
                    format!("{key}[{at}].id"),
                    format!("id \"{id}\" may hold only ASCII letters, digits, '-' and '_'"),
                );
            }
        }
        let keys = records
            .iter()
            .map(|(at, record)| (Field(Item(key, *at), "id"), Quoted(id(record))));
        self.unique(file, keys, "id");
    }
}

pub(crate) fn validate(records: &Records, targets: &Targets) -> Vec<Finding> {
    let mut checker = Checker {
        targets,
        findings: Vec::new(),
    };
    if let Some(summit) = &records.summit {
        check_summit(&mut checker, summit);
    }
    check_outcomes(&mut checker, &records.outcomes);
    check_initiatives(&mut checker, &records.initiatives);
    check_meetings(&mut checker, &records.meetings);
    check_timeline(&mut checker, &records.timeline);
    check_results(&mut checker, &records.results, &records.initiatives);
    check_voices(&mut checker, &records.voices);
    check_countries(&mut checker, &records.countries);
    check_sources(&mut checker, &records.sources);
    checker.findings
}

fn check_summit(c: &mut Checker<'_>, summit: &Summit) {
    let file = files::SUMMIT;
    let targets = c.targets;
    c.cites(file, "summit", &summit.sources);
    if summit.end < summit.start {
        c.report(
            file,
            "summit.end",
            format!("ends ({}) before it starts ({})", summit.end, summit.start),
        );
    }
    c.link(
        file,
        "summit.host",
        &summit.host,
        &targets.countries,
        "country",
        files::COUNTRIES,
    );
    c.link(
        file,
        "summit.next.host",
        &summit.next.host,
        &targets.countries,
        "country",
        files::COUNTRIES,
    );
    c.cites(file, "summit.next", &summit.next.sources);
    let chair = &summit.chairmanship;
    if chair.end < chair.start {
        c.report(
            file,
            "summit.chairmanship.end",
            format!("ends ({}) before it starts ({})", chair.end, chair.start),
        );
    }
    c.cites(file, "summit.chairmanship", &chair.sources);
    for (i, meeting) in summit.meetings.iter().enumerate() {
        let path = format!("summit.meetings[{i}]");
        c.cites(file, &path, &meeting.sources);
        c.links(
            file,
            Field(&path, "events"),
            &meeting.events,
            &targets.events,
            "event",
            files::TIMELINE,
        );
    }
    for (list, figures) in [
        ("participants", &summit.participants),
        ("figures", &summit.figures),
    ] {
        for (i, figure) in figures.iter().enumerate() {
            c.cites(file, format!("summit.{list}[{i}]"), &figure.sources);
        }
    }
    let documents: Vec<(usize, _)> = summit.documents.iter().enumerate().collect();
    for (i, document) in &documents {
        c.cites(file, format!("summit.documents[{i}]"), &document.sources);
        if let Some(event) = &document.event {
            c.link(
                file,
                format!("summit.documents[{i}].event"),
                event,
                &targets.events,
                "event",
                files::TIMELINE,
            );
        }
    }
    let keys = documents
        .iter()
        .map(|(i, d)| (format!("summit.documents[{i}].id"), format!("\"{}\"", d.id)));
    c.unique(file, keys, "id");
    check_leaders(c, summit);
    if let Some(ggi) = &summit.ggi {
        check_ggi(c, ggi);
    }
}

fn check_leaders(c: &mut Checker<'_>, summit: &Summit) {
    let file = files::SUMMIT;
    let targets = c.targets;
    for (i, leader) in summit.leaders.iter().enumerate() {
        let path = format!("summit.leaders[{i}]");
        c.cites(file, &path, &leader.sources);
        c.link(
            file,
            format!("{path}.country"),
            &leader.country,
            &targets.countries,
            "country or organisation",
            files::COUNTRIES,
        );
        c.links(
            file,
            Field(path, "meetings"),
            &leader.meetings,
            &targets.meetings,
            "meeting",
            files::MEETINGS,
        );
    }
    let keys = summit
        .leaders
        .iter()
        .enumerate()
        .map(|(i, l)| (format!("summit.leaders[{i}].id"), format!("\"{}\"", l.id)));
    c.unique(file, keys, "id");
}

fn check_ggi(c: &mut Checker<'_>, ggi: &Ggi) {
    let file = files::SUMMIT;
    let targets = c.targets;
    c.cites(file, "summit.ggi", &ggi.sources);
    c.link(
        file,
        "summit.ggi.event",
        &ggi.event,
        &targets.events,
        "event",
        files::TIMELINE,
    );
    for (i, concept) in ggi.concepts.iter().enumerate() {
        c.cites(file, format!("summit.ggi.concepts[{i}]"), &concept.sources);
    }
    for (i, reaction) in ggi.reactions.iter().enumerate() {
        let path = format!("summit.ggi.reactions[{i}]");
        c.cites(file, &path, &reaction.sources);
        if let Some(country) = &reaction.country {
            c.link(
                file,
                format!("{path}.country"),
                country,
                &targets.countries,
                "country",
                files::COUNTRIES,
            );
        }
    }
}

fn check_outcomes(c: &mut Checker<'_>, outcomes: &[(usize, Outcome)]) {
    let file = files::OUTCOMES;
    let targets = c.targets;
    c.numbered(file, outcomes, |o| o.n);
    for (at, outcome) in outcomes {
        let path = Item("outcome", *at);
        c.cites(file, path, &outcome.sources);
        c.links(
            file,
            Field(path, "initiatives"),
            &outcome.initiatives,
            &targets.initiatives,
            "initiative numbered",
            files::INITIATIVES,
        );
        c.links(
            file,
            Field(path, "documents"),
            &outcome.documents,
            &targets.documents,
            "summit document",
            files::SUMMIT,
        );
        c.links(
            file,
            Field(path, "events"),
            &outcome.events,
            &targets.events,
            "event",
            files::TIMELINE,
        );
    }
}

fn check_initiatives(c: &mut Checker<'_>, initiatives: &[(usize, Initiative)]) {
    let file = files::INITIATIVES;
    c.numbered(file, initiatives, |i| i.n);
    for (at, initiative) in initiatives {
        let path = Item("initiative", *at);
        c.cites(file, path, &initiative.sources);
        for (k, commitment) in initiative.commitments.iter().enumerate() {
            let value = commitment.value.0;
            if !(value.is_finite() && value > 0.0) {
                c.report(
                    file,
                    format!("{path}.commitments[{k}].value"),
                    format!("value {value} must be a positive number"),
                );
            }
        }
    }
    // The summit's own initiatives are printed first, so their numbers come first.
    let last_summit = initiatives
        .iter()
        .filter(|(_, i)| i.group == InitiativeGroup::Summit)
        .map(|(_, i)| i.n)
        .max();
    if let Some(last_summit) = last_summit {
        for (at, initiative) in initiatives {
            if initiative.group == InitiativeGroup::Other && initiative.n < last_summit {
                c.report(file, format!("initiative[{at}].n"), format!("number {} of an `other` initiative comes before summit initiative {last_summit}", initiative.n));
            }
        }
    }
}

fn check_meetings(c: &mut Checker<'_>, meetings: &[(usize, Meeting)]) {
    let file = files::MEETINGS;
    let targets = c.targets;
    c.ids(file, meetings, |m| &m.id);
    for (at, meeting) in meetings {
        let path = Item("meeting", *at);
        c.cites(file, path, &meeting.sources);
        c.date_provenance(file, path, meeting.certainty, meeting.date_note.as_deref());
        c.link(
            file,
            Field(path, "counterpart.country"),
            &meeting.counterpart.country,
            &targets.countries,
            "country or organisation",
            files::COUNTRIES,
        );
    }
}

fn check_timeline(c: &mut Checker<'_>, events: &[(usize, Event)]) {
    let file = files::TIMELINE;
    let targets = c.targets;
    c.ids(file, events, |e| &e.id);
    for (at, event) in events {
        let path = Item("event", *at);
        c.cites(file, path, &event.sources);
        c.date_provenance(file, path, event.certainty, event.date_note.as_deref());
        if let Some(end) = event.end
            && end.first_day() < event.date.first_day()
        {
            c.report(
                file,
                format!("{path}.end"),
                format!("ends ({end}) before it starts ({})", event.date),
            );
        }
        if event.day_end && event.date.precision() != Precision::Day {
            c.report(
                file,
                format!("{path}.day_end"),
                format!(
                    "the close of a day needs a date to the day, not \"{}\"",
                    event.date
                ),
            );
        }
        if event.time.is_some() && event.date.precision() != Precision::Day {
            c.report(
                file,
                format!("{path}.time"),
                format!(
                    "a clock time needs a date to the day, not \"{}\"",
                    event.date
                ),
            );
        }
        c.links(
            file,
            Field(path, "meetings"),
            &event.meetings,
            &targets.meetings,
            "meeting",
            files::MEETINGS,
        );
        c.links(
            file,
            Field(path, "outcomes"),
            &event.outcomes,
            &targets.outcomes,
            "outcome numbered",
            files::OUTCOMES,
        );
    }
}

fn check_results(
    c: &mut Checker<'_>,
    sections: &[(usize, Section)],
    initiatives: &[(usize, Initiative)],
) {
    let file = files::RESULTS;
    c.ids(file, sections, |s| &s.id);
    let plain: Vec<&Section> = sections.iter().map(|(_, s)| s).collect();
    for ((at, section), range) in sections
        .iter()
        .zip(numbering::ranges(plain.iter().copied()))
    {
        let path = Item("section", *at);
        c.cites(file, path, &section.sources);
        if section.declared_count == 0 {
            c.report(
                file,
                format!("{path}.declared_count"),
                "a section declares at least one item",
            );
        }
        let present = match section.initiatives {
            Some(group) => {
                if !section.items.is_empty() {
                    c.report(
                        file,
                        format!("{path}.items"),
                        "a section takes its items from the initiatives or lists them, not both",
                    );
                }
                initiatives.iter().filter(|(_, i)| i.group == group).count()
            }
            None => section.items.len(),
        };
        if present > section.declared_count as usize {
            c.report(
                file,
                format!("{path}.declared_count"),
                format!(
                    "{} declared, but {present} items are present",
                    section.declared_count
                ),
            );
        }
        for (k, item) in section.items.iter().enumerate() {
            if !range.contains(&item.n) {
                c.report(
                    file,
                    format!("{path}.items[{k}].n"),
                    format!(
                        "number {} is outside this section's numbers {}–{}",
                        item.n,
                        range.start(),
                        range.end()
                    ),
                );
            }
        }
        let keys = section
            .items
            .iter()
            .enumerate()
            .map(|(k, item)| (format!("{path}.items[{k}].n"), item.n));
        c.unique(file, keys, "number");
    }
}

fn check_voices(c: &mut Checker<'_>, voices: &[(usize, Voice)]) {
    let file = files::VOICES;
    let targets = c.targets;
    c.ids(file, voices, |v| &v.id);
    for (at, voice) in voices {
        let path = Item("voice", *at);
        c.cites(file, path, &voice.sources);
        c.date_provenance(file, path, voice.certainty, voice.date_note.as_deref());
        c.link(
            file,
            Field(path, "country"),
            &voice.country,
            &targets.countries,
            "country or organisation",
            files::COUNTRIES,
        );
        if let Some(event) = &voice.event {
            c.link(
                file,
                Field(path, "event"),
                event,
                &targets.events,
                "event",
                files::TIMELINE,
            );
        }
        if let Some(meeting) = &voice.meeting {
            c.link(
                file,
                Field(path, "meeting"),
                meeting,
                &targets.meetings,
                "meeting",
                files::MEETINGS,
            );
        }
    }
}

fn check_countries(c: &mut Checker<'_>, countries: &[(usize, Country)]) {
    let file = files::COUNTRIES;
    c.ids(file, countries, |c| &c.id);
    for (at, country) in countries {
        let path = Item("country", *at);
        c.cites(file, path, &country.sources);
        if let Some(lat) = country.lat.filter(|lat| !(-90.0..=90.0).contains(lat)) {
            c.report(
                file,
                format!("{path}.lat"),
                format!("latitude {lat} is outside -90–90"),
            );
        }
        if let Some(lon) = country.lon.filter(|lon| !(-180.0..=180.0).contains(lon)) {
            c.report(
                file,
                format!("{path}.lon"),
                format!("longitude {lon} is outside -180–180"),
            );
        }
        if country.lat.is_some() != country.lon.is_some() {
            c.report(file, path.to_string(), "give both lat and lon, or neither");
        }
    }
}

fn check_sources(c: &mut Checker<'_>, sources: &[(usize, Source)]) {
    c.ids(files::SOURCES, sources, |s| &s.id);
}
