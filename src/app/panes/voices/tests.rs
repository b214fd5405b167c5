//! The voices pane: its order, its links both ways, its filters, sorts and search.

use super::*;
use crate::app::panes::{detail as pane_detail, locate as locate_target};
use crate::app::testing::{catalog, sorted};
use crate::app::view::{Facets, Sort, items};
use crate::text::search::Query;

fn place_of(catalog: &Catalog, id: &str) -> usize {
    locate(catalog, id).unwrap_or_else(|| panic!("no voice {id}"))
}

#[test]
fn voices_are_listed_by_date_a_month_first_in_its_month() {
    let catalog = catalog();
    let days: Vec<_> = (0..count(&catalog))
        .map(|i| voice(&catalog, i).expect("a voice").date.first_day())
        .collect();
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "{days:?}");
    assert_eq!(
        voice(&catalog, 0).map(|v| v.id.as_str()),
        Some("xi-2022-golden-eagle")
    );
    // "2024-07" comes before "2024-07-02".
    assert!(
        place_of(&catalog, "tokayev-2024-07-welcome")
            < place_of(&catalog, "xi-2024-07-02-astana-children")
    );
}

#[test]
fn an_event_and_a_meeting_link_to_their_voices_and_the_links_land_here() {
    let catalog = catalog();
    let event = crate::app::panes::timeline::locate(&catalog, "2025-09-01-wangyi-press")
        .expect("the press conference");
    let doc = pane_detail(&catalog, Tab::Timeline, event, 60);
    let voices: Vec<&Target> = doc
        .links
        .iter()
        .filter(|t| matches!(t, Target::Voice(_)))
        .collect();
    assert_eq!(
        voices,
        [
            &Target::Voice("wang-yi-2025-09-01-ggi".into()),
            &Target::Voice("wang-yi-2025-09-01-outcomes".into())
        ]
    );
    let landed = locate_target(&catalog, voices[1]);
    assert_eq!(
        landed,
        Some((
            Tab::Voices,
            place_of(&catalog, "wang-yi-2025-09-01-outcomes")
        ))
    );
    // Who spoke and their first quote, whole.
    let text: Vec<String> = doc
        .lines
        .iter()
        .filter(|l| {
            l.link
                .is_some_and(|k| matches!(doc.links[k], Target::Voice(_)))
        })
        .map(|l| l.segments.iter().map(|s| s.text.as_str()).collect())
        .collect();
    assert_eq!(
        text[0], "→ 王毅：「今年可谓全球治理的“大年”。」",
        "{text:?}"
    );

    let meeting = crate::app::panes::meetings::locate(&catalog, "ca-2024-kz-state-visit")
        .expect("the state visit");
    let doc = pane_detail(&catalog, Tab::Meetings, meeting, 60);
    let to_voices = doc
        .links
        .iter()
        .filter(|t| matches!(t, Target::Voice(_)))
        .count();
    assert_eq!(to_voices, 3);
}

#[test]
fn a_voice_shows_its_date_note_quotes_and_occasion() {
    let catalog = catalog();
    let item = place_of(&catalog, "xi-2025-09-01-summit-remarks");
    let doc = pane_detail(&catalog, Tab::Voices, item, 50);
    let text: String = doc
        .lines
        .iter()
        .map(|l| {
            let line: String = l.segments.iter().map(|s| s.text.as_str()).collect();
            line + "\n"
        })
        .collect();
    assert!(
        text.starts_with("习近平\n身份：国家主席\n国家/组织：中国\n"),
        "{text}"
    );
    assert!(text.contains("日期：2025年9月1日（推定）"), "{text}");
    assert!(text.contains("推定：据新华社天津9月2日电"), "{text}");
    assert!(text.contains("所说\n"), "{text}");
    assert!(text.contains("引语\n「志同道合是力量"), "{text}");
    assert!(text.contains("来源\n"), "{text}");
    // A voice at a meeting links to it; one at an event to the event.
    let item = place_of(&catalog, "tokayev-2024-07-cooperation");
    let doc = pane_detail(&catalog, Tab::Voices, item, 50);
    assert!(
        doc.links
            .contains(&Target::Meeting("ca-2024-kz-state-visit".into())),
        "{:?}",
        doc.links
    );
    let item = place_of(&catalog, "guo-jiakun-2025-09-02");
    let doc = pane_detail(&catalog, Tab::Voices, item, 50);
    assert_eq!(doc.links, [Target::Event("2025-09-02-mfa-briefing".into())]);
}

#[test]
fn voices_filter_by_country_and_year_and_sort_by_speaker_in_pinyin_order() {
    let catalog = catalog();
    let mut facets = Facets::default();
    assert!(facets.cycle(&catalog, Tab::Voices, Facet::Year));
    let shown = items(&catalog, Tab::Voices, &facets, None, Sort::default());
    let years: Vec<i32> = shown
        .iter()
        .map(|&i| voice(&catalog, i).expect("voice").date.year())
        .collect();
    assert!(
        !years.is_empty() && years.iter().all(|&y| y == years[0]),
        "{years:?}"
    );
    let tajik = Facets::default().with(Facet::Category, FacetValue::Text("塔吉克斯坦".into()));
    let shown = items(&catalog, Tab::Voices, &tajik, None, Sort::default());
    assert_eq!(shown.len(), 4);

    let by_speaker = sorted(&catalog, Tab::Voices, 1, false);
    let keys: Vec<String> = by_speaker
        .iter()
        .map(|&i| pinyin_key(&voice(&catalog, i).expect("voice").speaker))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{keys:?}");
}

#[test]
fn search_finds_a_voice_by_speaker_role_and_words_in_pinyin_too() {
    let catalog = catalog();
    let index = catalog.search();
    for query in ["郭嘉昆", "guojiakun", "外交部发言人", "瓜熟蒂落", "gjk"] {
        let hits = index.search(&Query::new(query).expect("query"), Some(Tab::Voices));
        assert!(
            hits.iter().any(|h| h.id == "guo-jiakun-2025-09-02"
                || (query == "瓜熟蒂落" && h.id == "wang-yi-2025-09-01-outcomes")),
            "{query}: {hits:?}"
        );
    }
    let hit = index
        .search(&Query::new("郭嘉昆").expect("query"), Some(Tab::Voices))
        .into_iter()
        .next()
        .expect("a hit");
    assert_eq!(hit.title, format!("2025年9月2日 郭嘉昆 {SEPARATOR} 中国"));
    assert_eq!(hit.item, place_of(&catalog, "guo-jiakun-2025-09-02"));
}
