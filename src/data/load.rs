//! Reads the data set, embedded or from a folder, and collects every problem in it.
//!
//! Each file is parsed with error recovery, then each record is deserialized on its own, so
//! that one bad record does not hide the mistakes in the next one.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::data::dataset::DataSet;
use crate::data::files::{self, DataFile};
use crate::data::glossary::{self, Glossary};
use crate::data::lang::Lang;
use crate::data::layer::{self, FileCoverage, Layers, Translations};
use crate::data::parsed::Parsed;
use crate::data::problem::{DataErrors, Problem};
use crate::data::validate::{self, Records, Targets};

mod checked;
use checked::{THREAD_FROM_BYTES, check_files, in_parallel};

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
    /// Its layers (English, Russian), checked against it; empty when `layers_later`.
    pub layers: Layers,
    /// The layers are the embedded ones, not read yet (see [`load_deferred`]): each is read
    /// the first time its language is needed.
    pub layers_later: bool,
    pub notices: Vec<String>,
}

impl Loaded {
    /// The data set as a reader of `lang` reads it: the curated data, or its translation.
    pub fn in_lang(&self, lang: Lang) -> DataSet {
        match self.translations(lang) {
            None => self.data.clone(),
            Some(layer) => layer::translate(&self.data, &layer),
        }
    }

    /// How much of each file `lang`'s layer translates; nothing for Chinese.
    pub fn coverage(&self, lang: Lang) -> Vec<FileCoverage> {
        self.translations(lang)
            .map(|layer| layer::coverage(&self.data, &layer))
            .unwrap_or_default()
    }

    /// `lang`'s layer, read now if it was left for later; none for Chinese.
    pub fn translations(&self, lang: Lang) -> Option<Cow<'_, Translations>> {
        let layer = self.layers.get(lang)?;
        Some(if self.layers_later {
            Cow::Owned(layer::source::embedded(lang))
        } else {
            Cow::Borrowed(layer)
        })
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
    let texts = read_all(origin, &mut notices, &mut problems);
    let layers: Vec<(Lang, Vec<FileText>)> = Lang::LAYERED
        .into_iter()
        .map(|lang| (lang, layer::source::texts(origin, lang, &mut problems)))
        .collect();
    let layers: Vec<(Lang, &[FileText])> = layers
        .iter()
        .map(|(lang, texts)| (*lang, texts.as_slice()))
        .collect();
    let glossary = glossary::text(origin, &mut problems);
    check_texts(&texts, &layers, glossary.as_ref(), notices, problems)
}

/// As [`load`], except that the embedded data's layers are not read: each is read the first
/// time its language is needed (`Loaded::layers_later`), not before the dashboard's first
/// frame. They are checked by the test suite like the rest of the embedded data; a folder's
/// layers are read and checked here, so that their problems come before the dashboard.
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
            layers: Layers::default(),
            layers_later: true,
            notices: Vec::new(),
        });
    }
    let mut notices = Vec::new();
    let mut problems = Vec::new();
    let texts = read_all(origin, &mut notices, &mut problems);
    let mut loaded = check_texts(&texts, &[], None, notices, problems)?;
    loaded.layers_later = true;
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
        voices: read(files::VOICES)?,
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
/// it has no layers.
pub fn load_texts(texts: &[FileText]) -> Result<Loaded, LoadFailed> {
    check_texts(texts, &[], None, Vec::new(), Vec::new())
}

/// Loads a data set and its layers from texts in memory, each layer's texts under its
/// language. A layer text's `file` is the Chinese file it translates; its `display` names it
/// in problems (`en/summit.toml`).
pub fn load_layers(
    texts: &[FileText],
    layers: &[(Lang, &[FileText])],
) -> Result<Loaded, LoadFailed> {
    check_texts(texts, layers, None, Vec::new(), Vec::new())
}

