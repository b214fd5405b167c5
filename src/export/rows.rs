//! Each part of the data set as one flat table of serde rows, shared by the CSV and Markdown
//! exports: a row struct's fields are its columns, in order. Lists are joined with "; ",
//! unknown values are empty cells, and text is sanitised as it is serialised.

use std::borrow::Cow;
use std::fmt::Display;

use serde::{Serialize, Serializer};

use super::{ExportError, Part};
use crate::data::model::{
    Category, Country, CountryKind, Event, EventKind, Ggi, Initiative, InitiativeGroup, Leader,
    Meeting, Outcome, ScoStatus, Source, Summit, Voice,
};
use crate::data::results_view::results_view;
use crate::data::values::{Certainty, TimeOfDay};
use crate::data::{DataSet, Lang};
use crate::text::quotes::ru_quoted;
use crate::text::sanitize;

/// A row of one table; `HEADER` names its columns even when the table has no rows.
pub(super) trait Row: Serialize {
    const HEADER: &'static [&'static str];
}

/// Where the tables go: each writer takes rows of any section.
pub(super) trait Sink {
    fn table<R: Row>(&mut self, part: Part, rows: &[R]) -> Result<(), ExportError>;
}

/// Declares a row struct and its `HEADER` from one list of fields, so they cannot disagree.
macro_rules! row {
    ($name:ident { $($field:ident: $ty:ty),* $(,)? }) => {
        #[derive(Serialize)]
        struct $name<'a> {
            $($field: $ty),*
        }

        impl Row for $name<'_> {
            const HEADER: &'static [&'static str] = &[$(stringify!($field)),*];
        }
    };
}

/// A cell of text: CSV and Markdown are for people and terminals, so it is sanitised like the
/// dashboard's text (JSON keeps every character, escaped, and does not use rows).
struct Text<'a>(Cow<'a, str>);

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&sanitize(&self.0))
    }
}

fn text(value: &str) -> Text<'_> {
    Text(Cow::Borrowed(value))
}

fn opt(value: &Option<String>) -> Option<Text<'_>> {
    value.as_deref().map(text)
}

fn shown(value: impl Display) -> Text<'static> {
    Text(Cow::Owned(value.to_string()))
}

fn joined<T: Display>(values: &[T]) -> Text<'static> {
    let cells: Vec<String> = values.iter().map(ToString::to_string).collect();
    Text(Cow::Owned(cells.join("; ")))
}

row!(SummitRow {
    field: &'static str,
    value: Text<'a>,
});

row!(OutcomeRow {
    n: u32,
    title: Text<'a>,
    summary: Text<'a>,
    facts: Text<'a>,
    initiatives: Text<'a>,
    documents: Text<'a>,
    events: Text<'a>,
    sources: Text<'a>,
});

row!(InitiativeRow {
    n: u32,
    group: InitiativeGroup,
    category: Category,
    text: Text<'a>,
    short: Option<Text<'a>>,
    commitments: Text<'a>,
    sources: Text<'a>,
});

row!(MeetingRow {
    id: Text<'a>,
    date: Option<Text<'a>>,
    certainty: Certainty,
    date_note: Option<Text<'a>>,
    time_of_day: Option<TimeOfDay>,
    city: Option<Text<'a>>,
    venue: Option<Text<'a>>,
    kind: Text<'a>,
    counterpart_name: Option<Text<'a>>,
    counterpart_title: Option<Text<'a>>,
    counterpart_country: Text<'a>,
    occasion: Option<Text<'a>>,
    documents: Text<'a>,
    attendees: Text<'a>,
    note: Option<Text<'a>>,
    sources: Text<'a>,
});

row!(EventRow {
    id: Text<'a>,
    date: Text<'a>,
    certainty: Certainty,
    date_note: Option<Text<'a>>,
    end: Option<Text<'a>>,
    time: Option<Text<'a>>,
    time_of_day: Option<TimeOfDay>,
    kind: EventKind,
    title: Text<'a>,
    place: Option<Text<'a>>,
    meetings: Text<'a>,
    outcomes: Text<'a>,
    sources: Text<'a>,
});

