//! One TOML file of the data set, parsed with error recovery, and the rules every string in
//! it must keep. Shared by the Chinese files and their English layer, so that both report
//! their problems the same way: `FILE:LINE:COLUMN: FIELD: what is wrong`, sanitised.

use std::collections::HashSet;

use serde::de::{DeserializeOwned, IntoDeserializer};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::data::files::DataFile;
use crate::data::locate::SpanIndex;
use crate::data::problem::Problem;
use crate::data::validate::Finding;

/// One file, parsed, with the index that locates its problems.
pub(super) struct Parsed<'a> {
    pub(super) file: DataFile,
    pub(super) display: &'a str,
    pub(super) text: &'a str,
    pub(super) root: Spanned<DeTable<'a>>,
    /// Built only when a problem needs placing: a data set without problems never pays for
    /// naming every value's path.
    index: std::sync::OnceLock<SpanIndex>,
}

impl<'a> Parsed<'a> {
    pub(super) fn new(
        file: DataFile,
        display: &'a str,
        text: &'a str,
        problems: &mut Vec<Problem>,
    ) -> Self {
        let parsed = Parsed::parse(file, display, text, problems);
        parsed.check_strings(problems);
        parsed
    }

    /// As [`Parsed::new`], without checking the strings: the caller does
    /// ([`Parsed::check_strings`], or [`Parsed::check_strings_and_records`]).
    pub(super) fn parse(
        file: DataFile,
        display: &'a str,
        text: &'a str,
        problems: &mut Vec<Problem>,
    ) -> Self {
        let (root, errors) = DeTable::parse_recoverable(text);
        let parsed = Parsed {
            file,
            display,
            text,
            root,
            index: std::sync::OnceLock::new(),
        };
        for error in errors {
            problems.push(parsed.toml_problem(&error, "(syntax)", 0..0));
        }
        parsed.check_top_level(problems);
        parsed
    }

    pub(super) fn index(&self) -> &SpanIndex {
        self.index
            .get_or_init(|| SpanIndex::new(self.text, &self.root))
    }

    fn check_top_level(&self, problems: &mut Vec<Problem>) {
        for (key, _) in self.root.get_ref().iter() {
            if key.get_ref() != self.file.key {
                problems.push(self.problem_at(
                    key.span(),
                    key.get_ref(),
                    format!(
                        "unknown top-level key `{}`: {} holds only `{}`",
                        key.get_ref(),
                        self.file.name,
                        self.file.key
                    ),
                ));
            }
        }
    }

    /// Rules that hold for every string in every file.
    pub(super) fn check_strings(&self, problems: &mut Vec<Problem>) {
        let mut path = Vec::new();
        for_each_string(self.root.get_ref(), &mut path, &mut |path, span, text| {
            let message = if let Some(c) = first_control(text) {
                format!("control character U+{:04X} in string", c as u32)
            } else if text.chars().all(char::is_whitespace) {
                "empty string: leave the field out when it is unknown".to_string()
            } else {
                return;
            };
            problems.push(self.problem_at(span, &path_text(path), message));
        });
    }

    pub(super) fn records<T: DeserializeOwned>(
        &self,
        problems: &mut Vec<Problem>,
    ) -> Vec<(usize, T)> {
        match self.items(problems) {
            Some(items) => self.deserialize(items, 0, problems),
            None => Vec::new(),
        }
    }

    /// [`Parsed::check_strings`] then [`Parsed::records`], with the same problems in the same
    /// order, on two threads: the string check and the second half of the records on another.
    /// For the biggest files of a data folder, whose threads were the last to finish.
    pub(super) fn check_strings_and_records<T: DeserializeOwned + Send>(
        &self,
        problems: &mut Vec<Problem>,
    ) -> Vec<(usize, T)> {
        let items = match self.root.get_ref().get(self.file.key).map(|v| v.get_ref()) {
            Some(DeValue::Array(items)) => items,
            _ => {
                self.check_strings(problems);
                return self.records(problems);
            }
        };
        let (first, second) = items.split_at(items.len() / 2);
        // Copy: run here should no thread start.
        let other = || {
            let mut found = Vec::new();
            self.check_strings(&mut found);
            let strings = found.len();
            let records = self.deserialize(second, first.len(), &mut found);
            (records, found, strings)
        };
        std::thread::scope(|scope| {
            let thread = std::thread::Builder::new()
                .name("sco-dash records".to_string())
                .spawn_scoped(scope, other);
            let mut in_first = Vec::new();
            let mut records = self.deserialize(first, 0, &mut in_first);
            let (rest, mut found, strings) = match thread {
                Ok(thread) => thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(_) => other(),
            };
            let in_second = found.split_off(strings);
            problems.extend(found);
            problems.extend(in_first);
            problems.extend(in_second);
            records.extend(rest);
            records
        })
    }

