//! Embeds the files that exist of each language layer (`assets/data/en/*.toml`,
//! `assets/data/ru/*.toml`), so that a translation file added later is built in by the next
//! build without a change to the code; the Chinese files, which always exist, are embedded by
//! `include_str!` in src/data/files.rs.
//!
//! Also embeds the Chinese files pre-parsed, as JSON: parsing TOML with spans, checking every
//! string and deserialising record by record was more than half of the dashboard's start-up,
//! and the embedded files need none of it at run time, since the test suite checks them (and
//! that the JSON reads as the same data set).

use std::error::Error;
use std::fmt::Write as _;
use std::path::Path;

fn main() -> Result<(), Box<dyn Error>> {
    // A folder: Cargo reruns this script when anything in it is added, removed or changed.
    println!("cargo::rerun-if-changed=assets/data");
    let data = Path::new(&std::env::var("CARGO_MANIFEST_DIR")?).join("assets/data");
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR")?);

    // The layer folders, one per language the dashboard reads besides Chinese (`Lang::layer`).
    let mut table = String::from("&[\n");
    for lang in ["en", "ru"] {
        let dir = data.join(lang);
        for name in toml_names(&dir) {
            let path = dir.join(&name);
            let path = path
                .to_str()
                .ok_or_else(|| format!("a non-UTF-8 path to assets/data/{lang}"))?;
            writeln!(table, "    ({lang:?}, {name:?}, include_str!({path:?})),")?;
        }
    }
    table.push(']');
    std::fs::write(out.join("layer_files.rs"), table)?;

    let mut table = String::from("&[\n");
    for name in toml_names(&data) {
        let text = std::fs::read_to_string(data.join(&name))?;
        let (key, json) = preparse(&text).map_err(|e| format!("assets/data/{name}: {e}"))?;
        let json_name = format!("{name}.json");
        std::fs::write(out.join(&json_name), json)?;
        writeln!(
            table,
            "    ({name:?}, {key:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/{json_name}\"))),"
        )?;
    }
    table.push(']');
    std::fs::write(out.join("preparsed_files.rs"), table)?;
    Ok(())
}

/// The `*.toml` files in `dir`, sorted; none if it does not exist.
fn toml_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter(|name| name.ends_with(".toml"))
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

/// A data file's one top-level key and its value as compact JSON. A broken file is left to
/// the test suite to report where it is broken: its JSON is `null`, which the loader does
/// not take (it then reads the TOML).
fn preparse(text: &str) -> Result<(String, String), String> {
    let Ok(table) = toml::from_str::<toml::Table>(text) else {
        return Ok((String::new(), "null".to_string()));
    };
    let mut entries = table.into_iter();
    let (Some((key, value)), None) = (entries.next(), entries.next()) else {
        return Ok((String::new(), "null".to_string()));
    };
    let json = to_json(value, &key)?;
    let text = serde_json::to_string(&json).map_err(|e| e.to_string())?;
    Ok((key, text))
}

fn to_json(value: toml::Value, path: &str) -> Result<serde_json::Value, String> {
    use serde_json::Value as Json;
    Ok(match value {
        toml::Value::String(s) => Json::String(s),
        toml::Value::Integer(i) => Json::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f)
            .map(Json::Number)
            .ok_or_else(|| format!("{path}: {f} has no JSON form; write a finite number"))?,
        toml::Value::Boolean(b) => Json::Bool(b),
        // No model field takes a TOML date-time: dates are strings (`"2025-09-01"`).
        toml::Value::Datetime(d) => {
            return Err(format!(
                "{path}: the TOML date-time {d} is not used by the data model; quote it \
                 (\"{d}\") to write a date"
            ));
        }
        toml::Value::Array(items) => Json::Array(
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| to_json(item, &format!("{path}[{i}]")))
                .collect::<Result<_, _>>()?,
        ),
        toml::Value::Table(table) => Json::Object(
            table
                .into_iter()
                .map(|(k, v)| {
                    let json = to_json(v, &format!("{path}.{k}"))?;
                    Ok((k, json))
                })
                .collect::<Result<_, String>>()?,
        ),
    })
}
