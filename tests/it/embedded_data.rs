//! The curated data set's own invariants: what the sources say about its shape.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use sco_dash::app::Catalog;
use sco_dash::data::model::{InitiativeGroup, ScoStatus};
use sco_dash::data::results_view::results_view;
use sco_dash::data::{DataSet, embedded};

fn data() -> DataSet {
    match embedded() {
        Ok(data) => data,
        Err(failed) => {
            let lines: Vec<String> = failed
                .errors
                .problems
                .iter()
                .map(ToString::to_string)
                .collect();
            panic!("the embedded data does not load:\n{}", lines.join("\n"))
        }
    }
}

#[test]
fn eight_outcomes_numbered_one_to_eight() {
    let numbers: Vec<u32> = data().outcomes.iter().map(|o| o.n).collect();
    assert_eq!(numbers, (1..=8).collect::<Vec<_>>());
}

#[test]
fn thirty_six_initiatives_twenty_three_from_the_summit_first() {
    let data = data();
    let numbers: Vec<u32> = data.initiatives.iter().map(|i| i.n).collect();
    assert_eq!(numbers, (1..=36).collect::<Vec<_>>());
    let summit: Vec<u32> = data
        .initiatives_in(InitiativeGroup::Summit)
        .map(|i| i.n)
        .collect();
    assert_eq!(summit, (1..=23).collect::<Vec<_>>());
}

#[test]
fn the_results_list_declares_313_items_in_seven_sections() {
    let view = results_view(&data());
    let counts: Vec<u32> = view.sections.iter().map(|s| s.declared_count).collect();
    assert_eq!(counts, [110, 77, 24, 25, 41, 23, 13]);
    assert_eq!(view.total_declared, 313);
    let ranges: Vec<(u32, u32)> = view.sections.iter().map(|s| (s.first, s.last)).collect();
    assert_eq!(
        ranges,
        [
            (1, 110),
            (111, 187),
            (1, 24),
            (25, 49),
            (50, 90),
            (1, 23),
            (24, 36)
        ]
    );
}

#[test]
fn the_results_gaps_are_what_the_sources_lack() {
    let view = results_view(&data());
    let gaps: Vec<(&str, Vec<[u32; 2]>)> = view
        .sections
        .iter()
        .map(|s| (s.id.as_str(), s.gaps.clone()))
        .collect();
    assert_eq!(
        gaps,
        [
            ("activities-main", vec![[1, 23]]),
            ("activities-other", vec![]),
            ("documents-summit", vec![[1, 24]]),
            ("documents-mechanism", vec![[25, 49]]),
            ("documents-events", vec![[50, 67]]),
            ("initiatives-summit", vec![]),
            ("initiatives-other", vec![]),
        ]
    );
    assert_eq!(view.total_present, 87 + 77 + 23 + 36);
}

#[test]
fn titles_are_clean_of_ocr_spaces_and_datelines() {
    let data = data();
    let view = results_view(&data);
    let titles = view
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(|i| i.title.as_str()));
    let titles = titles.chain(data.outcomes.iter().map(|o| o.title.as_str()));
    for title in titles {
        assert!(!title.contains("新华社"), "{title}");
        // Extraction spacing puts a space after every character ("会 见 来 华"); a space
        // between two printed phrases (“和合共生 共创未来”) is part of the title.
        let chars: Vec<char> = title.chars().collect();
        for run in chars.windows(5) {
            let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
            let spaced =
                cjk(run[0]) && run[1] == ' ' && cjk(run[2]) && run[3] == ' ' && cjk(run[4]);
            assert!(!spaced, "OCR spacing in {title}");
        }
    }
}

#[test]
fn every_record_names_its_source_article() {
    let data = data();
    assert!(data.outcomes.iter().all(|o| !o.sources.is_empty()));
    assert!(data.meetings.iter().all(|m| !m.sources.is_empty()));
    assert!(data.timeline.iter().all(|e| !e.sources.is_empty()));
    assert!(data.voices.iter().all(|v| !v.sources.is_empty()));
    for source in &data.sources {
        assert!(
            source.headline.is_some() || source.note.is_some(),
            "{} has neither a headline nor a note saying why not",
            source.id
        );
    }
}