    /// The records under the file's key; a problem if they are not an array.
    fn items(&self, problems: &mut Vec<Problem>) -> Option<&[Spanned<DeValue<'a>>]> {
        let key = self.file.key;
        let value = self.root.get_ref().get(key)?;
        let DeValue::Array(items) = value.get_ref() else {
            problems.push(self.problem_at(
                value.span(),
                key,
                format!("expected an array of tables ([[{key}]])"),
            ));
            return None;
        };
        Some(items)
    }

    /// `items`, the records from index `first` on, each deserialised on its own.
    fn deserialize<T: DeserializeOwned>(
        &self,
        items: &[Spanned<DeValue<'a>>],
        first: usize,
        problems: &mut Vec<Problem>,
    ) -> Vec<(usize, T)> {
        let key = self.file.key;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| (first + i, item))
            .filter_map(|(i, item)| {
                T::deserialize(item.clone().into_deserializer())
                    .map_err(|error| {
                        problems.push(self.toml_problem(
                            &error,
                            &format!("{key}[{i}]"),
                            item.span(),
                        ))
                    })
                    .ok()
                    .map(|record| (i, record))
            })
            .collect()
    }

    pub(super) fn table<T: DeserializeOwned>(&self, problems: &mut Vec<Problem>) -> Option<T> {
        let key = self.file.key;
        let Some(value) = self.root.get_ref().get(key) else {
            problems.push(Problem {
                file: self.display.to_string(),
                position: Some((1, 1)),
                field: key.to_string(),
                message: format!("missing table [{key}]"),
            });
            return None;
        };
        T::deserialize(value.clone().into_deserializer())
            .map_err(|error| problems.push(self.toml_problem(&error, key, value.span())))
            .ok()
    }

    /// The values of `field` in the records under `keys` (a top-level array, or an array
    /// inside a top-level table), as text.
    pub(super) fn raw_keys(&self, keys: &[&str], field: &str) -> HashSet<String> {
        let mut value = None;
        let mut table = Some(self.root.get_ref());
        for key in keys {
            value = table.and_then(|t| t.get(*key));
            table = value.and_then(|v| v.get_ref().as_table());
        }
        let Some(DeValue::Array(items)) = value.map(|v| v.get_ref()) else {
            return HashSet::new();
        };
        items
            .iter()
            .filter_map(|item| item.get_ref().as_table()?.get(field))
            .filter_map(|v| match v.get_ref() {
                DeValue::String(s) => Some(s.to_string()),
                DeValue::Integer(i) => Some(i.as_str().replace('_', "")),
                _ => None,
            })
            .collect()
    }

    pub(super) fn toml_problem(
        &self,
        error: &toml::de::Error,
        fallback_field: &str,
        fallback_span: std::ops::Range<usize>,
    ) -> Problem {
        let span = error.span().unwrap_or(fallback_span);
        let mut field = self
            .index()
            .path_at(span.start)
            .unwrap_or(fallback_field)
            .to_string();
        let message = error.message().trim().to_string();
        if let Some(missing) = message
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
        {
            field = format!("{field}.{missing}");
        }
        self.problem_at(span, &field, message)
    }

    pub(super) fn problem_at(
        &self,
        span: std::ops::Range<usize>,
        field: &str,
        message: String,
    ) -> Problem {
        // An empty key (`= 1`) has an empty path; name the place instead of printing nothing.
        let field = if field.is_empty() {
            "(top level)"
        } else {
            field
        };
        Problem {
            file: self.display.to_string(),
            position: Some(self.index().position(self.text, span.start)),
            field: field.to_string(),
            message,
        }
    }

