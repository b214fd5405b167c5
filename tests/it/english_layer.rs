//! The English and Russian layers as `validate` reports them: coverage per file, a report and
//! not an error. (Their mistakes are in tests/fixtures/en-* and ru-*, checked with the other
//! broken folders.)
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::common;
use crate::support::screens;
use crate::support::values::{Value, english_values};

use std::path::{Path, PathBuf};

use common::{sco_dash, stderr, stdout};

fn coverage_line<'a>(out: &'a str, file: &str) -> &'a str {
    out.lines()
        .map(str::trim)
        .find(|line| line.starts_with(&format!("en/{file}: ")))
        .unwrap_or_else(|| panic!("no coverage line for en/{file} in:\n{out}"))
}

#[test]
fn validate_reports_the_embedded_english_layer_file_by_file() {
    let output = sco_dash(&["validate"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert_eq!(
        coverage_line(&out, "outcomes.toml"),
        "en/outcomes.toml: 8/8 records translated"
    );
    assert_eq!(
        coverage_line(&out, "sources.toml"),
        "en/sources.toml: 16/16 records translated"
    );
    for file in ["summit.toml", "countries.toml"] {
        let line = coverage_line(&out, file);
        let (done, total) = line
            .split(": ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|counts| counts.split_once('/'))
            .unwrap();
        assert_eq!(done, total, "{line}");
    }
    // Now that every file is written, the embedded layer is complete.
    for line in out.lines().map(str::trim).filter(|l| l.starts_with("en/")) {
        let counts = line
            .split(": ")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .unwrap();
        let (done, total) = counts.split_once('/').unwrap();
        assert_eq!(done, total, "{line}");
    }
}

#[test]
fn validate_reports_the_embedded_russian_layer_complete_file_by_file() {
    let output = sco_dash(&["validate"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("\nRussian layer (ru/):\n"), "{out}");
    let lines: Vec<&str> = out
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("ru/"))
        .collect();
    assert_eq!(lines.len(), 9, "{out}");
    assert!(
        lines.contains(&"ru/voices.toml: 36/36 records translated"),
        "{out}"
    );
    for line in lines {
        let counts = line
            .split(": ")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .unwrap();
        let (done, total) = counts.split_once('/').unwrap();
        assert_eq!(done, total, "{line}");
        assert_ne!(total, "0", "{line}");
    }
    assert!(!out.contains("missing:"), "{out}");
}

/// Chinese characters and full-width punctuation.
fn chinese(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|line| line.chars().any(screens::is_chinese))
        .collect()
}

#[test]
fn english_output_of_export_search_and_snapshot_holds_no_chinese() {
    let markdown = sco_dash(&["--lang", "en", "export", "--format", "markdown"]);
    assert_eq!(markdown.status.code(), Some(0), "{}", stderr(&markdown));
    let markdown = stdout(&markdown);
    assert!(markdown.contains("Tokayev"), "{markdown}");
    assert!(chinese(&markdown).is_empty(), "{:#?}", chinese(&markdown));
    let meetings = stdout(&sco_dash(&[
        "--lang",
        "en",
        "export",
        "--format",
        "csv",
        "--section",
        "meetings",
    ]));
    assert!(chinese(&meetings).is_empty(), "{:#?}", chinese(&meetings));
    let search = stdout(&sco_dash(&["--lang", "en", "search", "putin"]));
    assert!(search.contains("Putin · Russia"), "{search}");
    assert!(chinese(&search).is_empty(), "{search}");
    let shot = stdout(&sco_dash(&[
        "--lang", "en", "snapshot", "--tab", "meetings", "--size", "100x30", "--keys", "<Enter>",
    ]));
    assert!(shot.contains("Meetings"), "{shot}");
    let shot = shot.replace("中文", "");
    assert!(chinese(&shot).is_empty(), "{shot}");
    // Without --lang, scripts get the Chinese output whatever the locale.
    let chinese_search = stdout(&sco_dash(&["search", "putin"]));
    assert!(chinese_search.contains("普京"), "{chinese_search}");
}

#[test]
fn russian_output_of_export_search_and_snapshot_holds_no_chinese() {
    let markdown = sco_dash(&["--lang", "ru", "export", "--format", "markdown"]);
    assert_eq!(markdown.status.code(), Some(0), "{}", stderr(&markdown));
    let markdown = stdout(&markdown);
    assert!(
        markdown.starts_with("# Саммит Шанхайской организации"),
        "{markdown}"
    );
    assert!(chinese(&markdown).is_empty(), "{:#?}", chinese(&markdown));
    // The voices read in Russian too, their quotations translated.
    let (_, voices) = markdown.split_once("\n## voices (").unwrap();
    assert!(
        voices.contains("| Касым-Жомарт Токаев | Президент |")
            && voices.contains("мы добились успеха, следуя «Шанхайскому духу»"),
        "{voices}"
    );
    // Russian typography: «ёлочки», „лапки“ inside them, a no-break space before a dash.
    assert!(
        markdown.contains("«Развивая „Шанхайский дух“: ШОС в\u{a0}действии»"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| chairmanship | с 4 июля 2024\u{a0}г. по 1 сентября 2025\u{a0}г. |"),
        "{markdown}"
    );
    assert!(markdown.contains("| participants | иностранные лидеры: более 20 |"));
    // A subtitle starts with its dash, as printed; any other dash holds the word before it.
    let dashes = markdown.replace("| — ", "| ");
    assert!(
        !dashes.contains(" — ") && !dashes.contains(" – "),
        "a dash may start a line"
    );
    assert!(!markdown.contains('"'), "straight quotes");
    let meetings = stdout(&sco_dash(&[
        "--lang",
        "ru",
        "export",
        "--format",
        "csv",
        "--section",
        "meetings",
    ]));
    assert!(meetings.contains("Касым-Жомарт Токаев"), "{meetings}");
    assert!(chinese(&meetings).is_empty(), "{:#?}", chinese(&meetings));
    let json = stdout(&sco_dash(&["--lang", "ru", "export", "--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["countries"][0]["name_zh"], "Китай");
    assert_eq!(json["countries"][0]["name_en"], "China");
    assert_eq!(json["sources"][0]["headline_translated"], true);
    let search = stdout(&sco_dash(&["--lang", "ru", "search", "путин"]));
    assert!(search.contains("Владимир Путин · Россия"), "{search}");
    assert!(chinese(&search).is_empty(), "{search}");
    let search = stdout(&sco_dash(&["--lang", "ru", "search", "putin"]));
    assert!(search.contains("Владимир Путин"), "{search}");
    let shot = stdout(&sco_dash(&[
        "--lang", "ru", "snapshot", "--tab", "meetings", "--size", "100x30", "--keys", "<Enter>",
    ]));
    assert!(shot.contains("Встречи"), "{shot}");
    let shot = shot.replace("中文", "");
    assert!(chinese(&shot).is_empty(), "{shot}");
}

/// A copy of the embedded data set's Chinese files in a fresh folder.
fn chinese_copy(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sco-dash-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/data");
    for entry in std::fs::read_dir(assets).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "toml") {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

#[test]
fn a_folder_without_english_loads_and_reports_nothing_translated() {
    let dir = chinese_copy("no-english");
    let output = sco_dash(&["validate", "--data", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    let out = stdout(&output);
    assert_eq!(
        coverage_line(&out, "outcomes.toml"),
        "en/outcomes.toml: 0/8 records translated (no such file)"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_partial_translation_loads_and_lists_what_is_missing() {
    let dir = chinese_copy("partial-english");
    std::fs::create_dir_all(dir.join("en")).unwrap();
    let outcomes = "[outcome.1]\ntitle = \"Formulated the SCO's development strategy for the next 10 years\"\n\n\
                    [outcome.2]\ntitle = \"Sent out a just voice\"\nsummary = \"A statement.\"\nfacts = [\"One\", \"Two\"]\n";
    std::fs::write(dir.join("en/outcomes.toml"), outcomes).unwrap();
    let output = sco_dash(&["validate", "--data", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert_eq!(
        coverage_line(&out, "outcomes.toml"),
        "en/outcomes.toml: 1/8 records translated"
    );
    assert!(
        out.contains("    missing: 1 (summary, facts[0], facts[1]), 3, 4, 5, 6, 7, 8\n"),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A copy of the embedded data with its English layer and glossary: a glossary variant written
/// into an English value is a problem at the line and column where it starts, and without the
/// glossary in the folder nothing is checked against it.
#[test]
fn a_glossary_variant_in_the_english_layer_is_reported_where_it_starts() {
    let dir = chinese_copy("glossary-variant");
    let english = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/data/en");
    std::fs::create_dir_all(dir.join("en")).unwrap();
    for entry in std::fs::read_dir(english).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join("en").join(path.file_name().unwrap())).unwrap();
    }
    let path = dir.join("en/voices.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let anchor = "said = \"Speaking at the 25th Meeting of the Council of Heads of State, ";
    assert!(text.contains(anchor));
    let line = text[..text.find(anchor).unwrap()].lines().count() + 1;
    let wrong = text.replacen(
        anchor,
        &format!("{anchor}the Shanghai Cooperation Organization: "),
        1,
    );
    std::fs::write(&path, wrong).unwrap();

    let output = sco_dash(&["validate", "--data", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    let column = anchor.chars().count() + "the ".len() + 1;
    let expected = format!(
        "en/voices.toml:{line}:{column}: voice.xi-2025-09-01-council-speech.said: \
         `Shanghai Cooperation Organization`: write `Shanghai Cooperation Organisation` (glossary)"
    );
    assert!(err.contains(&expected), "{expected}\nnot in\n{err}");
    assert!(err.contains("1 problem in the data"), "{err}");

    std::fs::remove_file(dir.join("glossary.toml")).unwrap();
    let output = sco_dash(&["validate", "--data", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The English values that hold a straight double quote: English quotes with “ ” and ‘ ’ (the
/// TOML string delimiters stay ASCII, and the apostrophe stays ').
fn straight_quotes(values: &[Value]) -> Vec<String> {
    values
        .iter()
        .filter(|v| v.text.contains('"'))
        .map(|v| format!("{}: {}: {}", v.file, v.path, v.text))
        .collect()
}

#[test]
fn english_values_quote_with_curly_quotes_only() {
    let values = english_values();
    assert!(values.len() > 1000, "{}", values.len());
    let found = straight_quotes(&values);
    assert!(found.is_empty(), "straight quotes:\n{}", found.join("\n"));
    let planted = Value {
        file: "en/voices.toml".to_string(),
        path: "voice.x.said".to_string(),
        text: "He called it a \"big year\".".to_string(),
    };
    assert_eq!(straight_quotes(&[planted]).len(), 1);
}
