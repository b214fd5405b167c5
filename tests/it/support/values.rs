//! Every string value of the embedded data files, with where it is, for the data rules that
//! read the text itself (quotes, Latin words, file numbers): the TOML as written, so a rule
//! is checked in every field, whatever the model does with it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

/// One string value: its file (`en/voices.toml`), its path in it and its text.
#[derive(Debug)]
pub struct Value {
    pub file: String,
    pub path: String,
    pub text: String,
}

impl Value {
    /// The last key of its path (`name_en` of `country[3].name_en`).
    pub fn key(&self) -> &str {
        let last = self.path.rsplit('.').next().unwrap_or_default();
        last.split('[').next().unwrap_or_default()
    }
}

/// The values of the data files under `assets/data/` (`english`: under `assets/data/en/`),
/// not the glossary's (its variants are the wrong forms, written on purpose).
pub fn values(english: bool) -> Vec<Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/data");
    let dir = if english { root.join("en") } else { root };
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".toml") && name != "glossary.toml")
        .collect();
    names.sort();
    assert!(names.len() >= 9, "{names:?}");
    let mut found = Vec::new();
    for name in names {
        let text = std::fs::read_to_string(dir.join(&name)).unwrap();
        let table: toml::Table = toml::from_str(&text).unwrap();
        let file = if english { format!("en/{name}") } else { name };
        for (key, value) in table {
            walk(&file, key, &value, &mut found);
        }
    }
    found
}

fn walk(file: &str, path: String, value: &toml::Value, found: &mut Vec<Value>) {
    match value {
        toml::Value::String(text) => found.push(Value {
            file: file.to_string(),
            path,
            text: text.clone(),
        }),
        toml::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(file, format!("{path}[{i}]"), item, found);
            }
        }
        toml::Value::Table(table) => {
            for (key, item) in table {
                walk(file, format!("{path}.{key}"), item, found);
            }
        }
        _ => {}
    }
}

/// The English values: the English layer's, and the `*_en` fields of the Chinese files.
pub fn english_values() -> Vec<Value> {
    let mut english = values(true);
    english.extend(
        values(false)
            .into_iter()
            .filter(|v| v.key().ends_with("_en")),
    );
    english
}

/// A CJK ideograph, CJK punctuation or a full-width form.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x2FDF | 0x3000..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// The Chinese values: the Chinese files' strings that hold Chinese (ids, links, enums and
/// `*_en` fields hold none).
pub fn chinese_values() -> Vec<Value> {
    values(false)
        .into_iter()
        .filter(|v| v.text.chars().any(is_cjk))
        .collect()
}
