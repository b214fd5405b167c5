use serde::{Deserialize, Serialize};

/// One of the summit's eight outcomes (八大成果).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub n: u32,
    /// Exactly as printed.
    pub title: String,
    /// In our own words.
    pub summary: String,
    #[serde(default)]
    pub facts: Vec<String>,
    /// Initiative numbers.
    #[serde(default)]
    pub initiatives: Vec<u32>,
    /// Summit document ids.
    #[serde(default)]
    pub documents: Vec<String>,
    /// Timeline event ids.
    #[serde(default)]
    pub events: Vec<String>,
    pub note: Option<String>,
    pub sources: Vec<String>,
}
