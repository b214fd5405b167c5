//! Each part of the data set as one flat table, shared by the CSV and Markdown exports.
//! Lists are joined with "; " and unknown values are empty cells.

use super::Part;
use crate::data::DataSet;
use crate::data::results_view::results_view;

pub struct Table {
    pub header: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

fn opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map(ToString::to_string).unwrap_or_default()
}

fn list<T: ToString>(values: &[T]) -> String {
    values
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

fn snake<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

pub fn table(data: &DataSet, part: Part) -> Table {
    match part {
        Part::Summit => summit(data),
        Part::Outcomes => Table {
            header: vec![
                "n",
                "title",
                "summary",
                "facts",
                "initiatives",
                "documents",
                "events",
                "sources",
            ],
            rows: data
                .outcomes
                .iter()
                .map(|o| {
                    vec![
                        o.n.to_string(),
                        o.title.clone(),
                        o.summary.clone(),
                        list(&o.facts),
                        list(&o.initiatives),
                        list(&o.documents),
                        list(&o.events),
                        list(&o.sources),
                    ]
                })
                .collect(),
        },
        Part::Initiatives => Table {
            header: vec!["n", "group", "category", "text", "commitments", "sources"],
            rows: data
                .initiatives
                .iter()
                .map(|i| {
                    let commitments: Vec<String> = i
                        .commitments
                        .iter()
                        .map(|c| match &c.period {
                            Some(p) => format!("{} {} {} ({})", c.value, c.unit, c.what, p.text),
                            None => format!("{} {} {}", c.value, c.unit, c.what),
                        })
                        .collect();
                    vec![
                        i.n.to_string(),
                        snake(&i.group),
                        snake(&i.category),
                        i.text.clone(),
                        list(&commitments),
                        list(&i.sources),
                    ]
                })
                .collect(),
        },
        Part::Meetings => Table {
            header: vec![
                "id",
                "date",
                "certainty",
                "date_note",
                "time_of_day",
                "city",
                "venue",
                "kind",
                "counterpart_name",
                "counterpart_title",
                "counterpart_country",
                "occasion",
                "documents",
                "attendees",
                "note",
                "sources",
            ],
            rows: data
                .meetings
                .iter()
                .map(|m| {
                    vec![
                        m.id.clone(),
                        opt(&m.date),
                        snake(&m.certainty),
                        opt(&m.date_note),
                        m.time_of_day.as_ref().map(snake).unwrap_or_default(),
                        opt(&m.city),
                        opt(&m.venue),
                        m.kind.clone(),
                        opt(&m.counterpart.name),
                        opt(&m.counterpart.title),
                        m.counterpart.country.clone(),
                        opt(&m.occasion),
                        list(&m.documents),
                        list(&m.attendees),
                        opt(&m.note),
                        list(&m.sources),
                    ]
                })
                .collect(),
        },
        Part::Timeline => Table {
            header: vec![
                "id",
                "date",
                "certainty",
                "date_note",
                "end",
                "time",
                "time_of_day",
                "kind",
                "title",
                "place",
                "meetings",
                "outcomes",
                "sources",
            ],
            rows: data
                .timeline
                .iter()
                .map(|e| {
                    let time = e
                        .time
                        .map(|t| format!("{t}{}", if e.time_approx { "~" } else { "" }));
                    vec![
                        e.id.clone(),
                        e.date.to_string(),
                        snake(&e.certainty),
                        opt(&e.date_note),
                        opt(&e.end),
                        time.unwrap_or_default(),
                        e.time_of_day.as_ref().map(snake).unwrap_or_default(),
                        snake(&e.kind),
                        e.title.clone(),
                        opt(&e.place),
                        list(&e.meetings),
                        list(&e.outcomes),
                        list(&e.sources),
                    ]
                })
                .collect(),
        },
        Part::Results => Table {
            header: vec![
                "section",
                "group",
                "section_title",
                "declared_count",
                "n",
                "title",
            ],
            rows: results_view(data)
                .sections
                .iter()
                .flat_map(|s| {
                    s.items.iter().map(|item| {
                        vec![
                            s.id.clone(),
                            s.group.clone(),
                            s.title.clone(),
                            s.declared_count.to_string(),
                            item.n.to_string(),
                            item.title.clone(),
                        ]
                    })
                })
                .collect(),
        },
        Part::Countries => Table {
            header: vec![
                "id",
                "kind",
                "name_zh",
                "name_en",
                "capital_zh",
                "capital_en",
                "lat",
                "lon",
                "sco_status",
                "sources",
            ],
            rows: data
                .countries
                .iter()
                .map(|c| {
                    vec![
                        c.id.clone(),
                        snake(&c.kind),
                        c.name_zh.clone(),
                        c.name_en.clone(),
                        opt(&c.capital_zh),
                        opt(&c.capital_en),
                        opt(&c.lat),
                        opt(&c.lon),
                        snake(&c.sco_status),
                        list(&c.sources),
                    ]
                })
                .collect(),
        },
        Part::Sources => Table {
            header: vec![
                "id",
                "headline",
                "subtitle",
                "agency",
                "dateline",
                "date",
                "reporters",
                "note",
            ],
            rows: data
                .sources
                .iter()
                .map(|s| {
                    vec![
                        s.id.clone(),
                        opt(&s.headline),
                        opt(&s.subtitle),
                        opt(&s.agency),
                        opt(&s.dateline),
                        opt(&s.date),
                        list(&s.reporters),
                        opt(&s.note),
                    ]
                })
                .collect(),
        },
    }
}

fn summit(data: &DataSet) -> Table {
    let Some(s) = &data.summit else {
        return Table {
            header: vec!["field", "value"],
            rows: Vec::new(),
        };
    };
    let mut rows = vec![
        ("name", s.name.clone()),
        ("short_name", s.short_name.clone()),
        ("city", s.city.clone()),
        ("venue", s.venue.clone()),
        ("start", s.start.to_string()),
        ("end", s.end.to_string()),
        ("host", s.host.clone()),
        (
            "chairmanship",
            format!("{} – {}", s.chairmanship.start, s.chairmanship.end),
        ),
        (
            "next",
            format!("{} {}：{}", s.next.year, s.next.host_name, s.next.slogan),
        ),
    ];
    rows.extend(
        s.meetings
            .iter()
            .map(|m| ("meeting", format!("{} {}", m.date, m.name))),
    );
    rows.extend(
        s.participants
            .iter()
            .map(|f| ("participants", format!("{}{}", f.as_printed, f.what))),
    );
    rows.extend(
        s.figures
            .iter()
            .map(|f| ("figure", format!("{}：{}", f.what, f.as_printed))),
    );
    rows.extend(s.documents.iter().map(|d| {
        let event = d
            .event
            .as_ref()
            .map_or(String::new(), |e| format!("（{e}）"));
        ("document", format!("{}{event}", d.display_title()))
    }));
    rows.extend(s.leaders.iter().map(|l| {
        let words = l
            .remark
            .iter()
            .chain(&l.quotes)
            .cloned()
            .collect::<Vec<_>>();
        (
            "leader",
            format!("{}{} {}：{}", l.country, l.title, l.name, words.join("；")),
        )
    }));
    if let Some(ggi) = &s.ggi {
        rows.extend(ggi.concepts.iter().map(|c| {
            let role = c.role.as_ref().map_or(String::new(), |r| format!("：{r}"));
            ("ggi_concept", format!("{}{role}", c.name))
        }));
        rows.extend(ggi.reactions.iter().map(|r| {
            (
                "ggi_reaction",
                format!("{}（{}）：{}", r.name, r.affiliation, r.remark),
            )
        }));
    }
    Table {
        header: vec!["field", "value"],
        rows: rows
            .into_iter()
            .map(|(k, v)| vec![k.to_string(), v])
            .collect(),
    }
}
