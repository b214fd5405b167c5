use serde::{Deserialize, Serialize};

use crate::data::values::Amount;

/// One of the 36 cooperation initiatives (合作倡议).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Initiative {
    pub n: u32,
    pub(crate) group: InitiativeGroup,
    /// Exactly as printed.
    pub(crate) text: String,
    /// Our short title for lists, in the text's own words: the texts begin alike
    /// (中方将成立中国—上海合作组织…), and a list cut to its column would read alike too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) short: Option<String>,
    pub(crate) category: Category,
    #[serde(default)]
    pub(crate) commitments: Vec<Commitment>,
    pub(crate) sources: Vec<String>,
}

impl Initiative {
    /// What a list shows: the short title where there is one, else the text.
    pub fn title(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.text)
    }
}

/// Proposed at the Tianjin summit, or one of China's other initiatives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InitiativeGroup {
    Summit,
    Other,
}

/// Our own classification, for filtering and colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Platform,
    Finance,
    Livelihood,
    Education,
    Energy,
    Technology,
    Digital,
    Trade,
    Forum,
    Health,
    Connectivity,
    Institution,
    Media,
}

/// A quantitative commitment, e.g. 100亿元人民币 of loans over 3 years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    pub(crate) value: Amount,
    pub(crate) unit: String,
    pub(crate) what: String,
    pub(crate) period: Option<Period>,
    /// The quantity exactly as printed, e.g. "1万个".
    pub(crate) as_printed: String,
}

/// When a commitment applies: printed text plus whichever numbers it states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub(crate) text: String,
    /// A single calendar year ("2025年").
    pub(crate) year: Option<i32>,
    /// A length in years ("未来3年").
    pub(crate) years: Option<u32>,
    /// A first year ("从2026年开始").
    pub(crate) from_year: Option<i32>,
}