#[test]
fn leaders_named_only_by_country_stay_unnamed() {
    let data = data();
    for country in ["AM", "AZ"] {
        let meeting = data
            .meetings
            .iter()
            .find(|m| m.counterpart.country == country)
            .unwrap();
        assert_eq!(meeting.counterpart.name, None, "{}", meeting.id);
    }
}

#[test]
fn the_summit_frame_matches_the_sources() {
    let data = data();
    let summit = data.summit.as_ref().unwrap();
    assert_eq!(
        (summit.start.to_string(), summit.end.to_string()),
        ("2025-08-31".into(), "2025-09-01".into())
    );
    assert_eq!(summit.meetings.len(), 2);
    let chair = &summit.chairmanship;
    assert_eq!(
        (chair.start.to_string(), chair.end.to_string()),
        ("2024-07-04".into(), "2025-09-01".into())
    );
    assert_eq!((summit.next.year, summit.next.host.as_str()), (2026, "KG"));
    assert_eq!(
        data.country("KG").map(|c| c.sco_status),
        Some(ScoStatus::Member)
    );
}

#[test]
fn every_meeting_counterpart_and_summit_host_is_a_known_country() {
    let data = data();
    for meeting in &data.meetings {
        assert!(
            data.country(&meeting.counterpart.country).is_some(),
            "{}",
            meeting.id
        );
    }
}

/// timeline.toml's rule: within a day, events without a time first, then by clock time or part
/// of day (上午, 下午, …) — so on 1 September the 10:20 council comes before the afternoon —
/// and Wang Yi's press conference at the summit's close comes last.
#[test]
fn the_timeline_orders_a_day_by_time_and_part_of_day() {
    let catalog = Catalog::new(Arc::new(data()));
    let day: Vec<&str> = catalog
        .timeline
        .iter()
        .map(|&i| &catalog.data.timeline[i])
        .filter(|e| e.date.to_string() == "2025-09-01")
        .map(|e| e.id.as_str())
        .collect();
    let at = |id: &str| day.iter().position(|d| *d == id).unwrap();
    assert!(
        at("2025-09-01-council") < at("2025-09-01-haihe-boat-tour"),
        "{day:?}"
    );
    assert!(at("2025-09-01-council") < at("2025-09-01-ggi"), "{day:?}");
    assert!(
        at("2025-09-01-sco-plus") < at("2025-09-01-council"),
        "{day:?}"
    );
    // 王毅记者会在“峰会结束之际”: last of the day (`day_end`).
    assert_eq!(day.last(), Some(&"2025-09-01-wangyi-press"), "{day:?}");
    let day: Vec<&str> = catalog
        .timeline
        .iter()
        .map(|&i| &catalog.data.timeline[i])
        .filter(|e| e.date.to_string() == "2025-09-02")
        .filter(|e| e.time_of_day.is_some())
        .map(|e| e.id.as_str())
        .collect();
    let at = |id: &str| day.iter().position(|d| *d == id).unwrap();
    assert!(
        at("2025-09-02-uzbekistan") < at("2025-09-02-russia-tea"),
        "{day:?}"
    );
    assert!(
        at("2025-09-02-russia-tea") < at("2025-09-02-turkmenistan"),
        "{day:?}"
    );
    assert!(
        at("2025-09-02-turkmenistan") < at("2025-09-02-malaysia"),
        "{day:?}"
    );
}

