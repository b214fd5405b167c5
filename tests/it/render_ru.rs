//! The dashboard in Russian: every tab at two sizes, the help, search everything and a
//! meeting's detail, drawn through ratatui's TestBackend; that no Chinese and no English word
//! of the chrome reaches a Russian screen; that search reads Cyrillic in any case, ё as е, on
//! every screen.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::screens;

use sco_dash::app::Tab;
use sco_dash::data::Lang;
use sco_dash::text::search::Query;
use screens::catalog;

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
