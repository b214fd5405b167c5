use serde::{Deserialize, Serialize};

use crate::data::Lang;
use crate::data::values::{Amount, ClockTime, Date, Qualifier};

/// The summit itself: when, where, who, and what frames it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summit {
    pub(crate) name: String,
    pub(crate) short_name: String,
    pub(crate) name_en: Option<String>,
    pub(crate) city: String,
    pub(crate) venue: String,
    pub start: Date,
    pub end: Date,
    /// A country id.
    pub(crate) host: String,
    pub(crate) summary: String,
    #[serde(default)]
    pub meetings: Vec<SummitMeeting>,
    #[serde(default)]
    pub participants: Vec<Figure>,
    pub chairmanship: Chairmanship,
    pub next: NextSummit,
    #[serde(default)]
    pub figures: Vec<Figure>,
    #[serde(default)]
    pub documents: Vec<Document>,
    /// Leaders and heads of organisations the texts name at the summit, with what they said.
    #[serde(default)]
    pub leaders: Vec<Leader>,
    /// The Global Governance Initiative proposed at the summit.
    pub ggi: Option<Ggi>,
    pub(crate) sources: Vec<String>,
}

/// A leader or head of an organisation at the summit, with the remark the texts report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Leader {
    pub id: String,
    /// As printed, e.g. "普京".
    pub name: String,
    /// As printed, e.g. "总统".
    pub(crate) title: String,
    /// A country or organisation id.
    pub country: String,
    /// What they said or did at the summit, in our words.
    pub(crate) remark: Option<String>,
    /// Short verbatim quotes.
    #[serde(default)]
    pub(crate) quotes: Vec<String>,
    /// Meeting ids with Xi Jinping around the summit.
    #[serde(default)]
    pub(crate) meetings: Vec<String>,
    pub(crate) sources: Vec<String>,
}

/// The Global Governance Initiative: its five core concepts and the reactions the texts report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ggi {
    /// The timeline event of its proposal.
    pub event: String,
    #[serde(default)]
    pub concepts: Vec<GgiConcept>,
    #[serde(default)]
    pub reactions: Vec<GgiReaction>,
    pub(crate) sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GgiConcept {
    /// As Xi Jinping's speech is quoted, e.g. "奉行主权平等".
    pub name: String,
    /// Its place in global governance as the foreign ministry put it, e.g. "首要前提".
    pub(crate) role: Option<String>,
    /// Wang Yi's wording, where it differs.
    pub(crate) wang_yi: Option<String>,
    pub(crate) sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GgiReaction {
    pub(crate) name: String,
    /// Position and organisation, as printed.
    pub(crate) affiliation: String,
    /// A country id.
    pub(crate) country: Option<String>,
    /// In our words.
    pub(crate) remark: String,
    #[serde(default)]
    pub(crate) quotes: Vec<String>,
    pub(crate) sources: Vec<String>,
}

/// One of the two meetings the summit held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummitMeeting {
    pub(crate) name: String,
    pub(crate) date: Date,
    pub(crate) time: Option<ClockTime>,
    #[serde(default)]
    pub(crate) time_approx: bool,
    pub(crate) chaired_by: Option<String>,
    pub(crate) summary: String,
    /// Timeline event ids.
    #[serde(default)]
    pub(crate) events: Vec<String>,
    pub(crate) sources: Vec<String>,
}

/// A number the sources print, with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub(crate) value: Amount,
    pub(crate) unit: String,
    pub(crate) what: String,
    pub(crate) qualifier: Option<Qualifier>,
    /// The figure exactly as printed, e.g. "20多位".
    pub as_printed: String,
    pub(crate) sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chairmanship {
    pub start: Date,
    pub end: Date,
    pub(crate) slogan: Option<String>,
    pub(crate) summary: String,
    pub(crate) sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextSummit {
    pub year: i32,
    /// A country id.
    pub host: String,
    /// The host's name as the sources print it.
    pub(crate) host_name: String,
    pub(crate) slogan: String,
    pub(crate) sources: Vec<String>,
}

/// A document adopted or issued at the summit that the sources name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    /// As printed; or, when `described`, our description of a document the texts do not name.
    pub title: String,
    #[serde(default)]
    pub described: bool,
    pub(crate) kind: DocumentKind,
    /// The timeline event that adopted it, when that is not the Tianjin summit.
    pub event: Option<String>,
    pub(crate) summary: Option<String>,
    pub(crate) sources: Vec<String>,
}

impl Document {
    /// `《title》` for a printed title; a described one without the book-title marks.
    pub fn display_title(&self) -> String {
        self.display_title_in(Lang::Zh)
    }

    /// The title as a language shows a document's name: in English and Russian a printed
    /// title is plain (book-title marks are Chinese punctuation) and a described one says so.
    pub fn display_title_in(&self, lang: Lang) -> String {
        match (lang, self.described) {
            (Lang::Zh, true) => format!("{}（文本未给名称）", self.title),
            (Lang::Zh, false) => format!("《{}》", self.title),
            (Lang::En, true) => format!("{} (not named in the texts)", self.title),
            (Lang::Ru, true) => format!("{} (в текстах не названо)", self.title),
            (Lang::En | Lang::Ru, false) => self.title.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum DocumentKind {
    Declaration,
    Strategy,
    Statement,
    Agreement,
    Plan,
    Programme,
    Initiative,
    Proposal,
}