/// `glossary`: the glossary to check the English values against, if any.
fn check_texts(
    texts: &[FileText],
    layer_texts: &[(Lang, &[FileText])],
    glossary: Option<&FileText>,
    notices: Vec<String>,
    mut problems: Vec<Problem>,
) -> Result<Loaded, LoadFailed> {
    // A wrong term is a problem of wording, not of the records: it does not keep the English
    // layer from being checked against the Chinese records.
    let mut wording = Vec::new();
    let glossary: Option<Glossary> = glossary.map(|text| glossary::read(text, &mut wording));
    let mut records = Records::default();
    let mut targets = Targets::default();
    for checked in check_files(texts, THREAD_FROM_BYTES, glossary.as_ref()) {
        problems.extend(checked.problems);
        wording.extend(checked.wording);
        if let Some(file) = checked.records {
            file.store(&mut records, &mut targets);
        }
    }
    // A file's parse tree was freed on its own thread: placing a finding in it parses the file
    // again, which only a data set with mistakes does.
    let mut parsed: Vec<Option<Parsed<'_>>> = texts.iter().map(|_| None).collect();
    for finding in validate::validate(&records, &targets) {
        match texts.iter().position(|t| t.file.name == finding.file.name) {
            Some(i) => {
                let text = &texts[i];
                let file = parsed[i].get_or_insert_with(|| {
                    Parsed::parse(text.file, &text.display, &text.text, &mut Vec::new())
                });
                problems.push(file.locate(finding));
            }
            None => problems.push(Problem {
                file: finding.file.name.to_string(),
                position: None,
                field: finding.path,
                message: finding.message,
            }),
        }
    }

    let data = records.into_data_set();
    let chinese = problems.is_empty().then_some(&data);
    problems.extend(wording);
    problems.sort_by_key(|p| (file_rank(&p.file), p.position));
    let mut layers = Layers::default();
    for (lang, texts) in layer_texts {
        // The glossary's canonical forms and variants are English.
        let glossary = glossary.as_ref().filter(|_| *lang == Lang::En);
        layers.set(layer::source::check(
            *lang,
            texts,
            chinese,
            glossary,
            &mut problems,
        ));
    }
    if problems.is_empty() {
        Ok(Loaded {
            data,
            layers,
            layers_later: false,
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

/// What reading one file of the set gave.
enum Read {
    Text(FileText),
    Notice(String),
    Problem(Problem),
}

/// The files of the set that can be read; a notice for each that does not exist, a problem
/// for each that cannot be read. Reading a file checks that it is UTF-8, a tenth of loading a
/// data folder 100 times ours: the big files are read in parallel.
fn read_all(
    origin: &Origin,
    notices: &mut Vec<String>,
    problems: &mut Vec<Problem>,
) -> Vec<FileText> {
    let big = |file: &DataFile| match origin {
        Origin::Embedded => false,
        Origin::Dir(dir) => std::fs::metadata(dir.join(file.name))
            .is_ok_and(|meta| meta.len() >= THREAD_FROM_BYTES as u64),
    };
    let mut texts = Vec::new();
    for read in in_parallel(&files::ALL, big, |file| read(origin, *file)) {
        match read {
            Read::Text(text) => texts.push(text),
            Read::Notice(notice) => notices.push(notice),
            Read::Problem(problem) => problems.push(problem),
        }
    }
    texts
}

fn read(origin: &Origin, file: DataFile) -> Read {
    let dir = match origin {
        Origin::Embedded => {
            return Read::Text(FileText {
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
        Ok(text) => Read::Text(FileText {
            file,
            display,
            text: Cow::Owned(text),
        }),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Read::Notice(format!(
            "{display}: not found; no {} records are loaded from it",
            file.key
        )),
        Err(err) => Read::Problem(Problem {
            file: display,
            position: None,
            field: "(file)".to_string(),
            message: format!("cannot read: {err}"),
        }),
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

    #[test]
    fn problems_come_in_the_same_order_with_or_without_threads() {
        let mut texts = crate::data::scale::scaled_texts(3).expect("the scaled data parses");
        for text in &mut texts {
            // Broken records, a control character and an empty string in each half of
            // every file.
            let broken = format!(
                "[[{key}]]\nid = 2\nnote = \"\"\n\n{}\n[[{key}]]\nid = 1\nnote = \"a\\u0007\"\nsources = [\"\"]\n",
                text.text,
                key = text.file.key
            );
            text.text = Cow::Owned(broken);
        }
        // A second copy of a file is parsed, not loaded.
        texts.push(FileText {
            file: files::MEETINGS,
            display: "again/meetings.toml".to_string(),
            text: Cow::Borrowed("[[meeting]]\nid = \"\"\n"),
        });
        let problems = |thread_from_bytes| -> Vec<Vec<Problem>> {
            check_files(&texts, thread_from_bytes, None)
                .into_iter()
                .zip(&texts)
                .map(|(checked, text)| {
                    assert_eq!(
                        checked.records.is_some(),
                        text.display != "again/meetings.toml"
                    );
                    checked.problems
                })
                .collect()
        };
        let alone = problems(usize::MAX);
        assert!(alone.iter().all(|found| !found.is_empty()), "{alone:#?}");
        assert_eq!(problems(0), alone);
        assert_eq!(problems(THREAD_FROM_BYTES), alone);
    }

    #[test]
    fn a_big_file_read_on_a_thread_is_reported_as_one_read_here() {
        let dir = std::env::temp_dir().join(format!("sco-dash-load-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for file in files::ALL {
            std::fs::write(dir.join(file.name), file.embedded).unwrap();
        }
        std::fs::remove_file(dir.join(files::MEETINGS.name)).unwrap();
        let mut not_utf8 = files::TIMELINE.embedded.repeat(2).into_bytes();
        not_utf8.push(0xff);
        assert!(not_utf8.len() >= THREAD_FROM_BYTES);
        std::fs::write(dir.join(files::TIMELINE.name), not_utf8).unwrap();
        let failed = load(&Origin::Dir(dir.clone())).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        let timeline = display_path(&dir.join(files::TIMELINE.name));
        let meetings = display_path(&dir.join(files::MEETINGS.name));
        assert_eq!(
            failed.errors.problems,
            [Problem {
                file: timeline,
                position: None,
                field: "(file)".to_string(),
                message: "cannot read: stream did not contain valid UTF-8".to_string(),
            }]
        );
        assert_eq!(
            failed.notices,
            [format!(
                "{meetings}: not found; no meeting records are loaded from it"
            )]
        );
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
        assert!(deferred.layers_later);
        assert_eq!(deferred.layers, Layers::default());
        assert!(deferred.notices.is_empty());
    }
}