row!(ResultRow {
    section: Text<'a>,
    group: Text<'a>,
    section_title: Text<'a>,
    declared_count: u32,
    n: u32,
    title: Text<'a>,
});

row!(VoiceRow {
    id: Text<'a>,
    speaker: Text<'a>,
    role: Option<Text<'a>>,
    country: Text<'a>,
    date: Text<'a>,
    certainty: Certainty,
    date_note: Option<Text<'a>>,
    place: Option<Text<'a>>,
    said: Text<'a>,
    quotes: Text<'a>,
    event: Option<Text<'a>>,
    meeting: Option<Text<'a>>,
    sources: Text<'a>,
});

row!(CountryRow {
    id: Text<'a>,
    kind: CountryKind,
    name_zh: Text<'a>,
    name_en: Text<'a>,
    capital_zh: Option<Text<'a>>,
    capital_en: Option<Text<'a>>,
    lat: Option<Text<'a>>,
    lon: Option<Text<'a>>,
    sco_status: ScoStatus,
    sources: Text<'a>,
});

row!(SourceRow {
    id: Text<'a>,
    headline: Option<Text<'a>>,
    subtitle: Option<Text<'a>>,
    agency: Option<Text<'a>>,
    dateline: Option<Text<'a>>,
    date: Option<Text<'a>>,
    reporters: Text<'a>,
    note: Option<Text<'a>>,
});

/// Hands one part of the data set to the sink as its table.
pub(super) fn write_part(
    data: &DataSet,
    lang: Lang,
    part: Part,
    sink: &mut impl Sink,
) -> Result<(), ExportError> {
    match part {
        Part::Summit => {
            let rows = data
                .summit
                .as_ref()
                .map(|s| summit_rows(s, data, lang))
                .unwrap_or_default();
            sink.table(part, &rows)
        }
        Part::Outcomes => sink.table(part, &collect(&data.outcomes, outcome_row)),
        Part::Initiatives => sink.table(part, &collect(&data.initiatives, initiative_row)),
        Part::Meetings => sink.table(part, &collect(&data.meetings, meeting_row)),
        Part::Timeline => sink.table(part, &collect(&data.timeline, event_row)),
        Part::Results => {
            let view = results_view(data);
            let rows: Vec<ResultRow> = view
                .sections
                .iter()
                .flat_map(|s| {
                    s.items.iter().map(|item| ResultRow {
                        section: text(&s.id),
                        group: text(&s.group),
                        section_title: text(&s.title),
                        declared_count: s.declared_count,
                        n: item.n,
                        title: text(&item.title),
                    })
                })
                .collect();
            sink.table(part, &rows)
        }
        Part::Voices => sink.table(part, &collect(&data.voices, voice_row)),
        Part::Countries => sink.table(part, &collect(&data.countries, country_row)),
        Part::Sources => sink.table(part, &collect(&data.sources, source_row)),
    }
}

fn collect<'a, T, R>(records: &'a [T], row: impl Fn(&'a T) -> R) -> Vec<R> {
    records.iter().map(row).collect()
}

fn outcome_row(o: &Outcome) -> OutcomeRow<'_> {
    OutcomeRow {
        n: o.n,
        title: text(&o.title),
        summary: text(&o.summary),
        facts: joined(&o.facts),
        initiatives: joined(&o.initiatives),
        documents: joined(&o.documents),
        events: joined(&o.events),
        sources: joined(&o.sources),
    }
}

fn initiative_row(i: &Initiative) -> InitiativeRow<'_> {
    let commitments: Vec<String> = i
        .commitments
        .iter()
        .map(|c| match &c.period {
            Some(p) => format!("{} {} {} ({})", c.value, c.unit, c.what, p.text),
            None => format!("{} {} {}", c.value, c.unit, c.what),
        })
        .collect();
    InitiativeRow {
        n: i.n,
        group: i.group,
        category: i.category,
        text: text(&i.text),
        short: opt(&i.short),
        commitments: joined(&commitments),
        sources: joined(&i.sources),
    }
}

