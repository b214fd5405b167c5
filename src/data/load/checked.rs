//! Checking each file of a data set on its own, the big ones on threads of their own.

use std::collections::HashSet;

use serde::de::DeserializeOwned;

use super::FileText;
use crate::data::files;
use crate::data::glossary::Glossary;
use crate::data::model::{
    Country, Event, Initiative, Meeting, Outcome, Section, Source, Summit, Voice,
};
use crate::data::parsed::Parsed;
use crate::data::problem::Problem;
use crate::data::validate::{Records, Targets};

/// A file bigger than this is parsed and checked on a thread of its own.
pub(super) const THREAD_FROM_BYTES: usize = 64 * 1024;

/// Each file checked on its own ([`check_file`]), the big ones in parallel: loading a data
/// folder 100 times ours was nearly all of the time to the dashboard's first frame, and the
/// files are independent until `validate`. The results are in the order of `texts`, so the
/// problems are in the same order whatever the threads do.
pub(super) fn check_files(
    texts: &[FileText],
    thread_from_bytes: usize,
    glossary: Option<&Glossary>,
) -> Vec<Checked> {
    // The first text of a file is the one loaded; a later one is only parsed.
    let jobs: Vec<(&FileText, bool)> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let first = texts.iter().position(|t| t.file.name == text.file.name);
            (text, first == Some(i))
        })
        .collect();
    let big = |text: &FileText| text.text.len() >= thread_from_bytes;
    in_parallel(
        &jobs,
        |(text, _)| big(text),
        |(text, load)| check_file(text, *load, *load && big(text), glossary),
    )
}

/// `work` done on each of `items`, on a thread of its own for each that is `big` (on this
/// thread if one cannot be started), the results in the order of `items`.
pub(super) fn in_parallel<'i, I: Sync, R: Send>(
    items: &'i [I],
    big: impl Fn(&I) -> bool,
    work: impl Fn(&'i I) -> R + Sync,
) -> Vec<R> {
    let work = &work;
    std::thread::scope(|scope| {
        let jobs: Vec<Result<_, &I>> = items
            .iter()
            .map(|item| {
                if !big(item) {
                    return Err(item);
                }
                std::thread::Builder::new()
                    .name("sco-dash load".to_string())
                    .spawn_scoped(scope, move || work(item))
                    .map_err(|_| item)
            })
            .collect();
        jobs.into_iter()
            .map(|job| match job {
                Ok(thread) => thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(item) => work(item),
            })
            .collect()
    })
}

/// One file, parsed and checked, with the problems found in it in the order found.
pub(super) struct Checked {
    pub(super) problems: Vec<Problem>,
    /// The glossary's variants in its English values (`name_en`).
    pub(super) wording: Vec<Problem>,
    /// Its records and link targets; `None` for a file's second text.
    pub(super) records: Option<FileRecords>,
}

/// The typed records of one file and the keys links into it may point at, read from the raw
/// file so that a record that failed to deserialize still counts as present and its mistake
/// is not repeated as a dangling link elsewhere.
pub(super) enum FileRecords {
    Summit(Option<Box<Summit>>, HashSet<String>),
    Outcomes(Vec<(usize, Outcome)>, HashSet<String>),
    Initiatives(Vec<(usize, Initiative)>, HashSet<String>),
    Meetings(Vec<(usize, Meeting)>, HashSet<String>),
    Timeline(Vec<(usize, Event)>, HashSet<String>),
    Results(Vec<(usize, Section)>),
    Voices(Vec<(usize, Voice)>),
    Countries(Vec<(usize, Country)>, HashSet<String>),
    Sources(Vec<(usize, Source)>, HashSet<String>),
}

impl FileRecords {
    /// `split`: the strings of `parsed` are not checked yet; they are checked here, alongside
    /// the records, on two threads.
    fn read(parsed: &Parsed<'_>, problems: &mut Vec<Problem>, split: bool) -> Option<Self> {
        fn records<T: DeserializeOwned + Send>(
            parsed: &Parsed<'_>,
            problems: &mut Vec<Problem>,
            split: bool,
        ) -> Vec<(usize, T)> {
            if split {
                parsed.check_strings_and_records(problems)
            } else {
                parsed.records(problems)
            }
        }
        let file = parsed.file;
        let keys = |field| parsed.raw_keys(&[file.key], field);
        if split && file.name == files::SUMMIT.name {
            parsed.check_strings(problems);
        }
        Some(match file.name {
            n if n == files::SUMMIT.name => FileRecords::Summit(
                parsed.table(problems).map(Box::new),
                parsed.raw_keys(&["summit", "documents"], "id"),
            ),
            n if n == files::OUTCOMES.name => {
                FileRecords::Outcomes(records(parsed, problems, split), keys("n"))
            }
            n if n == files::INITIATIVES.name => {
                FileRecords::Initiatives(records(parsed, problems, split), keys("n"))
            }
            n if n == files::MEETINGS.name => {
                FileRecords::Meetings(records(parsed, problems, split), keys("id"))
            }
            n if n == files::TIMELINE.name => {
                FileRecords::Timeline(records(parsed, problems, split), keys("id"))
            }
            n if n == files::RESULTS.name => FileRecords::Results(records(parsed, problems, split)),
            n if n == files::VOICES.name => FileRecords::Voices(records(parsed, problems, split)),
            n if n == files::COUNTRIES.name => {
                FileRecords::Countries(records(parsed, problems, split), keys("id"))
            }
            n if n == files::SOURCES.name => {
                FileRecords::Sources(records(parsed, problems, split), keys("id"))
            }
            _ => {
                if split {
                    parsed.check_strings(problems);
                }
                return None;
            }
        })
    }

    pub(super) fn store(self, records: &mut Records, targets: &mut Targets) {
        match self {
            FileRecords::Summit(summit, keys) => {
                records.summit = summit.map(|summit| *summit);
                targets.documents = Some(keys);
            }
            FileRecords::Outcomes(read, keys) => {
                records.outcomes = read;
                targets.outcomes = Some(keys);
            }
            FileRecords::Initiatives(read, keys) => {
                records.initiatives = read;
                targets.initiatives = Some(keys);
            }
            FileRecords::Meetings(read, keys) => {
                records.meetings = read;
                targets.meetings = Some(keys);
            }
            FileRecords::Timeline(read, keys) => {
                records.timeline = read;
                targets.events = Some(keys);
            }
            FileRecords::Results(read) => records.results = read,
            FileRecords::Voices(read) => records.voices = read,
            FileRecords::Countries(read, keys) => {
                records.countries = read;
                targets.countries = Some(keys);
            }
            FileRecords::Sources(read, keys) => {
                records.sources = read;
                targets.sources = Some(keys);
            }
        }
    }
}

/// `load`: read its records and link targets too. `split`: check its strings and read its
/// records on two threads. The parse tree is freed here, on the file's own thread: freeing
/// those of a data folder 100 times ours took the calling thread milliseconds.
fn check_file(text: &FileText, load: bool, split: bool, glossary: Option<&Glossary>) -> Checked {
    let mut problems = Vec::new();
    let parsed = if split {
        Parsed::parse(text.file, &text.display, &text.text, &mut problems)
    } else {
        Parsed::new(text.file, &text.display, &text.text, &mut problems)
    };
    let records = if load {
        FileRecords::read(&parsed, &mut problems, split)
    } else {
        None
    };
    let mut wording = Vec::new();
    if let Some(glossary) = glossary.filter(|_| load) {
        glossary.check(&parsed, false, &mut wording);
    }
    Checked {
        problems,
        wording,
        records,
    }
}
