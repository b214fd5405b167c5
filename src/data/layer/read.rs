//! Reads a layer's files with the Chinese files' parser and string rules (so that their
//! problems read the same), plus the layers' rules: no Chinese character in a value and no
//! control character in a key (keys are ids, and are shown in messages and coverage).

use serde::de::{DeserializeOwned, IntoDeserializer};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::data::Lang;
use crate::data::files;
use crate::data::glossary::Glossary;
use crate::data::layer::first_cjk;
use crate::data::layer::records::{Keyed, Translations};
use crate::data::load::FileText;
use crate::data::parsed::{Parsed, first_control, for_each_string, path_text};
use crate::data::problem::Problem;

/// Parses every text of `lang`'s layer, checking it against the glossary if one is given
/// (the English layer's); the parsed files are kept to place later findings.
pub(in crate::data) fn read<'a>(
    lang: Lang,
    texts: &'a [FileText],
    glossary: Option<&Glossary>,
    problems: &mut Vec<Problem>,
) -> (Translations, Vec<Parsed<'a>>) {
    let mut layer = Translations::empty(lang);
    let mut parsed = Vec::new();
    for text in texts {
        let file = Parsed::new(text.file, &text.display, &text.text, problems);
        check_layer(lang, &file, problems);
        if let Some(glossary) = glossary {
            glossary.check(&file, true, problems);
        }
        let name = text.file.name;
        if name == files::SUMMIT.name {
            let has_table = file.root.get_ref().get(files::SUMMIT.key).is_some();
            layer.summit = Some(if has_table {
                file.table(problems).unwrap_or_default()
            } else {
                Default::default()
            });
        } else if name == files::OUTCOMES.name {
            layer.outcomes = Some(keyed(&file, problems));
        } else if name == files::INITIATIVES.name {
            layer.initiatives = Some(keyed(&file, problems));
        } else if name == files::MEETINGS.name {
            layer.meetings = Some(keyed(&file, problems));
        } else if name == files::TIMELINE.name {
            layer.timeline = Some(keyed(&file, problems));
        } else if name == files::RESULTS.name {
            layer.results = Some(keyed(&file, problems));
        } else if name == files::VOICES.name {
            layer.voices = Some(keyed(&file, problems));
        } else if name == files::COUNTRIES.name {
            layer.countries = Some(keyed(&file, problems));
        } else if name == files::SOURCES.name {
            layer.sources = Some(keyed(&file, problems));
        }
        parsed.push(file);
    }
    (layer, parsed)
}

/// `[outcome.1]`, `[meeting."bj-2025-iran"]`: a table of records keyed by the Chinese
/// record's id, each deserialized on its own so that one mistake hides no other.
fn keyed<T: DeserializeOwned>(file: &Parsed<'_>, problems: &mut Vec<Problem>) -> Keyed<T> {
    let key = file.file.key;
    let mut records = Keyed::new();
    let Some(value) = file.root.get_ref().get(key) else {
        return records;
    };
    let Some(table) = value.get_ref().as_table() else {
        let message = format!("expected a table of records keyed by id: [{key}.\"<id>\"]");
        problems.push(file.problem_at(value.span(), key, message));
        return records;
    };
    for (id, record) in table.iter() {
        let path = format!("{key}.{}", id.get_ref());
        if record.get_ref().as_table().is_none() {
            let message = "expected a table of translated fields".to_string();
            problems.push(file.problem_at(record.span(), &path, message));
            continue;
        }
        match T::deserialize(record.clone().into_deserializer()) {
            Ok(translated) => {
                records.insert(id.get_ref().to_string(), translated);
            }
            Err(error) => problems.push(file.toml_problem(&error, &path, record.span())),
        }
    }
    records
}

/// The rules of a layer's file beyond those of every file.
fn check_layer(lang: Lang, file: &Parsed<'_>, problems: &mut Vec<Problem>) {
    let mut path = Vec::new();
    let language = lang.name_en();
    for_each_string(file.root.get_ref(), &mut path, &mut |steps, span, text| {
        if let Some(c) = first_cjk(text) {
            let article = if language.starts_with(['A', 'E', 'I', 'O', 'U']) {
                "an"
            } else {
                "a"
            };
            let message = format!(
                "Chinese character '{c}' (U+{:04X}) in {article} {language} value: write it in \
                 {language}",
                c as u32
            );
            problems.push(file.problem_at(span, &path_text(steps), message));
        }
    });
    check_keys(file, file.root.get_ref(), "", problems);
}

/// Keys are ids and field names: a control character in one would reach a terminal through
/// the coverage report, so it is refused as it is in a value.
fn check_keys(file: &Parsed<'_>, table: &DeTable<'_>, prefix: &str, problems: &mut Vec<Problem>) {
    for (key, value) in table.iter() {
        let path = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        if let Some(c) = first_control(key.get_ref()) {
            let message = format!("control character U+{:04X} in key", c as u32);
            problems.push(file.problem_at(key.span(), &path, message));
        }
        check_value_keys(file, value, &path, problems);
    }
}

fn check_value_keys(
    file: &Parsed<'_>,
    value: &Spanned<DeValue<'_>>,
    path: &str,
    problems: &mut Vec<Problem>,
) {
    match value.get_ref() {
        DeValue::Table(table) => check_keys(file, table, path, problems),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_value_keys(file, item, &format!("{path}[{i}]"), problems);
            }
        }
        _ => {}
    }
}
