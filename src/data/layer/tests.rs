//! The layers, English and Russian: what they may say, what the translated data set keeps,
//! and coverage.

use std::borrow::Cow;

use serde_json::Value;

use crate::data::files::{self, DataFile};
use crate::data::layer::{Translations, translate};
use crate::data::load::{FileText, LoadFailed, Loaded, load_layers};
use crate::data::{DataSet, Lang, Origin, load};

fn embedded() -> Loaded {
    load(&Origin::Embedded).unwrap_or_else(|failed| {
        let lines = problem_lines::<()>(Err(failed));
        panic!("the embedded data does not load:\n{}", lines.join("\n"))
    })
}

/// What a load reported, a line per problem; none when it loaded.
fn problem_lines<T>(loaded: Result<T, LoadFailed>) -> Vec<String> {
    match loaded {
        Ok(_) => Vec::new(),
        Err(failed) => failed
            .errors
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect(),
    }
}

fn text(file: DataFile, display: &str, text: &str) -> FileText {
    FileText {
        file,
        display: display.to_string(),
        text: Cow::Owned(text.to_string()),
    }
}

const OUTCOMES: &str = "[[outcome]]\nn = 1\ntitle = \"制定了战略\"\nsummary = \"峰会批准战略。\"\nfacts = [\"甲\", \"乙\"]\nsources = [\"s\"]\n\n\
                        [[outcome]]\nn = 2\ntitle = \"发出了声音\"\nsummary = \"发表声明。\"\nnote = \"注\"\nsources = [\"s\"]\n";

/// The problem lines of loading OUTCOMES with `english` as en/outcomes.toml.
fn problems(english: &str) -> Vec<String> {
    let chinese = [text(files::OUTCOMES, "outcomes.toml", OUTCOMES)];
    let english = [text(files::OUTCOMES, "en/outcomes.toml", english)];
    problem_lines(load_layers(&chinese, &[(Lang::En, &english)]))
}

fn loaded(english: &str) -> Loaded {
    let chinese = [text(files::OUTCOMES, "outcomes.toml", OUTCOMES)];
    let english = [text(files::OUTCOMES, "en/outcomes.toml", english)];
    load_layers(&chinese, &[(Lang::En, &english)])
        .unwrap_or_else(|failed| panic!("{failed}: {failed:?}"))
}

#[test]
fn a_full_translation_replaces_every_reader_facing_string() {
    let english = "[outcome.1]\ntitle = \"Formulated the strategy\"\nsummary = \"The summit approved it.\"\nfacts = [\"A\", \"B\"]\n\n\
                   [outcome.2]\ntitle = \"Sent out a voice\"\nsummary = \"A statement.\"\nnote = \"Note\"\n";
    let data = loaded(english).in_lang(Lang::En);
    let first = &data.outcomes[0];
    assert_eq!(first.title, "Formulated the strategy");
    assert_eq!(first.facts, ["A", "B"]);
    assert_eq!(data.outcomes[1].note.as_deref(), Some("Note"));
    assert_eq!(data.outcomes[1].n, 2);
}

#[test]
fn a_missing_translation_keeps_the_chinese_and_is_listed() {
    let loaded = loaded("[outcome.2]\ntitle = \"Sent out a voice\"\nsummary = \"A statement.\"\n");
    let data = loaded.in_lang(Lang::En);
    assert_eq!(data.outcomes[0].title, "制定了战略");
    assert_eq!(data.outcomes[1].title, "Sent out a voice");
    assert_eq!(data.outcomes[1].note.as_deref(), Some("注"));
    let outcomes = &loaded.coverage(Lang::En)[1];
    assert_eq!(outcomes.file.name, "outcomes.toml");
    assert_eq!((outcomes.translated, outcomes.total), (0, 2));
    assert_eq!(outcomes.missing, ["1", "2 (note)"]);
    assert_eq!(
        outcomes.to_string(),
        "en/outcomes.toml: 0/2 records translated"
    );
}

#[test]
fn an_absent_english_file_translates_nothing_and_says_so() {
    let chinese = [text(files::OUTCOMES, "outcomes.toml", OUTCOMES)];
    let loaded = load_layers(&chinese, &[]).unwrap_or_else(|failed| panic!("{failed}"));
    assert_eq!(loaded.in_lang(Lang::En), loaded.data);
    let outcomes = &loaded.coverage(Lang::En)[1];
    assert!(!outcomes.present);
    assert_eq!(
        outcomes.to_string(),
        "en/outcomes.toml: 0/2 records translated (no such file)"
    );
}

