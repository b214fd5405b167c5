use serde::{Deserialize, Serialize};

use crate::data::values::{Amount, ClockTime, Date, Qualifier};

/// The summit itself: when, where, who, and what frames it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summit {
    pub name: String,
    pub short_name: String,
    pub name_en: Option<String>,
    pub city: String,
    pub venue: String,
    pub start: Date,
    pub end: Date,
    /// A country id.
    pub host: String,
    pub summary: String,
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
    pub sources: Vec<String>,
}

/// A leader or head of an organisation at the summit, with the remark the texts report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Leader {
    pub id: String,
    /// As printed, e.g. "普京".
    pub name: String,
    /// As printed, e.g. "总统".
    pub title: String,
    /// A country or organisation id.
    pub country: String,
    /// What they said or did at the summit, in our words.
    pub remark: Option<String>,
    /// Short verbatim quotes.
    #[serde(default)]
    pub quotes: Vec<String>,
    /// Meeting ids with Xi Jinping around the summit.
    #[serde(default)]
    pub meetings: Vec<String>,
    pub sources: Vec<String>,
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
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GgiConcept {
    /// As Xi Jinping's speech is quoted, e.g. "奉行主权平等".
    pub name: String,
    /// Its place in global governance as the foreign ministry put it, e.g. "首要前提".
    pub role: Option<String>,
    /// Wang Yi's wording, where it differs.
    pub wang_yi: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GgiReaction {
    pub name: String,
    /// Position and organisation, as printed.
    pub affiliation: String,
    /// A country id.
    pub country: Option<String>,
    /// In our words.
    pub remark: String,
    #[serde(default)]
    pub quotes: Vec<String>,
    pub sources: Vec<String>,
}

/// One of the two meetings the summit held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummitMeeting {
    pub name: String,
    pub date: Date,
    pub time: Option<ClockTime>,
    #[serde(default)]
    pub time_approx: bool,
    pub chaired_by: Option<String>,
    pub summary: String,
    /// Timeline event ids.
    #[serde(default)]
    pub events: Vec<String>,
    pub sources: Vec<String>,
}

/// A number the sources print, with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub value: Amount,
    pub unit: String,
    pub what: String,
    pub qualifier: Option<Qualifier>,
    /// The figure exactly as printed, e.g. "20多位".
    pub as_printed: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chairmanship {
    pub start: Date,
    pub end: Date,
    pub slogan: Option<String>,
    pub summary: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextSummit {
    pub year: i32,
    /// A country id.
    pub host: String,
    /// The host's name as the sources print it.
    pub host_name: String,
    pub slogan: String,
    pub sources: Vec<String>,
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
    pub kind: DocumentKind,
    /// The timeline event that adopted it, when that is not the Tianjin summit.
    pub event: Option<String>,
    pub summary: Option<String>,
    pub sources: Vec<String>,
}

impl Document {
    /// `《title》` for a printed title; a described one without the book-title marks.
    pub fn display_title(&self) -> String {
        if self.described {
            format!("{}（文本未给名称）", self.title)
        } else {
            format!("《{}》", self.title)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    Declaration,
    Strategy,
    Statement,
    Agreement,
    Plan,
    Programme,
    Initiative,
    Proposal,
}

impl DocumentKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            DocumentKind::Declaration => "宣言",
            DocumentKind::Strategy => "战略",
            DocumentKind::Statement => "声明",
            DocumentKind::Agreement => "协定",
            DocumentKind::Plan => "行动计划",
            DocumentKind::Programme => "纲要",
            DocumentKind::Initiative => "倡议",
            DocumentKind::Proposal => "建议",
        }
    }
}
