//! `sco-dash export`: the data set as JSON (the stable interface for scripts), CSV or
//! Markdown.

mod csv;
mod json;
mod markdown;
mod rows;

use std::io::Write;

use crate::data::{DataSet, Lang};

pub use json::write_pretty as write_json;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Markdown,
}

/// One top-level part of the data set; the names are the JSON keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Part {
    Summit,
    Outcomes,
    Initiatives,
    Meetings,
    Timeline,
    Results,
    Voices,
    Countries,
    Sources,
}

impl Part {
    pub(crate) const ALL: [Part; 9] = [
        Part::Summit,
        Part::Outcomes,
        Part::Initiatives,
        Part::Meetings,
        Part::Timeline,
        Part::Results,
        Part::Voices,
        Part::Countries,
        Part::Sources,
    ];

    pub(crate) fn key(self) -> &'static str {
        match self {
            Part::Summit => "summit",
            Part::Outcomes => "outcomes",
            Part::Initiatives => "initiatives",
            Part::Meetings => "meetings",
            Part::Timeline => "timeline",
            Part::Results => "results",
            Part::Voices => "voices",
            Part::Countries => "countries",
            Part::Sources => "sources",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("CSV holds one table: choose one with --section (summit, outcomes, …)")]
    CsvNeedsSection,
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    #[error(transparent)]
    Csv(#[from] ::csv::Error),
}

impl ExportError {
    /// The reader went away (`sco-dash export … | head`): not an error to report.
    pub fn is_broken_pipe(&self) -> bool {
        let kind = match self {
            ExportError::Io(err) => Some(err.kind()),
            ExportError::Json(err) => err.io_error_kind(),
            ExportError::Csv(err) => match err.kind() {
                ::csv::ErrorKind::Io(err) => Some(err.kind()),
                _ => None,
            },
            ExportError::CsvNeedsSection => None,
        };
        kind == Some(std::io::ErrorKind::BrokenPipe)
    }
}

/// `data` is in `lang` (the curated data, or its translation); the language sets the
/// punctuation of the rows that are prose.
pub fn export(
    data: &DataSet,
    lang: Lang,
    format: Format,
    part: Option<Part>,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    match format {
        Format::Json => json::write(data, part, out),
        Format::Csv => csv::write(data, lang, part.ok_or(ExportError::CsvNeedsSection)?, out),
        Format::Markdown => markdown::write(data, lang, part, out),
    }
}
