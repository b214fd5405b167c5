use serde::{Deserialize, Serialize};

use crate::data::values::{Certainty, PartialDate};

/// Who said what: a speaker's words on one occasion, in our own words (`said`) and in short
/// verbatim quotes, dated as precisely as the sources allow (as a timeline event is).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voice {
    pub id: String,
    /// As printed: a name, an office (商务部有关负责人) or a country speaking as a whole.
    pub speaker: String,
    /// As printed; absent when the texts print none.
    pub role: Option<String>,
    /// A country or organisation id.
    pub country: String,
    pub date: PartialDate,
    /// Whether the texts print the date or it is derived from what they print.
    #[serde(default)]
    pub certainty: Certainty,
    /// How a derived date was worked out, from which statements (shown to users).
    pub date_note: Option<String>,
    pub place: Option<String>,
    /// What they said, in our own words.
    pub said: String,
    /// Short verbatim strings, as printed.
    #[serde(default)]
    pub quotes: Vec<String>,
    /// The timeline event they spoke at.
    pub event: Option<String>,
    /// The meeting they spoke at.
    pub meeting: Option<String>,
    pub sources: Vec<String>,
}
