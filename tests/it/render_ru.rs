//! The dashboard in Russian: every tab at two sizes, the help, search everything and a
//! meeting's detail, drawn through ratatui's TestBackend; that no Chinese and no English word
//! of the chrome reaches a Russian screen; that search reads Cyrillic in any case, ё as е, on
//! every screen.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::screens;

use std::collections::HashSet;
use std::sync::OnceLock;

use sco_dash::app::Tab;
use sco_dash::app::action::commands;
use sco_dash::app::words::Words;
use sco_dash::data::Lang;
use sco_dash::text::search::Query;
use sco_dash::ui::Theme;
use sco_dash::ui::snapshot::{draw, to_text};
use screens::{app, catalog, every_screen_in, is_chinese};

/// The Russian screen.
fn screen(tab: Tab, width: u16, height: u16, keys: &str) -> String {
    screens::screen(Lang::Ru, tab, width, height, keys)
}

fn name(tab: Tab) -> String {
    tab.title_en().to_lowercase()
}

/// Chinese on a Russian screen: any CJK ideograph or full-width punctuation, except the
/// language switch's own label (a language is offered by its own name).
fn chinese_in(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(|line| line.replace("L 中文", "").replace("中文 / English", ""))
        .filter(|line| line.chars().any(is_chinese))
        .collect()
}

/// Latin words of three letters or more.
fn latin_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| word.len() >= 3)
        .map(str::to_string)
        .collect()
}

/// Every word of the English screen's chrome: its words table and its words for every
/// action, less the key names both screens show and what the Russian data itself prints in
/// Latin letters (an official English name, `MC14`).
fn english_words() -> &'static HashSet<String> {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let w = Lang::En.words();
        let mut texts: Vec<String> = detail_words(w)
            .into_iter()
            .chain(screen_words(w))
            .map(str::to_string)
            .collect();
        texts.extend(
            w.tabs
                .iter()
                .chain(&w.axis_zooms)
                .chain(&w.too_small)
                .map(|s| s.to_string()),
        );
        texts.extend(filled_words(w));
        for command in commands() {
            texts.push(command.said.en.help.to_string());
            texts.push(command.said.en.hint.to_string());
        }
        let keys = [
            "Esc", "Enter", "Ctrl", "Tab", "PgUp", "PgDn", "Home", "End", "Del", "Space", "Left",
            "Right", "Down", "sco", "dash", "English",
        ];
        let printed = printed_latin_words();
        texts
            .iter()
            .flat_map(|t| latin_words(t))
            .filter(|word| !keys.contains(&word.as_str()) && !printed.contains(word))
            .collect()
    })
}

/// The words of the details: dates and their notes, field labels and headings.
fn detail_words(w: &Words) -> Vec<&'static str> {
    vec![
        w.derived,
        w.approx,
        w.derived_label,
        w.note_label,
        w.unknown,
        w.date_unknown,
        w.unnamed,
        w.only_year,
        w.only_month,
        w.derived_year,
        w.derived_month,
        w.f_date,
        w.f_time,
        w.f_place,
        w.f_occasion,
        w.f_host,
        w.f_term,
        w.f_theme,
        w.f_when_where,
        w.f_slogan,
        w.f_fields,
        w.f_attending,
        w.f_numbers,
        w.f_items,
        w.h_facts,
        w.h_initiatives,
        w.h_documents,
        w.h_events,
        w.h_note,
        w.h_commitments,
        w.h_outcomes,
        w.h_outcome_of,
        w.h_meetings,
        w.h_concepts,
        w.h_reactions,
        w.h_sources,
        w.h_timeline,
        w.h_quotes,
        w.h_at_summit,
        w.h_china_side,
        w.h_counterpart_side,
        w.h_coop_documents,
        w.h_two_meetings,
        w.h_participants,
        w.h_chairmanship,
        w.h_next_summit,
        w.h_figures,
        w.h_eight_outcomes,
        w.h_summit_documents,
        w.h_earlier_documents,
        w.h_leaders,
        w.no_summit,
        w.in_sources,
        w.not_in_sources,
        w.f_section_numbers,
        w.h_said,
        w.h_voices,
    ]
}

