//! Search as the reader meets it in the dashboard: the palette's one ranked list (the record
//! meant first, loose hits marked and never first), where a chosen hit lands, and the pane
//! titles that say every search, filter and sort in force. On the embedded data in both
//! languages, as the dashboard has it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::screens::{app, catalog, screen};

use sco_dash::app::state::Mode;
use sco_dash::app::view::{Facets, items};
use sco_dash::app::{App, Tab};
use sco_dash::data::Lang;
use sco_dash::text::search::{MAX_QUERY_CHARS, Query};

/// The six queries of issue 19 and the record each means: its pane and id.
pub const MEANT: [(&str, Tab, &str); 6] = [
    ("putin", Tab::Meetings, "ca-2024-putin"),
    ("modi", Tab::Overview, "leader/modi"),
    ("莫迪", Tab::Overview, "leader/modi"),
    ("普京", Tab::Meetings, "ca-2024-putin"),
    ("lbgf", Tab::Initiatives, "11"),
    ("tjfh", Tab::Timeline, "2025-08-31-tianjin-summit"),
];

/// The hit the palette has selected.
fn selected(app: &App) -> sco_dash::app::search::Hit {
    let Mode::Palette { selected, .. } = app.mode() else {
        panic!("the palette is open");
    };
    app.palette_hits()[*selected].clone()
}

/// The screen's rows from the palette's prompt down.
fn palette_rows(shown: &str, prompt: &str) -> Vec<String> {
    shown
        .lines()
        .skip_while(|l| !l.contains(prompt))
        .map(String::from)
        .collect()
}

#[test]
fn the_palette_preselects_the_record_meant_and_lists_it_first() {
    for lang in [Lang::Zh, Lang::En] {
        for (query, tab, id) in MEANT {
            let keys = format!(":{query}");
            let app = app(lang, Tab::Overview, 120, 40, &keys);
            let hit = selected(&app);
            assert_eq!((hit.tab, hit.id.as_str()), (tab, id), "{lang:?} {query}");
            assert!(!hit.loose, "{query}");
            // The first row under the prompt is that hit, labelled with its pane.
            let shown = screen(lang, Tab::Overview, 120, 40, &keys);
            let prompt = app.catalog().words().palette_prompt;
            let first = &palette_rows(&shown, prompt)[1];
            let pane = (app.catalog().words().pane_title)(tab);
            assert!(first.contains(&pane), "{lang:?} {query}: {first}");
            let title: String = hit.shown_title().chars().take(6).collect();
            assert!(first.contains(&title), "{lang:?} {query}: {first}");
        }
    }
}

#[test]
fn loose_hits_are_marked_and_never_preselected_over_an_exact_one() {
    // Putin's meetings match exactly; the loose hits (letters in order) follow them, marked.
    let putin = app(Lang::Zh, Tab::Overview, 120, 40, ":putin");
    let hits = putin.palette_hits();
    let first_loose = hits.iter().position(|h| h.loose).expect("loose hits");
    assert!(first_loose > 0);
    assert!(hits[first_loose..].iter().all(|h| h.loose));
    let shown = screen(Lang::Zh, Tab::Overview, 120, 40, ":putin");
    assert!(shown.contains("│~ 模糊匹配"), "{shown}");
    assert!(!shown.contains("无精确匹配"), "{shown}");
    // With only loose hits, the first line says there is no exact match.
    for (lang, words) in [(Lang::Zh, "无精确匹配"), (Lang::En, "no exact match")] {
        for (width, height) in [(80, 24), (120, 40)] {
            let loose = app(lang, Tab::Overview, width, height, ":kzkstn");
            assert!(loose.palette_hits().iter().all(|h| h.loose));
            let shown = screen(lang, Tab::Overview, width, height, ":kzkstn");
            let prompt = loose.catalog().words().palette_prompt;
            let rows = palette_rows(&shown, prompt);
            assert!(rows[1].contains(words), "{lang:?}: {shown}");
            assert!(rows[2].contains("│~ "), "{lang:?}: {shown}");
        }
    }
}

#[test]
fn the_palette_ranks_one_list_and_marks_loose_hits() {
    insta::assert_snapshot!(
        "palette_putin_80x24",
        screen(Lang::Zh, Tab::Overview, 80, 24, ":putin")
    );
    insta::assert_snapshot!(
        "en_palette_kzkstn_120x40",
        screen(Lang::En, Tab::Overview, 120, 40, ":kzkstn")
    );
}

