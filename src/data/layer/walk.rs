//! Which fields of each kind of record a reader reads, met with their translation. Each
//! kind's reader-facing fields are listed once, here (the summit's in `walk_summit.rs`); ids,
//! numbers, dates, enums and links are never walked, so the translation cannot change them.

use std::collections::HashSet;

use crate::data::Lang;
use crate::data::dataset::DataSet;
use crate::data::files::{self, DataFile};
use crate::data::layer::pairing::Pairing;
use crate::data::layer::records::{
    CountryText, EventText, InitiativeText, Keyed, MeetingText, OutcomeText, SectionText,
    SourceText, Translations, VoiceText,
};
use crate::data::layer::walk_summit;
use crate::data::model::{Country, Event, Initiative, Meeting, Outcome, Section, Source, Voice};

/// Walks every file's records with their translation, in the order of the file set.
pub(crate) fn walk_all(p: &mut Pairing, data: &mut DataSet, en: &Translations) {
    walk_summit::walk(p, data.summit.as_mut(), en.summit.as_ref());
    keyed(
        p,
        files::OUTCOMES,
        &mut data.outcomes,
        en.outcomes.as_ref(),
        outcome,
    );
    keyed(
        p,
        files::INITIATIVES,
        &mut data.initiatives,
        en.initiatives.as_ref(),
        initiative,
    );
    keyed(
        p,
        files::MEETINGS,
        &mut data.meetings,
        en.meetings.as_ref(),
        meeting,
    );
    keyed(
        p,
        files::TIMELINE,
        &mut data.timeline,
        en.timeline.as_ref(),
        event,
    );
    keyed(
        p,
        files::RESULTS,
        &mut data.results,
        en.results.as_ref(),
        section,
    );
    keyed(
        p,
        files::VOICES,
        &mut data.voices,
        en.voices.as_ref(),
        voice,
    );
    keyed(
        p,
        files::COUNTRIES,
        &mut data.countries,
        en.countries.as_ref(),
        country,
    );
    keyed(
        p,
        files::SOURCES,
        &mut data.sources,
        en.sources.as_ref(),
        source,
    );
}

/// The key of a record's translation: its id, or its number as text.
trait Key {
    fn key(&self) -> String;
}

macro_rules! key {
    ($($ty:ty => $field:ident),* $(,)?) => {
        $(impl Key for $ty {
            fn key(&self) -> String {
                self.$field.to_string()
            }
        })*
    };
}

key!(
    Outcome => n,
    Initiative => n,
    Meeting => id,
    Event => id,
    Section => id,
    Voice => id,
    Country => id,
    Source => id,
);

/// The records of one file, each with the translation keyed by its id; a translation keyed by
/// an id the Chinese file does not have is reported.
fn keyed<Z: Key, E: Default>(
    p: &mut Pairing,
    file: DataFile,
    zh: &mut [Z],
    en: Option<&Keyed<E>>,
    walk: impl Fn(&mut Pairing, &mut Z, &E),
) {
    p.file(file, en.is_some());
    if let Some(en) = en {
        let known: HashSet<String> = zh.iter().map(Key::key).collect();
        p.unknown_keys(file.key, file.key, "", en.keys(), &known);
    }
    let none = E::default();
    for record in zh {
        let id = record.key();
        let english = en.and_then(|en| en.get(&id)).unwrap_or(&none);
        p.record(format!("{}.{id}", file.key), |p| walk(p, record, english));
    }
}

fn outcome(p: &mut Pairing, zh: &mut Outcome, en: &OutcomeText) {
    p.text("title", &mut zh.title, &en.title);
    p.text("summary", &mut zh.summary, &en.summary);
    p.list("facts", &mut zh.facts, &en.facts);
    p.optional("note", &mut zh.note, &en.note);
}

fn initiative(p: &mut Pairing, zh: &mut Initiative, en: &InitiativeText) {
    p.text("text", &mut zh.text, &en.text);
    p.optional("short", &mut zh.short, &en.short);
    p.tables(
        "commitments",
        &mut zh.commitments,
        &en.commitments,
        |p, zh, en| {
            p.text("unit", &mut zh.unit, &en.unit);
            p.text("what", &mut zh.what, &en.what);
            p.text("as_printed", &mut zh.as_printed, &en.as_printed);
            let period = zh.period.as_mut().map(|period| &mut period.text);
            p.field("period", period, en.period.as_ref());
        },
    );
}