    /// Places a validation finding at its path, or at the nearest enclosing one.
    pub(super) fn locate(&self, finding: Finding) -> Problem {
        let mut path = finding.path.as_str();
        let span = loop {
            if let Some(span) = self.index().span_of(path) {
                break Some(span);
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None => break None,
            }
        };
        Problem {
            file: self.display.to_string(),
            position: span.map(|s| self.index().position(self.text, s.start)),
            field: finding.path,
            message: finding.message,
        }
    }
}

/// The first control character (C0, DEL or C1) in `text`. Most strings hold none, and a
/// byte scan says so without decoding: C0 and DEL are single bytes, and C1 starts with 0xC2.
pub(super) fn first_control(text: &str) -> Option<char> {
    if !may_hold_control(text.as_bytes()) {
        return None;
    }
    text.chars().find(|c| c.is_control())
}

/// Whether `bytes` hold a C0 byte, DEL or 0xC2. Every string of a data folder is scanned
/// (a fifth of loading one 100 times ours, byte by byte); without a branch per byte, the
/// compiler turns the scan into vector instructions. Strings are short: stopping at the
/// first suspect byte would not pay.
fn may_hold_control(bytes: &[u8]) -> bool {
    bytes.iter().fold(false, |any, &b| {
        any | (b < 0x20) | (b == 0x7f) | (b == 0xc2)
    })
}

/// One step of a record path: a key, or a place in an array.
pub(super) enum Step<'t> {
    Key(&'t str),
    Index(usize),
}

/// `meeting[7].counterpart.country`
pub(super) fn path_text(steps: &[Step<'_>]) -> String {
    let mut text = String::new();
    for step in steps {
        match step {
            Step::Key(key) if text.is_empty() => text.push_str(key),
            Step::Key(key) => {
                text.push('.');
                text.push_str(key);
            }
            Step::Index(i) => text.push_str(&format!("[{i}]")),
        }
    }
    text
}

/// Visits every string value with the steps to it (named only when a visit needs the name).
pub(super) fn for_each_string<'t>(
    table: &'t DeTable<'_>,
    path: &mut Vec<Step<'t>>,
    visit: &mut impl FnMut(&[Step<'t>], std::ops::Range<usize>, &str),
) {
    for (key, value) in table.iter() {
        path.push(Step::Key(key.get_ref()));
        for_each_value_string(value, path, visit);
        path.pop();
    }
}

fn for_each_value_string<'t>(
    value: &'t Spanned<DeValue<'_>>,
    path: &mut Vec<Step<'t>>,
    visit: &mut impl FnMut(&[Step<'t>], std::ops::Range<usize>, &str),
) {
    match value.get_ref() {
        DeValue::String(s) => visit(path, value.span(), s.as_ref()),
        DeValue::Table(table) => for_each_string(table, path, visit),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                for_each_value_string(item, path, visit);
                path.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_by_the_byte_scan_or_not_at_all() {
        assert_eq!(first_control("天津 · 峰会"), None);
        assert_eq!(first_control("a\u{1b}b"), Some('\u{1b}'));
        assert_eq!(first_control("x\u{9b}y"), Some('\u{9b}'));
        assert_eq!(first_control("del\u{7f}"), Some('\u{7f}'));
        assert_eq!(first_control("tab\t"), Some('\t'));
        // In a block of the scan, in its remainder, and at each end of a block.
        let long = "天津峰会".repeat(20);
        assert_eq!(first_control(&long), None);
        assert_eq!(first_control(&format!("{long}·")), None);
        for at in [0, 1, 31, 32, 33, 63, 64, long.len()] {
            let (a, b) = long.as_bytes().split_at(at);
            let a = String::from_utf8_lossy(a).replace('\u{fffd}', "x");
            let b = String::from_utf8_lossy(b).replace('\u{fffd}', "x");
            for c in ['\u{0}', '\u{1f}', '\u{7f}', '\u{80}', '\u{9f}'] {
                assert_eq!(first_control(&format!("{a}{c}{b}")), Some(c), "{at} {c:?}");
            }
        }
    }
}
