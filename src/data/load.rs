//! Reads the data set, embedded or from a folder, and collects every problem in it.
//!
//! Each file is parsed with error recovery, then each record is deserialized on its own, so
//! that one bad record does not hide the mistakes in the next one.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::de::{DeserializeOwned, IntoDeserializer};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::data::dataset::DataSet;
use crate::data::files::{self, DataFile};
use crate::data::locate::SpanIndex;
use crate::data::problem::{DataErrors, Problem};
use crate::data::validate::{self, Finding, Records, Targets};

/// Where the data comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The copy built into the binary.
    Embedded,
    /// A folder holding the same file set (`--data DIR`).
    Dir(PathBuf),
}

impl Origin {
    pub fn from_option(dir: Option<PathBuf>) -> Self {
        dir.map_or(Origin::Embedded, Origin::Dir)
    }

    /// For people: a folder name may hold control characters, so it is sanitised.
    pub fn describe(&self) -> String {
        match self {
            Origin::Embedded => "embedded data".to_string(),
            Origin::Dir(dir) => crate::text::sanitize(&dir.display().to_string()).into_owned(),
        }
    }
}

/// A loaded data set and what the loader has to say about it (e.g. a file it did not find).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub data: DataSet,
    pub notices: Vec<String>,
}

/// Loading failed: every problem found, and the notices gathered on the way.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{errors}")]
pub struct LoadFailed {
    pub errors: DataErrors,
    pub notices: Vec<String>,
}

pub fn load(origin: &Origin) -> Result<Loaded, LoadFailed> {
    let mut notices = Vec::new();
    let mut problems = Vec::new();
    if let Origin::Dir(dir) = origin
        && !dir.is_dir()
    {
        problems.push(Problem {
            file: display_path(dir),
            position: None,
            field: "(folder)".to_string(),
            message: "not a folder: --data takes a folder holding summit.toml, outcomes.toml, …"
                .to_string(),
        });
        return Err(LoadFailed {
            errors: DataErrors { problems },
            notices,
        });
    }
    let texts: Vec<FileText> = files::ALL
        .iter()
        .filter_map(|file| read(origin, *file, &mut notices, &mut problems))
        .collect();
    check_texts(&texts, notices, problems)
}

/// One file's text and the name it is shown by in problems.
pub struct FileText {
    pub file: DataFile,
    pub display: String,
    pub text: Cow<'static, str>,
}

/// Loads a data set from texts already in memory: the files not among them are missing.
pub fn load_texts(texts: &[FileText]) -> Result<Loaded, LoadFailed> {
    check_texts(texts, Vec::new(), Vec::new())
}

fn check_texts(
    texts: &[FileText],
    notices: Vec<String>,
    mut problems: Vec<Problem>,
) -> Result<Loaded, LoadFailed> {
    let parsed: Vec<Parsed<'_>> = texts
        .iter()
        .map(|t| Parsed::new(t.file, &t.display, &t.text, &mut problems))
        .collect();
    let find = |file: DataFile| parsed.iter().find(|p| p.file.name == file.name);

    let records = Records {
        summit: find(files::SUMMIT).and_then(|p| p.table(&mut problems)),
        outcomes: records_of(find(files::OUTCOMES), &mut problems),
        initiatives: records_of(find(files::INITIATIVES), &mut problems),
        meetings: records_of(find(files::MEETINGS), &mut problems),
        timeline: records_of(find(files::TIMELINE), &mut problems),
        results: records_of(find(files::RESULTS), &mut problems),
        countries: records_of(find(files::COUNTRIES), &mut problems),
        sources: records_of(find(files::SOURCES), &mut problems),
    };
    // Link targets come from the raw files, so a record that failed to deserialize still
    // counts as present and its mistake is not repeated as a dangling link elsewhere.
    let targets = Targets {
        sources: find(files::SOURCES).map(|p| p.raw_keys(&[files::SOURCES.key], "id")),
        countries: find(files::COUNTRIES).map(|p| p.raw_keys(&[files::COUNTRIES.key], "id")),
        meetings: find(files::MEETINGS).map(|p| p.raw_keys(&[files::MEETINGS.key], "id")),
        events: find(files::TIMELINE).map(|p| p.raw_keys(&[files::TIMELINE.key], "id")),
        initiatives: find(files::INITIATIVES).map(|p| p.raw_keys(&[files::INITIATIVES.key], "n")),
        outcomes: find(files::OUTCOMES).map(|p| p.raw_keys(&[files::OUTCOMES.key], "n")),
        documents: find(files::SUMMIT).map(|p| p.raw_keys(&["summit", "documents"], "id")),
    };
    for finding in validate::validate(&records, &targets) {
        match find(finding.file) {
            Some(file) => problems.push(file.locate(finding)),
            None => problems.push(Problem {
                file: finding.file.name.to_string(),
                position: None,
                field: finding.path,
                message: finding.message,
            }),
        }
    }

    problems.sort_by_key(|p| (file_rank(&p.file), p.position));
    if problems.is_empty() {
        Ok(Loaded {
            data: records.into_data_set(),
            notices,
        })
    } else {
        Err(LoadFailed {
            errors: DataErrors { problems },
            notices,
        })
    }
}

