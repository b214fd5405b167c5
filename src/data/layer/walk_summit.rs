//! The summit's reader-facing fields met with their translation. The summit is one table, but
//! the coverage report counts its parts as records (`summit`, `meetings[0]`,
//! `documents.tianjin-declaration`, `ggi.concepts[2]`, …), as a translator works on them.

use std::collections::HashSet;

use crate::data::files;
use crate::data::layer::pairing::Pairing;
use crate::data::layer::records::{FigureText, SummitText};
use crate::data::model::{Figure, Summit};

pub(crate) fn walk(p: &mut Pairing, zh: Option<&mut Summit>, en: Option<&SummitText>) {
    p.file(files::SUMMIT, en.is_some());
    let Some(zh) = zh else {
        return;
    };
    let none = SummitText::default();
    let en = en.unwrap_or(&none);
    // The order is the coverage report's: the summit's own fields, then its parts.
    summit(p, zh, en);
    documents(p, zh, en);
    leaders(p, zh, en);
    ggi(p, zh, en);
}

/// The summit's own fields and its lists and tables that carry no ids.
fn summit(p: &mut Pairing, zh: &mut Summit, en: &SummitText) {
    let top = files::SUMMIT.key;
    p.record(top.to_string(), |p| {
        p.text("name", &mut zh.name, &en.name);
        p.text("short_name", &mut zh.short_name, &en.short_name);
        p.text("city", &mut zh.city, &en.city);
        p.text("venue", &mut zh.venue, &en.venue);
        p.text("summary", &mut zh.summary, &en.summary);
    });
    p.record_list(
        top,
        "meetings",
        &mut zh.meetings,
        en.meetings.as_ref(),
        |p, zh, en| {
            p.text("name", &mut zh.name, &en.name);
            p.optional("chaired_by", &mut zh.chaired_by, &en.chaired_by);
            p.text("summary", &mut zh.summary, &en.summary);
        },
    );
    let participants = en.participants.as_ref();
    p.record_list(
        top,
        "participants",
        &mut zh.participants,
        participants,
        figure,
    );
    p.record(format!("{top}.chairmanship"), |p| {
        let none = Default::default();
        let en = en.chairmanship.as_ref().unwrap_or(&none);
        p.optional("slogan", &mut zh.chairmanship.slogan, &en.slogan);
        p.text("summary", &mut zh.chairmanship.summary, &en.summary);
    });
    p.record(format!("{top}.next"), |p| {
        let none = Default::default();
        let en = en.next.as_ref().unwrap_or(&none);
        p.text("host_name", &mut zh.next.host_name, &en.host_name);
        p.text("slogan", &mut zh.next.slogan, &en.slogan);
    });
    p.record_list(top, "figures", &mut zh.figures, en.figures.as_ref(), figure);
}

/// The documents, translated by id; an id the Chinese lacks is reported.
fn documents(p: &mut Pairing, zh: &mut Summit, en: &SummitText) {
    let ids: HashSet<String> = zh.documents.iter().map(|d| d.id.clone()).collect();
    let documents = format!("{}.documents", files::SUMMIT.key);
    p.unknown_keys(&documents, "document", "", en.documents.keys(), &ids);
    for document in &mut zh.documents {
        let none = Default::default();
        let en = en.documents.get(&document.id).unwrap_or(&none);
        p.record(format!("{documents}.{}", document.id), |p| {
            p.text("title", &mut document.title, &en.title);
            p.optional("summary", &mut document.summary, &en.summary);
        });
    }
}

/// The leaders, translated by id; an id the Chinese lacks is reported.
fn leaders(p: &mut Pairing, zh: &mut Summit, en: &SummitText) {
    let ids: HashSet<String> = zh.leaders.iter().map(|l| l.id.clone()).collect();
    let leaders = format!("{}.leaders", files::SUMMIT.key);
    p.unknown_keys(&leaders, "leader", "", en.leaders.keys(), &ids);
    for leader in &mut zh.leaders {
        let none = Default::default();
        let en = en.leaders.get(&leader.id).unwrap_or(&none);
        p.record(format!("{leaders}.{}", leader.id), |p| {
            p.text("name", &mut leader.name, &en.name);
            p.text("title", &mut leader.title, &en.title);
            p.optional("remark", &mut leader.remark, &en.remark);
            p.list("quotes", &mut leader.quotes, &en.quotes);
        });
    }
}

/// The Global Governance Initiative's concepts and reactions; a translation of it where the
/// Chinese has none is reported.
fn ggi(p: &mut Pairing, zh: &mut Summit, en: &SummitText) {
    let top = files::SUMMIT.key;
    let Some(ggi) = zh.ggi.as_mut() else {
        p.at(top.to_string());
        p.absent_table("ggi", en.ggi.as_ref());
        return;
    };
    let none = Default::default();
    let en = en.ggi.as_ref().unwrap_or(&none);
    let path = format!("{top}.ggi");
    p.record_list(
        &path,
        "concepts",
        &mut ggi.concepts,
        en.concepts.as_ref(),
        |p, zh, en| {
            p.text("name", &mut zh.name, &en.name);
            p.optional("role", &mut zh.role, &en.role);
            p.optional("wang_yi", &mut zh.wang_yi, &en.wang_yi);
        },
    );
    p.record_list(
        &path,
        "reactions",
        &mut ggi.reactions,
        en.reactions.as_ref(),
        |p, zh, en| {
            p.text("name", &mut zh.name, &en.name);
            p.text("affiliation", &mut zh.affiliation, &en.affiliation);
            p.text("remark", &mut zh.remark, &en.remark);
            p.list("quotes", &mut zh.quotes, &en.quotes);
        },
    );
}

/// A participant count or a headline figure: its value stays; its words are translated.
fn figure(p: &mut Pairing, zh: &mut Figure, en: &FigureText) {
    p.text("unit", &mut zh.unit, &en.unit);
    p.text("what", &mut zh.what, &en.what);
    p.text("as_printed", &mut zh.as_printed, &en.as_printed);
}
