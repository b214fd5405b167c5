//! The dashboard in English: every tab at two sizes, the help, search everything and a
//! meeting's detail, drawn through ratatui's TestBackend; that no Chinese reaches an English
//! screen and no English a Chinese one; that the live switch (L) keeps where the reader is.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::OnceLock;

use crate::support::screens;

use sco_dash::app::Tab;
use sco_dash::data::Lang;
use sco_dash::ui::Theme;
use sco_dash::ui::snapshot::{draw, to_text};
use screens::{app, catalog, every_screen_in, is_chinese};

/// The English screen.
fn screen(tab: Tab, width: u16, height: u16, keys: &str) -> String {
    screens::screen(Lang::En, tab, width, height, keys)
}

fn name(tab: Tab) -> String {
    Lang::En.words().tab(tab).to_lowercase()
}

/// Chinese on an English screen: any CJK ideograph or full-width punctuation, except the
/// language switch's own label (a language is offered by its own name).
fn chinese_in(screen: &str) -> Vec<String> {
    screen
        .lines()
        .map(|line| line.replace("中文", ""))
        .filter(|line| line.chars().any(is_chinese))
        .collect()
}

#[test]
fn every_tab_in_english_at_80x24_and_120x40() {
    for tab in Tab::ALL {
        for (width, height) in [(80, 24), (120, 40)] {
            let shown = screen(tab, width, height, "");
            insta::assert_snapshot!(format!("en_{}_{width}x{height}", name(tab)), shown);
        }
    }
}

#[test]
fn help_search_and_a_meeting_in_english() {
    insta::assert_snapshot!("en_help_120x40", screen(Tab::Meetings, 120, 40, "?"));
    insta::assert_snapshot!(
        "en_palette_putin_120x40",
        screen(Tab::Overview, 120, 40, ":putin")
    );
    // A hit deep in a long text shows around its match.
    for (width, height) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(
            format!("en_palette_luban_{width}x{height}"),
            screen(Tab::Overview, width, height, ":luban")
        );
    }
    insta::assert_snapshot!(
        "en_meeting_detail_80x24",
        screen(Tab::Meetings, 80, 24, "jjjjjjjjjjjjj<Enter>")
    );
}

#[test]
fn the_meetings_map_in_english() {
    // Egypt's prime minister, met in Tianjin; then three panes at 200 columns; then narrow,
    // with the United Nations' seat off the map.
    for (name, width, height, keys) in [
        ("en_meetings_map_120x40", 120, 40, "jjjjjjjjjm"),
        ("en_meetings_map_200x60", 200, 60, "jjjjjjjjjjjjjm"),
        ("en_meetings_map_80x24", 80, 24, "jjjjjm"),
    ] {
        let shown = screen(Tab::Meetings, width, height, keys);
        assert!(chinese_in(&shown).is_empty(), "{shown}");
        insta::assert_snapshot!(name, shown);
    }
}

/// The help and the searches every screen is read with after its records.
const SEARCHES: [&str; 5] = ["?", ":putin", "/luban", ":pujing", "/lbgf"];

#[test]
fn no_chinese_reaches_an_english_screen() {
    every_screen_in(Lang::En, &SEARCHES, chinese_in);
}

/// English on a Chinese screen: a Latin word of three letters or more that is neither a key's
/// name, the program's, the language switch's own label, nor printed in the Chinese data
/// itself (a name such as "2025 SCO Summit, Tianjin").
fn english_in(screen: &str) -> Vec<String> {
    static ALLOWED: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    let allowed = ALLOWED.get_or_init(|| {
        let mut words: std::collections::HashSet<String> = [
            "Esc", "Enter", "Ctrl", "Tab", "PgUp", "PgDn", "Home", "End", "Del", "Space", "sco",
            "dash", "English", "lbgf", "pujing", "luban", "putin",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        let data = serde_json::to_value(&*catalog().data).unwrap();
        let mut texts = vec![&data];
        while let Some(value) = texts.pop() {
            match value {
                serde_json::Value::String(text) => words.extend(latin_words(text)),
                serde_json::Value::Array(items) => texts.extend(items),
                serde_json::Value::Object(fields) => texts.extend(fields.values()),
                _ => {}
            }
        }
        words
    });
    latin_words(screen)
        .into_iter()
        .filter(|word| !allowed.contains(word))
        .collect()
}

fn latin_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| word.len() >= 3)
        .map(str::to_string)
        .collect()
}

#[test]
fn no_english_reaches_a_chinese_screen() {
    every_screen_in(Lang::Zh, &SEARCHES, english_in);
}