fn meeting(p: &mut Pairing, zh: &mut Meeting, en: &MeetingText) {
    p.text("kind", &mut zh.kind, &en.kind);
    p.optional("date_note", &mut zh.date_note, &en.date_note);
    p.optional("city", &mut zh.city, &en.city);
    p.optional("venue", &mut zh.venue, &en.venue);
    p.optional("occasion", &mut zh.occasion, &en.occasion);
    p.nested(
        "counterpart",
        &mut zh.counterpart,
        en.counterpart.as_ref(),
        |p, zh, en| {
            p.optional("name", &mut zh.name, &en.name);
            p.optional("title", &mut zh.title, &en.title);
        },
    );
    p.list("chinese_side", &mut zh.chinese_side, &en.chinese_side);
    p.list(
        "counterpart_side",
        &mut zh.counterpart_side,
        &en.counterpart_side,
    );
    p.tables("quotes", &mut zh.quotes, &en.quotes, |p, zh, en| {
        p.text("speaker", &mut zh.speaker, &en.speaker);
        p.text("text", &mut zh.text, &en.text);
    });
    p.list("documents", &mut zh.documents, &en.documents);
    p.optional("documents_note", &mut zh.documents_note, &en.documents_note);
    p.list("attendees", &mut zh.attendees, &en.attendees);
    p.optional("note", &mut zh.note, &en.note);
}

fn event(p: &mut Pairing, zh: &mut Event, en: &EventText) {
    p.text("title", &mut zh.title, &en.title);
    p.optional("summary", &mut zh.summary, &en.summary);
    p.optional("place", &mut zh.place, &en.place);
    p.optional("date_note", &mut zh.date_note, &en.date_note);
}

fn voice(p: &mut Pairing, zh: &mut Voice, en: &VoiceText) {
    p.text("speaker", &mut zh.speaker, &en.speaker);
    p.optional("role", &mut zh.role, &en.role);
    p.optional("date_note", &mut zh.date_note, &en.date_note);
    p.optional("place", &mut zh.place, &en.place);
    p.text("said", &mut zh.said, &en.said);
    p.list("quotes", &mut zh.quotes, &en.quotes);
}

/// A section, then each of its items as a record of its own (`<section>.items.<n>`): the
/// results list is counted item by item, as its 223 items are what a translator works on.
fn section(p: &mut Pairing, zh: &mut Section, en: &SectionText) {
    p.text("group", &mut zh.group, &en.group);
    p.text("title", &mut zh.title, &en.title);
    p.optional("note", &mut zh.note, &en.note);
    let path = format!("{}.{}", files::RESULTS.key, zh.id);
    let numbers: HashSet<String> = zh.items.iter().map(|item| item.n.to_string()).collect();
    let place = format!("section \"{}\" of {}", zh.id, files::RESULTS.name);
    p.unknown_keys(
        &format!("{path}.items"),
        "item",
        &place,
        en.items.keys(),
        &numbers,
    );
    p.unknown_keys(
        &format!("{path}.item_notes"),
        "item",
        &place,
        en.item_notes.keys(),
        &numbers,
    );
    for item in &mut zh.items {
        let n = item.n.to_string();
        p.record(format!("{path}.items.{n}"), |p| {
            // An item's title and note are in two tables of the section, so its fields are
            // named from the section.
            p.at(path.clone());
            p.field(
                &format!("items.{n}"),
                Some(&mut item.title),
                en.items.get(&n),
            );
            p.field(
                &format!("item_notes.{n}"),
                item.note.as_mut(),
                en.item_notes.get(&n),
            );
        });
    }
}

/// English names and capitals come from countries.toml's own (`name_en`, `capital_en`);
/// another language's are its layer's `name` and `capital`. The translated data set shows
/// them in the fields a reader reads (`name_zh`, `capital_zh`).
fn country(p: &mut Pairing, zh: &mut Country, tr: &CountryText) {
    if p.lang == Lang::En {
        zh.name_zh.clone_from(&zh.name_en);
        if let Some(capital) = &zh.capital_en {
            zh.capital_zh = Some(capital.clone());
        }
        p.given_elsewhere("name", tr.name.is_some(), "name_en");
        p.given_elsewhere("capital", tr.capital.is_some(), "capital_en");
        p.not_declined("genitive", tr.genitive.is_some());
    } else {
        p.text("name", &mut zh.name_zh, &tr.name);
        p.optional("capital", &mut zh.capital_zh, &tr.capital);
        // Not a translation of a Chinese field, so not counted: a country without it still
        // reads, its office as «Президент (Россия)».
        zh.name_genitive.clone_from(&tr.genitive);
    }
    p.optional("status_note", &mut zh.status_note, &tr.status_note);
}

fn source(p: &mut Pairing, zh: &mut Source, en: &SourceText) {
    zh.headline_translated = zh.headline.is_some() && en.headline.is_some();
    p.optional("headline", &mut zh.headline, &en.headline);
    p.optional("subtitle", &mut zh.subtitle, &en.subtitle);
    p.optional("agency", &mut zh.agency, &en.agency);
    p.optional("dateline", &mut zh.dateline, &en.dateline);
    p.list("reporters", &mut zh.reporters, &en.reporters);
    p.optional("note", &mut zh.note, &en.note);
}