/// The embedded data set. It is checked by the test suite, so failure here is a build bug.
pub fn embedded() -> Result<DataSet, LoadFailed> {
    load(&Origin::Embedded).map(|loaded| loaded.data)
}

fn read(
    origin: &Origin,
    file: DataFile,
    notices: &mut Vec<String>,
    problems: &mut Vec<Problem>,
) -> Option<FileText> {
    let dir = match origin {
        Origin::Embedded => {
            return Some(FileText {
                file,
                display: file.name.to_string(),
                text: Cow::Borrowed(file.embedded),
            });
        }
        Origin::Dir(dir) => dir,
    };
    let path = dir.join(file.name);
    let display = display_path(&path);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(FileText {
            file,
            display,
            text: Cow::Owned(text),
        }),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            notices.push(format!(
                "{display}: not found; no {} records are loaded from it",
                file.key
            ));
            None
        }
        Err(err) => {
            problems.push(Problem {
                file: display,
                position: None,
                field: "(file)".to_string(),
                message: format!("cannot read: {err}"),
            });
            None
        }
    }
}

/// Problems are listed file by file, in the order of the file set.
fn file_rank(display: &str) -> usize {
    files::ALL
        .iter()
        .position(|f| display.ends_with(f.name))
        .unwrap_or(files::ALL.len())
}

fn display_path(path: &Path) -> String {
    path.display().to_string()
}

fn records_of<T: DeserializeOwned>(
    parsed: Option<&Parsed<'_>>,
    problems: &mut Vec<Problem>,
) -> Vec<(usize, T)> {
    parsed.map(|p| p.records(problems)).unwrap_or_default()
}

/// One file, parsed, with the index that locates its problems.
struct Parsed<'a> {
    file: DataFile,
    display: &'a str,
    text: &'a str,
    root: Spanned<DeTable<'a>>,
    /// Built only when a problem needs placing: a data set without problems never pays for
    /// naming every value's path.
    index: std::cell::OnceCell<SpanIndex>,
}

impl<'a> Parsed<'a> {
    fn new(file: DataFile, display: &'a str, text: &'a str, problems: &mut Vec<Problem>) -> Self {
        let (root, errors) = DeTable::parse_recoverable(text);
        let parsed = Parsed {
            file,
            display,
            text,
            root,
            index: std::cell::OnceCell::new(),
        };
        for error in errors {
            problems.push(parsed.toml_problem(&error, "(syntax)", 0..0));
        }
        parsed.check_top_level(problems);
        parsed.check_strings(problems);
        parsed
    }

