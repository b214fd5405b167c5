//! Reads the data set, embedded or from a folder, and collects every problem in it.
//!
//! Each file is parsed with error recovery, then each record is deserialized on its own, so
//! that one bad record does not hide the mistakes in the next one.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::data::dataset::DataSet;
use crate::data::english::{self, FileCoverage, Translations};
use crate::data::files::{self, DataFile};
use crate::data::lang::Lang;
use crate::data::parsed::Parsed;
use crate::data::problem::{DataErrors, Problem};
use crate::data::validate::{self, Records, Targets};

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
    /// The curated (Chinese) data set.
    pub data: DataSet,
    /// Its English layer, checked against it; empty when `english_later`.
    pub english: Translations,
    /// The English layer is the embedded one, not read yet (see [`load_deferred`]): it is
    /// read the first time English is needed.
    pub english_later: bool,
    pub notices: Vec<String>,
}

impl Loaded {
    /// The data set as a reader of `lang` reads it: the curated data, or its translation.
    pub fn in_lang(&self, lang: Lang) -> DataSet {
        match lang {
            Lang::Zh => self.data.clone(),
            Lang::En => english::translate(&self.data, &self.translations()),
        }
    }

    /// How much of each file the English layer translates.
    pub fn coverage(&self) -> Vec<FileCoverage> {
        english::coverage(&self.data, &self.translations())
    }

    /// The English layer, read now if it was left for later.
    pub fn translations(&self) -> Cow<'_, Translations> {
        if self.english_later {
            Cow::Owned(english::source::embedded())
        } else {
            Cow::Borrowed(&self.english)
        }
    }
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
    let english = english::source::texts(origin, &mut problems);
    check_texts(&texts, &english, notices, problems)
}

/// As [`load`], except that the embedded data's English layer is not read: it is read the
/// first time English is needed (`Loaded::english_later`), not before the dashboard's first
/// frame. It is checked by the test suite like the rest of the embedded data; a folder's
/// English layer is read and checked here, so that its problems come before the dashboard.
pub fn load_deferred(origin: &Origin) -> Result<Loaded, LoadFailed> {
    if *origin != Origin::Embedded {
        return load(origin);
    }
    // Loading was most of the dashboard's start-up: the embedded files are read in the form
    // build.rs gave them, unchecked, as the test suite checks them and that this form reads
    // as the same data set (`preparsed_is_the_embedded_data`). Should it not read, the TOML
    // is loaded, so that its problems are reported.
    if let Some(data) = preparsed() {
        return Ok(Loaded {
            data,
            english: Translations::default(),
            english_later: true,
            notices: Vec::new(),
        });
    }
    let mut notices = Vec::new();
    let mut problems = Vec::new();
    let texts: Vec<FileText> = files::ALL
        .iter()
        .filter_map(|file| read(origin, *file, &mut notices, &mut problems))
        .collect();
    let mut loaded = check_texts(&texts, &[], notices, problems)?;
    loaded.english_later = true;
    Ok(loaded)
}

/// The embedded data set from the JSON that build.rs made of it, if every file has one that
/// reads.
fn preparsed() -> Option<DataSet> {
    fn read<T: DeserializeOwned>(file: DataFile) -> Option<T> {
        serde_json::from_str(files::preparsed(file)?).ok()
    }
    Some(DataSet {
        summit: Some(read(files::SUMMIT)?),
        outcomes: read(files::OUTCOMES)?,
        initiatives: read(files::INITIATIVES)?,
        meetings: read(files::MEETINGS)?,
        timeline: read(files::TIMELINE)?,
        results: read(files::RESULTS)?,
        countries: read(files::COUNTRIES)?,
        sources: read(files::SOURCES)?,
    })
}

/// One file's text and the name it is shown by in problems.
pub struct FileText {
    pub file: DataFile,
    pub display: String,
    pub text: Cow<'static, str>,
}

/// Loads a data set from texts already in memory: the files not among them are missing, and
/// it has no English layer.
pub fn load_texts(texts: &[FileText]) -> Result<Loaded, LoadFailed> {
    check_texts(texts, &[], Vec::new(), Vec::new())
}

/// Loads a data set and its English layer from texts in memory. An English text's `file` is
/// the Chinese file it translates; its `display` names it in problems (`en/summit.toml`).
pub fn load_layers(texts: &[FileText], english: &[FileText]) -> Result<Loaded, LoadFailed> {
    check_texts(texts, english, Vec::new(), Vec::new())
}

fn check_texts(
    texts: &[FileText],
    english: &[FileText],
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
    let data = records.into_data_set();
    let chinese = problems.is_empty().then_some(&data);
    let english = english::source::check(english, chinese, &mut problems);
    if problems.is_empty() {
        Ok(Loaded {
            data,
            english,
            english_later: false,
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

/// The embedded data set as a reader of `lang` reads it.
pub fn embedded_in(lang: Lang) -> Result<DataSet, LoadFailed> {
    load(&Origin::Embedded).map(|loaded| loaded.in_lang(lang))
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

#[cfg(test)]
mod tests {
    use super::*;

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

    /// The dashboard starts on the JSON form of the embedded files, unchecked: it must read
    /// as exactly what the checked TOML reads as, or a TOML edit that the conversion mis-reads
    /// would reach the dashboard unnoticed.
    #[test]
    fn preparsed_is_the_embedded_data() {
        let full = match load(&Origin::Embedded) {
            Ok(loaded) => loaded.data,
            Err(failed) => panic!("the embedded data has problems:\n{}", failed.errors),
        };
        for file in files::ALL {
            assert!(
                files::preparsed(file).is_some(),
                "no JSON for {}",
                file.name
            );
        }
        let preparsed = preparsed().expect("the JSON form of the embedded data reads");
        assert_eq!(preparsed, full);
        let deferred = load_deferred(&Origin::Embedded).expect("the embedded data loads");
        assert_eq!(deferred.data, full);
        assert!(deferred.english_later);
        assert_eq!(deferred.english, Translations::default());
        assert!(deferred.notices.is_empty());
    }
}