#[test]
fn english_for_an_unknown_record_or_a_field_the_chinese_lacks_is_refused() {
    let english = "[outcome.1]\ntitle = \"T\"\nnote = \"N\"\n\n[outcome.3]\ntitle = \"T\"\n";
    assert_eq!(
        problems(english),
        [
            "en/outcomes.toml:3:8: outcome.1.note: outcomes.toml has no note in this record: there is nothing to translate",
            "en/outcomes.toml:5:1: outcome.3: no outcome \"3\" in outcomes.toml",
        ]
    );
}

#[test]
fn a_list_of_another_length_than_the_chinese_is_refused() {
    let english = "[outcome.1]\nfacts = [\"A\", \"B\", \"C\"]\n\n[outcome.2]\nfacts = [\"A\"]\n";
    assert_eq!(
        problems(english),
        [
            "en/outcomes.toml:2:9: outcome.1.facts: 3 entries where outcomes.toml has 2: give one English entry per Chinese entry, in the same order",
            "en/outcomes.toml:5:9: outcome.2.facts: outcomes.toml has no facts in this record: there is nothing to translate",
        ]
    );
}

#[test]
fn unknown_fields_chinese_characters_and_control_characters_are_refused() {
    let english = "[outcome.1]\ntitel = \"T\"\n\n[outcome.2]\ntitle = \"天津 Tianjin\"\nsummary = \"（note）\"\nnote = \"a\\u001bb\"\n\n[outcome.\"1\\u0007\"]\n";
    assert_eq!(
        problems(english),
        [
            "en/outcomes.toml:2:1: outcome.1.titel: unknown field `titel`, expected one of `title`, `summary`, `facts`, `note`",
            "en/outcomes.toml:5:9: outcome.2.title: Chinese character '天' (U+5929) in an English value: write it in English",
            "en/outcomes.toml:6:11: outcome.2.summary: Chinese character '（' (U+FF08) in an English value: write it in English",
            "en/outcomes.toml:7:8: outcome.2.note: control character U+001B in string",
            "en/outcomes.toml:9:1: outcome.1␇: no outcome \"1␇\" in outcomes.toml",
            "en/outcomes.toml:9:10: outcome.1␇: control character U+0007 in key",
        ]
    );
}

#[test]
fn english_keyed_by_an_id_is_checked_against_the_chinese_only_once_the_chinese_loads() {
    let chinese = [text(
        files::OUTCOMES,
        "outcomes.toml",
        "[[outcome]]\nn = 1\n",
    )];
    let english = [text(
        files::OUTCOMES,
        "en/outcomes.toml",
        "[outcome.7]\ntitle = \"天\"\n",
    )];
    let found: Vec<String> = problem_lines(load_layers(&chinese, &[(Lang::En, &english)]));
    // The Chinese record is broken: its problem first, then the English file's own rules;
    // that there is no outcome 7 waits until the Chinese loads.
    assert_eq!(
        found,
        [
            "outcomes.toml:1:1: outcome[0].title: missing field `title`",
            "en/outcomes.toml:2:9: outcome.7.title: Chinese character '天' (U+5929) in an English value: write it in English",
        ]
    );
}

#[test]
fn the_translated_data_set_keeps_every_id_number_and_link_of_the_chinese() {
    let loaded = embedded();
    // A data set that does not serialise fails here: were both `null`, they would match.
    let chinese = serde_json::to_value(&loaded.data)
        .unwrap_or_else(|err| panic!("the Chinese data set does not serialise: {err}"));
    let english = serde_json::to_value(loaded.in_lang(Lang::En))
        .unwrap_or_else(|err| panic!("the English data set does not serialise: {err}"));
    same_shape(&chinese, &english, "");
}

/// Keys whose strings are ids, links, dates or enums: equal in both languages. (`documents`
/// is a link in an outcome but text in a meeting, so it is left to the shape check.)
const KEPT: &[&str] = &[
    "id",
    "n",
    "sources",
    "seeds",
    "events",
    "initiatives",
    "outcomes",
    "country",
    "host",
    "event",
    "date",
    "end",
    "start",
    "time",
    "time_of_day",
    "certainty",
    "category",
    "qualifier",
    "sco_status",
    "name_en",
    "capital_en",
    "aliases",
];