#[test]
fn a_chosen_hit_lands_on_its_record_and_leaves_no_filter_it_does_not_show() {
    for lang in [Lang::Zh, Lang::En] {
        for (width, height) in [(80, 24), (120, 40)] {
            // A city filter on the meetings first, which would hide Putin's meetings.
            let keys = "5c<Down><Enter>1:putin<Enter>";
            let there = app(lang, Tab::Overview, width, height, keys);
            assert_eq!(there.tab(), Tab::Meetings);
            let meeting = &there.catalog().data.meetings[there.pane().selected];
            assert_eq!(meeting.id, "ca-2024-putin");
            // What the list shows is what its title says: this search, no filter.
            let pane = there.pane();
            assert!(pane.facets.is_empty(), "{lang:?}");
            let said = items(
                there.catalog(),
                Tab::Meetings,
                &Facets::default(),
                Query::new(&pane.query).as_ref(),
                pane.sort,
            );
            assert_eq!(*there.list().items, said);
            let shown = screen(lang, Tab::Overview, width, height, keys);
            let title = shown.lines().nth(1).unwrap();
            assert!(title.contains("“putin”"), "{lang:?} {width}: {title}");
            // x clears it: the whole list again, and the title says nothing more.
            let cleared = screen(lang, Tab::Overview, width, height, &format!("{keys}x"));
            let title = cleared.lines().nth(1).unwrap();
            assert!(!title.contains("putin"), "{lang:?} {width}: {title}");
        }
    }
}

#[test]
fn a_hit_on_the_overview_lands_on_its_line() {
    for (width, height) in [(80, 24), (120, 40), (200, 60)] {
        let shown = screen(Lang::Zh, Tab::Overview, width, height, ":莫迪<Enter>");
        assert!(shown.contains("印度总理 · 莫迪"), "{width}: {shown}");
        let title = shown.lines().nth(1).unwrap();
        assert!(title.contains("搜索“莫迪”"), "{width}: {title}");
        let en = screen(Lang::En, Tab::Overview, width, height, ":modi<Enter>");
        assert!(en.contains("Narendra Modi"), "{width}: {en}");
    }
}

#[test]
fn the_pane_title_says_its_search_filter_and_sort_at_both_sizes_in_both_languages() {
    // Meetings: a year filter, sorted by the next column, searched for Putin.
    let keys = "Y<Enter>s/普京<Enter>";
    for (lang, said) in [
        (Lang::Zh, ["元首会见", "搜索“普京”", "筛选 年份=2024", "按"]),
        (
            Lang::En,
            ["Meetings", "search “普京”", "filter Year=2024", "by "],
        ),
    ] {
        let full = screen(lang, Tab::Meetings, 80, 24, keys);
        assert!(full.lines().nth(1).unwrap().contains(said[0]), "{full}");
        for (width, height) in [(80, 24), (120, 40)] {
            let shown = screen(lang, Tab::Meetings, width, height, keys);
            let title = shown.lines().nth(1).unwrap();
            // The pane's name gives way where all three do not fit beside it (the tab bar
            // names the pane too).
            for part in &said[1..] {
                assert!(title.contains(part), "{lang:?} {width}: {part} in {title}");
            }
            assert!(title.contains('▲'), "{lang:?} {width}: {title}");
            // The detail in the list's place (80 columns) says it too.
            let detail = screen(
                lang,
                Tab::Meetings,
                width,
                height,
                &format!("{keys}<Enter>"),
            );
            let title = detail.lines().nth(1).unwrap();
            assert!(title.contains(said[1]), "{lang:?} {width}: {title}");
        }
    }
    insta::assert_snapshot!(
        "meetings_searched_filtered_sorted_80x24",
        screen(Lang::Zh, Tab::Meetings, 80, 24, keys)
    );
    insta::assert_snapshot!(
        "en_meetings_searched_filtered_sorted_120x40",
        screen(Lang::En, Tab::Meetings, 120, 40, keys)
    );
}

#[test]
fn a_pasted_page_is_searched_by_its_first_characters_in_bounded_work() {
    // 60,000 characters pasted into the palette: the line keeps its cap, and search the
    // same hits as for what it kept.
    let page = "普京".repeat(30_000);
    let pasted = {
        let mut app = App::new(catalog(), 120, 40);
        app.handle(sco_dash::app::Input::Key(sco_dash::app::Key::ctrl('f')));
        app.handle(sco_dash::app::Input::Paste(page.clone()));
        app
    };
    let Mode::Palette { input, .. } = pasted.mode() else {
        panic!("the palette is open");
    };
    assert_eq!(input.text().chars().count(), MAX_QUERY_CHARS);
    assert!(pasted.palette_hits().is_empty());
    // The command line cuts it the same way.
    let query = Query::new(&page).unwrap();
    assert_eq!(query.len(), MAX_QUERY_CHARS);
    assert!(catalog().search().search(&query, None).is_empty());
}

#[test]
fn every_pane_is_searched() {
    let hits = |query: &str| {
        let query = Query::new(query).unwrap();
        catalog().search().search(&query, None)
    };
    for (query, tab) in [
        ("莫迪", Tab::Overview),
        ("梅江会展中心", Tab::Overview),
        ("鲁班工坊", Tab::Initiatives),
        ("天津宣言", Tab::Outcomes),
        ("普京", Tab::Meetings),
        ("全球治理倡议", Tab::Timeline),
        ("主席国主要活动", Tab::Results),
    ] {
        assert!(
            hits(query).iter().any(|h| h.tab == tab),
            "{query} on {tab:?}"
        );
    }
}
