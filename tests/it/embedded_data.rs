//! The curated data set's own invariants: what the sources say about its shape.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use sco_dash::app::detail::Role;
use sco_dash::app::{Catalog, Tab};
use sco_dash::data::model::{InitiativeGroup, ScoStatus};
use sco_dash::data::results_view::results_view;
use sco_dash::data::{DataSet, embedded};

use crate::support::values::{Value, chinese_values, values};

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

/// Latin words the Chinese texts themselves print, kept as printed in a Chinese value: a
/// name in a printed title (“国际友人@Qingdao”活动). Anything else in Latin letters in a
/// Chinese value is English that belongs in the English layer.
const PRINTED_LATIN: &[&str] = &["Qingdao"];

/// Latin words of three letters or more in Chinese values, except those the texts print.
fn latin_in_chinese(values: &[Value]) -> Vec<String> {
    let mut found = Vec::new();
    for value in values {
        for word in value.text.split(|c: char| !c.is_ascii_alphabetic()) {
            if word.len() >= 3 && !PRINTED_LATIN.contains(&word) {
                found.push(format!("{}: {}: {word}", value.file, value.path));
            }
        }
    }
    found
}

#[test]
fn chinese_values_hold_no_latin_words_but_the_names_the_texts_print() {
    let values = chinese_values();
    assert!(values.len() > 1000, "{}", values.len());
    let found = latin_in_chinese(&values);
    assert!(found.is_empty(), "Latin words:\n{}", found.join("\n"));
    // Each allowed word is still in the data: the list holds no more than it needs.
    for word in PRINTED_LATIN {
        assert!(values.iter().any(|v| v.text.contains(word)), "{word}");
    }
    let planted = Value {
        file: "voices.toml".to_string(),
        path: "voice[0].said".to_string(),
        text: "在SCO峰会上讲话（AI、5G不计）".to_string(),
    };
    assert_eq!(
        latin_in_chinese(&[planted]),
        ["voices.toml: voice[0].said: SCO"]
    );
}

/// Whether a text cites one of our seed files by number (000–004), as a note must not: a
/// reader has no file numbers. A number group (10,000) and a longer number (2003) are not one.
fn cites_a_file_number(text: &str) -> bool {
    if text.contains("据00") {
        return true;
    }
    let chars: Vec<char> = text.chars().collect();
    let word = |c: &char| c.is_ascii_alphanumeric() || *c == '_';
    (0..chars.len().saturating_sub(2)).any(|i| {
        let number = chars[i] == '0' && chars[i + 1] == '0' && ('0'..='4').contains(&chars[i + 2]);
        let before = i.checked_sub(1).map(|j| chars[j]);
        let grouped = matches!(before, Some(',' | '.'))
            && i.checked_sub(2).is_some_and(|j| chars[j].is_ascii_digit());
        number
            && !before.is_some_and(|c| word(&c))
            && !chars.get(i + 3).is_some_and(word)
            && !grouped
    })
}

#[test]
fn no_value_in_either_language_cites_our_file_numbers() {
    for (text, cites) in [
        ("据000：“次日”", true),
        ("according to 003, the next day", true),
        ("（002）写作", true),
        ("文本004所述", true),
        ("10,000 places", false),
        ("2003年", false),
        ("000_ba59454713b46e3f.txt", false),
        ("1.004 km", false),
    ] {
        assert_eq!(cites_a_file_number(text), cites, "{text}");
    }
    let mut all = values(false);
    all.extend(values(true));
    let found: Vec<String> = all
        .iter()
        .filter(|v| cites_a_file_number(&v.text))
        .map(|v| format!("{}: {}: {}", v.file, v.path, v.text))
        .collect();
    assert!(found.is_empty(), "file numbers:\n{}", found.join("\n"));
}

/// A document the texts do not name (`described`) is our description, so it is never shown as
/// a title in 《》; a printed title is always shown in them — in the documents' lists of the
/// overview, the outcomes and the timeline, and in any Chinese value.
#[test]
fn described_documents_are_never_in_book_title_marks_and_printed_titles_always_are() {
    let catalog = Catalog::new(Arc::new(data()));
    let documents = &catalog.data.summit.as_ref().unwrap().documents;
    assert!(documents.iter().any(|d| d.described));
    for document in documents {
        assert!(!document.title.contains(['《', '》']), "{}", document.title);
        let shown = document.display_title();
        assert_eq!(shown.starts_with('《'), !document.described, "{shown}");
    }
    // Every line that lists a document (a bullet or a link), as the panes lay them out.
    let mut listed = Vec::new();
    for tab in [Tab::Overview, Tab::Outcomes, Tab::Timeline] {
        let count = sco_dash::app::panes::count(&catalog, tab).max(1);
        for item in 0..count {
            let doc = sco_dash::app::panes::detail(&catalog, tab, item, 1000);
            for line in &doc.lines {
                let text: String = line
                    .segments
                    .iter()
                    .filter(|s| s.role != Role::Muted)
                    .map(|s| s.text.as_str())
                    .collect();
                listed.push(text);
            }
        }
    }
    for document in documents {
        let marked = format!("《{}》", document.title);
        let starts =
            |line: &&String| line.starts_with(&marked) || line.starts_with(&document.title);
        let lines: Vec<&String> = listed.iter().filter(starts).collect();
        assert!(!lines.is_empty(), "{} is listed nowhere", document.title);
        for line in lines {
            assert_eq!(line.starts_with('《'), !document.described, "{line}");
        }
    }
    for value in chinese_values() {
        for document in documents.iter().filter(|d| d.described) {
            let marked = format!("《{}》", document.title);
            assert!(
                !value.text.contains(&marked),
                "{}: {}",
                value.file,
                value.path
            );
        }
    }
}
