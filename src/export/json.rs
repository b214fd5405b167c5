use std::io::Write;

use serde_json::{Map, Value};

use crate::text::sanitize::is_unsafe;

use super::{ExportError, Part};
use crate::data::DataSet;
use crate::data::results_view::results_view;

pub(crate) fn write(
    data: &DataSet,
    part: Option<Part>,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    let parts = part.map_or(Part::ALL.to_vec(), |p| vec![p]);
    let mut object = Map::new();
    for part in parts {
        object.insert(part.key().to_string(), value_of(data, part)?);
    }
    write_pretty(out, &Value::Object(object))
}

/// Pretty JSON that is safe on a terminal and still means the same: serde_json escapes
/// C0 controls but writes DEL, C1 and bidi controls as they are, so those are escaped too.
pub fn write_pretty<T: serde::Serialize>(
    out: &mut dyn Write,
    value: &T,
) -> Result<(), ExportError> {
    let text = serde_json::to_string_pretty(value)?;
    writeln!(out, "{}", escape_unsafe(&text))?;
    Ok(())
}

/// Outside strings pretty JSON is ASCII and line feeds, and serde_json escapes C0 inside
/// strings, so every other unsafe character is inside a string, where `\uXXXX` stands for it
/// exactly (they all lie in the Basic Multilingual Plane).
fn escape_unsafe(json: &str) -> std::borrow::Cow<'_, str> {
    let escape = |c: char| c != '\n' && is_unsafe(c);
    if !json.chars().any(escape) {
        return json.into();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if escape(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.into()
}

fn value_of(data: &DataSet, part: Part) -> Result<Value, serde_json::Error> {
    match part {
        Part::Summit => serde_json::to_value(&data.summit),
        Part::Outcomes => serde_json::to_value(&data.outcomes),
        Part::Initiatives => serde_json::to_value(&data.initiatives),
        Part::Meetings => serde_json::to_value(&data.meetings),
        Part::Timeline => serde_json::to_value(&data.timeline),
        Part::Results => serde_json::to_value(results_view(data)),
        Part::Voices => serde_json::to_value(&data.voices),
        Part::Countries => serde_json::to_value(&data.countries),
        Part::Sources => serde_json::to_value(&data.sources),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_are_escaped_and_the_value_survives() {
        let value = serde_json::json!({"t": "a\u{1b}[2J\u{9b}1m\u{202e}b\u{7f}"});
        let mut out = Vec::new();
        write_pretty(&mut out, &value).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.chars().any(|c| c != '\n' && is_unsafe(c)), "{text}");
        assert!(text.contains("\\u009b1m\\u202eb\\u007f"), "{text}");
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value);
    }
}
