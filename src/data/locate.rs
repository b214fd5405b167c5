//! Turns byte spans into line and column, and record paths (`meeting[7].date`) into spans
//! and back, so that every problem can be shown where it is in the file.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// The places of one parsed file: every key and value with its record path.
pub(crate) struct SpanIndex {
    entries: Vec<(Range<usize>, String)>,
    line_starts: Vec<usize>,
    text_len: usize,
}

impl SpanIndex {
    pub(crate) fn new(text: &str, root: &Spanned<DeTable<'_>>) -> Self {
        let mut entries = Vec::new();
        walk_table(root.get_ref(), "", &mut entries);
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SpanIndex {
            entries,
            line_starts,
            text_len: text.len(),
        }
    }

    /// 1-based line and column (counted in characters) of a byte offset.
    pub(crate) fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text_len);
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line.saturating_sub(1)];
        let column = text
            .get(start..offset)
            .map_or(offset - start, |prefix| prefix.chars().count());
        (line, column + 1)
    }

    /// The span of a value by its path, e.g. `meeting[7].date`.
    pub(crate) fn span_of(&self, path: &str) -> Option<Range<usize>> {
        self.entries
            .iter()
            .find(|(_, p)| p == path)
            .map(|(span, _)| span.clone())
    }

    /// The innermost path whose span holds `offset`. An array element's span is its
    /// `[[header]]`, the same as the array's, so among equal spans the deeper path (recorded
    /// later) wins.
    pub(crate) fn path_at(&self, offset: usize) -> Option<&str> {
        self.entries
            .iter()
            .rev()
            // Inclusive of the end: an unterminated value is reported just past it.
            .filter(|(span, _)| span.start <= offset && offset <= span.end)
            .min_by_key(|(span, _)| span.len())
            .map(|(_, path)| path.as_str())
    }
}

fn walk_table(table: &DeTable<'_>, prefix: &str, out: &mut Vec<(Range<usize>, String)>) {
    for (key, value) in table.iter() {
        let path = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        walk_value(value, &path, out);
        out.push((key.span(), path));
    }
}

fn walk_value(value: &Spanned<DeValue<'_>>, path: &str, out: &mut Vec<(Range<usize>, String)>) {
    // The value's own span comes first so that `span_of` points at the value, not the key.
    out.push((value.span(), path.to_string()));
    match value.get_ref() {
        DeValue::Table(table) => walk_table(table, path, out),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk_value(item, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "a = 1\ntitle = \"天津\" x\n";
        let (root, _) = DeTable::parse_recoverable(text);
        let index = SpanIndex::new(text, &root);
        let offset = text.find('x').unwrap_or_default();
        assert_eq!(index.position(text, offset), (2, 14));
        assert_eq!(index.position(text, 0), (1, 1));
    }

    #[test]
    fn paths_name_array_elements_and_nested_keys() {
        let text = "[[meeting]]\nid = \"a\"\n[[meeting]]\nid = \"b\"\n[meeting.counterpart]\ncountry = \"UZ\"\n";
        let (root, errors) = DeTable::parse_recoverable(text);
        assert!(errors.is_empty());
        let index = SpanIndex::new(text, &root);
        let span = index.span_of("meeting[1].counterpart.country");
        assert_eq!(span.map(|s| &text[s]), Some("\"UZ\""));
        let offset = text.rfind("\"b\"").unwrap_or_default();
        assert_eq!(index.path_at(offset), Some("meeting[1].id"));
    }
}
