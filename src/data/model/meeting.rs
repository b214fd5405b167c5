use serde::{Deserialize, Serialize};

use crate::data::values::{Certainty, Date, TimeOfDay};

/// A meeting or talk of the Chinese president with a foreign leader or the head of an
/// international organisation. Every optional field is absent when the sources do not say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub id: String,
    pub date: Option<Date>,
    /// Whether the texts print the date or it is derived from what they print.
    #[serde(default)]
    pub certainty: Certainty,
    /// How the date was derived, or why it is unknown.
    pub date_note: Option<String>,
    pub(crate) time_of_day: Option<TimeOfDay>,
    pub(crate) city: Option<String>,
    pub(crate) venue: Option<String>,
    /// The verb the source uses: 会见, 会谈, 会晤, …
    pub(crate) kind: String,
    pub(crate) occasion: Option<String>,
    pub counterpart: Counterpart,
    #[serde(default)]
    pub(crate) chinese_side: Vec<String>,
    #[serde(default)]
    pub(crate) counterpart_side: Vec<String>,
    #[serde(default)]
    pub(crate) quotes: Vec<Quote>,
    /// Areas of the documents signed, as printed.
    #[serde(default)]
    pub(crate) documents: Vec<String>,
    pub(crate) documents_note: Option<String>,
    #[serde(default)]
    pub(crate) attendees: Vec<String>,
    /// A remark on the record that is about neither its date nor its documents.
    pub(crate) note: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counterpart {
    pub name: Option<String>,
    pub(crate) title: Option<String>,
    /// A country or organisation id.
    pub country: String,
}

/// A short verbatim quote, attributed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Quote {
    pub(crate) speaker: String,
    pub(crate) text: String,
}
