use crate::app::catalog::Catalog;
use crate::app::detail::{Doc, Line, Role};
use crate::app::panes::common::{Row, event_links, sources, table_line, zh_date};
use chrono::Datelike;

use crate::app::panes::timeline::derived_mark;
use crate::data::model::Meeting;
use crate::data::values::{Certainty, PartialDate};
use crate::text::glyphs::Glyph;

pub fn count(catalog: &Catalog) -> usize {
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
        (None, Some(title)) => format!("{}{title}（未具名）", country_name(catalog, meeting)),
        (None, None) => format!("{}领导人（未具名）", country_name(catalog, meeting)),
    }
}

/// The table's columns: all five when there is room; on a narrow list the part of day and
/// the city give way (the detail shows them).
fn columns(width: usize) -> Vec<(usize, &'static str, usize)> {
    let all = [
        (0, "日期", 12),
        (1, "时段", 5),
        (2, "城市", 9),
        (3, "会见对象", 0),
        (4, "国家/组织", 12),
    ];
    let wide = width >= 64;
    all.into_iter()
        .filter(|(i, _, _)| wide || ![1, 2].contains(i))
        .collect()
}

fn cells(values: [String; 5], roles: [Role; 5], width: usize) -> Line {
    let columns = columns(width);
    let fixed: usize = columns.iter().map(|(_, _, w)| w).sum();
    let cells: Vec<(String, Role, usize)> = columns
        .iter()
        .map(|&(i, _, w)| {
            let w = if w == 0 {
                width.saturating_sub(fixed)
            } else {
                w
            };
            (values[i].clone(), roles[i], w)
        })
        .collect();
    table_line(&cells, width)
}

pub fn header(width: usize, mark: &dyn Fn(&str) -> String) -> Line {
    let titles = ["日期", "时段", "城市", "会见对象", "国家/组织"].map(mark);
    cells(titles, [Role::Label; 5], width)
}

pub fn rows(catalog: &Catalog, width: usize, items: &[usize]) -> Vec<Row> {
    items
        .iter()
        .filter_map(|&i| catalog.data.meetings.get(i).map(|x| (i, x)))
        .map(|(i, m)| {
            let (date, certainty) = match m.date {
                Some(date) => (date.to_string(), m.certainty),
                None => event_date(catalog, &m.id)
                    .unwrap_or_else(|| ("日期不详".to_string(), Certainty::Stated)),
            };
            let date = format!("{date}{}", derived_mark(certainty).trim_end());
            let values = [
                date,
                m.time_of_day
                    .map_or(String::new(), |t| t.label_zh().to_string()),
                m.city.clone().unwrap_or_default(),
                counterpart(catalog, m),
                country_name(catalog, m),
            ];
            let date_role = if m.date.is_some() {
                Role::Text
            } else {
                Role::Muted
            };
            let line = cells(
                values,
                [date_role, Role::Muted, Role::Text, Role::Accent, Role::Text],
                width,
            );
            Row {
                line,
                item: Some(i),
            }
        })
        .collect()
}

/// For a meeting the sources do not date to the day: the date of its timeline event, at the
/// precision the sources give (`2024-07`, `2025`), and whether that date is derived.
fn event_date(catalog: &Catalog, meeting: &str) -> Option<(String, Certainty)> {
    let events = catalog.events_of_meeting.get(meeting)?;
    // The first of them in the data's own order.
    let first = events
        .iter()
        .filter_map(|id| catalog.event_index.get(id))
        .min()?;
    let event = &catalog.data.timeline[*first];
    // An event over several days (30–31 Aug) dates the meeting only to the month.
    let date = match (event.date, event.end) {
        (PartialDate::Day(day), Some(end)) if end != event.date => {
            PartialDate::Month(day.year(), day.month())
        }
        (date, _) => date,
    };
    Some((date.to_string(), event.certainty))
}

pub fn detail(catalog: &Catalog, item: usize, width: usize) -> Doc {
    let mut doc = Doc::new(width);
    let Some(m) = catalog.data.meetings.get(item) else {
        return doc;
    };
    let who = match (&m.counterpart.title, &m.counterpart.name) {
        (Some(title), Some(name)) => format!("{}{title} {name}", country_name(catalog, m)),
        _ => counterpart(catalog, m),
    };
    doc.wrapped(
        ("", Role::Title),
        0,
        &format!("{} {} {who}", m.kind, Glyph::Separator),
        Role::Title,
    );
    let when = [
        m.date.map(zh_date),
        m.time_of_day.map(|t| t.label_zh().to_string()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let when = match (when.is_empty(), m.certainty.is_derived()) {
        (true, _) => "不详".to_string(),
        (false, true) => format!("{when}（推定）"),
        (false, false) => when,
    };
    doc.field("时间", &when);
    let place = [m.city.clone(), m.venue.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    doc.field("地点", if place.is_empty() { "不详" } else { &place });
    if let Some(occasion) = &m.occasion {
        doc.field("事由", occasion);
    }
    if let Some(note) = &m.date_note {
        let label = if m.certainty.is_derived() {
            "推定："
        } else {
            "说明："
        };
        doc.wrapped((label, Role::Muted), 6, note, Role::Muted);
    }
    for (heading, points) in [
        ("中方表示 China", &m.chinese_side),
        ("对方表示 Counterpart", &m.counterpart_side),
    ] {
        if !points.is_empty() {
            doc.heading(heading);
            for point in points {
                doc.bullet(point);
            }
        }
    }
    if !m.quotes.is_empty() {
        doc.heading("引语 Quotes");
        for quote in &m.quotes {
            doc.wrapped(
                ("「", Role::Muted),
                2,
                &format!(
                    "{}」{dash}{dash}{}",
                    quote.text,
                    quote.speaker,
                    dash = Glyph::Dash
                ),
                Role::Text,
            );
        }
    }
    if !m.documents.is_empty() || m.documents_note.is_some() {
        doc.heading("合作文件 Documents");
        if !m.documents.is_empty() {
            doc.field("领域", &m.documents.join("、"));
        }
        if let Some(note) = &m.documents_note {
            doc.paragraph(note);
        }
    }
    if !m.attendees.is_empty() {
        doc.field("参加", &m.attendees.join("、"));
    }
    if let Some(note) = &m.note {
        doc.blank();
        doc.wrapped(("说明：", Role::Muted), 6, note, Role::Muted);
    }
    let leader = catalog
        .data
        .summit
        .iter()
        .flat_map(|s| &s.leaders)
        .find(|l| l.meetings.contains(&m.id));
    if let Some(leader) = leader {
        doc.heading("在天津峰会上 At the summit");
        super::overview::leader_words(&mut doc, leader);
    }
    if let Some(events) = catalog.events_of_meeting.get(&m.id) {
        event_links(&mut doc, catalog, "时间线 Timeline", events);
    }
    sources(&mut doc, catalog, &m.sources);
    doc
}

pub fn locate(catalog: &Catalog, id: &str) -> Option<usize> {
    catalog.meeting_index.get(id).copied()
}