fn same_shape(zh: &Value, en: &Value, path: &str) {
    let kept = KEPT.iter().any(|key| path.ends_with(&format!(".{key}")));
    match (zh, en) {
        (Value::Object(zh), Value::Object(en)) => {
            let keys = |map: &serde_json::Map<String, Value>| {
                // The English marks its translated headlines, and the Russian gives a
                // country's genitive; the Chinese has no such keys.
                map.keys()
                    .filter(|k| *k != "headline_translated" && *k != "name_genitive")
                    .cloned()
                    .collect::<Vec<_>>()
            };
            assert_eq!(keys(zh), keys(en), "{path}");
            for (key, value) in zh {
                same_shape(value, &en[key], &format!("{path}.{key}"));
            }
        }
        (Value::Array(zh), Value::Array(en)) => {
            assert_eq!(zh.len(), en.len(), "{path}");
            for (i, (zh, en)) in zh.iter().zip(en).enumerate() {
                let path = if kept {
                    path.to_string()
                } else {
                    format!("{path}[{i}]")
                };
                same_shape(zh, en, &path);
            }
        }
        (Value::String(_), Value::String(en)) if !kept => {
            assert!(!en.trim().is_empty(), "{path}: empty");
        }
        (zh, en) => assert_eq!(zh, en, "{path}"),
    }
}

#[test]
fn a_data_set_without_english_reads_chinese_but_for_country_names() {
    let loaded = embedded();
    let english = translate(&loaded.data, &Translations::empty(Lang::En));
    assert_eq!(english.outcomes, loaded.data.outcomes);
    assert_eq!(english.meetings, loaded.data.meetings);
    let china = english
        .country("CN")
        .map(|c| (c.name_zh.as_str(), c.capital_zh.clone()));
    assert_eq!(china, Some(("China", Some("Beijing".to_string()))));
}

#[test]
fn translated_headlines_are_marked_and_cited_as_such() {
    let english = embedded().in_lang(Lang::En);
    let source = english
        .source("wangyi-press")
        .map(|s| (s.headline_translated, s.citation_in(Lang::En)));
    assert_eq!(
        source,
        Some((
            true,
            "“Wang Yi and the SCO Secretary-General jointly meet Chinese and foreign journalists and answer their questions: Wang Yi presents the eight outcomes of the Tianjin Summit” (translated headline), Xinhua, Tianjin, 1 September".to_string()
        ))
    );
    let chinese = embedded().data;
    assert!(chinese.sources.iter().all(|s| !s.headline_translated));
}

/// Every embedded layer is complete: every file exists and translates every record.
#[test]
fn the_embedded_layers_cover_every_record_of_every_file() {
    let loaded = embedded();
    for lang in Lang::LAYERED {
        for file in loaded.coverage(lang) {
            assert!(file.present, "{file}");
            assert!(
                file.is_complete(),
                "{file}; missing: {}",
                file.missing.join(", ")
            );
        }
    }
}

#[test]
fn every_embedded_layer_file_translates_a_file_of_the_set() {
    let strays: Vec<String> = files::layer_strays().collect();
    assert!(strays.is_empty(), "assets/data/ holds {strays:?}");
}

/// The problem lines of loading OUTCOMES with `russian` as ru/outcomes.toml.
fn russian_problems(russian: &str) -> Vec<String> {
    let chinese = [text(files::OUTCOMES, "outcomes.toml", OUTCOMES)];
    let russian = [text(files::OUTCOMES, "ru/outcomes.toml", russian)];
    problem_lines(load_layers(&chinese, &[(Lang::Ru, &russian)]))
}

#[test]
fn the_russian_layer_is_checked_by_the_same_rules_and_says_russian() {
    let russian =
        "[outcome.1]\ntitle = \"Стратегия 天\"\nfacts = [\"А\"]\n\n[outcome.3]\ntitle = \"Т\"\n";
    assert_eq!(
        russian_problems(russian),
        [
            "ru/outcomes.toml:2:9: outcome.1.title: Chinese character '天' (U+5929) in a Russian value: write it in Russian",
            "ru/outcomes.toml:3:9: outcome.1.facts: 1 entry where outcomes.toml has 2: give one Russian entry per Chinese entry, in the same order",
            "ru/outcomes.toml:5:1: outcome.3: no outcome \"3\" in outcomes.toml",
        ]
    );
    let full = "[outcome.1]\ntitle = \"Сформулирована стратегия\"\nsummary = \"Саммит её одобрил.\"\nfacts = [\"А\", \"Б\"]\n";
    assert!(russian_problems(full).is_empty());
}