    fn index(&self) -> &SpanIndex {
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
    fn check_strings(&self, problems: &mut Vec<Problem>) {
        let mut path = Vec::new();
        for_each_string(self.root.get_ref(), &mut path, &mut |path, span, text| {
            let message = if let Some(c) = first_control(text) {
                format!("control character U+{:04X} in string", c as u32)
            } else if text.trim().is_empty() {
                "empty string: leave the field out when it is unknown".to_string()
            } else {
                return;
            };
            problems.push(self.problem_at(span, &path_text(path), message));
        });
    }

    fn records<T: DeserializeOwned>(&self, problems: &mut Vec<Problem>) -> Vec<(usize, T)> {
        let key = self.file.key;
        let Some(value) = self.root.get_ref().get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            problems.push(self.problem_at(
                value.span(),
                key,
                format!("expected an array of tables ([[{key}]])"),
            ));
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
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

    fn table<T: DeserializeOwned>(&self, problems: &mut Vec<Problem>) -> Option<T> {
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
    fn raw_keys(&self, keys: &[&str], field: &str) -> HashSet<String> {
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

    fn toml_problem(
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

    fn problem_at(&self, span: std::ops::Range<usize>, field: &str, message: String) -> Problem {
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
    fn locate(&self, finding: Finding) -> Problem {
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
fn first_control(text: &str) -> Option<char> {
    let maybe = text
        .as_bytes()
        .iter()
        .any(|&b| b < 0x20 || b == 0x7f || b == 0xc2);
    if !maybe {
        return None;
    }
    text.chars().find(|c| c.is_control())
}

/// One step of a record path: a key, or a place in an array.
enum Step<'t> {
    Key(&'t str),
    Index(usize),
}

/// `meeting[7].counterpart.country`
fn path_text(steps: &[Step<'_>]) -> String {
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
fn for_each_string<'t>(
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
    }

    fn texts(files: &[(DataFile, &str)]) -> Vec<FileText> {
        files
            .iter()
            .map(|(file, text)| FileText {
                file: *file,
                display: file.name.to_string(),
                text: Cow::Owned(text.to_string()),
            })
            .collect()
    }

    fn problems(files: &[(DataFile, &str)]) -> Vec<String> {
        match load_texts(&texts(files)) {
            Ok(_) => Vec::new(),
            Err(failed) => failed
                .errors
                .problems
                .iter()
                .map(|p| p.to_string())
                .collect(),
        }
    }

    const SOURCES: &str = "[[source]]\nid = \"s\"\nheadline = \"标题\"\n";

    #[test]
    fn a_record_after_a_broken_one_keeps_its_own_index() {
        let meetings = "[[meeting]]\nid = \"a\"\nkind = 1\nsources = [\"s\"]\ncounterpart = { country = \"UZ\" }\n\n\
                        [[meeting]]\nid = \"b\"\nkind = \"会见\"\nsources = [\"t\"]\ncounterpart = { country = \"UZ\" }\n";
        let found = problems(&[(files::MEETINGS, meetings), (files::SOURCES, SOURCES)]);
        assert_eq!(
            found,
            [
                "meetings.toml:3:8: meeting[0].kind: invalid type: integer `1`, expected a string",
                "meetings.toml:10:12: meeting[1].sources[0]: no source \"t\" in sources.toml",
            ]
        );
    }

    #[test]
    fn links_into_a_missing_file_are_not_checked_but_links_into_a_present_one_are() {
        let meeting = "[[meeting]]\nid = \"a\"\nkind = \"会见\"\nsources = [\"s\"]\ncounterpart = { country = \"XX\" }\n";
        assert!(problems(&[(files::MEETINGS, meeting)]).is_empty());
        let countries = "[[country]]\nid = \"UZ\"\nkind = \"country\"\nname_zh = \"乌兹别克斯坦\"\nname_en = \"Uzbekistan\"\nsco_status = \"unknown\"\nsources = [\"s\"]\n";
        let found = problems(&[
            (files::MEETINGS, meeting),
            (files::COUNTRIES, countries),
            (files::SOURCES, SOURCES),
        ]);
        assert_eq!(
            found,
            [
                "meetings.toml:5:27: meeting[0].counterpart.country: no country or organisation \"XX\" in countries.toml"
            ]
        );
    }

    #[test]
    fn the_embedded_data_loads() {
        assert!(embedded().is_ok());
    }
}