#[test]
fn l_goes_round_the_languages_live_and_back_to_the_same_screen() {
    let keys = "5jjj<Enter>jj";
    let before = to_text(&draw(
        &app(Lang::Zh, Tab::Overview, 120, 40, keys),
        &Theme::default(),
    ));
    let english = app(Lang::Zh, Tab::Overview, 120, 40, &format!("{keys}L"));
    let shown = to_text(&draw(&english, &Theme::default()));
    assert!(
        shown.contains("5 Meetings 4/21"),
        "same pane and place: {shown}"
    );
    assert!(chinese_in(&shown).is_empty(), "{shown}");
    let russian = app(Lang::Zh, Tab::Overview, 120, 40, &format!("{keys}LL"));
    let shown = to_text(&draw(&russian, &Theme::default()));
    assert!(
        shown.contains("5 Встречи 4/21"),
        "same pane and place: {shown}"
    );
    let back = app(Lang::Zh, Tab::Overview, 120, 40, &format!("{keys}LLL"));
    assert_eq!(to_text(&draw(&back, &Theme::default())), before);
}

#[test]
fn english_words_find_records_in_either_language() {
    let catalog = catalog();
    let search = |lang: Lang, query: &str| {
        let query = sco_dash::text::search::Query::new(query).unwrap();
        catalog.in_lang(lang).search().search(&query, None)
    };
    for (query, expected) in [
        ("putin", "普京"),
        ("luban", "鲁班"),
        ("beidou", "北斗"),
        ("development bank", "开发银行"),
        ("tokayev", "托卡耶夫"),
    ] {
        let hits = search(Lang::Zh, query);
        assert!(
            hits.iter().take(3).any(|h| h.title.contains(expected)
                || h.context.as_deref().is_some_and(|c| !c.is_empty())),
            "{query}: {hits:#?}"
        );
        assert!(
            !hits.is_empty(),
            "{query} finds nothing on the Chinese screen"
        );
        assert!(!search(Lang::En, query).is_empty(), "{query} in English");
    }
    // Chinese and pinyin still find records on the English screen.
    let putin = search(Lang::En, "普京");
    assert!(
        putin.iter().any(|h| h.title.contains("Putin")),
        "{putin:#?}"
    );
    assert!(!search(Lang::En, "pujing").is_empty());
}

#[test]
fn the_overview_in_english_at_200x60_and_searched() {
    insta::assert_snapshot!("en_overview_200x60", screen(Tab::Overview, 200, 60, ""));
    // `/` searches the page: the line counts its matches, the page moves to the first.
    let shown = screen(Tab::Overview, 80, 24, "/luban");
    assert!(chinese_in(&shown).is_empty(), "{shown}");
    assert!(shown.contains("Luban"), "{shown}");
    assert!(shown.contains(" lines · Enter keep"), "{shown}");
}

/// A count of one with a plural noun ("1 items", "1 lines", "1 hits"): `\b1 [a-z]+s\b`.
fn one_with_a_plural(screen: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in screen.lines() {
        let chars: Vec<char> = line.chars().collect();
        for (i, window) in chars.windows(3).enumerate() {
            let boundary = i == 0 || !chars[i - 1].is_alphanumeric();
            if !(boundary && window[0] == '1' && window[1] == ' ' && window[2].is_ascii_lowercase())
            {
                continue;
            }
            let word: String = chars[i + 2..]
                .iter()
                .take_while(|c| c.is_ascii_lowercase())
                .collect();
            if word.ends_with('s') && word.len() > 1 {
                found.push(format!("1 {word} in: {line}"));
            }
        }
    }
    found
}

/// A date written the ISO way (`2025-08-31`, `2024-07`) on a screen: every screen dates
/// things in its language's one style.
pub(crate) fn iso_dates(screen: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in screen.lines() {
        let chars: Vec<char> = line.chars().collect();
        for i in 0..chars.len().saturating_sub(6) {
            let digits = |range: std::ops::Range<usize>| {
                range.into_iter().all(|j| chars[j].is_ascii_digit())
            };
            let before = i == 0 || !chars[i - 1].is_ascii_digit();
            let after = chars.get(i + 7).is_none_or(|c| !c.is_ascii_digit());
            if before && after && digits(i..i + 4) && chars[i + 4] == '-' && digits(i + 5..i + 7) {
                found.push(line.to_string());
            }
        }
    }
    found
}

#[test]
fn no_english_screen_writes_1_with_a_plural_or_an_iso_date() {
    every_screen_in(Lang::En, &SEARCHES, |s| {
        [one_with_a_plural(s), iso_dates(s)].concat()
    });
    // Where the words count: one match of a list search, one hit of search everything.
    for (tab, keys, count) in [
        (Tab::Meetings, "/Malaysia", "1 item "),
        (Tab::Overview, ":trans-caspian", "1 hit "),
    ] {
        let shown = screen(tab, 120, 40, keys);
        assert!(shown.contains(count), "{keys}: {shown}");
        assert!(one_with_a_plural(&shown).is_empty(), "{keys}: {shown}");
    }
}

#[test]
fn no_chinese_screen_writes_an_iso_date() {
    every_screen_in(Lang::Zh, &SEARCHES, iso_dates);
}