/// The words of the rest of the screen: columns, charts, the map, titles, status and help.
fn screen_words(w: &Words) -> Vec<&'static str> {
    vec![
        w.c_date,
        w.c_part,
        w.c_city,
        w.c_counterpart,
        w.c_country,
        w.c_group,
        w.c_category,
        w.c_initiative,
        w.c_commitment,
        w.c_kind,
        w.c_year,
        w.c_speaker,
        w.c_role,
        w.c_section,
        w.c_item,
        w.c_in_sources,
        w.chart_day_not_given,
        w.chart_none_dated,
        w.chart_alone,
        w.map_legend,
        w.map_place_unknown,
        w.no_exact_match,
        w.loose_matches,
        w.picker_all,
        w.picker_keys,
        w.detail_title,
        w.map_title,
        w.axis_title,
        w.axis_chairmanship,
        w.axis_summit,
        w.chart_title,
        w.chart_meetings_per_day,
        w.chart_documents,
        w.overview_title,
        w.nothing_matches,
        w.clear,
        w.searched,
        w.filtered,
        w.palette_prompt,
        w.mouse,
        w.mouse_help,
        w.derived_help,
        w.in_search_line,
        w.help_everywhere,
        w.presenting,
        w.no_presenter,
        w.tour,
        w.tour_resume,
        w.tour_any_key,
        w.nothing_to_copy,
    ]
}

/// The words that take values, with stand-ins for the values.
fn filled_words(w: &Words) -> Vec<String> {
    vec![
        (w.outcome)(1),
        (w.initiative)(1),
        (w.search_tail)(2, "|", "Enter", "Esc"),
        (w.page_search_tail)(2, "|", "Enter", "Esc"),
        (w.palette_title)("|"),
        (w.palette_footer)(2, "|", "Up/Down", "Enter", "Esc"),
        (w.help_title)("|"),
        (w.help_scroll)(1, "-", 2, 3),
        (w.sorted_by)(""),
        (w.map_met_in)(""),
        (w.map_with)(""),
        (w.declared_named)(2, 2, "|"),
        (w.declared_legend)("|"),
        (w.go_to_tabs)("1", "...", "6"),
        (w.help_here)(""),
        (w.copied)(2),
        (w.axis_earlier)(2),
        (w.axis_later)(2),
        (w.counts)(2, 2),
        (w.h_results)(2, 2),
        (w.chaired_by)(""),
        (w.wang_put_it)(""),
        (w.until)(""),
        (w.span)("", ""),
        (w.office)("", None, ""),
        (w.unnamed_leader)("", None),
        (w.following)("", "|"),
        (w.browsing)("", "|"),
    ]
}

/// Latin words the Russian data itself prints (an official English name, `MC14`).
fn printed_latin_words() -> HashSet<String> {
    let mut printed = HashSet::new();
    let data = serde_json::to_value(&*catalog().in_lang(Lang::Ru).data).unwrap();
    let mut values = vec![&data];
    while let Some(value) = values.pop() {
        match value {
            serde_json::Value::String(text) => printed.extend(latin_words(text)),
            serde_json::Value::Array(items) => values.extend(items),
            serde_json::Value::Object(fields) => values.extend(fields.values()),
            _ => {}
        }
    }
    printed
}

/// A word of the English chrome on a Russian screen.
fn english_in(screen: &str) -> Vec<String> {
    latin_words(screen)
        .into_iter()
        .filter(|word| english_words().contains(word))
        .collect()
}

/// Chinese, a word of the English chrome, or a date in ISO form (one date style per
/// language: `31 августа 2025 г.`, `31.08.2025` where room is short), on a Russian screen.
fn foreign_in(screen: &str) -> Vec<String> {
    let mut found = chinese_in(screen);
    found.extend(english_in(screen));
    found.extend(crate::render_en::iso_dates(screen));
    found
}

/// The help and the searches every Russian screen is read with after its records.
const SEARCHES: [&str; 8] = [
    "?",
    ":путин",
    "/путин",
    ":ШОС",
    "/ШОС",
    ":putin",
    ":pujing",
    "/lbgf",
];

#[test]
fn every_tab_in_russian_at_80x24_and_120x40() {
    for tab in Tab::ALL {
        for (width, height) in [(80, 24), (120, 40)] {
            let shown = screen(tab, width, height, "");
            assert!(foreign_in(&shown).is_empty(), "{shown}");
            insta::assert_snapshot!(format!("ru_{}_{width}x{height}", name(tab)), shown);
        }
    }
}

