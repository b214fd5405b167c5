use serde::{Deserialize, Serialize};

/// One of the summit's eight outcomes (八大成果).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub n: u32,
    /// Exactly as printed.
    pub title: String,
    /// In our own words.
    pub(crate) summary: String,
    #[serde(default)]
    pub(crate) facts: Vec<String>,
    /// Initiative numbers.
    #[serde(default)]
    pub(crate) initiatives: Vec<u32>,
    /// Summit document ids.
    #[serde(default)]
    pub(crate) documents: Vec<String>,
    /// Timeline event ids.
    #[serde(default)]
    pub(crate) events: Vec<String>,
    pub(crate) note: Option<String>,
    pub sources: Vec<String>,
}