fn meeting_row(m: &Meeting) -> MeetingRow<'_> {
    MeetingRow {
        id: text(&m.id),
        date: m.date.map(shown),
        certainty: m.certainty,
        date_note: opt(&m.date_note),
        time_of_day: m.time_of_day,
        city: opt(&m.city),
        venue: opt(&m.venue),
        kind: text(&m.kind),
        counterpart_name: opt(&m.counterpart.name),
        counterpart_title: opt(&m.counterpart.title),
        counterpart_country: text(&m.counterpart.country),
        occasion: opt(&m.occasion),
        documents: joined(&m.documents),
        attendees: joined(&m.attendees),
        note: opt(&m.note),
        sources: joined(&m.sources),
    }
}

fn event_row(e: &Event) -> EventRow<'_> {
    EventRow {
        id: text(&e.id),
        date: shown(e.date),
        certainty: e.certainty,
        date_note: opt(&e.date_note),
        end: e.end.map(shown),
        time: e
            .time
            .map(|t| shown(format!("{t}{}", if e.time_approx { "~" } else { "" }))),
        time_of_day: e.time_of_day,
        kind: e.kind,
        title: text(&e.title),
        place: opt(&e.place),
        meetings: joined(&e.meetings),
        outcomes: joined(&e.outcomes),
        sources: joined(&e.sources),
    }
}

fn voice_row(v: &Voice) -> VoiceRow<'_> {
    VoiceRow {
        id: text(&v.id),
        speaker: text(&v.speaker),
        role: opt(&v.role),
        country: text(&v.country),
        date: shown(v.date),
        certainty: v.certainty,
        date_note: opt(&v.date_note),
        place: opt(&v.place),
        said: text(&v.said),
        quotes: joined(&v.quotes),
        event: opt(&v.event),
        meeting: opt(&v.meeting),
        sources: joined(&v.sources),
    }
}

fn country_row(c: &Country) -> CountryRow<'_> {
    CountryRow {
        id: text(&c.id),
        kind: c.kind,
        name_zh: text(&c.name_zh),
        name_en: text(&c.name_en),
        capital_zh: opt(&c.capital_zh),
        capital_en: opt(&c.capital_en),
        lat: c.lat.map(shown),
        lon: c.lon.map(shown),
        sco_status: c.sco_status,
        sources: joined(&c.sources),
    }
}

fn source_row(s: &Source) -> SourceRow<'_> {
    SourceRow {
        id: text(&s.id),
        headline: opt(&s.headline),
        subtitle: opt(&s.subtitle),
        agency: opt(&s.agency),
        dateline: opt(&s.dateline),
        date: s.date.map(shown),
        reporters: joined(&s.reporters),
        note: opt(&s.note),
    }
}

/// The summit is one record with lists in it: a row per fact, named by `field`.
/// Its punctuation and its dates are the language's, since the rows are prose (the `start`
/// and `end` fields stay ISO dates, as every table's date columns are); Russian puts what is
/// counted before its number (`иностранные лидеры: более 20`: the number would ask another
/// case of the words after it), a slogan and a quotation in «», and a leader's country by name.
fn summit_rows<'a>(s: &'a Summit, data: &DataSet, lang: Lang) -> Vec<SummitRow<'a>> {
    let colon = lang.colon();
    let russian = lang == Lang::Ru;
    let mut rows = summit_facts(s, lang);
    rows.extend(s.meetings.iter().map(|m| {
        fact(
            "meeting",
            shown(format_args!("{} {}", lang.date(m.date.0), m.name)),
        )
    }));
    rows.extend(s.participants.iter().map(|f| {
        let line = if russian {
            format!("{}{colon}{}", f.what, f.as_printed)
        } else {
            format!("{}{}{}", f.as_printed, lang.amount_space(), f.what)
        };
        fact("participants", shown(line))
    }));
    rows.extend(s.figures.iter().map(|f| {
        fact(
            "figure",
            shown(format_args!("{}{colon}{}", f.what, f.as_printed)),
        )
    }));
    rows.extend(s.documents.iter().map(|d| {
        let event = d.event.as_ref().map_or(String::new(), |e| lang.aside(e));
        fact(
            "document",
            shown(format_args!("{}{event}", d.display_title_in(lang))),
        )
    }));
    rows.extend(s.leaders.iter().map(|l| leader_row(l, data, lang)));
    if let Some(ggi) = &s.ggi {
        rows.extend(ggi_rows(ggi, lang));
    }
    rows
}