#[test]
fn help_search_and_a_meeting_in_russian() {
    insta::assert_snapshot!("ru_help_120x40", screen(Tab::Meetings, 120, 40, "?"));
    insta::assert_snapshot!(
        "ru_palette_putin_120x40",
        screen(Tab::Overview, 120, 40, ":путин")
    );
    insta::assert_snapshot!(
        "ru_meeting_detail_80x24",
        screen(Tab::Meetings, 80, 24, "jjjjjjjjjjjjj<Enter>")
    );
    insta::assert_snapshot!(
        "ru_meetings_map_120x40",
        screen(Tab::Meetings, 120, 40, "jjjjjjjjjm")
    );
}

/// Every record's detail on the Russian screen, page by page, the help and the searches:
/// no Chinese character and no word of the English chrome anywhere.
#[test]
fn no_chinese_and_no_english_chrome_reaches_a_russian_screen() {
    // The check sees them where they are: on the English and Chinese screens.
    for word in [
        "Meetings", "Detail", "Sources", "search", "quit", "declared",
    ] {
        assert!(english_words().contains(word), "{word}");
    }
    assert!(!english_in(&screens::screen(Lang::En, Tab::Overview, 120, 40, "")).is_empty());
    assert!(!chinese_in(&screens::screen(Lang::Zh, Tab::Overview, 120, 40, "")).is_empty());
    // Every voice's detail is among the screens read: the voices have their Russian too.
    assert_eq!(
        sco_dash::app::panes::count(catalog().in_lang(Lang::Ru), Tab::Voices),
        catalog().data.voices.len()
    );
    every_screen_in(Lang::Ru, &SEARCHES, foreign_in);
}

#[test]
fn l_goes_from_russian_to_chinese_and_round_to_the_same_russian_screen() {
    let keys = "5jjj<Enter>jj";
    let before = to_text(&draw(
        &app(Lang::Ru, Tab::Overview, 120, 40, keys),
        &Theme::default(),
    ));
    assert!(before.contains("5 Встречи 4/21"), "{before}");
    let chinese = to_text(&draw(
        &app(Lang::Ru, Tab::Overview, 120, 40, &format!("{keys}L")),
        &Theme::default(),
    ));
    assert!(chinese.contains("5 元首会见 4/21"), "{chinese}");
    assert!(chinese.contains("L English"), "{chinese}");
    let back = app(Lang::Ru, Tab::Overview, 120, 40, &format!("{keys}LLL"));
    assert_eq!(to_text(&draw(&back, &Theme::default())), before);
}

/// What search everything finds for `query` on the screen of `lang`: the hits' titles and
/// the texts they matched in.
fn found(lang: Lang, query: &str) -> Vec<String> {
    let query = Query::new(query).unwrap();
    catalog()
        .in_lang(lang)
        .search()
        .search(&query, None)
        .into_iter()
        .map(|hit| format!("{} {}", hit.title, hit.context.unwrap_or_default()))
        .collect()
}

#[test]
fn cyrillic_finds_putin_on_every_screen_and_latin_on_the_russian_one() {
    for lang in Lang::ALL {
        let name = match lang {
            Lang::Zh => "普京",
            Lang::En => "Putin",
            Lang::Ru => "Путин",
        };
        for query in ["путин", "Путин", "ПУТИН"] {
            let hits = found(lang, query);
            assert!(
                hits.iter().any(|hit| hit.contains(name)),
                "{query} on the {lang} screen: {hits:#?}"
            );
        }
    }
    // English and pinyin still find him on the Russian screen, shown in Russian.
    for query in ["putin", "pujing", "普京"] {
        let hits = found(Lang::Ru, query);
        assert!(
            hits.iter().any(|hit| hit.contains("Путин")),
            "{query}: {hits:#?}"
        );
    }
}

#[test]
fn russian_search_folds_case_and_yo() {
    // In capitals, and ё written as е: the Silk Road Economic Belt is «Шёлкового пути».
    for query in ["ТЯНЬЦЗИНЬ", "тяньцзинь", "шелкового пути", "ШЁЛКОВОГО"]
    {
        assert!(!found(Lang::Ru, query).is_empty(), "{query}");
    }
    // A meeting is found by its Russian words on the Chinese screen, and shown in Chinese.
    let hits = found(Lang::Zh, "мирзиёев");
    assert!(hits.iter().any(|h| h.contains("米尔济约耶夫")), "{hits:#?}");
}

#[test]
fn the_pane_search_narrows_the_russian_list_by_cyrillic() {
    let shown = screens::screen(Lang::Ru, Tab::Meetings, 120, 40, "/ПУТИН");
    assert!(shown.contains("Владимир Путин"), "{shown}");
    assert!(!shown.contains("Эмомали Рахмон"), "{shown}");
}