#[test]
fn english_and_russian_layers_of_one_folder_are_read_side_by_side() {
    let chinese = [text(files::OUTCOMES, "outcomes.toml", OUTCOMES)];
    let english = [text(
        files::OUTCOMES,
        "en/outcomes.toml",
        "[outcome.1]\ntitle = \"Formulated the strategy\"\n",
    )];
    let russian = [text(
        files::OUTCOMES,
        "ru/outcomes.toml",
        "[outcome.1]\ntitle = \"Сформулирована стратегия\"\n",
    )];
    let loaded = load_layers(&chinese, &[(Lang::En, &english), (Lang::Ru, &russian)])
        .unwrap_or_else(|failed| panic!("{failed}"));
    assert_eq!(
        loaded.in_lang(Lang::En).outcomes[0].title,
        "Formulated the strategy"
    );
    assert_eq!(
        loaded.in_lang(Lang::Ru).outcomes[0].title,
        "Сформулирована стратегия"
    );
    assert_eq!(loaded.in_lang(Lang::Zh).outcomes[0].title, "制定了战略");
    // Untranslated in Russian: the Chinese stays, and coverage lists it.
    assert_eq!(loaded.in_lang(Lang::Ru).outcomes[1].title, "发出了声音");
    let outcomes = &loaded.coverage(Lang::Ru)[1];
    assert_eq!(
        outcomes.to_string(),
        "ru/outcomes.toml: 0/2 records translated"
    );
}

#[test]
fn russian_names_and_capitals_come_from_the_russian_layer() {
    let russian = embedded().in_lang(Lang::Ru);
    let china = russian
        .country("CN")
        .map(|c| (c.name_zh.as_str(), c.capital_zh.clone()));
    assert_eq!(china, Some(("Китай", Some("Пекин".to_string()))));
    // And the genitive an office needs, which only the Russian data set has.
    let genitive = |data: &DataSet| data.country("RU").and_then(|c| c.name_genitive.clone());
    assert_eq!(genitive(&russian).as_deref(), Some("России"));
    assert_eq!(genitive(&embedded().in_lang(Lang::En)), None);
    // The English names stay what they are, for the English and for export.
    assert_eq!(
        russian.country("CN").map(|c| c.name_en.as_str()),
        Some("China")
    );
    // Without a Russian layer, Chinese: English names are never a fallback for Russian.
    let untranslated = translate(&embedded().data, &Translations::empty(Lang::Ru));
    assert_eq!(
        untranslated.country("CN").map(|c| c.name_zh.as_str()),
        Some("中国")
    );
}

#[test]
fn an_english_layer_that_names_countries_is_told_where_english_names_live() {
    let chinese = "[[country]]\nid = \"CN\"\nkind = \"country\"\nname_zh = \"中国\"\nname_en = \"China\"\nsco_status = \"member\"\nsources = [\"s\"]\n";
    let sources = "[[source]]\nid = \"s\"\nheadline = \"标题\"\n";
    let texts = [
        text(files::COUNTRIES, "countries.toml", chinese),
        text(files::SOURCES, "sources.toml", sources),
    ];
    let english = [text(
        files::COUNTRIES,
        "en/countries.toml",
        "[country.CN]\nname = \"People's China\"\ngenitive = \"of China\"\n",
    )];
    let russian = [text(
        files::COUNTRIES,
        "ru/countries.toml",
        "[country.CN]\nname = \"Китай\"\ncapital = \"Пекин\"\n",
    )];
    let found: Vec<String> = problem_lines(load_layers(
        &texts,
        &[(Lang::En, &english), (Lang::Ru, &russian)],
    ));
    assert_eq!(
        found,
        [
            "en/countries.toml:2:8: country.CN.name: the English name is countries.toml's name_en: leave it out here",
            "en/countries.toml:3:12: country.CN.genitive: English does not decline names, so a genitive is not used: leave it out here",
            "ru/countries.toml:3:11: country.CN.capital: countries.toml has no capital in this record: there is nothing to translate",
        ]
    );
}