/// The summit's own facts, one row each, before its lists.
fn summit_facts(s: &Summit, lang: Lang) -> Vec<SummitRow<'_>> {
    let colon = lang.colon();
    vec![
        fact("name", text(&s.name)),
        fact("short_name", text(&s.short_name)),
        fact("city", text(&s.city)),
        fact("venue", text(&s.venue)),
        fact("start", shown(s.start)),
        fact("end", shown(s.end)),
        fact("host", text(&s.host)),
        fact(
            "chairmanship",
            shown(lang.span(
                &lang.date(s.chairmanship.start.0),
                &lang.date(s.chairmanship.end.0),
            )),
        ),
        fact(
            "next",
            if lang == Lang::Ru {
                shown(format_args!(
                    "{}\u{a0}г., {}{colon}{}",
                    s.next.year,
                    s.next.host_name,
                    ru_quoted(&s.next.slogan)
                ))
            } else {
                shown(format_args!(
                    "{} {}{colon}{}",
                    s.next.year, s.next.host_name, s.next.slogan
                ))
            },
        ),
    ]
}

/// A leader and their words: the remark, then the quotes.
fn leader_row(l: &Leader, data: &DataSet, lang: Lang) -> SummitRow<'static> {
    let (colon, russian) = (lang.colon(), lang == Lang::Ru);
    let quote = |q: &String| if russian { ru_quoted(q) } else { q.clone() };
    let words: Vec<String> = l
        .remark
        .iter()
        .cloned()
        .chain(l.quotes.iter().map(quote))
        .collect();
    let words = words.join(lang.semicolon());
    let line = if russian {
        let country = data.country(&l.country).map_or(&l.country, |c| &c.name_zh);
        format!("{}, {} ({country}){colon}{words}", l.name, l.title)
    } else {
        format!("{}{} {}{colon}{words}", l.country, l.title, l.name)
    };
    fact("leader", shown(line))
}

/// The Global Governance Initiative's concepts, then the reactions to it.
fn ggi_rows<'a>(ggi: &Ggi, lang: Lang) -> impl Iterator<Item = SummitRow<'a>> {
    let colon = lang.colon();
    let concepts = ggi.concepts.iter().map(move |c| {
        let role = c
            .role
            .as_ref()
            .map_or(String::new(), |r| format!("{colon}{r}"));
        fact("ggi_concept", shown(format_args!("{}{role}", c.name)))
    });
    let reactions = ggi.reactions.iter().map(move |r| {
        let line = format!(
            "{}{}{colon}{}",
            r.name,
            lang.aside(&r.affiliation),
            r.remark
        );
        fact("ggi_reaction", shown(line))
    });
    concepts.chain(reactions)
}

fn fact<'a>(field: &'static str, value: Text<'a>) -> SummitRow<'a> {
    SummitRow { field, value }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Collects each table's header and first row as JSON, for the tests below.
    struct Shapes(Vec<(&'static [&'static str], Option<serde_json::Value>)>);

    impl Sink for Shapes {
        fn table<R: Row>(&mut self, _: Part, rows: &[R]) -> Result<(), ExportError> {
            let first = rows.first().map(serde_json::to_value).transpose()?;
            self.0.push((R::HEADER, first));
            Ok(())
        }
    }

    #[test]
    fn every_header_names_its_row_fields_in_order() {
        let data = crate::data::embedded().unwrap();
        let mut shapes = Shapes(Vec::new());
        for part in Part::ALL {
            write_part(&data, Lang::Zh, part, &mut shapes).unwrap();
        }
        for (header, first) in shapes.0 {
            let first = first.expect("the embedded data has rows in every part");
            let keys: Vec<&str> = first
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(keys, header);
        }
    }

    #[test]
    fn text_cells_are_sanitised_and_lists_joined() {
        let value = serde_json::to_value(shown("a\u{1b}[2J\u{202e}")).unwrap();
        assert_eq!(value, "a\u{241b}[2J<U+202E>");
        assert_eq!(serde_json::to_value(joined(&[1, 2])).unwrap(), "1; 2");
    }
}