#[test]
fn derived_dates_are_marked_and_say_how() {
    let data = data();
    let derived: Vec<&str> = data
        .timeline
        .iter()
        .filter(|e| e.certainty.is_derived())
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(derived.len(), 51, "{derived:?}");
    for id in [
        "1954-five-principles",
        "2024-07-02-kz-dinner",
        "2024-07-03-kz-palace-motorcade",
        "2024-07-tj-welcome-ceremony",
        "2025-08-guterres",
        "2025-09-02-russia",
        "2025-09-02-russia-tea",
    ] {
        assert!(derived.contains(&id), "{id} is not marked derived");
    }
    let dates: Vec<(&str, String)> = data
        .meetings
        .iter()
        .filter(|m| m.certainty.is_derived())
        .map(|m| {
            (
                m.id.as_str(),
                m.date.map(|d| d.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        dates,
        [
            ("ca-2024-kz-dinner", "2024-07-02".to_string()),
            ("ca-2024-kz-state-visit", "2024-07-03".to_string()),
            ("ca-2024-tj-state-visit", "2024-07-05".to_string()),
            ("2025-putin-talks", "2025-09-02".to_string()),
        ]
    );
    let notes = data
        .timeline
        .iter()
        .filter(|e| e.certainty.is_derived())
        .map(|e| e.date_note.as_deref())
        .chain(
            data.meetings
                .iter()
                .filter(|m| m.certainty.is_derived())
                .map(|m| m.date_note.as_deref()),
        )
        .chain(
            data.voices
                .iter()
                .filter(|v| v.certainty.is_derived())
                .map(|v| v.date_note.as_deref()),
        );
    for note in notes {
        assert!(note.is_some_and(|n| n.starts_with('据')), "{note:?}");
    }
}

#[test]
fn the_documents_name_where_they_were_adopted() {
    let data = data();
    let documents = &data.summit.as_ref().unwrap().documents;
    assert_eq!(documents.len(), 18);
    let astana: Vec<&str> = documents
        .iter()
        .filter(|d| d.event.as_deref() == Some("2024-07-astana-summit"))
        .map(|d| d.title.as_str())
        .collect();
    assert_eq!(astana.len(), 4, "{astana:?}");
    assert!(astana.contains(&"阿斯塔纳宣言"));
    // The security centres' agreement is unnamed in the texts: its title is ours, and says so.
    let agreement = documents
        .iter()
        .find(|d| d.id == "agreement-security-centres")
        .unwrap();
    assert!(agreement.described);
    assert!(!agreement.display_title().contains('《'));
}

#[test]
fn the_headline_figures_are_as_printed() {
    let data = data();
    let summit = data.summit.as_ref().unwrap();
    assert_eq!(summit.figures.len(), 20);
    assert_eq!(summit.participants.len(), 4);
    let printed: Vec<&str> = summit
        .figures
        .iter()
        .map(|f| f.as_printed.as_str())
        .collect();
    for expected in [
        "近世界一半",
        "24年来",
        "25个工坊",
        "500多个港口",
        "总额145亿美元",
        "4700多家",
        "接近40亿美元",
    ] {
        assert!(
            printed.contains(&expected),
            "{expected} missing: {printed:?}"
        );
    }
}

#[test]
fn the_summit_names_its_leaders_and_the_initiatives_concepts() {
    let data = data();
    let summit = data.summit.as_ref().unwrap();
    let leaders: Vec<&str> = summit.leaders.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        leaders,
        [
            "普京",
            "卢卡申科",
            "拉赫蒙",
            "托卡耶夫",
            "莫迪",
            "范明政",
            "埃尔多安",
            "马德布利",
            "古特雷斯",
            "叶尔梅克巴耶夫"
        ]
    );
    for leader in &summit.leaders {
        assert!(data.country(&leader.country).is_some(), "{}", leader.id);
    }
    let ggi = summit.ggi.as_ref().unwrap();
    assert_eq!(ggi.event, "2025-09-01-ggi");
    let concepts: Vec<&str> = ggi.concepts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        concepts,
        [
            "奉行主权平等",
            "遵守国际法治",
            "践行多边主义",
            "倡导以人为本",
            "注重行动导向"
        ]
    );
    assert_eq!(ggi.reactions.len(), 7);
}

/// Who said what: 36 voices, each in our words and linked to its occasion where the texts
/// name one; the links resolve (validate checks them) and land on records that exist.
#[test]
fn thirty_six_voices_each_saying_something_at_a_known_occasion() {
    let data = data();
    assert_eq!(data.voices.len(), 36);
    let derived = data
        .voices
        .iter()
        .filter(|v| v.certainty.is_derived())
        .count();
    assert_eq!(derived, 26);
    for voice in &data.voices {
        assert!(!voice.said.trim().is_empty(), "{}", voice.id);
        assert!(data.country(&voice.country).is_some(), "{}", voice.id);
        if let Some(event) = &voice.event {
            assert!(data.timeline.iter().any(|e| &e.id == event), "{}", voice.id);
        }
        if let Some(meeting) = &voice.meeting {
            assert!(
                data.meetings.iter().any(|m| &m.id == meeting),
                "{}",
                voice.id
            );
        }
    }
    let with_event = data.voices.iter().filter(|v| v.event.is_some()).count();
    let with_meeting = data.voices.iter().filter(|v| v.meeting.is_some()).count();
    assert_eq!((with_event, with_meeting), (21, 6));
}