#[test]
fn translated_russian_headlines_are_marked_and_cited_in_russian_quotes() {
    let russian = embedded().in_lang(Lang::Ru);
    let source = russian
        .source("sco-in-action-graphic")
        .map(|s| (s.headline_translated, s.citation_in(Lang::Ru)));
    assert_eq!(
        source,
        Some((
            true,
            "«Развивая „Шанхайский дух“: ШОС в\u{a0}действии» (перевод заголовка)".to_string()
        ))
    );
    let wangyi = russian
        .source("wangyi-press")
        .map(|s| s.citation_in(Lang::Ru).replace('\u{a0}', " "))
        .unwrap_or_default();
    assert!(
        wangyi.starts_with("«Ван И и Генеральный секретарь ШОС")
            && wangyi.contains(". Ван И рассказал о восьми итогах Тяньцзиньского саммита» (перевод заголовка), Синьхуа, Тяньцзинь, 1 сентября"),
        "{wangyi}"
    );
}

#[test]
fn the_russian_data_set_keeps_every_id_number_and_link_of_the_chinese() {
    let loaded = embedded();
    let chinese = serde_json::to_value(&loaded.data)
        .unwrap_or_else(|err| panic!("the Chinese data set does not serialise: {err}"));
    let russian = serde_json::to_value(loaded.in_lang(Lang::Ru))
        .unwrap_or_else(|err| panic!("the Russian data set does not serialise: {err}"));
    same_shape(&chinese, &russian, "");
}

const INITIATIVES: &str = "[[initiative]]\nn = 1\ngroup = \"summit\"\ntext = \"中方将成立平台\"\ncategory = \"platform\"\nsources = [\"s\"]\n\n\
                           [[initiative]]\nn = 2\ngroup = \"summit\"\ntext = \"中方将建设工坊\"\nshort = \"工坊\"\ncategory = \"education\"\nsources = [\"s\"]\n";

/// Loads INITIATIVES with `layer` as `lang`'s initiatives.toml.
fn initiatives(lang: Lang, layer: &str) -> Result<Loaded, Vec<String>> {
    let chinese = [text(files::INITIATIVES, "initiatives.toml", INITIATIVES)];
    let display = crate::data::layer::layer_name(lang, files::INITIATIVES);
    let layer = [text(files::INITIATIVES, &display, layer)];
    load_layers(&chinese, &[(lang, &layer)]).map_err(|failed| {
        failed
            .errors
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect()
    })
}

#[test]
fn a_short_title_the_chinese_lacks_is_refused_where_it_is_written() {
    let layer = "[initiative.1]\ntext = \"China will set up a platform\"\nshort = \"Platform\"\n";
    assert_eq!(
        initiatives(Lang::En, layer).err().unwrap_or_default(),
        [
            "en/initiatives.toml:3:9: initiative.1.short: initiatives.toml has no short in this record: there is nothing to translate",
        ]
    );
    let layer = "[initiative.1]\ntext = \"Китай создаст платформу\"\nshort = \"Платформа\"\n";
    assert_eq!(
        initiatives(Lang::Ru, layer).err().unwrap_or_default(),
        [
            "ru/initiatives.toml:3:9: initiative.1.short: initiatives.toml has no short in this record: there is nothing to translate",
        ]
    );
}

#[test]
fn a_short_title_is_translated_and_counted_like_the_text() {
    let layer = "[initiative.1]\ntext = \"China will set up a platform\"\n\n\
                 [initiative.2]\ntext = \"China will build workshops\"\n";
    let loaded = initiatives(Lang::En, layer).unwrap_or_else(|found| panic!("{found:?}"));
    let coverage = &loaded.coverage(Lang::En)[2];
    assert_eq!(coverage.file.name, "initiatives.toml");
    assert_eq!(coverage.missing, ["2 (short)"]);
    let layer = "[initiative.2]\ntext = \"China will build workshops\"\nshort = \"Workshops\"\n";
    let loaded = initiatives(Lang::En, layer).unwrap_or_else(|found| panic!("{found:?}"));
    let english = loaded.in_lang(Lang::En);
    let titles: Vec<&str> = english.initiatives.iter().map(|i| i.title()).collect();
    // Without a short title the list shows the text, translated or not.
    assert_eq!(titles, ["中方将成立平台", "Workshops"]);
}
