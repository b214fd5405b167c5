use std::io::Write;

use serde_json::Value;

use super::rows::{Row, Sink, write_part};
use super::{ExportError, Part};
use crate::data::layer::first_cjk;
use crate::data::{DataSet, Lang};
use crate::text::quotes::ru_typography;
use crate::text::sanitize;

pub(crate) fn write(
    data: &DataSet,
    lang: Lang,
    part: Option<Part>,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    if part.is_none() {
        let title = data
            .summit
            .as_ref()
            .map_or("sco-dash data", |s| s.name.as_str());
        writeln!(out, "# {}\n", cell(&typeset(lang, title)))?;
    }
    let mut tables = Tables { out, lang };
    for part in part.map_or(Part::ALL.to_vec(), |p| vec![p]) {
        write_part(data, lang, part, &mut tables)?;
    }
    Ok(())
}

struct Tables<'w> {
    out: &'w mut dyn Write,
    lang: Lang,
}

/// A text as the language sets it in prose: Russian quotes and dashes by Russian typography
/// («…„…“…», a no-break space before a spaced dash); the others, and the Chinese a missing
/// Russian translation leaves in place, as they are.
fn typeset(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Ru if first_cjk(text).is_none() => ru_typography(text),
        Lang::Zh | Lang::En | Lang::Ru => text.to_string(),
    }
}

impl Sink for Tables<'_> {
    fn table<R: Row>(&mut self, part: Part, rows: &[R]) -> Result<(), ExportError> {
        let lang = self.lang;
        let out = &mut self.out;
        writeln!(out, "## {} ({})\n", part.key(), rows.len())?;
        writeln!(out, "| {} |", R::HEADER.join(" | "))?;
        writeln!(out, "|{}", " --- |".repeat(R::HEADER.len()))?;
        for row in rows {
            // A row serialises to an object of its columns, in order (serde_json keeps it).
            let cells: Vec<String> = match serde_json::to_value(row)? {
                Value::Object(columns) => columns
                    .values()
                    .map(|value| cell(&typeset(lang, &text_of(value))))
                    .collect(),
                _ => Vec::new(),
            };
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
        writeln!(out)?;
        Ok(())
    }
}

fn text_of(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// A table cell that cannot break the table (pipes escaped, line breaks folded) nor the
/// terminal (sanitised).
fn cell(text: &str) -> String {
    sanitize(&text.replace(['\n', '\r'], " "))
        .replace('\\', "\\\\")
        .replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_escape_pipes_and_fold_lines() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
    }
}
